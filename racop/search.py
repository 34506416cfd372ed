"""One search for everything (/search/): each app registers what it finds.

racop imports no app. An app registers a Provider from its ``AppConfig.ready()``: a label,
an order, and a function (words, request, limit) that returns what the reader may see as a
Found (how many, capped at CAP, and the best ``limit`` hits), or None when the group is not
shown to that reader at all (discussions to visitors). The site search page shows each
group's count and best TOP hits with a link to the group's own full search.

Every provider matches words as the library does (docs/search.md): folded (case, accents,
script, "dj" for "đ") and in their other forms, through the SQL functions of the library's
search (``library_query()``), which are in the database. Counts stop at CAP: a search never
counts every reply holding a common word.
"""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import BooleanField, F, Func, Value
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# How many matches a group counts before it says "more than"; how many it shows here.
CAP = 100
TOP = 5
# A word of the query: the search needs at least one letter or digit.
HAS_WORD = re.compile(r"\w", re.UNICODE)
# A lexeme of a tsquery's text: 'word', 'stem~sr' or 'prefix':*.
LEXEME = re.compile(r"'((?:[^']|'')+)'(:\*)?")
# Lexemes joined by "|" (a word's alternatives in a tsquery's text).
_ONE = r"'(?:[^']|'')+'(?::\*)?"
ALTERNATIVES = re.compile(rf"{_ONE}(?: \| {_ONE})+")


@dataclass
class Hit:
    title: str
    url: str
    # Escaped HTML with the matched words in <mark>, or plain text.
    snippet: str = ""
    kind: str = ""
    facts: list = field(default_factory=list)
    # The language of the title and snippet, when known (lang="…").
    language: str = ""


@dataclass
class Found:
    count: int
    hits: list[Hit]
    # The address of the group's own full search.
    url: str = ""

    @property
    def capped(self):
        return self.count > CAP

    @property
    def shown_count(self):
        return min(self.count, CAP)


@dataclass(frozen=True)
class Provider:
    name: str
    label: str | Promise
    search: Callable[..., Found | None]
    order: int = 100


providers: list[Provider] = []


class SiteSearchForm(forms.Form):
    # Django's CharField refuses a NUL byte (PostgreSQL cannot hold one) with a message.
    q = forms.CharField(label=_("Search"), required=False, max_length=200)


def register(provider: Provider) -> None:
    """Add a provider once (ready() can run twice under the autoreloader)."""
    if all(existing.name != provider.name for existing in providers):
        providers.append(provider)
        providers.sort(key=lambda p: p.order)


def provider_named(name: str) -> Provider | None:
    return next((p for p in providers if p.name == name), None)


def has_query(request) -> bool:
    """Return whether the request searches for something (what the rate limit counts)."""
    return bool(request.GET.get("q", "").strip())


def searchable(words: str) -> bool:
    """Return whether the words hold anything to search for (a letter or a digit)."""
    return bool(HAS_WORD.search(words or ""))


def search_all(words: str, request) -> list[tuple[Provider, Found]]:
    """Return each group the reader may see with what it found (empty groups too)."""
    results = []
    for provider in providers:
        found = provider.search(words, request, TOP)
        if found is not None:
            results.append((provider, found))
    return results


def prefix_terms(words: str) -> str:
    """Return a tsquery (as text) for short texts indexed as folded words alone
    (``to_tsvector('simple', library_search_fold(text))``): each word of the query matches
    a word beginning with its folded form or with one of its stems in the region's
    languages (``izvestaji`` finds "Izveštaj"), when that is four letters or more (the
    shorter ones match whole words), the query's operators kept."""
    return _prefix_terms(words)


@functools.lru_cache(maxsize=1024)
def _prefix_terms(words):
    with connection.cursor() as cursor:
        # The library's query (migration library 0009), its stems made prefixes.
        cursor.execute("SELECT library_query(%s)::text", [words])
        text = cursor.fetchone()[0] or ""

    def prefix(match):
        lexeme, _star = match.group(1), match.group(2)
        stem = lexeme.partition("~")[0]
        if _star or len(stem) >= 4:
            return f"'{stem}':*"
        return f"'{stem}'"

    return ALTERNATIVES.sub(_distinct, LEXEME.sub(prefix, ALTERNATIVES.sub(_long_stems, text)))


# A stem of fewer than four letters ('za~tr' of "Zana", 'an~sr' of "Ana"): as a whole word
# it is someone else's name or a preposition ("Centar za…"), so only the word as typed stays.
SHORT_STEM = re.compile(r"'(?:[^'~]|''){1,3}~[a-z]+'")


def _long_stems(match):
    """Return a word's alternatives without its stems shorter than four letters."""
    kept = [term for term in match.group(0).split(" | ") if not SHORT_STEM.fullmatch(term)]
    return " | ".join(kept or match.group(0).split(" | "))


def _distinct(match):
    """Return alternatives ('a':* | 'a':* | 'b':*) each once: stems often repeat a word."""
    seen = dict.fromkeys(match.group(0).split(" | "))
    return " | ".join(seen)


class FoldedWords(Func):
    """The fields' words, folded, as a tsvector: an expression an index can hold (the
    directory's names are indexed so), as HasFoldedWords compares it."""

    output_field = SearchVectorField()

    def __init__(self, *fields):
        super().__init__(*[F(name) for name in fields])

    def as_sql(self, compiler, connection, **extra):
        parts, params = [], []
        for expression in self.source_expressions:
            sql, part_params = compiler.compile(expression)
            parts.append(f"COALESCE({sql}, '')")
            params.extend(part_params)
        text = " || ' ' || ".join(parts)
        return f"to_tsvector('simple'::regconfig, library_search_fold({text}))", params


class HasFoldedWords(Func):
    """True where the fields' words, folded, hold the query (prefix_terms): for short texts
    (names, proposals, pages), read through an index of FoldedWords where there is one."""

    output_field = BooleanField()

    def __init__(self, words, *fields):
        super().__init__(FoldedWords(*fields), Value(prefix_terms(words)))

    def as_sql(self, compiler, connection, **extra):
        vector, vector_params = compiler.compile(self.source_expressions[0])
        query, query_params = compiler.compile(self.source_expressions[1])
        return f"({vector} @@ ({query})::tsquery)", (*vector_params, *query_params)


def search_pages(words, request, limit):
    """Return the static pages whose title, summary or body (in any language) hold the words."""
    from django.conf import settings
    from modeltranslation.utils import build_localized_fieldname

    from racop.models import Page

    fields = [
        build_localized_fieldname(name, code.replace("-", "_"))
        for name in ("title", "summary", "body")
        for code, _label in settings.LANGUAGES
    ]
    pages = list(Page.objects.filter(HasFoldedWords(words, *fields)).order_by()[: CAP + 1])
    pages.sort(key=lambda page: (page.title, page.pk))
    hits = [
        Hit(title=page.title, url=page.get_absolute_url(), snippet=page.summary)
        for page in pages[:limit]
    ]
    url = reverse("search") + "?" + urlencode({"q": words, "in": "pages"})
    return Found(len(pages), hits, url)


pages_provider = Provider(name="pages", label=_("Pages"), search=search_pages, order=70)
