from django.db import migrations


class Migration(migrations.Migration):
    """Joins two migrations written side by side (moderation audit actions, rate limits)."""

    dependencies = [
        ("racop", "0005_audit_moderation_actions"),
        ("racop", "0005_rate_limit_counter"),
    ]

    operations = []
