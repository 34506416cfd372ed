"""The daily or weekly digest: what is new since the person's last one.

The apps above notifications add their part (new resources, threads, events…) by
registering it here from their AppConfig.ready(); notifications never imports them.
"""

import datetime
from collections.abc import Callable

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
LIMIT = 10

# part(user, since=, now=, limit=) -> (context for the digest's template, how many are new).
DigestPart = Callable[..., tuple[dict, int]]
digest_parts: dict[str, DigestPart] = {}


def digest_part_register(name: str, part: DigestPart) -> None:
    """Add what an app contributes to every digest."""
    digest_parts[name] = part


def digest_content(user, *, since, now) -> dict:
    """Return what a digest for the person holds; "new" counts what appeared since."""
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
    content = {"notifications": notifications}
    new = len(notifications)
    for part in digest_parts.values():
        context, fresh = part(user, since=since, now=now, limit=LIMIT)
        content.update(context)
        new += fresh
    return {**content, "new": new}


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
