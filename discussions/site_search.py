"""Search of the discussions and events, for their own pages and the site search.

Threads and replies are found as the library finds resources (library.models.has_words,
the same folding and stems), in their stored vectors (migration 0011), which hold the title
and body only: never the author, so an anonymous post is not found by who wrote it. Only
posts members see are read: not hidden, not deleted, in a thread neither hidden nor deleted
(coordinators included: moderation has its own lists).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from discussions.models import REPLIES_PER_PAGE, Event, Reply, Thread
from library.search import highlight
from library.site_search import best_matches, matches_sql
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
    """Return the threads and replies holding the words, best first: up to cap + 1 of each,
    found and ranked in one statement."""
    threads_sql, threads_params = matches_sql(visible_threads(), words, cap, "created_at")
    replies_sql, replies_params = matches_sql(visible_replies(), words, cap, "created_at")
    # Both parts are the querysets' own SQL; every value is a parameter.
    statement = (
        f"(SELECT 'thread', m.id, m.rank, m.created_at, m.exact FROM ({threads_sql}) m)"  # nosec B608
        f" UNION ALL (SELECT 'reply', m.id, m.rank, m.created_at, m.exact FROM ({replies_sql}) m)"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*threads_params, *replies_params])
        found = cursor.fetchall()
    capped = any(sum(1 for row in found if row[0] == kind) > cap for kind in ("thread", "reply"))
    rows = [row[:4] for row in found if row[4]]
    rows.sort(key=lambda row: (-row[2], -row[3].timestamp(), row[0] != "thread", row[1]))
    capped = capped or len(rows) > cap
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
    count, events = best_matches(
        Event.objects.visible_to(request.user), words, cap=CAP, limit=limit, date="created_at"
    )
    hits = [
        Hit(
            title=event.title,
            url=event.get_absolute_url(),
            snippet=highlight(event.description, words, words=30),
            kind=event.get_format_display(),
            facts=[fact for fact in [_date(event.starts_at), event.city] if fact],
        )
        for event in events
    ]
    url = reverse("search") + "?" + urlencode({"q": words, "in": "events"})
    return Found(count, hits, url)


discussions_provider = Provider(
    name="discussions", label=_("Discussions"), search=search_discussions, order=20
)
events_provider = Provider(name="events", label=_("Events"), search=search_events, order=30)
