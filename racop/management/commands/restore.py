"""Restore a backup made by `manage.py backup` into an empty database."""

import json
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from racop.management.commands._backup import (
    DUMP,
    MANIFEST,
    MEDIA,
    postgres_env,
    postgres_program,
    row_counts,
)


class Command(BaseCommand):
    help = (
        "Restore FOLDER (made by `manage.py backup`) into the configured database, which must "
        "be empty (create it, do not migrate), and its uploaded files into MEDIA_ROOT; then "
        "check every table has the row count the backup recorded."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        manifest = json.loads((folder / MANIFEST).read_text())
        if row_counts():
            raise CommandError(
                "The database is not empty: restore into a new, empty database "
                "(createdb, without migrate)."
            )
        result = subprocess.run(
            [postgres_program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
             "--single-transaction", f"--dbname={postgres_env()['PGDATABASE']}",
             str(folder / DUMP)],
            env=postgres_env(), capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        if manifest.get("media") and (folder / MEDIA).exists():
            media_root = Path(settings.MEDIA_ROOT)
            media_root.mkdir(parents=True, exist_ok=True)
            with tarfile.open(folder / MEDIA) as archive:
                archive.extractall(media_root, filter="data")
        counts = row_counts()
        different = {
            table: (rows, counts.get(table))
            for table, rows in manifest["tables"].items()
            if counts.get(table) != rows
        }
        if different:
            raise CommandError(f"Row counts differ after the restore (backup, now): {different}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(counts)} tables ({sum(counts.values())} rows); "
                "every row count matches the backup."
            )
        )
