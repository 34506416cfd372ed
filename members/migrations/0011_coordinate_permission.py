"""The permission that makes a coordinator (racop.access.is_coordinator), given to their group.

Before it, every staff account counted as a coordinator; now staff status alone only opens the
back office with the model permissions a person holds.
"""

from django.db import migrations


def grant_to_coordinators(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="user")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="coordinate",
        defaults={"name": "Can act as a coordinator"},
    )
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0010_notifications_to_own_app"),
        ("racop", "0002_coordinators_cache"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="user",
            options={
                "permissions": [("coordinate", "Can act as a coordinator")],
                "verbose_name": "person",
                "verbose_name_plural": "people",
            },
        ),
        migrations.RunPython(grant_to_coordinators, migrations.RunPython.noop),
    ]
