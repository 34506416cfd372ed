"""Background work run by `manage.py db_worker`."""

from django.tasks import task

from members.notifications import services

# Defined beside the delivery it runs (it queues its own next attempt); named here too, so
# tasks queued before it moved still find it.
from members.notifications.services import deliver_email as deliver_email


@task
def send_due_emails() -> int:
    """Send queued emails whose time has come (a backstop for retries)."""
    return services.emails_send_due()


@task
def send_digests() -> int:
    """Send the digests that are due."""
    from members.notifications.digest import digests_send

    return digests_send()


@task
def send_newsletter(pk: int) -> int:
    """Queue a newsletter for every recipient not yet reached."""
    from members.notifications.models import Newsletter
    from members.notifications.newsletter import newsletter_send

    return newsletter_send(newsletter=Newsletter.objects.get(pk=pk))
