"""Blocks this app adds to the home page and to topic pages (two queries at most each)."""

from discussions.models import Event, Thread

HOME_EVENTS = 3
TOPIC_EVENTS = 3


def home_events(request, **kwargs):
    """Return the next convenings the visitor may see."""
    events = Event.objects.visible_to(request.user).upcoming()[:HOME_EVENTS]
    return {"events": list(events)}


def topic_discussions(request, topic, **kwargs):
    """Return how many threads the topic holds (their content stays for members) and its events."""
    events = Event.objects.visible_to(request.user).upcoming().filter(topics=topic)
    return {
        "topic": topic,
        "thread_count": Thread.objects.filter(topic=topic, hidden_at__isnull=True).count(),
        "events": list(events[:TOPIC_EVENTS]),
    }
