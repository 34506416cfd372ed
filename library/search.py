"""The library's search page: what the address asks for, the facets and their counts."""

import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchRank, SearchVectorExact
from django.core.paginator import Paginator
from django.core.validators import validate_unicode_slug
from django.db import connection
from django.db.models import F, OuterRef, Q, Value
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from modeltranslation.utils import build_localized_fieldname
from taggit.models import Tag

from library.models import (
    COMMITMENTS,
    LANGUAGES,
    Resource,
    Word,
    country_choices,
    fold,
    folded_query,
    has_words,
    query_terms,
    rank_query,
    search_fold,
)
from racop import cache as shared_cache
from racop.access import sees_members_content
from racop.i18n import languages_read
from racop.models import Topic

WORD = re.compile(r"\w+", re.UNICODE)
# What the search index cannot answer alone: a phrase in quotes, words joined by punctuation
# (e-mail, don't), which PostgreSQL also reads as a phrase, and a word left out (-donors).
NEEDS_POSITIONS = re.compile(r'"|\w[^\w\s]+\w|(?:^|\s)-')


class SlugListField(forms.Field):
    """Slugs of topics or tags; taggit keeps a tag's letters (отчетност, şeffaflık)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [item for item in (value or []) if item]

    def validate(self, value):
        for item in value:
            validate_unicode_slug(item)


class YearListField(forms.Field):
    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Years are written like 2024.")}

    def to_python(self, value):
        try:
            years = [int(item) for item in (value or []) if item]
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if any(not 1900 <= year <= 2100 for year in years):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return years


def resource_languages_read(user):
    """Return the library's codes of the languages the member reads only, or []."""
    read = languages_read(user)
    # The library writes Serbian as one language, in either script.
    codes = {"sr" if code == "sr-latn" else code for code in read}
    return sorted(codes & {code for code, _label in LANGUAGES})


class LibrarySearchForm(forms.Form):
    SORTS = [("", _("Best match")), ("newest", _("Newest")), ("title", _("Title"))]

    q = forms.CharField(label=_("Search the library"), required=False, max_length=200)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)
    type = forms.MultipleChoiceField(choices=Resource.Type.choices, required=False)
    topic = SlugListField(required=False)
    tag = SlugListField(required=False)
    commitment = forms.TypedMultipleChoiceField(choices=COMMITMENTS, coerce=int, required=False)
    language = forms.MultipleChoiceField(choices=LANGUAGES, required=False)
    scope = forms.MultipleChoiceField(choices=Resource.Scope.choices, required=False)
    country = forms.MultipleChoiceField(choices=country_choices, required=False)
    year = YearListField(required=False)
    # Set once a member who reads only some languages clears that default filter.
    all_languages = forms.BooleanField(required=False)


FACETS = ["type", "topic", "tag", "commitment", "language", "scope", "country", "year"]
FACET_LABELS = {
    "type": _("Type"),
    "topic": _("Topic"),
    "tag": _("Tag"),
    "commitment": _("Commitment"),
    "language": _("Language"),
    "scope": _("Scope"),
    "country": _("Country"),
    "year": _("Year"),
}


def facet_filter(name, values):
    """Return the condition for one facet: any of its chosen values."""
    if name == "topic":
        return Q(
            pk__in=Resource.topics.through.objects.filter(topic__slug__in=values).values(
                "resource_id"
            )
        )
    if name == "tag":
        return Q(pk__in=Resource.tags.through.objects.filter(
            content_type__app_label="library",
            content_type__model="resource",
            tag__slug__in=values,
        ).values("object_id"))  # fmt: skip
    lookups = {
        "type": "type__in",
        "scope": "scope__in",
        "year": "year__in",
        "language": "languages__overlap",
        "country": "countries__overlap",
        "commitment": "commitments__overlap",
    }
    return Q(**{lookups[name]: values})


