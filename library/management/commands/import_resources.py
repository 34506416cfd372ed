"""Import resources from a CSV file (the columns of the admin's CSV export)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.services import CSV_COLUMNS, resources_import


class Command(BaseCommand):
    help = (
        "Check a CSV file of resources and, with --commit, add its valid rows. Columns: "
        + ", ".join(CSV_COLUMNS)
        + ". Several values in one cell are separated by ';'."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--commit", action="store_true", help="Add the valid rows.")

    def handle(self, *args, path, commit, **options):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        report = resources_import(text=text, user=None, commit=commit)
        for row in report:
            if row.errors:
                self.stdout.write(f"line {row.line} ({row.title}): " + "; ".join(row.errors))
        good = sum(1 for row in report if not row.errors)
        verb = "Imported" if commit else "Ready to import"
        self.stdout.write(f"{verb} {good} of {len(report)} rows.")
