from django.conf import settings
from django.core.management.base import BaseCommand

from racop.catalogs import catalogs_compile


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files with polib (no msgfmt needed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--changed", action="store_true", help="Only compile catalogs newer than their .mo."
        )

    def handle(self, *args, changed=False, **options):
        written = catalogs_compile(locale_dirs=settings.LOCALE_PATHS, changed_only=changed)
        if options["verbosity"] > 1:
            for mo_path in written:
                self.stdout.write(f"Compiled {mo_path}")
        self.stdout.write(f"Compiled {len(written)} catalog(s).")
