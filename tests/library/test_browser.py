"""The library's key journeys in a real browser."""

import pytest
from playwright.sync_api import expect

from library.models import Resource
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_searches_and_narrows_down_without_javascript(browser, live_server):
    ResourceFactory(title="Društvo i odgovornost", type="guide", summary="Vodič za društvo.")
    ResourceFactory(title="Drustvo news", type="news", summary="News on društvo.")
    ResourceFactory(title="Unrelated toolkit", type="toolkit")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/library/")
    page.get_by_label("Search the library").fill("drustvo")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="2 resources")).to_be_visible()
    page.locator(".facet a", has_text="Guide").click()
    expect(page.get_by_role("heading", name="1 resource")).to_be_visible()
    assert "type=guide" in page.url
    page.get_by_role("link", name="Remove filter Type: Guide").click()
    expect(page.get_by_role("heading", name="2 resources")).to_be_visible()
    context.close()


def test_member_suggests_a_resource(page, member, password):
    page.goto("/accounts/login/?next=/library/suggest/")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/library/suggest/")
    page.get_by_label("Title").fill("Our open budget")
    page.get_by_role("button", name="Send the suggestion").click()
    expect(page.get_by_text("Give a link, upload a file, or both.")).to_be_visible()
    assert page.get_by_label("Title").input_value() == "Our open budget"
    page.get_by_label("Link").fill("https://example.org/budget")
    page.get_by_role("button", name="Send the suggestion").click()
    page.wait_for_url("**/library/suggestions/")
    expect(page.get_by_role("cell", name="In review")).to_be_visible()
    assert Resource.objects.get().status == "in_review"
