import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.comparison
from django.db import migrations, models

import library.models

# Search that knows the region's languages (docs/search.md). Each word of a resource is
# indexed as written (folded: lower case, no accents, Cyrillic as Latin, "dj" as "d") and, at
# the same position, as its stems in the resource's languages, each stem tagged with its
# stemmer ("organizacij~sr"), so that a stem only meets words stemmed the same way.
# PostgreSQL's own Snowball stemmers serve English, Turkish and Serbian (which reads Latin and
# Cyrillic and serves Croatian, Bosnian and Montenegrin too); Macedonian and Albanian have
# none, so two light suffix strippers below, written here, need no file on the server.
# Everything is plain SQL or PL/pgSQL, IMMUTABLE so that the stored generated column can use
# it; the PL/pgSQL functions fix their search_path, so a restore (empty search_path) works.
SEARCH_SQL = r"""
-- library_fold() with "dj" as "đ" is typed; plain ASCII (one byte a letter) only needs
-- lower case, and translate() costs a little with every letter of the text.
CREATE OR REPLACE FUNCTION library_search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN replace(
  CASE WHEN octet_length(value) = length(value) THEN lower(value) ELSE library_fold(value) END,
  'dj', 'd');

CREATE OR REPLACE FUNCTION library_lexeme(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '''' || replace(replace(value, '\', '\\'), '''', '''''') || '''';

-- The functions below work on a tsvector's text ('word':1,4 'other':2), every lexeme at
-- once, so that no SQL runs for each word.

-- Tag every lexeme with its stemmer: 'organizacij~sr'.
CREATE OR REPLACE FUNCTION library_tag(lexemes text, tag text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(lexemes, '''(:|\s|$)', '~' || tag || '''\1', 'g');

-- Macedonian (folded): the article, then the ending of number and gender, then a final j
-- (организација, организации, организацијата, организациите: organizaci).
CREATE OR REPLACE FUNCTION library_stem_mk(lexemes text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(regexp_replace(regexp_replace(lexemes,
  '''([^'']{3,}[aeiou])t[aoe]''|''([^'']{3,}[^aeiou''])ot''', '''\1\2''', 'g'),
  '''([^'']{3,}?)(ovi|evi|[aeiou])''', '''\1''', 'g'),
  '''([^'']{3,})j''', '''\1''', 'g');

-- Albanian (folded), one step: the longest ending of case, number and definiteness, leaving
-- four letters (library_vector() keeps one step and two: buxhet, buxheti, buxhetet: buxh).
CREATE OR REPLACE FUNCTION library_stem_sq(lexemes text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(lexemes,
  '''([^'']{4,}?)(ave|eve|ive|ash|esh|ise|ine|ite|ies|ien|es|en|et|at|it|in|ia|ie|ve|se|ne|a|e|i)''',
  '''\1''', 'g');

-- The stemmer of a resource's language: Serbian's serves the four ijekavian and ekavian
-- standards.
CREATE OR REPLACE FUNCTION library_stemmer(language text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN language IN ('sr', 'hr', 'bs', 'cnr') THEN 'sr'
  WHEN language IN ('en', 'tr', 'mk', 'sq', 'de', 'fr', 'es') THEN language
  END;

CREATE OR REPLACE FUNCTION library_snowball(stemmer text, value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE stemmer
  WHEN 'en' THEN to_tsvector('english', value)
  WHEN 'sr' THEN to_tsvector('serbian', value)
  WHEN 'tr' THEN to_tsvector('turkish', value)
  WHEN 'de' THEN to_tsvector('german', value)
  WHEN 'fr' THEN to_tsvector('french', value)
  WHEN 'es' THEN to_tsvector('spanish', value)
  END;

-- A text's words, folded, and their stems in the languages (none given reads as English) at
-- the same positions. Snowball stems the text as written (Turkish needs its ı) and folded
-- (as people type it). A stemmer does not always give one stem to every form of a word
-- (Serbian: odgovornost -> odgovorn, odgovornosti -> odgovornost; Albanian: partneritet ->
-- partnerit -> partner), so the stems of the stems are kept too (Snowball's without
-- positions: they rank at the lowest weight): two forms meet when one's stem is the other's
-- stem's stem.
CREATE OR REPLACE FUNCTION library_vector(languages character varying[], value text)
RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  folded text := library_search_fold(coalesce(value, ''));
  written text := lower(coalesce(value, ''));
  words text := to_tsvector('simple', folded)::text;
  terms text := words;
  done text[] := '{}';
  language text;
  stemmer text;
  stems text;
BEGIN
  FOREACH language IN ARRAY coalesce(nullif(languages, '{}'), '{en}')::text[] LOOP
    stemmer := library_stemmer(language);
    CONTINUE WHEN stemmer IS NULL OR stemmer = ANY(done);
    done := done || stemmer;
    IF stemmer = 'mk' THEN
      terms := terms || ' ' || library_tag(library_stem_mk(words), 'mk');
    ELSIF stemmer = 'sq' THEN
      stems := library_stem_sq(words);
      terms := terms || ' ' || library_tag(stems, 'sq')
        || ' ' || library_tag(library_stem_sq(stems), 'sq');
    ELSE
      stems := library_snowball(stemmer, folded)::text;
      IF written <> folded THEN
        stems := stems || ' ' || library_search_fold(library_snowball(stemmer, written)::text);
      END IF;
      terms := terms || ' ' || library_tag(stems, stemmer) || ' ' || library_tag(strip(
        library_snowball(stemmer, array_to_string(tsvector_to_array(stems::tsvector), ' '))
      )::text, stemmer);
    END IF;
  END LOOP;
  RETURN terms::tsvector;
END;
$$;

-- A web-search query (quotes, or, -word, word*) as a tsquery: each word matches itself
-- folded or any of its stems in every language (the resource's language picks the stems
-- that exist), a word of three letters or more ending in * every word it begins. A query
-- with a phrase ("civil society", e-mail) leaves out the stems of stems, which have no
-- position to check the phrase's order with. For the index (stems_only), a word that every
-- stemmer stems is asked for by its stems alone: a resource holding the word holds its stem
-- in its languages, and the index reads fewer lists.
CREATE OR REPLACE FUNCTION library_query(value text, stems_only boolean DEFAULT false)
RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT AS $$
DECLARE
  result tsquery := websearch_to_tsquery('simple', library_search_fold(value));
  prefixes text[] := ARRAY(
    SELECT library_search_fold(m[1])
    FROM regexp_matches(value, '([^[:space:]"()*]{3,})\*', 'g') AS m
  );
  phrase boolean := result::text ~ '<(-|[0-9]+)>';
  word record;
  forms text[];
  alternatives text;
BEGIN
  FOR word IN
    SELECT DISTINCT ON (library_search_fold(w.lexeme)) w.lexeme AS written,
      library_search_fold(w.lexeme) AS folded
    FROM unnest(to_tsvector('simple', lower(value))) AS w
  LOOP
    IF word.folded = ANY(prefixes) THEN
      alternatives := library_lexeme(word.folded) || ':*';
    ELSE
      forms := ARRAY(
        SELECT v.lexeme FROM unnest(library_vector(
          ARRAY['en', 'sr', 'tr', 'mk', 'sq', 'de', 'fr', 'es'], word.written)) AS v
        WHERE 1 = ANY(v.positions) OR (v.positions IS NULL AND NOT phrase));
      SELECT string_agg(library_lexeme(f), ' | ') INTO alternatives
      FROM unnest(forms) AS f
      WHERE NOT stems_only OR f LIKE '%~%' OR (
        SELECT count(DISTINCT split_part(g, '~', 2)) FROM unnest(forms) AS g WHERE g LIKE '%~%'
      ) < 8;
    END IF;
    IF alternatives IS NOT NULL THEN
      result := ts_rewrite(result, library_lexeme(word.folded)::tsquery, alternatives::tsquery);
    END IF;
  END LOOP;
  RETURN result;
END;
$$;
"""