# How each facet's chosen values narrow the candidates, in the SQL of _facet_sql; the
# columns are this module's own names, the values always go as parameters.
COLUMN_CONDITIONS = {
    "type": "c.type = ANY(%s)",
    "scope": "c.scope = ANY(%s)",
    "year": "c.year = ANY(%s)",
    "language": "c.languages && %s::varchar[]",
    "country": "c.countries && %s::varchar[]",
    "commitment": "c.commitments && %s::smallint[]",
    "topic": "EXISTS (SELECT 1 FROM library_resource_topics rt JOIN racop_topic t"
    " ON t.id = rt.topic_id WHERE rt.resource_id = c.id AND t.slug = ANY(%s))",
    "tag": "EXISTS (SELECT 1 FROM taggit_taggeditem ti JOIN taggit_tag g ON g.id = ti.tag_id"
    " WHERE ti.object_id = c.id AND ti.content_type_id = %s AND g.slug = ANY(%s))",
}
TOP_TAGS = 20

# The whole library's counts for visibilities (one parameter, three times), in the rows of
# _facet_sql(): kept by the database's triggers (library/migrations, library_facetcount).
LIBRARY_COUNTS_SQL = f"""
(SELECT f.facet, f.value, NULL, 0, sum(f.count) FROM library_facetcount f
  WHERE f.visibility = ANY(%s) AND f.facet NOT IN ('topic', 'tag')
  GROUP BY 1, 2 HAVING sum(f.count) > 0)
UNION ALL
(SELECT 'topic', t.slug, {{topic_name}}, t.ordering, sum(f.count) FROM library_facetcount f
  JOIN racop_topic t ON t.id::text = f.value
  WHERE f.visibility = ANY(%s) AND f.facet = 'topic'
  GROUP BY 2, 3, 4 HAVING sum(f.count) > 0)
UNION ALL
(SELECT 'tag', g.slug, g.name, 0, sum(f.count) FROM library_facetcount f
  JOIN taggit_tag g ON g.id::text = f.value
  WHERE f.visibility = ANY(%s) AND f.facet = 'tag'
  GROUP BY 2, 3 HAVING sum(f.count) > 0 ORDER BY 5 DESC, 3 LIMIT {TOP_TAGS})
"""  # nosec B608 - a constant


def topic_name_sql():
    """Return the SQL of topic t's name in the active language, the English where missing.

    The column is modeltranslation's (name_mk…), named after one of the site's languages.
    """
    language = translation.get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    own = build_localized_fieldname("name", language)
    english = build_localized_fieldname("name", settings.LANGUAGE_CODE)
    return f"COALESCE(NULLIF(t.{own}, ''), NULLIF(t.{english}, ''), t.name)"


def _facet_sql(candidates, chosen, content_type_id):
    """Return one statement that counts every facet under the other facets' filters.

    Rows: (facet, value, label, sort key, count).
    """
    candidates_sql, candidates_params = candidates
    conditions = {}
    for name, values in chosen.items():
        if values:
            values = [str(v) for v in values] if name not in {"year", "commitment"} else values
            params = [content_type_id, values] if name == "tag" else [values]
            conditions[name] = (COLUMN_CONDITIONS[name], params)

    def where(without):
        chosen_here = [(sql, p) for name, (sql, p) in conditions.items() if name != without]
        sql = " AND ".join(sql for sql, _ in chosen_here) or "TRUE"
        return sql, [param for _, p in chosen_here for param in p]

    parts, params = [], []
    for name, column in [("type", "type"), ("scope", "scope"), ("year", "year")]:
        sql, p = where(name)
        parts.append(
            f"SELECT '{name}', c.{column}::text, NULL, 0, count(*) FROM c"  # nosec B608 - own column names; values are parameters
            f" WHERE c.{column} IS NOT NULL AND {sql} GROUP BY 2"
        )
        params += p
    for name, column in [
        ("language", "languages"),
        ("country", "countries"),
        ("commitment", "commitments"),
    ]:
        sql, p = where(name)
        parts.append(
            f"SELECT '{name}', x::text, NULL, 0, count(*) FROM c, unnest(c.{column}) x"  # nosec B608 - own column names; values are parameters
            f" WHERE {sql} GROUP BY 2"
        )
        params += p
    sql, p = where("topic")
    parts.append(
        f"SELECT 'topic', t.slug, {topic_name_sql()}, t.ordering, count(*) FROM c"  # nosec B608 - own column names; values are parameters
        " JOIN library_resource_topics rt ON rt.resource_id = c.id"
        f" JOIN racop_topic t ON t.id = rt.topic_id WHERE {sql} GROUP BY 2, 3, 4"
    )
    params += p
    sql, p = where("tag")
    parts.append(
        "SELECT * FROM (SELECT 'tag', g.slug, g.name, 0, count(*) FROM c"  # nosec B608 - own column names; values are parameters
        " JOIN taggit_taggeditem ti ON ti.object_id = c.id AND ti.content_type_id = %s"
        f" JOIN taggit_tag g ON g.id = ti.tag_id WHERE {sql}"
        f" GROUP BY 2, 3 ORDER BY 5 DESC, 3 LIMIT {TOP_TAGS}) AS tags"
    )
    params += [content_type_id, *p]
    # Column names and SQL fragments are this module's own; every value goes as a parameter.
    statement = f"WITH c AS MATERIALIZED ({candidates_sql}) " + " UNION ALL ".join(  # nosec B608
        f"({part})" for part in parts
    )
    return statement, [*candidates_params, *params]


