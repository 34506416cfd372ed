"""The library's search page: what the address asks for, the facets and their counts."""

import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.core.validators import validate_slug
from django.db import connection
from django.db.models import Count, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag

from library.models import (
    COMMITMENTS,
    LANGUAGES,
    Resource,
    country_choices,
    fold,
    folded_query,
)
from racop.models import Topic

WORD = re.compile(r"\w+", re.UNICODE)


class SlugListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [item for item in (value or []) if item]

    def validate(self, value):
        for item in value:
            validate_slug(item)


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


FACET_CACHE_SECONDS = 120
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


def _unnest_counts(queryset, column):
    """Count resources per element of an array column, in one query."""
    # `column` is one of this module's own names, never user input; values go as params.
    sql, params = queryset.order_by().values(column).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT item, COUNT(*) FROM ({sql}) AS found "  # nosec B608
            f"CROSS JOIN LATERAL unnest(found.{column}) AS item GROUP BY item",
            params,
        )
        return dict(cursor.fetchall())


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


class LibrarySearch:
    """Parse the address, filter the library, count each facet under the other filters."""

    def __init__(self, params, user):
        self.params = params
        self.form = LibrarySearchForm(params)
        self.form.is_valid()
        self.data = self.form.cleaned_data
        self.query = self.data.get("q", "").strip()
        self.chosen = {name: self.data.get(name) or [] for name in FACETS}
        self.audience = (
            "members" if user.is_authenticated and (user.is_member or user.is_staff) else "public"
        )
        base = Resource.objects.published().visible_to(user)
        if self.query:
            base = base.filter(search_vector=folded_query(self.query))
        self.base = base
        self.conditions = {
            name: facet_filter(name, values) for name, values in self.chosen.items() if values
        }

    def filtered(self, *, without=None):
        conditions = [q for name, q in self.conditions.items() if name != without]
        return self.base.filter(*conditions)

    def results(self):
        """Return the matching resources in the chosen order, ready for cards."""
        queryset = self.filtered().for_list()
        sort = self.data.get("sort")
        if sort == "title":
            return queryset.order_by("title", "pk")
        if self.query and sort != "newest":
            return queryset.search(self.query)
        return queryset

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
        pairs = [(name, value) for name, values in state.items() for value in values]
        return "?" + urlencode(pairs)

    def toggle_url(self, name, value):
        current = [str(v) for v in self.chosen[name]]
        value = str(value)
        values = [v for v in current if v != value] if value in current else [*current, value]
        return self.url_with(**{name: values})

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
        topics, tags = self.chosen["topic"], self.chosen["tag"]
        return {
            **self._static_labels(),
            "country": {code: countries.name(code) for code in self.chosen["country"]},
            "topic": dict(Topic.objects.filter(slug__in=topics).values_list("slug", "name"))
            if topics
            else {},
            "tag": dict(Tag.objects.filter(slug__in=tags).values_list("slug", "name"))
            if tags
            else {},
        }

    def _counts(self):
        """Return each facet's counts under the other facets' filters (8 queries), and the
        names of the topics and tags counted."""
        counts, names = {}, {}
        for name in ["type", "scope", "year"]:
            rows = self.filtered(without=name).order_by().values(name).annotate(n=Count("pk"))
            counts[name] = {str(row[name]): row["n"] for row in rows if row[name] is not None}
        topic_rows = (
            self.filtered(without="topic")
            .order_by()
            .filter(topics__isnull=False)
            .values("topics__slug", "topics__name", "topics__ordering")
            .annotate(n=Count("pk"))
            .order_by("topics__ordering", "topics__name")
        )
        counts["topic"] = {row["topics__slug"]: row["n"] for row in topic_rows}
        names["topic"] = {row["topics__slug"]: row["topics__name"] for row in topic_rows}
        tag_rows = (
            self.filtered(without="tag")
            .order_by()
            .filter(tags__isnull=False)
            .values("tags__slug", "tags__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "tags__name")[:20]
        )
        counts["tag"] = {row["tags__slug"]: row["n"] for row in tag_rows}
        names["tag"] = {row["tags__slug"]: row["tags__name"] for row in tag_rows}
        for name, column in [
            ("language", "languages"),
            ("country", "countries"),
            ("commitment", "commitments"),
        ]:
            found = _unnest_counts(self.filtered(without=name), column)
            counts[name] = {str(key): n for key, n in found.items()}
        return counts, names

    def facets(self):
        """Return every facet with its values, counts and links.

        The unfiltered library's counts are cached briefly: they cost a scan of every
        resource, and the landing page is the most visited.
        """
        if self.is_filtered:
            counts, names = self._counts()
        else:
            key = f"library:facet-counts:{self.audience}"
            counts, names = cache.get(key) or (None, None)
            if counts is None:
                counts, names = self._counts()
                cache.set(key, (counts, names), FACET_CACHE_SECONDS)
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
    """Return the folded words of published titles and of tags (cached for ten minutes)."""
    words = cache.get("library:vocabulary")
    if words is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT word FROM ("
                " SELECT regexp_split_to_table(library_fold(title), '\\W+') AS word"
                " FROM library_resource WHERE status = %s"
                " UNION ALL SELECT regexp_split_to_table(library_fold(name), '\\W+')"
                " FROM taggit_tag) AS words WHERE length(word) > 2 AND word !~ '[0-9]'",
                [Resource.Status.PUBLISHED],
            )
            words = [row[0] for row in cursor.fetchall()]
        cache.set("library:vocabulary", words, 600)
    return words


def highlight(text: str, query: str, *, words: int = 40) -> str:
    """Return an escaped excerpt of text around the first query word, query words marked."""
    terms = {fold(word) for word in WORD.findall(query) if word.lower() != "or"}
    tokens = re.split(r"(\w+)", text or "")  # words at odd positions
    positions = list(range(1, len(tokens), 2))
    if not positions:
        return escape(text or "")
    hit = next((n for n, i in enumerate(positions) if fold(tokens[i]) in terms), 0)
    first = max(hit - 8, 0)
    last = min(first + words, len(positions)) - 1
    start = positions[first] if first else 0
    end = positions[last] + 1 if last < len(positions) - 1 else len(tokens)
    parts = []
    for i in range(start, end):
        piece = escape(tokens[i])
        if i % 2 and fold(tokens[i]) in terms:
            piece = f"<mark>{piece}</mark>"
        parts.append(piece)
    prefix = "… " if start else ""
    suffix = " …" if end < len(tokens) else ""
    # Every piece is escaped above; only our <mark> is markup.
    return mark_safe(prefix + "".join(parts).strip() + suffix)  # nosec B308 B703
