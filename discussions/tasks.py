"""Background work of discussions, run by `manage.py db_worker`."""

from django.tasks import task

from discussions.notifications import reminders_send


@task
def send_reminders() -> int:
    """Remind members of tomorrow's events and of action items due tomorrow."""
    return reminders_send()
