"""Search of the discussions and events, for their own pages and the site search.

Threads and replies are found as the library finds resources (library.models.has_words,
the same folding and stems), in their stored vectors (migration 0011), which hold the title
and body only: never the author, so an anonymous post is not found by who wrote it. Only
posts members see are read: not hidden, not deleted, in a thread neither hidden nor deleted
(coordinators included: moderation has its own lists).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchRank, SearchVectorExact
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from discussions.models import REPLIES_PER_PAGE, Event, Reply, Thread
from library.models import folded_query, has_words
from library.search import NEEDS_POSITIONS, highlight
from racop.access import sees_members_content
from racop.search import CAP, Found, Hit, Provider

# How many matches of each kind the discussions' own search ranks and pages through.
DISCUSSION_SEARCH_CAP = 200


@dataclass
class PostMatches:
    """The ranked matches of a search: ("thread" or "reply", id) best first."""

    ranked: list
    count: int
    capped: bool


def _matches(queryset, words, cap):
    """Return (id, rank, date) of up to cap rows holding the words, and whether there were
    more: the index finds the candidates, only they are ranked (and checked for a phrase)."""
    exact = folded_query(words)
    check = (
        SearchVectorExact(F("search_vector"), exact)
        if NEEDS_POSITIONS.search(words)
        else Value(True)
    )
    rows = list(
        queryset.filter(has_words(words))
        .order_by()
        .annotate(rank=SearchRank(F("search_vector"), exact), exact=check)
        .values_list("pk", "rank", "created_at", "exact")[: cap + 1]
    )
    return [row[:3] for row in rows[:cap] if row[3]], len(rows) > cap


def visible_threads():
    """Return the threads a search may find: those members see (not hidden, not deleted)."""
    return Thread.objects.filter(hidden_at__isnull=True, deleted_at__isnull=True)


def visible_replies():
    """Return the replies a search may find: visible ones in threads members see."""
    return Reply.objects.filter(
        hidden_at__isnull=True,
        deleted_at__isnull=True,
        thread__hidden_at__isnull=True,
        thread__deleted_at__isnull=True,
    )


def post_matches(words, cap=CAP):
    """Return the threads and replies holding the words, best first (two statements)."""
    threads, threads_capped = _matches(visible_threads(), words, cap)
    replies, replies_capped = _matches(visible_replies(), words, cap)
    rows = [("thread", *row) for row in threads] + [("reply", *row) for row in replies]
    rows.sort(key=lambda row: (-row[2], -row[3].timestamp(), row[0] != "thread", row[1]))
    capped = threads_capped or replies_capped or len(rows) > cap
    return PostMatches([(kind, pk) for kind, pk, _r, _d in rows], len(rows), capped)


def post_language(language):
    """Return the library's language code of a post's language (for highlighting)."""
    return "sr" if language == "sr-latn" else language


def post_hits(keys, words):
    """Return a Hit for each ("thread" or "reply", id), in order: two statements at most."""
    thread_ids = [pk for kind, pk in keys if kind == "thread"]
    reply_ids = [pk for kind, pk in keys if kind == "reply"]
    threads = (
        Thread.objects.filter(pk__in=thread_ids)
        .select_related("topic")
        .defer("search_vector")
        .in_bulk()
        if thread_ids
        else {}
    )
    replies = {}
    if reply_ids:
        # The page of its thread each reply is on, counted in the same statement.
        before = (
            Reply.objects.filter(thread=OuterRef("thread"))
            .filter(
                Q(created_at__lt=OuterRef("created_at"))
                | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
            )
            .order_by()
            .values("thread")
            .annotate(count=Count("pk"))
            .values("count")
        )
        replies = (
            Reply.objects.filter(pk__in=reply_ids)
            .select_related("thread__topic")
            .defer("search_vector", "thread__search_vector")
            .annotate(before=Coalesce(Subquery(before), 0))
            .in_bulk()
        )
    hits = []
    for kind, pk in keys:
        if kind == "thread":
            thread = threads[pk]
            hits.append(
                Hit(
                    title=thread.title,
                    url=thread.get_absolute_url(),
                    snippet=highlight(
                        thread.body, words, words=30, languages=[post_language(thread.language)]
                    ),
                    kind=thread.get_kind_display(),
                    facts=[thread.topic.name, _date(thread.created_at)],
                    language=thread.language if thread.language != "other" else "",
                )
            )
        else:
            reply = replies[pk]
            page = reply.before // REPLIES_PER_PAGE + 1
            query = f"?page={page}" if page > 1 else ""
            hits.append(
                Hit(
                    title=reply.thread.title,
                    url=f"{reply.thread.get_absolute_url()}{query}#reply-{reply.pk}",
                    snippet=highlight(
                        reply.body, words, words=30, languages=[post_language(reply.language)]
                    ),
                    kind=pgettext_lazy("a kind of search result", "Reply"),
                    facts=[reply.thread.topic.name, _date(reply.created_at)],
                    language=reply.language if reply.language != "other" else "",
                )
            )
    return hits


def _date(moment):
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def search_discussions(words, request, limit):
    """The discussions' group: threads and replies, to members only."""
    if not sees_members_content(request.user):
        return None
    matches = post_matches(words)
    url = reverse("discussions:topic_list") + "?" + urlencode({"q": words})
    count = CAP + 1 if matches.capped else matches.count
    return Found(count, post_hits(matches.ranked[:limit], words), url)


def search_events(words, request, limit):
    """The events' group: the events the reader may see, best match, then latest first."""
    rows, capped = _matches(Event.objects.visible_to(request.user), words, CAP)
    rows.sort(key=lambda row: (-row[1], -row[2].timestamp(), row[0]))
    best = [pk for pk, _rank, _created in rows[:limit]]
    events = Event.objects.filter(pk__in=best).defer("search_vector").in_bulk() if best else {}
    hits = [
        Hit(
            title=events[pk].title,
            url=events[pk].get_absolute_url(),
            snippet=highlight(events[pk].description, words, words=30),
            kind=events[pk].get_format_display(),
            facts=[fact for fact in [_date(events[pk].starts_at), events[pk].city] if fact],
        )
        for pk in best
    ]
    url = reverse("search") + "?" + urlencode({"q": words, "in": "events"})
    return Found(CAP + 1 if capped else len(rows), hits, url)


discussions_provider = Provider(
    name="discussions", label=_("Discussions"), search=search_discussions, order=20
)
events_provider = Provider(name="events", label=_("Events"), search=search_events, order=30)
