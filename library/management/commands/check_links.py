"""Check every external link in the library and record what each one answered."""

from django.core.management.base import BaseCommand, CommandError

from library.models import Resource
from library.services import resources_check_links


class Command(BaseCommand):
    help = (
        "Check the links of all resources (concurrently, with a timeout) and store each "
        "link's status and the date. Schedule it daily, e.g. from cron: "
        "`python manage.py check_links`. When most links fail the same way (the network "
        "seems down), the previous results are kept and the command exits with status 2."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=8, help="Links checked at once.")
        parser.add_argument("--timeout", type=float, default=10, help="Seconds per link.")

    def handle(self, *args, workers, timeout, **options):
        counts = resources_check_links(
            resources=Resource.objects.all(), workers=workers, timeout=timeout
        )
        if counts["network_down"]:
            raise CommandError(
                f"The network seemed down: {counts['broken']} of {counts['checked']} links "
                f"could not be reached ({counts['failure']}). Results kept: the previous "
                "results of every link are unchanged.",
                returncode=2,
            )
        self.stdout.write(f"Checked {counts['checked']} links; {counts['broken']} broken.")
