"""Blocks this app adds to the home page and to topic pages, each in a few fixed queries."""

from discussions.models import ActionItem, Event, Thread
from racop.access import sees_members_content

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
