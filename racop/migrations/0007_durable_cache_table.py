from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # With REDIS_URL set, django-allauth's rate limits now live in the database cache
    # ("durable"); a site that migrated with Redis before had no cache table. Idempotent.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("racop", "0006_merge_audit_rate_limits")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
