"""One throwaway PostgreSQL (migrated once) for the reliability tests; Redis per test."""

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.reliability.stack import Postgres, Redis, manage, production_env

PASSWORD = "reliability-password-2026"


@pytest.fixture(scope="session")
def postgres():
    # Not under pytest's private temporary folder: as root, pgserver runs PostgreSQL as its
    # own system user, which must be able to reach the data folder.
    folder = Path(tempfile.mkdtemp(prefix="racop-reliability-"))
    folder.chmod(0o755)
    server = Postgres(folder)
    yield server
    server.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def portal_database(postgres, tmp_path_factory):
    """The URL of a migrated portal database on the throwaway server."""
    url = postgres.create_database("portal")
    env = production_env(
        database_url=url, redis_url="", media_root=tmp_path_factory.mktemp("media")
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    return url


@pytest.fixture
def redis():
    server = Redis()
    yield server
    server.stop()
