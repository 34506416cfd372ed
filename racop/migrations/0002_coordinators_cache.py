from django.core.management import call_command
from django.db import migrations


def create_coordinators_group(apps, schema_editor):
    # Its permissions are granted after every migrate (racop.services.site_defaults_ensure).
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Coordinators")


def create_cache_table(apps, schema_editor):
    # The database cache is the default when no REDIS_URL is set.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("racop", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_coordinators_group, migrations.RunPython.noop),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
