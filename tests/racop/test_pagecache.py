"""The visitors' page cache: shared pages only, never a member's, emptied on change."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import ResourceFactory

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def page_cache(settings):
    settings.CACHES = LOCMEM
    settings.VISITOR_PAGE_CACHE_SECONDS = 60
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def published(**kwargs):
    return ResourceFactory(status="published", visibility="public", **kwargs)


@pytest.mark.django_db
def test_a_visitor_gets_the_second_view_without_a_query(page_cache, django_assert_num_queries):
    published(title="Feedback loops in Tetovo")
    visitor = Client()
    first = visitor.get("/library/")
    with django_assert_num_queries(0):
        second = Client().get("/library/")
    assert second.status_code == 200
    assert second.content == first.content
    assert "Content-Security-Policy" in second.headers


@pytest.mark.django_db
def test_saving_content_a_visitor_sees_empties_the_cache(page_cache):
    published(title="Feedback loops in Tetovo")
    Client().get("/library/")
    published(title="Open budgets in Nikšić")
    assert "Open budgets in Nikšić" in Client().get("/library/").content.decode()


@pytest.mark.django_db
def test_a_member_never_gets_the_visitors_page(page_cache, member):
    published(title="Feedback loops in Tetovo")
    Client().get("/library/")
    client = Client()
    client.force_login(member)
    page = client.get("/library/").content.decode()
    assert "Log out" in page


@pytest.mark.django_db
def test_a_member_page_is_never_stored_for_visitors(page_cache, member):
    ResourceFactory(title="Members-only budget notes", status="published", visibility="members")
    client = Client()
    client.force_login(member)
    assert "Members-only budget notes" in client.get("/library/").content.decode()
    assert "Members-only budget notes" not in Client().get("/library/").content.decode()


@pytest.mark.django_db
def test_pages_with_a_csrf_token_are_not_shared(page_cache):
    first = Client().get("/join/")
    assert first.status_code == 200
    assert "csrfmiddlewaretoken" in first.content.decode()
    second = Client().get("/join/")
    assert second.cookies, "each visitor gets a CSRF cookie of their own"
    assert first.content != second.content


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


@pytest.mark.django_db
def test_a_pending_message_bypasses_the_cache(page_cache):
    url = published().get_absolute_url()
    Client().get(url)
    assert queries_for(Client(), url) == 0
    visitor = Client()
    visitor.cookies["messages"] = "pending"
    assert queries_for(visitor, url) > 0


@pytest.mark.django_db
def test_the_cache_is_off_when_configured_so(settings):
    settings.CACHES = LOCMEM
    settings.VISITOR_PAGE_CACHE_SECONDS = 0
    url = published().get_absolute_url()
    Client().get(url)
    assert queries_for(Client(), url) > 0


@pytest.mark.django_db
def test_a_cached_page_still_sends_a_first_time_visitor_to_their_language(page_cache, settings):
    Client().get("/library/")
    assert queries_for(Client(), "/library/") == 0
    macedonian = Client(headers={"Accept-Language": "mk"}).get("/library/")
    assert macedonian.status_code == 302
    assert macedonian["Location"] == "/mk/library/"
    # Once they chose English, the cached English page is theirs.
    chosen = Client(headers={"Accept-Language": "mk"})
    chosen.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert queries_for(chosen, "/library/") == 0


@pytest.mark.django_db
def test_a_page_from_the_cache_has_the_headers_and_language_of_the_first(page_cache):
    published(title="Feedback loops in Tetovo")
    first = Client().get("/mk/library/")
    second = Client().get("/mk/library/")
    assert second.content == first.content
    assert "Tetovo" in second.content.decode()
    for header in ["Content-Language", "Vary", "Content-Security-Policy", "X-Frame-Options"]:
        assert second.headers.get(header) == first.headers.get(header), header
    assert second["Content-Language"] == "mk"
    english = Client().get("/library/")
    assert english["Content-Language"] == "en"
