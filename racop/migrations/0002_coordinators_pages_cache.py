from django.core.management import call_command
from django.db import migrations

PAGES = [
    ("about", "About the community"),
    ("concept-note", "Concept note"),
    ("code-of-conduct", "Code of conduct"),
    ("privacy", "Privacy notice"),
]


def create_coordinators_and_pages(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Coordinators")
    Page = apps.get_model("racop", "Page")
    for slug, title in PAGES:
        Page.objects.get_or_create(slug=slug, defaults={"title": title})


def create_cache_table(apps, schema_editor):
    # The database cache is the default when no REDIS_URL is set.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("racop", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_coordinators_and_pages, migrations.RunPython.noop),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
