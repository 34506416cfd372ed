"""Faults: the database or Redis goes away under a running app server, then comes back."""

import pytest

from tests.reliability.conftest import PASSWORD
from tests.reliability.stack import AppServer, Client, create_member, production_env

pytestmark = pytest.mark.reliability


@pytest.fixture
def stack(postgres, portal_database, redis, tmp_path):
    env = production_env(
        database_url=portal_database, redis_url=redis.url, media_root=tmp_path / "media"
    )
    server = AppServer(env, tmp_path / "gunicorn.log")
    yield env, server
    server.stop()


def test_database_outage_answers_503_and_recovers_without_a_restart(postgres, stack):
    env, server = stack
    email = create_member(env, PASSWORD)
    client = Client(server.url)
    client.log_in(email, PASSWORD)
    assert client.get("/")[0] == 200

    postgres.stop()
    try:
        for path in ["/", "/library/", "/discussions/"]:
            status, headers, body = client.get(path)
            assert status == 503, path
            assert b"We will be back in a moment" in body
            assert headers["Retry-After"] == "30"
        status, _, body = Client(server.url).get("/healthz")
        assert (status, body) == (503, b"database unavailable\n")
    finally:
        postgres.start()

    assert Client(server.url).get("/healthz")[0] == 200
    status, _, body = client.get("/discussions/")
    assert status == 200, "the member is still logged in once the database is back"
    assert server.process.poll() is None


def test_redis_outage_keeps_the_site_working_from_the_database(redis, stack):
    env, server = stack
    email = create_member(env, PASSWORD)
    before = Client(server.url)
    before.log_in(email, PASSWORD)

    redis.stop()
    assert before.get("/discussions/")[0] == 200, "the session lives on in the database"
    fresh = Client(server.url)
    for path in ["/", "/library/?q=accountability", "/events/"]:
        assert fresh.get(path)[0] == 200, path
    fresh.log_in(email, PASSWORD)
    assert fresh.get("/me/")[0] == 200
    assert Client(server.url).get("/healthz")[0] == 200

    redis.start()
    assert fresh.get("/me/")[0] == 200
