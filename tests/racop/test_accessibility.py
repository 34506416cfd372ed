"""The site frame's pages pass axe-core's WCAG 2.2 AA checks, on a desktop and a phone."""

import pytest

from tests.accessibility import axe_violations
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

PATHS = [
    "/",
    "/about/",
    "/privacy/",
    "/feeds/",
    "/accounts/login/",
    "/accounts/signup/",
    "/no-such-page/",
]


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_public_pages_have_no_accessibility_violations(tab, width):
    topic = TopicFactory()
    tab.set_viewport_size({"width": width, "height": 900})
    for path in [*PATHS, topic.get_absolute_url()]:
        tab.goto(path)
        assert axe_violations(tab) == [], path


def test_signup_errors_are_accessible(tab):
    tab.goto("/accounts/signup/")
    tab.get_by_label("Email").fill("not an email")
    tab.get_by_role("button", name="Sign Up").click()
    assert axe_violations(tab) == []


def test_member_pages_have_no_accessibility_violations(tab, member, password):
    tab.goto("/accounts/login/")
    tab.get_by_label("Email").fill(member.email)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign In").click()
    tab.wait_for_url("**/")
    assert axe_violations(tab) == []
    tab.locator("details.menu summary").click()
    assert axe_violations(tab) == []
