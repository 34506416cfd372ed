# Events say when they last changed (the API's "changed", iCalendar's LAST-MODIFIED); an
# event added before this was last changed, as far as anyone knows, when it was added.

from django.db import migrations, models
from django.utils import timezone


class Migration(migrations.Migration):
    dependencies = [("discussions", "0012_merge")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=timezone.now, verbose_name="updated"),
            preserve_default=False,
        ),
        migrations.RunSQL(
            "UPDATE discussions_event SET updated_at = created_at",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
