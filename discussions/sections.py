"""Blocks this app adds to the home page and to topic pages, each in a few fixed queries."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from discussions.models import (
    ActionItem,
    Event,
    Registration,
    Reply,
    Subscription,
    Thread,
    ThreadRead,
)
from racop.access import sees_members_content
from racop.sections import Step

HOME_EVENTS = 3
TOPIC_EVENTS = 3
TOPIC_THREADS = 5


def home_events(request, **kwargs):
    """Return the next convenings the visitor may see."""
    events = Event.objects.visible_to(request.user).upcoming()[:HOME_EVENTS]
    return {"events": list(events)}


def topic_discussions(request, topic, **kwargs):
    """Return the topic's thread count (its latest threads for members only) and its events."""
    user = request.user
    events = Event.objects.visible_to(user).upcoming().filter(topics=topic)
    threads = Thread.objects.filter(topic=topic, hidden_at__isnull=True)
    is_member = sees_members_content(user)
    return {
        "topic": topic,
        "is_member": is_member,
        "thread_count": threads.count(),
        "threads": (
            list(threads.select_related("topic").order_by("-last_activity_at")[:TOPIC_THREADS])
            if is_member
            else []
        ),
        "events": list(events[:TOPIC_EVENTS]),
    }


RESOURCE_THREADS = 5


def resource_threads(request, resource, **kwargs):
    """Return, for members, the threads whose post or replies link to the resource."""
    user = request.user
    if not sees_members_content(user):
        return {"threads": []}
    threads = (
        Thread.objects.visible_to(user)
        .filter(linked_resources=resource)
        .select_related("topic")
        .order_by("-last_activity_at")[:RESOURCE_THREADS]
    )
    return {"threads": list(threads)}


def my_action_items(request, **kwargs):
    """Return the person's open action items from convenings, soonest due first."""
    items = (
        ActionItem.objects.filter(owner=request.user)
        .exclude(status=ActionItem.Status.DONE)
        .select_related("event")
        .order_by("due_date", "pk")
    )
    return {"action_items": list(items)}


# A member's home (racop.sections.member_home_sections and next_step_sources): personal,
# one query each, whatever the person's amount of data.
HOME_LIST = 5


def member_steps(request, **kwargs):
    """Return the "follow topics" step, done once the person follows one, in one query."""
    follows = Subscription.objects.filter(user=request.user, topic__isnull=False).exists()
    return [
        Step(
            name="discussions.follow",
            title=_("Follow topics"),
            why=_("Follow the topics you care about: you hear of each new thread in them."),
            action=_("Choose topics to follow"),
            url=reverse("discussions:topic_list"),
            order=50,
            done=follows,
        )
    ]


def home_my_events(request, **kwargs):
    """Return the person's places at events that have not ended, soonest first."""
    registrations = (
        Registration.objects.filter(
            user=request.user,
            status__in=[Registration.Status.REGISTERED, Registration.Status.WAITING],
            event__ends_at__gte=timezone.now(),
        )
        .select_related("event")
        .order_by("event__starts_at", "event_id")[:HOME_LIST]
    )
    return {"registrations": list(registrations)}


def home_new_replies(request, **kwargs):
    """Return the threads the person follows with replies by others since they last read
    them, latest first, each with how many."""
    user = request.user
    last_read = ThreadRead.objects.filter(thread=OuterRef("pk"), user=user.pk).values(
        "last_read_at"
    )[:1]
    new_replies = (
        Reply.objects.filter(
            thread=OuterRef("pk"),
            hidden_at__isnull=True,
            created_at__gt=Coalesce(OuterRef("last_read_at"), OuterRef("created_at")),
        )
        .exclude(author=user.pk)
        .order_by()
        .values("thread")
        .annotate(count=Count("pk"))
        .values("count")
    )
    threads = (
        Thread.objects.visible_to(user)
        .filter(subscriptions__user=user)
        .annotate(last_read_at=Subquery(last_read))
        .filter(Q(last_read_at__isnull=True) | Q(last_activity_at__gt=F("last_read_at")))
        .annotate(new_replies=Coalesce(Subquery(new_replies), 0))
        .filter(new_replies__gt=0)
        .select_related("topic")
        .order_by("-last_activity_at", "-pk")[:HOME_LIST]
    )
    return {"threads": list(threads)}


def home_action_items(request, **kwargs):
    """Return the person's open action items from convenings, soonest due first."""
    items = (
        ActionItem.objects.filter(owner=request.user)
        .exclude(status=ActionItem.Status.DONE)
        .select_related("event")
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:HOME_LIST]
    )
    return {"action_items": list(items)}