DROP_SQL = """
DROP FUNCTION IF EXISTS library_query(text, boolean);
DROP FUNCTION IF EXISTS library_vector(character varying[], text);
DROP FUNCTION IF EXISTS library_snowball(text, text);
DROP FUNCTION IF EXISTS library_stemmer(text);
DROP FUNCTION IF EXISTS library_stem_sq(text);
DROP FUNCTION IF EXISTS library_stem_mk(text);
DROP FUNCTION IF EXISTS library_tag(text, text);
DROP FUNCTION IF EXISTS library_lexeme(text);
DROP FUNCTION IF EXISTS library_search_fold(text);
"""

class AddSearchVector(migrations.AddField):
    """Add the search vector kept in its row (STORAGE MAIN), compressed with LZ4 where the
    server has it (Debian's PostgreSQL 15 does; otherwise the server's default).

    Ranking and checking a phrase read the whole vector of every candidate: 3.7 kB on
    average, 2.1 kB compressed. Stored out of line and compressed with pglz (the default),
    fetching and decompressing it was most of a search's time; in the row with LZ4 the
    statement that finds and ranks the candidates takes about a third of the time
    (docs/performance.md). Set in the same ALTER TABLE that computes the column, so every
    existing resource's vector is written that way once.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings"
                " WHERE name = 'default_toast_compression'"
            )
            row = cursor.fetchone()
        storage = ", ALTER COLUMN %(column)s SET STORAGE MAIN"
        if row and row[0]:
            storage += ", ALTER COLUMN %(column)s SET COMPRESSION lz4"
        schema_editor.sql_create_column = type(schema_editor).sql_create_column + storage
        try:
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        finally:
            del schema_editor.sql_create_column


def vector(field, weight):
    return models.Func(
        models.Func(
            models.F("languages"),
            django.db.models.functions.comparison.Coalesce(
                models.F(field), models.Value(""), output_field=models.TextField()
            ),
            function="library_vector",
            output_field=django.contrib.postgres.search.SearchVectorField(),
        ),
        models.Value(weight),
        function="setweight",
        output_field=django.contrib.postgres.search.SearchVectorField(),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0008_words"),
    ]

    # A generated column's expression cannot be altered: the column and its index are
    # dropped and added again, computed for every resource.
    operations = [
        migrations.RunSQL(SEARCH_SQL, DROP_SQL),
        migrations.RemoveIndex(model_name="resource", name="resource_search_gin"),
        migrations.RemoveField(model_name="resource", name="search_vector"),
        AddSearchVector(
            model_name="resource",
            name="search_vector",
            field=library.models.StoredGeneratedField(
                db_persist=True,
                expression=models.Func(
                    vector("title", "A"),
                    vector("summary", "B"),
                    vector("body", "C"),
                    vector("keywords", "C"),
                    arg_joiner=" || ",
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                    template="(%(expressions)s)",
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="resource",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="resource_search_gin"
            ),
        ),
    ]
