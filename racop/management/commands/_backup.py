"""What the backup and restore commands share: where pg_dump is, and how to reach the database."""

import os
import shutil
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "manifest.json"


def postgres_program(name):
    """Return the path of a PostgreSQL client program: the pgserver wheel's, else PATH's.

    The wheel's programs are PostgreSQL 16, which can dump and restore servers up to 16.
    """
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        program = Path(POSTGRES_BIN_PATH) / name
        if program.exists():
            return str(program)
    except ImportError:
        pass
    program = shutil.which(name)
    if not program:
        raise CommandError(f"{name} was not found: install the PostgreSQL client programs.")
    return program


def postgres_env():
    """Return an environment that points libpq's programs at the project database.

    Taken from the open connection, so a socket folder (the embedded server) or a host
    name in DATABASE_URL both work.
    """
    connection.ensure_connection()
    info = connection.connection.info
    env = dict(os.environ)
    values = {
        "PGDATABASE": info.dbname,
        "PGUSER": info.user,
        "PGPASSWORD": info.password,
        "PGHOST": info.host,
        "PGPORT": str(info.port or ""),
    }
    env.update({key: value for key, value in values.items() if value})
    return env


def row_counts():
    """Return the number of rows in every table of the project database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            # Names come from the database's own catalogue, quoted as identifiers.
            query = f"SELECT count(*) FROM {connection.ops.quote_name(table)}"  # nosec B608
            cursor.execute(query)
            counts[table] = cursor.fetchone()[0]
    return counts
