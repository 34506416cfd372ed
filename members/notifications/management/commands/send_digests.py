from django.core.management.base import BaseCommand

from members.notifications.digest import digests_send


class Command(BaseCommand):
    help = "Send the daily and weekly digests that are due (run hourly or daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{digests_send()} digests sent.")
