"""The library on a phone: the filters are reachable at the top, and "Sort by" applies at once
(with a Sort button that does the same without JavaScript)."""

import pytest
from playwright.sync_api import expect

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _library(browser, live_server, *, width, javascript=True):
    ResourceFactory(title="Alpha guide", type="guide")
    ResourceFactory(title="Beta toolkit", type="toolkit")
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 844},
        java_script_enabled=javascript,
    )
    tab = context.new_page()
    tab.goto("/library/")
    return context, tab


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_filters_open_from_above_the_results(browser, live_server, javascript):
    context, tab = _library(browser, live_server, width=390, javascript=javascript)
    summary = tab.locator("summary", has_text="Filters")
    results = tab.get_by_role("heading", name="2 resources")
    assert summary.bounding_box()["y"] < results.bounding_box()["y"]
    guide = tab.locator(".facet a", has_text="Guide")
    expect(guide).to_be_hidden()
    summary.click()
    expect(guide).to_be_visible()
    guide.click()
    expect(tab.get_by_role("heading", name="1 resource")).to_be_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_wide_screen_the_filters_sit_beside_the_results(browser, live_server, javascript):
    context, tab = _library(browser, live_server, width=1280, javascript=javascript)
    expect(tab.locator("summary", has_text="Filters")).to_be_hidden()
    guide = tab.locator(".facet a", has_text="Guide")
    expect(guide).to_be_visible()
    results = tab.get_by_role("heading", name="2 resources").bounding_box()
    assert guide.bounding_box()["x"] > results["x"] + results["width"] / 2
    context.close()


def test_a_new_sort_order_applies_at_once(browser, live_server):
    context, tab = _library(browser, live_server, width=390)
    expect(tab.get_by_role("button", name="Sort", exact=True)).to_be_hidden()
    with tab.expect_navigation():
        tab.get_by_label("Sort by").select_option("title")
    assert "sort=title" in tab.url
    expect(tab.get_by_label("Sort by")).to_have_value("title")
    context.close()


def test_arrow_keys_choose_an_order_without_reloading_at_each_step(browser, live_server):
    """WCAG 3.2.2: a keyboard steps through a closed list; the page waits for Enter."""
    context, tab = _library(browser, live_server, width=1280)
    select = tab.get_by_label("Sort by")
    select.focus()
    first = select.input_value()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    tab.wait_for_timeout(300)
    assert "sort=" not in tab.url
    assert select.input_value() != first
    expect(select).to_be_focused()
    expect(tab.get_by_role("button", name="Sort", exact=True)).to_be_visible()
    chosen = select.input_value()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert f"sort={chosen}" in tab.url
    context.close()


def test_a_key_that_changed_nothing_leaves_the_next_pick_at_once(browser, live_server):
    context, tab = _library(browser, live_server, width=1280)
    select = tab.get_by_label("Sort by")
    select.focus()
    tab.keyboard.press("Home")  # the first option is chosen already: nothing changes
    tab.keyboard.press("ArrowUp")
    select.click()
    with tab.expect_navigation():
        select.select_option("title")
    assert "sort=title" in tab.url
    context.close()


def test_without_javascript_the_sort_button_applies_the_order(browser, live_server):
    context, tab = _library(browser, live_server, width=390, javascript=False)
    tab.get_by_label("Sort by").select_option("title")
    assert "sort=" not in tab.url
    tab.get_by_role("button", name="Sort", exact=True).click()
    tab.wait_for_url("**sort=title**")
    context.close()
