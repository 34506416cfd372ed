"""The real queue: emails wait in PostgreSQL until `manage.py db_worker` sends them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from members.notifications.models import OutgoingEmail
from tests.factories import MemberFactory
from tests.members.test_notifications_email import notify


# The worker opens and closes its own connections, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_a_page_queued_and_defers_retries(settings, smtp_server):

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    user = MemberFactory()
    notify(user)
    email = OutgoingEmail.objects.get()
    assert email.status == "queued" and DBTaskResult.objects.count() == 1  # nothing sent yet
    call_command("db_worker", "--batch", "--no-startup-delay")
    email.refresh_from_db()
    assert email.status == "queued" and email.attempts == 1  # the server refused once
    soon = timezone.now() + datetime.timedelta(hours=1)
    retry = DBTaskResult.objects.filter(run_after__gt=timezone.now(), run_after__lt=soon).get()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay")
    email.refresh_from_db()
    assert email.status == "sent" and len(smtp_server.received) == 1
