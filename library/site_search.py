"""The library's group in the site search (racop.search): resources the reader may see."""

from urllib.parse import urlencode

from django.contrib.postgres.search import SearchRank, SearchVectorExact
from django.db.models import F, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from library.models import Resource, folded_query, has_words
from library.search import NEEDS_POSITIONS, best_match, highlight
from racop.search import CAP, Found, Hit, Provider


def search_resources(words, request, limit):
    """Return how many published resources the reader may see hold the words (up to CAP)
    and the best ``limit``, found and ranked as the library's own search does."""
    exact = folded_query(words)
    check = (
        SearchVectorExact(F("search_vector"), exact)
        if NEEDS_POSITIONS.search(words)
        else Value(True)
    )
    rows = list(
        Resource.objects.published()
        .visible_to(request.user)
        .filter(has_words(words))
        .order_by()
        .annotate(rank=SearchRank(F("search_vector"), exact), exact=check)
        .values_list("pk", "rank", "published_at", "exact")[: CAP + 1]
    )
    matches = [row[:3] for row in rows[:CAP] if row[3]]
    count = CAP + 1 if len(rows) > CAP else len(matches)
    best = [pk for pk, _rank, _published in sorted(matches, key=best_match)[:limit]]
    loaded = Resource.objects.filter(pk__in=best).defer("search_vector").in_bulk() if best else {}
    hits = []
    for pk in best:
        resource = loaded[pk]
        languages = resource.languages or []
        hits.append(
            Hit(
                title=resource.title,
                url=resource.get_absolute_url(),
                snippet=highlight(
                    resource.summary or resource.body, words, words=30, languages=languages
                ),
                kind=resource.get_type_display(),
                language=languages[0] if len(languages) == 1 else "",
            )
        )
    url = reverse("library:resource_list") + "?" + urlencode({"q": words})
    return Found(count, hits, url)


provider = Provider(name="library", label=_("Library"), search=search_resources, order=10)
