"""Harvest other portals' libraries and partners' news feeds into the curation queue."""

from django.core.management.base import BaseCommand, CommandError

from library.harvest import result_line, sources_harvest
from library.models import Source


class Command(BaseCommand):
    help = (
        "Harvest every active source (another portal's API, an RSS or Atom feed) into the "
        "curation queue: new items become suggestions naming their source, items already in "
        "the library are skipped, items harvested before are updated while still in review. "
        "Prints a line per source; exits with status 1 only when every source failed. "
        "Schedule it from cron, e.g. hourly: `python manage.py harvest`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            type=int,
            action="append",
            dest="sources",
            metavar="ID",
            help="Harvest only this source (active or not); may be repeated.",
        )

    def handle(self, *args, sources=None, **options):
        chosen = Source.objects.filter(pk__in=sources) if sources else Source.objects.active()
        chosen = list(chosen.order_by("pk"))
        if sources and len(chosen) < len(set(sources)):
            missing = sorted(set(sources) - {source.pk for source in chosen})
            raise CommandError(f"No source with id {', '.join(map(str, missing))}.")
        if not chosen:
            self.stdout.write("No active sources to harvest.")
            return
        results = sources_harvest(sources=chosen)
        for result in results:
            self.stdout.write(result_line(result))
        if not any(result.ok for result in results):
            raise CommandError("Every source failed.", returncode=1)
