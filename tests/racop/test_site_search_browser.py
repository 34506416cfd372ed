"""The header's search box in a browser: on a phone (390 px), by keyboard, without JavaScript
needed (a plain GET form), and the results page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.accessibility import axe_violations
from tests.factories import ResourceFactory, ThreadFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["sq", "mk"])
def test_a_member_searches_from_the_header_on_a_phone(
    browser, live_server, member, password, language
):
    ResourceFactory(title="Buxheti i shoqërisë civile", languages=["sq"], status="published")
    ThreadFactory(title="Izveštaj o transparentnosti", language="sr-latn")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    tab = log_in(context, member, password)
    tab.goto(f"/{language}/")
    box = tab.locator("#header-search-q")
    expect(box).to_be_visible()
    box.fill("izvestaji")
    box.press("Enter")
    tab.wait_for_url(f"**/{language}/search/?q=izvestaji")
    expect(tab.locator(".search-hit a", has_text="Izveštaj o transparentnosti")).to_be_visible()
    context.close()
    # With JavaScript (axe needs it): nothing scrolls sideways and axe finds nothing.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    tab = log_in(context, member, password)
    for words, title in [("izvestaji", "Izveštaj o transparentnosti"), ("buxhetet", "Buxheti")]:
        tab.goto(f"/{language}/search/?q={words}")
        expect(tab.locator(".search-hit a", has_text=title)).to_be_visible()
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the results scroll sideways by {overflow}px"
        assert axe_violations(tab) == []
    context.close()


def log_in(context, member, password):
    tab = context.new_page()
    tab.goto("/accounts/login/")
    tab.fill("input[name=login]", member.email)
    tab.fill("input[name=password]", password)
    tab.locator("form button[type=submit]").last.click()
    tab.wait_for_load_state()
    return tab
