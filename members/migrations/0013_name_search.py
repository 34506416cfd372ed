# The site search (issue 20) finds people and organisations by any word of their names,
# folded by library_search_fold(), which the library's migration 0009 defines.

import django.contrib.postgres.indexes
import racop.search
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("members", "0012_user_welcomed_at"),
        ("library", "0009_search_languages"),
        ("racop", "0007_durable_cache_table"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(
                racop.search.FoldedWords("name"), name="organisation_name_search_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="user",
            index=django.contrib.postgres.indexes.GinIndex(
                racop.search.FoldedWords("first_name", "last_name"),
                condition=models.Q(("is_active", True), ("member_since__isnull", False)),
                name="user_name_search_gin",
            ),
        ),
    ]
