"""Import resources from a spreadsheet: a CSV text or an Excel .xlsx workbook."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.imports import ImportFileError, table_read
from library.services import resources_import


class Command(BaseCommand):
    help = (
        "Check a spreadsheet of resources (.xlsx or CSV, commas or semicolons, UTF-8 or the "
        "region's Windows code pages) and say which rows would import and why the others "
        "would not; with --commit, add the valid rows, as drafts unless --publish. Columns "
        "are found by their headings in any of the site's languages (title is required; "
        "link, type, summary, description, publisher, year, languages, scope, countries, "
        "topics, tags, commitments, visibility are optional). Exits with status 1 when any "
        "row cannot be imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--commit", action="store_true", help="Add the valid rows.")
        parser.add_argument(
            "--publish", action="store_true", help="Publish them at once (default: drafts)."
        )

    def handle(self, *args, path, commit, publish, **options):
        try:
            table = table_read(path.read_bytes(), name=path.name)
        except (OSError, ImportFileError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        report = resources_import(table=table, user=None, commit=commit, publish=publish)
        write = self.stdout.write
        write(f"{path.name}: {report.description}.")
        for header, column in report.column_names:
            write(f"  column “{header}” → {column}")
        for header in report.ignored:
            write(f"  column “{header}” is not a known column: not imported")
        for note in report.notes:
            write(f"  {note}")
        for problem in report.problems:
            write(f"  {problem}")
        for row in report.rows:
            where = f"line {row.line} ({row.title})"
            if row.errors:
                write(f"{where}: not imported: " + " ".join(row.errors))
            else:
                extra = f" [{'; '.join(row.notes)}]" if row.notes else ""
                write(f"{where}: {'imported' if commit else 'ready'}{extra}")
        state = "published" if publish else "drafts"
        if commit:
            write(f"Imported {report.importable} of {len(report.rows)} rows, as {state}.")
        else:
            write(
                f"Dry run: {report.importable} of {len(report.rows)} rows would be imported, "
                f"as {state}. Nothing was saved; run again with --commit to import them."
            )
        if report.failed:
            raise CommandError(
                f"{report.failed} rows cannot be imported; see the reasons above.", returncode=1
            )
