"""The embedded PostgreSQL used when no DATABASE_URL is configured.

The server from the ``pgserver`` wheel runs from ``.data/postgres`` on a Unix socket.
It is started on first use and left running, so later commands reuse it instantly;
``make run`` stops it when it stops. The data survives restarts; ``make clean-data`` is
the only thing that deletes it.
"""

import json
import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / ".data"
PGDATA = DATA_DIR / "postgres"
DATABASE_NAME = "racop"


def _server():
    # pgserver's platformdirs warns at import when XDG_RUNTIME_DIR is unset (cron, CI).
    os.environ.setdefault("XDG_RUNTIME_DIR", str(DATA_DIR / "run"))
    (DATA_DIR / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        import pgserver
    except ImportError as error:  # pragma: no cover - depends on the interpreter
        raise RuntimeError(
            "No DATABASE_URL is set and the embedded PostgreSQL (pgserver) is not installed. "
            "Use Python 3.12 with `make run`, or set DATABASE_URL to a PostgreSQL server."
        ) from error
    PGDATA.mkdir(parents=True, exist_ok=True)
    return pgserver.get_server(PGDATA, cleanup_mode=None)


def database_url() -> str:
    """Start the embedded server if needed and return the URL of the project database."""
    server = _server()
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(DATABASE_NAME)


def stop() -> None:
    """Stop the embedded server, unless another live process still uses it (a test run).

    pgserver stops the server when its last user exits; a process killed without running
    its exit handlers (a runserver stopped by a signal) stays on its list, so the dead
    are struck off first.
    """
    if not (PGDATA / "PG_VERSION").exists():
        return
    import psutil

    handles = PGDATA / ".handle_pids.json"
    if handles.exists():
        users = json.loads(handles.read_text() or "[]")
        handles.write_text(json.dumps([pid for pid in users if psutil.pid_exists(pid)]))
    _server().cleanup_mode = "stop"