# What each capped match brings for the facets (with its topics' and tags' ids).
CANDIDATE_COLUMNS = (
    "type",
    "scope",
    "year",
    "languages",
    "countries",
    "commitments",
    "topic_ids",
    "tag_ids",
)
# Each facet's values in a candidate: one value or a list.
CANDIDATE_VALUES = {
    "type": "type",
    "scope": "scope",
    "year": "year",
    "language": "languages",
    "country": "countries",
    "commitment": "commitments",
    "topic": "topic_ids",
    "tag": "tag_ids",
}


def count_candidates(candidates, chosen):
    """Return the rows of _facet_sql() for a few hundred candidates, counted in Python.

    Each facet is counted under the other facets' filters; ("match", id) rows name the
    candidates that pass every filter. The slugs and names of the topics and tags the
    candidates carry come in one statement.
    """
    named = _topics_and_tags(
        {pk for c in candidates for pk in c["topic_ids"]},
        {pk for c in candidates for pk in c["tag_ids"]},
    )
    chosen = {name: {str(v) for v in values} for name, values in chosen.items() if values}
    counts = {name: {} for name in FACETS}
    matching = []
    for candidate in candidates:
        values = {}
        for name, column in CANDIDATE_VALUES.items():
            value = candidate[column]
            if name in named:  # topics and tags by their slugs (one removed since: none)
                value = [named[name][pk][0] for pk in value if pk in named[name]]
            if isinstance(value, list):
                values[name] = [str(item) for item in value]
            else:
                values[name] = [] if value is None else [str(value)]
        failed = [
            name
            for name, wanted in chosen.items()
            if not any(value in wanted for value in values[name])
        ]
        if not failed:
            matching.append(candidate["id"])
        # Counted in a facet when every other facet's filter passes.
        for name in FACETS:
            if failed and failed != [name]:
                continue
            for value in values[name]:
                counts[name][value] = counts[name].get(value, 0) + 1
    labels = {
        name: {slug: (label, ordering) for slug, label, ordering in named[name].values()}
        for name in named
    }
    # The most used tags, ties by name (as the SQL counts them).
    ranked = sorted(counts["tag"].items(), key=lambda kv: (-kv[1], labels["tag"][kv[0]][0]))
    counts["tag"] = dict(ranked[:TOP_TAGS])
    rows = []
    for name, by_value in counts.items():
        for value, count in by_value.items():
            label, ordering = labels[name][value] if name in labels else (None, 0)
            rows.append((name, value, label, ordering, count))
    if chosen and candidates:
        rows += [("match", str(pk), None, 0, 0) for pk in matching]
    return rows


