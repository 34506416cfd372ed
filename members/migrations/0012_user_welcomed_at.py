from django.db import migrations, models
from django.db.models import F


def existing_members_welcomed(apps, schema_editor):
    """Members approved before the welcome existed have long found their way: no banner."""
    User = apps.get_model("members", "User")
    User.objects.filter(member_since__isnull=False).update(welcomed_at=F("member_since"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0011_coordinate_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="welcomed_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="welcomed"
            ),
        ),
        migrations.RunPython(existing_members_welcomed, migrations.RunPython.noop),
    ]
