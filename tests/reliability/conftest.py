"""One throwaway PostgreSQL (migrated once) for the reliability tests; Redis per test."""

import pytest

from tests.reliability.stack import Postgres, Redis, manage, production_env

PASSWORD = "reliability-password-2026"


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    server = Postgres(tmp_path_factory.mktemp("postgres"))
    yield server
    server.close()


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