def _topics_and_tags(topic_ids, tag_ids):
    """Return {"topic": {id: (slug, name in the reader's language, ordering)}, "tag": {id:
    (slug, name, 0)}} for these ids, read in one statement (none when there are none)."""
    found = {"topic": {}, "tag": {}}
    if not topic_ids and not tag_ids:
        return found
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 'topic', t.id, t.slug, {topic_name_sql()}, t.ordering FROM racop_topic t"  # nosec B608 - own column names; values are parameters
            " WHERE t.id = ANY(%s) UNION ALL"
            " SELECT 'tag', g.id, g.slug, g.name, 0 FROM taggit_tag g WHERE g.id = ANY(%s)",
            [sorted(topic_ids), sorted(tag_ids)],
        )
        for kind, pk, slug, name, ordering in cursor.fetchall():
            found[kind][pk] = (slug, name, ordering)
    return found


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


def best_match(match):
    """Sort key of a (id, rank, published) match: best rank, then newest, then oldest id."""
    pk, rank, published = match
    return (-rank, -published.timestamp() if published else float("inf"), pk)


class LibrarySearch:
    """Parse the address, filter the library, count each facet under the other filters."""

    def __init__(self, params, user):
        self.params = params
        self.form = LibrarySearchForm(params)
        self.form.is_valid()
        self.data = self.form.cleaned_data
        self.query = self.data.get("q", "").strip()
        self.chosen = {name: self.data.get(name) or [] for name in FACETS}
        # A member who asked to see only the languages they read gets them as the default
        # language filter, which they can clear like any other.
        self.reads_only = resource_languages_read(user)
        self.all_languages = bool(self.data.get("all_languages"))
        self.default_languages = bool(
            self.reads_only and not self.all_languages and not self.chosen["language"]
        )
        if self.default_languages:
            self.chosen["language"] = self.reads_only
        self.sees_members_content = sees_members_content(user)
        base = Resource.objects.published().visible_to(user)
        # With words, what the index answers alone: every word present, in any order. The
        # exact query (phrases in quotes keep their word order) is checked on the capped
        # candidates only, so a phrase of common words never re-reads the whole library.
        self.base = base.filter(has_words(self.query)) if self.query else base
        self.cap = settings.LIBRARY_SEARCH_CAP
        self.capped = False
        self._matched = None
        self._counted = None
        self.conditions = {
            name: facet_filter(name, values) for name, values in self.chosen.items() if values
        }

    def _matches(self):
        """Return the capped matches as (id, rank, published) tuples, from one scan.

        With words, only the first LIBRARY_SEARCH_CAP resources holding all of them are
        read, ranked and counted: ranking every resource that holds a common word would
        cost a scan of the library. A phrase ("civil society") or a joined word (e-mail)
        is checked on those candidates only. The page says when the cap applied.
        """
        if self._matched is None:
            exact = folded_query(self.query)
            check = (
                SearchVectorExact(F("search_vector"), exact)
                if NEEDS_POSITIONS.search(self.query)
                else Value(True)
            )
            rows = list(
                self.base.order_by()
                .annotate(
                    rank=SearchRank(F("search_vector"), rank_query(self.query)),
                    exact=check,
                    # Ids only: each an index-only lookup (a join per row costs more).
                    topic_ids=ArraySubquery(
                        Resource.topics.through.objects.filter(resource_id=OuterRef("pk")).values(
                            "topic_id"
                        )
                    ),
                    tag_ids=ArraySubquery(
                        Resource.tags.through.objects.filter(
                            object_id=OuterRef("pk"),
                            # Read once in the statement (an InitPlan), not in a query
                            # of its own the first time a process searches.
                            content_type_id=ContentType.objects.filter(
                                app_label="library", model="resource"
                            ).values("pk")[:1],
                        ).values("tag_id")
                    ),
                )
                .values_list("pk", "rank", "published_at", "exact", *CANDIDATE_COLUMNS)[
                    : self.cap + 1
                ]
            )
            self.capped = len(rows) > self.cap
            kept = [row for row in rows[: self.cap] if row[3]]
            self._matched = [row[:3] for row in kept]
            # What the facets count, read in the same scan: counted here, not in SQL.
            self._candidates = [
                dict(zip(("id", *CANDIDATE_COLUMNS), (row[0], *row[4:]), strict=True))
                for row in kept
            ]
        return self._matched

    def _ranked_ids(self):
        """Return the ids of the capped matches under the filters, in the chosen order."""
        matches = self._matches()
        if self.conditions:
            # Which matches pass the filters comes with the facet counts, in one statement.
            kept = self._counts()[2]
            matches = [row for row in matches if row[0] in kept]
        sort = self.data.get("sort")
        if sort == "title":
            ids = [pk for pk, _r, _p in matches]
            return list(
                Resource.objects.filter(pk__in=ids)
                .order_by("title", "pk")
                .values_list("pk", flat=True)
            )
        if sort == "newest":  # the library's own order: newest first, undated last
            dated = sorted((r for r in matches if r[2]), key=lambda r: (r[2], r[0]), reverse=True)
            undated = sorted((r for r in matches if not r[2]), key=lambda r: r[0], reverse=True)
            return [pk for pk, _r, _p in dated + undated]
        # Best match: the highest rank, then the newest, then the first added.
        return [pk for pk, _r, _p in sorted(matches, key=best_match)]

    def results(self):
        """Return the matching resources in the chosen order, ready for cards (no words)."""
        queryset = self.base.filter(*self.conditions.values()).for_cards()
        if self.data.get("sort") == "title":
            return queryset.order_by("title", "pk")
        return queryset

    def page(self, number, per_page):
        """Return one page of results. With words, the ranked ids come from the capped
        matches and only the page's resources are loaded, so nothing is counted twice."""
        if not self.query:
            paginator = Paginator(self.results(), per_page)
            paginator.count = self._total()  # no COUNT(*) over the library
            return paginator.get_page(number)
        page = Paginator(self._ranked_ids(), per_page).get_page(number)
        loaded = Resource.objects.filter(pk__in=page.object_list).for_cards().in_bulk()
        page.object_list = [loaded[pk] for pk in page.object_list]
        return page

    @property
    def is_filtered(self):
        return bool(self.query or self.conditions)

    @property
    def only_news(self):
        return self.chosen["type"] == [Resource.Type.NEWS] and len(self.conditions) == 1

    def url_with(self, **changes):
        """Return ?query for the current state with some parameters replaced, page dropped."""
        state = {name: [str(v) for v in values] for name, values in self.chosen.items()}
        state["q"] = [self.query] if self.query else []
        state["sort"] = [self.data["sort"]] if self.data.get("sort") else []
        state.update(changes)
        if self.reads_only and not state["language"]:
            state["all_languages"] = ["1"]
        pairs = [(name, value) for name, values in state.items() for value in values]
        return "?" + urlencode(pairs)

    def toggle_url(self, name, value):
        current = [str(v) for v in self.chosen[name]]
        value = str(value)
        values = [v for v in current if v != value] if value in current else [*current, value]
        return self.url_with(**{name: values})

    @property
    def url_with_all_languages(self):
        return self.url_with(language=[])

    def clear_url(self):
        """Return the address without filters (keeping the words and every language)."""
        return self.url_with(**{name: [] for name in FACETS})

    def query_string(self):
        """Return the state without the page, for pagination links."""
        return self.url_with()[1:]

    def active_filters(self):
        """Return each chosen value with its label and the address without it."""
        labels = self._labels()
        return [
            {
                "facet": FACET_LABELS[name],
                "label": labels[name].get(str(value), str(value)),
                "url": self.toggle_url(name, value),
            }
            for name, values in self.chosen.items()
            for value in values
        ]

    def _labels(self):
        """Return labels of the chosen values; topic and tag names come from the facet
        counts when they were counted, from the database only otherwise."""
        counted = getattr(self, "_names", {"topic": {}, "tag": {}})
        missing = {
            name: [slug for slug in self.chosen[name] if slug not in counted[name]]
            for name in ("topic", "tag")
        }
        topic_names = dict(counted["topic"])
        if missing["topic"]:
            found = Topic.objects.filter(slug__in=missing["topic"]).values_list("slug", "name")
            topic_names.update(found)
        tag_names = dict(counted["tag"])
        if missing["tag"]:
            found = Tag.objects.filter(slug__in=missing["tag"]).values_list("slug", "name")
            tag_names.update(found)
        return {
            **self._static_labels(),
            "country": {code: countries.name(code) for code in self.chosen["country"]},
            "topic": topic_names,
            "tag": tag_names,
        }

    def _counts(self):
        """Return each facet's counts under the other facets' filters, the names of the
        topics and tags counted and, with words and filters, the ids of the matches that
        pass every filter: all in one query, run once per search.

        Without words and filters they are the whole library's counts, which the database
        keeps in step with every change (library_facetcount): read, not counted.
        """
        if self._counted is None:
            if self.query or self.conditions:
                self._counted = self._count()
            else:
                self._counted = self._library_counts()
        return self._counted

    def _library_counts(self):
        """Return the whole library's facet counts for the reader's audience, read from the
        counts the database keeps (library_facetcount), exact at every commit."""
        visibilities = [Resource.Visibility.PUBLIC]
        if self.sees_members_content:
            visibilities.append(Resource.Visibility.MEMBERS)
        with connection.cursor() as cursor:
            # The topics' names in the reader's language; the statement is this module's own.
            statement = LIBRARY_COUNTS_SQL.replace("{topic_name}", topic_name_sql())
            cursor.execute(statement, [visibilities] * 3)
            return self._counted_rows(cursor.fetchall())

    def _total(self):
        """Return how many resources pass the filters, from the type facet's counts: every
        resource has a type, and that facet is counted under all the other filters."""
        by_type = self._counts()[0]["type"]
        chosen = self.chosen["type"]
        return sum(count for value, count in by_type.items() if not chosen or value in chosen)

    def _count(self):
        if self.query:
            # At most LIBRARY_SEARCH_CAP matches, each read with its facets' values in the
            # scan that found it: counted here, with only the labels left to read.
            self._matches()
            return self._counted_rows(count_candidates(self._candidates, self.chosen))
        columns = ["id", "type", "scope", "year", "languages", "countries", "commitments"]
        candidates = self.base.order_by().values(*columns).query.sql_with_params()
        content_type_id = ContentType.objects.get_for_model(Resource).pk
        statement, params = _facet_sql(candidates, self.chosen, content_type_id)
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return self._counted_rows(cursor.fetchall())

    @staticmethod
    def _counted_rows(rows):
        """Return (counts, names, matching ids) from rows of (facet, value, label, sort key,
        count), the rows of _facet_sql() and LIBRARY_COUNTS_SQL."""
        counts = {name: {} for name in FACETS}
        names = {"topic": {}, "tag": {}}
        kept = {int(row[1]) for row in rows if row[0] == "match"}
        rows = [row for row in rows if row[0] != "match"]
        rows.sort(
            key=lambda row: (row[3], -row[4] if row[0] == "tag" else 0, row[2] or row[1] or "")
        )
        for name, value, label, _sort, count in rows:
            counts[name][value] = count
            if label is not None:
                names[name][value] = label
        counts["commitment"] = dict(sorted(counts["commitment"].items(), key=lambda kv: int(kv[0])))
        return counts, names, kept

    def facets(self):
        """Return every facet with its values, counts and links (counted by _counts())."""
        counts, names, _kept = self._counts()
        counts = dict(counts)
        self._names = names
        labels = {
            **self._static_labels(),
            **names,
            "country": {code: countries.name(code) for code in counts["country"]},
        }
        counts["year"] = dict(sorted(counts["year"].items(), reverse=True))
        counts["type"] = {k: counts["type"][k] for k in labels["type"] if k in counts["type"]}
        result = []
        for name in FACETS:
            chosen = [str(v) for v in self.chosen[name]]
            facet = Facet(name=name, label=FACET_LABELS[name])
            ordered = counts[name]
            if name in {"country", "language"}:
                ordered = dict(sorted(ordered.items(), key=lambda kv: (-kv[1], kv[0])))
            for value, count in ordered.items():
                facet.values.append(
                    FacetValue(
                        value=value,
                        label=labels[name].get(value, value),
                        count=count,
                        selected=value in chosen,
                        url=self.toggle_url(name, value),
                    )
                )
            if facet.values:
                result.append(facet)
        return result

    @staticmethod
    def _static_labels():
        return {
            "type": dict(Resource.Type.choices),
            "scope": dict(Resource.Scope.choices),
            "language": dict(LANGUAGES),
            "commitment": {str(number): label for number, label in COMMITMENTS},
            "year": {},
        }

    def suggestion(self):
        """Return a spelling the library knows for a query that found nothing, or ''."""
        words = WORD.findall(self.query)
        if not words:
            return ""
        vocabulary = vocabulary_words()
        corrected, changed = [], False
        for word in words:
            folded = fold(word)
            if folded in vocabulary or len(folded) < 3:
                corrected.append(word)
                continue
            close = difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.75)
            corrected.append(close[0] if close else word)
            changed = changed or bool(close)
        return " ".join(corrected) if changed else ""


