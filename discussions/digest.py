"""The discussions' part of the members' digest (members.notifications.digest)."""

import datetime

from discussions.models import ActionItem, Event, Subscription, Thread

UPCOMING = datetime.timedelta(days=14)


def digest_threads(user, *, since, now, limit):
    """Return the threads with activity since, in the topics the person follows."""
    threads = list(
        Thread.objects.visible_to(user)
        .filter(
            hidden_at__isnull=True,
            deleted_at__isnull=True,
            last_activity_at__gt=since,
            topic__in=Subscription.objects.filter(user=user, topic__isnull=False).values("topic"),
        )
        .select_related("topic")
        .order_by("-last_activity_at")[:limit]
    )
    return {"threads": threads}, len(threads)


def digest_events(user, *, since, now, limit):
    """Return events announced since, and the others coming soon (not counted as new)."""
    new_events = list(
        Event.objects.filter(created_at__gt=since, starts_at__gte=now).order_by("starts_at")[:limit]
    )
    upcoming = list(
        Event.objects.filter(starts_at__gte=now, starts_at__lt=now + UPCOMING)
        .exclude(pk__in=[e.pk for e in new_events])
        .order_by("starts_at")[:limit]
    )
    return {"new_events": new_events, "upcoming_events": upcoming}, len(new_events)


def digest_action_items(user, *, since, now, limit):
    """Return the person's open action items (a reminder, never counted as new)."""
    action_items = list(
        ActionItem.objects.filter(owner=user)
        .exclude(status=ActionItem.Status.DONE)
        .select_related("event")
        .order_by("due_date")[:limit]
    )
    return {"action_items": action_items}, 0
