"""Two app servers share PostgreSQL, Redis and the media folder behind one address."""

import re

import pytest

from tests.reliability.conftest import PASSWORD
from tests.reliability.stack import AppServer, Client, create_member, production_env

pytestmark = pytest.mark.reliability


@pytest.fixture
def servers(portal_database, redis, tmp_path):
    env = production_env(
        database_url=portal_database, redis_url=redis.url, media_root=tmp_path / "shared-media"
    )
    first = AppServer(env, tmp_path / "first.log")
    try:
        second = AppServer(env, tmp_path / "second.log")
    except Exception:
        first.stop()
        raise
    yield env, first, second
    first.stop()
    second.stop()


def test_a_login_on_one_server_holds_on_the_other(servers):
    env, first, second = servers
    email = create_member(env, PASSWORD)
    on_first = Client(first.url)
    assert on_first.get("/me/")[0] == 302
    on_first.log_in(email, PASSWORD)
    on_second = on_first.on(second.url)
    status, _, body = on_second.get("/me/")
    assert status == 200
    assert email.encode() in body


def test_an_upload_through_one_server_is_served_by_the_other(servers):
    env, first, second = servers
    email = create_member(env, PASSWORD)
    on_first = Client(first.url)
    on_first.log_in(email, PASSWORD)
    content = b"Shared between app servers.\n" * 20
    status, headers, body = on_first.post(
        "/library/suggest/",
        {"title": "Our feedback report", "type": "research", "scope": "regional"},
        files={"file": ("feedback-report.txt", content, "text/plain")},
    )
    assert status == 302, body.decode()[:2000]

    on_second = on_first.on(second.url)
    listing = on_second.get("/library/suggestions/")[2].decode()
    slug = re.search(r'href="/library/([\w-]+)/"[^>]*>\s*Our feedback report', listing).group(1)
    status, headers, body = on_second.get(f"/library/{slug}/download/")
    assert status == 200
    assert body == content
    assert "feedback-report" in headers["Content-Disposition"]
