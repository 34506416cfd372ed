"""Feeds and citations in a real browser: the feeds index on a phone, a resource's Cite
block without JavaScript, its RIS download read back by rispy."""

import pytest
import rispy
from playwright.sync_api import expect

from tests.accessibility import axe_violations
from tests.factories import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_feeds_index_on_a_phone_is_accessible_and_does_not_scroll_sideways(browser, live_server):
    TopicFactory(name="Participation and feedback from the people organisations serve")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto("/")
    tab.get_by_role("link", name="Feeds and calendars").click()
    expect(tab.get_by_role("heading", name="Feeds and calendars", level=1)).to_be_visible()
    expect(tab.get_by_role("heading", name="Events calendar")).to_be_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(tab) == []
    context.close()


def test_visitor_cites_a_resource_without_javascript(browser, live_server):
    resource = ResourceFactory(
        title="Отчет: {who} answers 100% & more", publisher="Ana Petrović; BCSDN", year=2023
    )
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(resource.get_absolute_url())
    tab.get_by_text("Cite this resource").click()
    expect(tab.locator(".cite-reference")).to_contain_text("Ana Petrović, BCSDN (2023).")
    link = tab.get_by_role("link", name="RIS")
    expect(link).to_have_attribute("download", "")
    # The file as the browser gets it (with the page's cookies).
    response = context.request.get(link.get_attribute("href"))
    assert response.headers["content-disposition"] == f'attachment; filename="{resource.slug}.ris"'
    [record] = rispy.loads(response.text())
    assert record["title"] == resource.title
    assert record["year"] == "2023"
    assert record["urls"] == [resource.url]
    context.close()


def test_cite_block_is_accessible(page):
    resource = ResourceFactory(publisher="Ana Petrović", year=2023)
    page.goto(resource.get_absolute_url())
    page.get_by_text("Cite this resource").click()
    expect(page.get_by_role("link", name="BibTeX")).to_be_visible()
    assert axe_violations(page) == []
