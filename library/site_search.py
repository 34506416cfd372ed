"""The library's group in the site search (racop.search): resources the reader may see."""

from urllib.parse import urlencode

from django.contrib.postgres.search import SearchRank, SearchVectorExact
from django.db import connection
from django.db.models import F, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from library.models import Resource, folded_query, has_words, rank_query
from library.search import NEEDS_POSITIONS, highlight
from racop.markdown import markdown_words
from racop.search import CAP, Found, Hit, Provider


def matches_sql(queryset, words, cap, date):
    """Return the SQL and parameters of the first cap + 1 rows of the queryset holding the
    words (the index finds them, only they are ranked and checked for a phrase), as columns
    id, rank, the date and exact (false where a phrase's words are not in order)."""
    query = folded_query(words)
    check = (
        SearchVectorExact(F("search_vector"), query)
        if NEEDS_POSITIONS.search(words)
        else Value(True)
    )
    matches = (
        queryset.filter(has_words(words))
        .order_by()
        .annotate(rank=SearchRank(F("search_vector"), rank_query(words)), exact=check)
        .values("id", "rank", date, "exact")[: cap + 1]
    )
    return matches.query.sql_with_params()


def best_matches(queryset, words, *, cap, limit, date, newest_last=False):
    """Return (how many of the first cap + 1 rows hold the words, the best ``limit`` rows by
    rank, then date, then id), in one statement: the matches are found and ranked once, and
    only the best are read in full (without their search vector)."""
    model = queryset.model
    sql, params = matches_sql(queryset, words, cap, date)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(
        f"t.{connection.ops.quote_name(field.column)}"
        for field in model._meta.concrete_fields
        if field.name != "search_vector"
    )
    order = "ASC" if newest_last else "DESC"
    date_column = connection.ops.quote_name(date)
    # The SQL is built from the queryset and this module's own names; values are parameters.
    statement = (
        f"WITH m AS MATERIALIZED ({sql}) SELECT {columns}, m.rank,"  # nosec B608
        " (SELECT count(*) FROM m) AS found_all,"
        " (SELECT count(*) FROM m WHERE m.exact) AS found"
        f" FROM m JOIN {table} t ON t.id = m.id WHERE m.exact"
        f" ORDER BY m.rank DESC, m.{date_column} {order} NULLS LAST, m.id LIMIT %s"
    )
    rows = list(model.objects.raw(statement, [*params, limit]))
    if not rows:
        # Nothing to show: the count still says whether rows matched without the phrase.
        return 0, []
    found_all, found = rows[0].found_all, rows[0].found
    return (cap + 1 if found_all > cap else found), rows


def search_resources(words, request, limit):
    """Return how many published resources the reader may see hold the words (up to CAP)
    and the best ``limit``, found and ranked as the library's own search does."""
    count, best = best_matches(
        Resource.objects.published().visible_to(request.user),
        words,
        cap=CAP,
        limit=limit,
        date="published_at",
    )
    hits = []
    for resource in best:
        languages = resource.languages or []
        hits.append(
            Hit(
                title=resource.title,
                url=resource.get_absolute_url(),
                snippet=highlight(
                    markdown_words(resource.summary or resource.body),
                    words,
                    words=30,
                    languages=languages,
                ),
                kind=resource.get_type_display(),
                language=languages[0] if len(languages) == 1 else "",
            )
        )
    url = reverse("library:resource_list") + "?" + urlencode({"q": words})
    return Found(count, hits, url)


provider = Provider(name="library", label=_("Library"), search=search_resources, order=10)
