from django.db import migrations

# Related resources weigh the newest resources of each shared topic and tag: indexes that
# hold them in that order, so each costs a short index read however large it grows.
TOPICS = "library_resource_topics_topic_newest"
TAGS = "library_taggeditem_tag_newest"


class Migration(migrations.Migration):

    dependencies = [
        ("library", "0005_collection_translations"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {TOPICS}"
            " ON library_resource_topics (topic_id, resource_id DESC)",
            f"DROP INDEX IF EXISTS {TOPICS}",
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {TAGS}"
            " ON taggit_taggeditem (tag_id, content_type_id, object_id DESC)",
            f"DROP INDEX IF EXISTS {TAGS}",
        ),
    ]
