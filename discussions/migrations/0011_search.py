# Search for threads, replies and events (issue 20): a stored vector per row, indexed as the
# library indexes resources (library 0009: words folded, stems in the post's language), the
# author never in it. The vectors are kept in the row, LZ4 where the server has it, as the
# library's are (an event's, stemmed in five languages, is 3 kB); the GIN indexes of threads
# and replies hold only posts members see.
import importlib

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
import library.models
from django.conf import settings
from django.db import migrations, models


AddSearchVector = importlib.import_module(
    "library.migrations.0009_search_languages"
).AddSearchVector


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0010_reply_address_and_held_replies"),
        ("library", "0010_merge_links_search"),
        ("racop", "0007_durable_cache_table"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AddSearchVector(
            model_name="event",
            name="search_vector",
            field=library.models.StoredGeneratedField(
                db_persist=True,
                expression=models.Func(
                    models.Func(
                        models.Func(
                            models.Func(
                                output_field=models.TextField(),
                                template="'{en,sr,mk,sq,tr}'::varchar[]",
                            ),
                            django.db.models.functions.comparison.Coalesce(
                                models.F("title"), models.Value(""), output_field=models.TextField()
                            ),
                            function="library_vector",
                            output_field=django.contrib.postgres.search.SearchVectorField(),
                        ),
                        models.Value("A"),
                        function="setweight",
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                    models.Func(
                        models.Func(
                            models.Func(
                                output_field=models.TextField(),
                                template="'{en,sr,mk,sq,tr}'::varchar[]",
                            ),
                            django.db.models.functions.comparison.Coalesce(
                                models.F("description"),
                                models.Value(""),
                                output_field=models.TextField(),
                            ),
                            function="library_vector",
                            output_field=django.contrib.postgres.search.SearchVectorField(),
                        ),
                        models.Value("B"),
                        function="setweight",
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                    models.Func(
                        models.Func(
                            models.Func(
                                output_field=models.TextField(),
                                template="'{en,sr,mk,sq,tr}'::varchar[]",
                            ),
                            django.db.models.functions.comparison.Coalesce(
                                models.F("city"), models.Value(""), output_field=models.TextField()
                            ),
                            function="library_vector",
                            output_field=django.contrib.postgres.search.SearchVectorField(),
                        ),
                        models.Value("C"),
                        function="setweight",
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                    arg_joiner=" || ",
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                    template="(%(expressions)s)",
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        AddSearchVector(
            model_name="reply",
            name="search_vector",
            field=library.models.StoredGeneratedField(
                db_persist=True,
                expression=models.Func(
                    models.Func(
                        models.Func(
                            models.F("language"),
                            output_field=models.TextField(),
                            template="ARRAY[CASE %(expressions)s WHEN 'sr-latn' THEN 'sr' ELSE %(expressions)s END]::varchar[]",
                        ),
                        django.db.models.functions.comparison.Coalesce(
                            models.F("body"), models.Value(""), output_field=models.TextField()
                        ),
                        function="library_vector",
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                    models.Value("B"),
                    function="setweight",
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        AddSearchVector(
            model_name="thread",
            name="search_vector",
            field=library.models.StoredGeneratedField(
                db_persist=True,
                expression=models.Func(
                    models.Func(
                        models.Func(
                            models.Func(
                                models.F("language"),
                                output_field=models.TextField(),
                                template="ARRAY[CASE %(expressions)s WHEN 'sr-latn' THEN 'sr' ELSE %(expressions)s END]::varchar[]",
                            ),
                            django.db.models.functions.comparison.Coalesce(
                                models.F("title"), models.Value(""), output_field=models.TextField()
                            ),
                            function="library_vector",
                            output_field=django.contrib.postgres.search.SearchVectorField(),
                        ),
                        models.Value("A"),
                        function="setweight",
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                    models.Func(
                        models.Func(
                            models.Func(
                                models.F("language"),
                                output_field=models.TextField(),
                                template="ARRAY[CASE %(expressions)s WHEN 'sr-latn' THEN 'sr' ELSE %(expressions)s END]::varchar[]",
                            ),
                            django.db.models.functions.comparison.Coalesce(
                                models.F("body"), models.Value(""), output_field=models.TextField()
                            ),
                            function="library_vector",
                            output_field=django.contrib.postgres.search.SearchVectorField(),
                        ),
                        models.Value("B"),
                        function="setweight",
                        output_field=django.contrib.postgres.search.SearchVectorField(),
                    ),
                    arg_joiner=" || ",
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                    template="(%(expressions)s)",
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="event_search_gin"
            ),
        ),
        migrations.AddIndex(
            model_name="reply",
            index=django.contrib.postgres.indexes.GinIndex(
                condition=models.Q(("deleted_at__isnull", True), ("hidden_at__isnull", True)),
                fields=["search_vector"],
                name="reply_search_gin",
            ),
        ),
        migrations.AddIndex(
            model_name="thread",
            index=django.contrib.postgres.indexes.GinIndex(
                condition=models.Q(("deleted_at__isnull", True), ("hidden_at__isnull", True)),
                fields=["search_vector"],
                name="thread_search_gin",
            ),
        ),
        # The planner's estimate for a word its statistics do not list is the least frequent
        # word they list, halved, and at most 0.5 %: with the default target a rare word (or a
        # word in another language, which no post here holds) was estimated in 4 % of the
        # replies, and PostgreSQL read the table in order instead of asking the index (1-2 s at
        # 500,000 replies). A fuller list of the words posts hold keeps rare words rare.
        migrations.RunSQL(
            [
                "ALTER TABLE discussions_thread ALTER COLUMN search_vector SET STATISTICS 10000",
                "ALTER TABLE discussions_reply ALTER COLUMN search_vector SET STATISTICS 10000",
                "ALTER TABLE discussions_event ALTER COLUMN search_vector SET STATISTICS 10000",
            ],
            migrations.RunSQL.noop,
        ),
    ]
