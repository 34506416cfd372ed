"""The API's documentation page in a real browser: readable without JavaScript, on a phone,
and accessible; and the API itself answers a page on another site (CORS)."""

import pytest

from tests.accessibility import axe_violations
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_documentation_page_is_accessible_and_fits_a_phone(browser, live_server, width):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, bypass_csp=True
    )
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    for path in ["/api/", "/sr/api/"]:
        tab.goto(path)
        assert tab.locator("h1").count() == 1
        assert tab.locator("table").count() == 8
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto("/api/")
    assert axe_violations(tab) == []
    context.close()


def test_a_visitor_finds_the_api_from_the_footer_and_follows_an_example(page):
    ResourceFactory(title="Open books", slug="open-books")
    page.goto("/library/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data API").click()
    assert page.url.endswith("/api/")
    page.get_by_role("link", name="GET /api/v1/resources/{slug}/").click()
    assert page.locator("#resource-detail").is_visible()
    answer = page.request.get("/api/v1/resources/open-books/")
    assert answer.ok
    assert answer.json()["title"] == "Open books"
    assert answer.headers["access-control-allow-origin"] == "*"
