from django.core.management.base import BaseCommand

from discussions.notifications import reminders_send


class Command(BaseCommand):
    help = "Remind members of tomorrow's events and of action items due tomorrow (run daily)."

    def handle(self, *args, **options):
        count = reminders_send()
        self.stdout.write(f"{count} reminders.")
