from django.db import migrations


class Migration(migrations.Migration):
    """Joins two migrations written side by side (resources without a link, search stems)."""

    dependencies = [
        ("library", "0009_resource_without_link_link_checks"),
        ("library", "0009_search_languages"),
    ]

    operations = []