def vocabulary_words() -> list[str]:
    """Return the folded words of published titles and of tags (shared until the library
    changes)."""
    return shared_cache.shared("library:vocabulary", _vocabulary_words, areas=("library",))


def _vocabulary_words():
    """The words themselves are kept by the database (library_word): read, not split."""
    return list(Word.objects.filter(count__gt=0).order_by("word").values_list("word", flat=True))


# A lexeme of a tsquery's text: 'word', 'stem~sr' or 'prefix':*.
LEXEME = re.compile(r"'((?:[^']|'')+)'(:\*)?")
# Which stemmer's stems a resource's language has (library_stemmer(), migration 0009).
STEMMERS = {"sr": "sr", "hr": "sr", "bs": "sr", "cnr": "sr"}
# How much longer than its stem a highlighted form may be: an ending, not another word.
ENDING = 5


def matcher(query: str, languages=()):
    """Return a test of a folded word: does it match the query in these languages?

    The query's words, prefixes and stems come from the tsquery the search used
    (query_terms); a word matches when it is one of them, begins with a prefix, or is its
    stem in one of the languages followed by an ending.
    """
    exact, prefixes, stems = set(), [], []
    tags = {STEMMERS.get(code, code) for code in (languages or ["en"])}
    for lexeme, prefix in LEXEME.findall(query_terms(query) if query.strip() else ""):
        lexeme = lexeme.replace("''", "'")
        stem, _tilde, tag = lexeme.partition("~")
        if prefix:
            prefixes.append(lexeme)
        elif not tag:
            exact.add(lexeme)
        elif tag in tags:
            stems.append(stem)

    def matches(word):
        return (
            word in exact
            or any(word.startswith(p) for p in prefixes)
            or any(word.startswith(s) and len(word) - len(s) <= ENDING for s in stems)
        )

    return matches


def highlight(text: str, query: str, *, words: int = 40, languages=()) -> str:
    """Return an escaped excerpt of text around the first word the query matched, every
    such word marked: the words of the query and their other forms in the languages."""
    matches = matcher(query, languages)
    tokens = re.split(r"(\w+)", text or "")  # words at odd positions
    positions = list(range(1, len(tokens), 2))
    if not positions:
        return escape(text or "")
    hit = next((n for n, i in enumerate(positions) if matches(search_fold(tokens[i]))), 0)
    first = max(hit - 8, 0)
    last = min(first + words, len(positions)) - 1
    start = positions[first] if first else 0
    end = positions[last] + 1 if last < len(positions) - 1 else len(tokens)
    parts = []
    for i in range(start, end):
        piece = escape(tokens[i])
        if i % 2 and matches(search_fold(tokens[i])):
            piece = f"<mark>{piece}</mark>"
        parts.append(piece)
    prefix = "… " if start else ""
    suffix = " …" if end < len(tokens) else ""
    # Every piece is escaped above; only our <mark> is markup.
    return mark_safe(prefix + "".join(parts).strip() + suffix)  # nosec B308 B703
