"""Back up the database (pg_dump, custom format) and the uploaded files (a tar archive)."""

import json
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

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
        "Write a backup to FOLDER: database.dump (pg_dump custom format), media.tar.gz "
        "(the uploaded files, when stored locally) and manifest.json (row counts per table). "
        "Restore it with `manage.py restore FOLDER` into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty: back up into a new folder.")
        counts = row_counts()
        result = subprocess.run(
            [postgres_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
             f"--file={folder / DUMP}"],
            env=postgres_env(), capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        media_root = Path(settings.MEDIA_ROOT)
        local_media = "FileSystemStorage" in settings.STORAGES["default"]["BACKEND"]
        if local_media:
            with tarfile.open(folder / MEDIA, "w:gz") as archive:
                if media_root.exists():
                    archive.add(media_root, arcname=".")
        else:
            self.stdout.write(
                "Uploaded files are in the S3 bucket: back the bucket up with its own tools."
            )
        manifest = {
            "created_at": timezone.now().isoformat(),
            "tables": counts,
            "media": local_media,
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        total = sum(counts.values())
        self.stdout.write(
            self.style.SUCCESS(f"Backed up {len(counts)} tables ({total} rows) to {folder}.")
        )
