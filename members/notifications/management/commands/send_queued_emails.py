from django.core.management.base import BaseCommand

from members.notifications.services import emails_send_due


class Command(BaseCommand):
    help = "Send queued emails whose next attempt is due (a backstop for the task worker)."

    def handle(self, *args, **options):
        self.stdout.write(f"{emails_send_due()} emails tried.")
