"""The feedback app's tables and content types take its label: every row stays."""

from django.db import migrations

OLD_LABEL = "pledges"
NEW_LABEL = "feedback"
MODELS = ['feedbackanswer', 'feedbackquestion', 'feedbackresponse', 'feedbackround']


def move_content_types(apps, schema_editor, *, source, target):
    """Give the moved models' content types the target label, keeping their ids.

    Permissions (and the groups holding them), admin log entries, audit entries, tags and
    every generic relation point to a content type by id, so they follow it.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        moving = content_types.filter(app_label=source, model=model)
        if not moving.exists():
            continue
        # One made for the target label in between (a migrate that stopped half way runs
        # post_migrate) would stand in the way; the moving one holds the references.
        content_types.filter(app_label=target, model=model).delete()
        moving.update(app_label=target)
    ContentType.objects.clear_cache()


def content_types_forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source=OLD_LABEL, target=NEW_LABEL)


def content_types_backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, source=NEW_LABEL, target=OLD_LABEL)


class Migration(migrations.Migration):

    dependencies = [
        ("feedback", "0001_initial"),
        ("pledges", "0006_feedback_to_own_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        # Each table takes the new label's name (feedback_… instead of pledges_…), and its
        # many-to-many tables with it; PostgreSQL keeps the rows, keys and foreign keys.
        migrations.AlterModelTable(
            name='feedbackanswer',
            table=None,
        ),
        migrations.AlterModelTable(
            name='feedbackquestion',
            table=None,
        ),
        migrations.AlterModelTable(
            name='feedbackresponse',
            table=None,
        ),
        migrations.AlterModelTable(
            name='feedbackround',
            table=None,
        ),
        migrations.RunPython(content_types_forwards, content_types_backwards),
    ]
