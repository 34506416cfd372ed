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
# Everything is plain SQL with SQL-standard bodies (bound when created, so a restore with an
# empty search_path works) and IMMUTABLE, so the stored generated column can use it.
SEARCH_SQL = r"""
CREATE OR REPLACE FUNCTION library_search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN replace(library_fold(value), 'dj', 'd');

CREATE OR REPLACE FUNCTION library_lexeme(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '''' || replace(replace(value, '\', '\\'), '''', '''''') || '''';

-- Macedonian (folded): the article, then the ending of number and gender, then a final j
-- (организација, организации, организацијата, организациите: organizaci).
CREATE OR REPLACE FUNCTION library_stem_mk(word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT CASE WHEN c ~ '^.{3,}j$' THEN left(c, -1) ELSE c END
  FROM (SELECT CASE
      WHEN b ~ '^.{3,}(ovi|evi)$' THEN left(b, -3)
      WHEN b ~ '^.{3,}[aeiou]$' THEN left(b, -1)
      ELSE b END AS c
    FROM (SELECT CASE
        WHEN word ~ '^.{3,}[aeiou]t[aoe]$' THEN left(word, -2)
        WHEN word ~ '^.{3,}[^aeiou]ot$' THEN left(word, -2)
        ELSE word END AS b) AS article) AS ending;
END;

-- Albanian (folded), one step: the longest ending of case, number and definiteness
-- (library_vector() keeps one step and two: buxhet, buxheti, buxhetet, buxheteve: buxh).
CREATE OR REPLACE FUNCTION library_stem_sq_step(word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
  WHEN word ~ '^.{4,}(ave|eve|ive|ash|esh|ise|ine|ite|ies|ien)$' THEN left(word, -3)
  WHEN word ~ '^.{4,}(es|en|et|at|it|in|ia|ie|ve|se|ne)$' THEN left(word, -2)
  WHEN word ~ '^.{4,}[aei]$' THEN left(word, -1)
  ELSE word END;

-- The stemmer of a resource's language: Serbian's serves the four ijekavian and ekavian
-- standards; a language without one (none given reads as English) has no stems.
CREATE OR REPLACE FUNCTION library_stemmer(language text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
  WHEN language IN ('sr', 'hr', 'bs', 'cnr') THEN 'sr'
  WHEN language IN ('en', 'tr', 'mk', 'sq', 'de', 'fr', 'es') THEN language
  END;

-- One word's Snowball stem, or NULL for a stop word.
CREATE OR REPLACE FUNCTION library_snowball_word(stemmer text, word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (CASE stemmer
  WHEN 'en' THEN ts_lexize('english_stem', word)
  WHEN 'sr' THEN ts_lexize('serbian_stem', word)
  WHEN 'tr' THEN ts_lexize('turkish_stem', word)
  WHEN 'de' THEN ts_lexize('german_stem', word)
  WHEN 'fr' THEN ts_lexize('french_stem', word)
  WHEN 'es' THEN ts_lexize('spanish_stem', word)
  END)[1];

CREATE OR REPLACE FUNCTION library_snowball(stemmer text, value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE stemmer
  WHEN 'en' THEN to_tsvector('english', value)
  WHEN 'sr' THEN to_tsvector('serbian', value)
  WHEN 'tr' THEN to_tsvector('turkish', value)
  WHEN 'de' THEN to_tsvector('german', value)
  WHEN 'fr' THEN to_tsvector('french', value)
  WHEN 'es' THEN to_tsvector('spanish', value)
  END;

-- A text's words, folded, and their stems in the languages at the same positions. Snowball
-- stems the text as written (Turkish needs its ı) and folded (as people type it). A stemmer
-- does not always give one stem to every form of a word (Serbian: odgovornost -> odgovorn,
-- odgovornosti -> odgovornost; Albanian: partneritet -> partnerit -> partner), so the stem
-- of the stem is kept too: two forms meet when one's stem is the other's stem of the stem.
CREATE OR REPLACE FUNCTION library_vector(languages character varying[], value text)
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  WITH words AS (
    SELECT w.lexeme, w.positions
    FROM unnest(to_tsvector('simple', library_search_fold(coalesce(value, '')))) AS w
  ), stemmers AS (
    SELECT DISTINCT library_stemmer(l) AS stemmer
    FROM unnest(CASE WHEN cardinality(languages) > 0 THEN languages
      ELSE ARRAY['en']::character varying[] END) AS l
  ), snowball AS (
    SELECT s.stemmer, v.lexeme, v.positions
    FROM stemmers AS s, unnest(library_snowball(s.stemmer, lower(coalesce(value, '')))) AS v
    UNION
    SELECT s.stemmer, v.lexeme, v.positions
    FROM stemmers AS s,
      unnest(library_snowball(s.stemmer, library_search_fold(coalesce(value, '')))) AS v
  ), albanian AS (
    SELECT library_stem_sq_step(lexeme) AS once, positions
    FROM words WHERE EXISTS (SELECT FROM stemmers WHERE stemmer = 'sq')
  ), terms AS (
    SELECT lexeme AS term, positions FROM words
    UNION ALL
    SELECT library_stem_mk(lexeme) || '~mk', positions
    FROM words WHERE EXISTS (SELECT FROM stemmers WHERE stemmer = 'mk')
    UNION ALL
    SELECT once || '~sq', positions FROM albanian
    UNION ALL
    SELECT library_stem_sq_step(once) || '~sq', positions FROM albanian
    UNION ALL
    SELECT library_search_fold(lexeme) || '~' || stemmer, positions FROM snowball
    UNION ALL
    SELECT library_search_fold(library_snowball_word(stemmer, lexeme)) || '~' || stemmer,
      positions
    FROM snowball WHERE library_snowball_word(stemmer, lexeme) IS NOT NULL
  )
  SELECT coalesce(
    string_agg(library_lexeme(term) || ':' || array_to_string(positions, ','), ' '), ''
  )::tsvector FROM terms;
END;

-- A web-search query (quotes, or, -word, word*) as a tsquery: each word matches itself
-- folded or any of its stems in every language (the resource's language picks the stems
-- that exist), a word of three letters or more ending in * every word it begins.
CREATE OR REPLACE FUNCTION library_query(value text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  result tsquery := websearch_to_tsquery('simple', library_search_fold(value));
  prefixes text[] := ARRAY(
    SELECT library_search_fold(m[1])
    FROM regexp_matches(value, '([^[:space:]"()*]{3,})\*', 'g') AS m
  );
  word record;
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
      SELECT string_agg(library_lexeme(v.lexeme), ' | ') INTO alternatives
      FROM unnest(library_vector(
        ARRAY['en', 'sr', 'tr', 'mk', 'sq', 'de', 'fr', 'es'], word.written)) AS v
      WHERE 1 = ANY(v.positions);
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
DROP FUNCTION IF EXISTS library_query(text);
DROP FUNCTION IF EXISTS library_vector(character varying[], text);
DROP FUNCTION IF EXISTS library_snowball(text, text);
DROP FUNCTION IF EXISTS library_stemmer(text);
DROP FUNCTION IF EXISTS library_snowball_word(text, text);
DROP FUNCTION IF EXISTS library_stem_sq_step(text);
DROP FUNCTION IF EXISTS library_stem_mk(text);
DROP FUNCTION IF EXISTS library_lexeme(text);
DROP FUNCTION IF EXISTS library_search_fold(text);
"""


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
        migrations.AddField(
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
