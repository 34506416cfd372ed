"""Demo notifications for the demo member and a newsletter draft for the coordinators."""

from members.demo import DEMO_ACCOUNTS
from members.models import User
from members.notifications.models import Newsletter, Notification


def seed():
    """Give the demo member a few notifications and the coordinators a newsletter draft."""
    member = User.objects.filter(email=DEMO_ACCOUNTS["member"][0]).first()
    coordinator = User.objects.filter(email=DEMO_ACCOUNTS["coordinator"][0]).first()
    if member is None or coordinator is None:
        return ""
    for kind, subject, url in [
        ("mention", "Ana mentioned you in “Publishing our budgets”", "/discussions/"),
        ("registration", "You are registered: Regional convening", "/events/"),
        ("pledge_renewal", "The Pledge has a new version: please renew your signature", "/pledge/"),
    ]:
        Notification.objects.get_or_create(user=member, subject=subject, kind=kind, url=url)
    member.unread_notifications = Notification.objects.unread().filter(user=member).count()
    member.save(update_fields=["unread_notifications"])
    _newsletter, created = Newsletter.objects.get_or_create(
        subject="News from the community of practice",
        defaults={
            "body": "**This month**: a new guide on feedback loops, and the regional convening.",
            "created_by": coordinator,
        },
    )
    return "a newsletter draft created" if created else ""
