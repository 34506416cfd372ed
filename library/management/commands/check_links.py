"""Check every external link in the library and record what each one answered."""

from django.core.management.base import BaseCommand

from library.models import Resource
from library.services import resources_check_links


class Command(BaseCommand):
    help = (
        "Check the links of all resources (concurrently, with a timeout) and store each "
        "link's status and the date. Schedule it daily, e.g. from cron: "
        "`python manage.py check_links`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=8, help="Links checked at once.")
        parser.add_argument("--timeout", type=float, default=10, help="Seconds per link.")

    def handle(self, *args, workers, timeout, **options):
        counts = resources_check_links(
            resources=Resource.objects.all(), workers=workers, timeout=timeout
        )
        self.stdout.write(f"Checked {counts['checked']} links; {counts['broken']} broken.")
