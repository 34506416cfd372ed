"""The daily or weekly digest: what is new since the person's last one.

members does not import the apps that depend on it; it looks their models up by name.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.models import NotificationPreference, User
from members.notifications.models import DigestLog, Notification
from members.notifications.services import (
    DIGEST,
    absolute,
    email_queue,
    language_of,
    render_email,
)

PERIODS = {
    User.DigestFrequency.DAILY: datetime.timedelta(days=1),
    User.DigestFrequency.WEEKLY: datetime.timedelta(days=7),
}
DIGEST_DELIVERY = NotificationPreference.Delivery.DIGEST
UPCOMING = datetime.timedelta(days=14)
LIMIT = 10


def digest_content(user, *, since, now) -> dict:
    """Return what a digest for the person holds; "new" counts what appeared since."""
    Resource = apps.get_model("library", "Resource")
    Thread = apps.get_model("discussions", "Thread")
    Subscription = apps.get_model("discussions", "Subscription")
    Event = apps.get_model("discussions", "Event")
    ActionItem = apps.get_model("discussions", "ActionItem")
    resources = list(
        Resource.objects.published()
        .visible_to(user)
        .filter(published_at__gt=since)
        .order_by("-published_at")[:LIMIT]
    )
    threads = list(
        Thread.objects.visible_to(user)
        .filter(
            hidden_at__isnull=True,
            deleted_at__isnull=True,
            last_activity_at__gt=since,
            topic__in=Subscription.objects.filter(user=user, topic__isnull=False).values("topic"),
        )
        .select_related("topic")
        .order_by("-last_activity_at")[:LIMIT]
    )
    new_events = list(
        Event.objects.filter(created_at__gt=since, starts_at__gte=now).order_by("starts_at")[:LIMIT]
    )
    upcoming = list(
        Event.objects.filter(starts_at__gte=now, starts_at__lt=now + UPCOMING)
        .exclude(pk__in=[e.pk for e in new_events])
        .order_by("starts_at")[:LIMIT]
    )
    notifications = list(
        Notification.objects.filter(user=user, created_at__gt=since, read_at__isnull=True)
        .filter(
            kind__in=NotificationPreference.objects.filter(
                user=user, delivery=NotificationPreference.Delivery.DIGEST
            ).values("kind")
        )
        .order_by("-created_at")[:LIMIT]
    ) + list(
        # Kinds the person never chose go to the digest by default.
        Notification.objects.filter(
            user=user,
            created_at__gt=since,
            read_at__isnull=True,
            kind__in=[
                kind
                for kind in NotificationPreference.Kind.values
                if NotificationPreference.default_for(kind)
                == NotificationPreference.Delivery.DIGEST
            ],
        )
        .exclude(kind__in=NotificationPreference.objects.filter(user=user).values("kind"))
        .order_by("-created_at")[:LIMIT]
    )
    action_items = list(
        ActionItem.objects.filter(owner=user)
        .exclude(status=ActionItem.Status.DONE)
        .select_related("event")
        .order_by("due_date")[:LIMIT]
    )
    return {
        "resources": resources,
        "threads": threads,
        "new_events": new_events,
        "upcoming_events": upcoming,
        "notifications": notifications,
        "action_items": action_items,
        "new": len(resources) + len(threads) + len(new_events) + len(notifications),
    }


def digest_send(user, *, now=None) -> bool:
    """Send the person's digest if it is due and something is new; return whether it was."""
    now = now or timezone.now()
    period = PERIODS.get(user.digest_frequency)
    if period is None or not user.email or not user.is_active:
        return False
    last = DigestLog.objects.filter(user=user).order_by("-sent_at").first()
    # A little slack so a daily cron at the same hour is not skipped for a few seconds.
    if last and now - last.sent_at < period - datetime.timedelta(hours=1):
        return False
    since = last.sent_at if last else now - period
    content = digest_content(user, since=since, now=now)
    if not content["new"]:
        return False
    with transaction.atomic(), translation.override(language_of(user)):
        text, html, headers = render_email(
            user=user,
            template="members/notifications/email/digest.txt",
            context={**content, "since": since, "absolute": absolute},
            scope=DIGEST,
            reason=_("You receive this digest because you chose to get one: %(frequency)s.")
            % {"frequency": user.get_digest_frequency_display()},
        )
        email_queue(
            to=user.email,
            subject=f"[{settings.SITE_SHORT_NAME}] " + _("What is new"),
            text=text,
            html=html,
            headers=headers,
            user=user,
            kind=DIGEST,
        )
        DigestLog.objects.create(user=user, sent_at=now, items=content["new"])
    return True


def digests_send(*, now=None) -> int:
    """Send every digest that is due; return how many went out."""
    people = User.objects.members().filter(digest_frequency__in=list(PERIODS)).exclude(email="")
    return sum(digest_send(user, now=now) for user in people.iterator())
