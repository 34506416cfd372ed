"""Key journeys of the site frame in a real browser (headless Chromium)."""

import pytest
from playwright.sync_api import expect

from racop.models import Page

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_reads_home_and_about_by_keyboard(page):
    Page.objects.filter(slug="about").update(summary="Pledge and learn.", body="## How it works")
    page.goto("/")
    assert "Pledge and learn." in page.inner_text("main")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Skip to main content" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.get_by_role("link", name="How the community works").click()
    page.wait_for_url("**/about/")
    expect(page.get_by_role("heading", name="How it works")).to_be_visible()


def test_member_logs_in_and_out(page, member, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/")
    menu = page.locator("details.menu summary")
    assert member.first_name in menu.inner_text()
    menu.click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_no_horizontal_scrolling_on_a_small_phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ["/", "/about/", "/accounts/login/", "/accounts/signup/"]:
        tab.goto(path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()


def test_pages_load_nothing_from_other_hosts(page, live_server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ["/", "/about/", "/accounts/login/"]:
        page.goto(path)
    assert requests
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requests)
