"""The library's pages pass axe-core's WCAG 2.2 AA checks, on a desktop and a phone."""

import pytest

from tests.accessibility import axe_violations
from tests.factories import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_library_pages_have_no_accessibility_violations(tab, width):
    topic = TopicFactory()
    resources = ResourceFactory.create_batch(3, languages=["en"], countries=["AL"], year=2024)
    for resource in resources:
        resource.topics.add(topic)
        resource.tags.add("feedback")
    tab.set_viewport_size({"width": width, "height": 900})
    for path in [
        "/library/",
        "/library/?q=resource&type=guide&year=abc",
        "/library/?q=resourse",
        resources[0].get_absolute_url(),
        topic.get_absolute_url(),
    ]:
        tab.goto(path)
        assert axe_violations(tab) == [], path
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_suggestion_form_with_errors_is_accessible(tab, member, password):
    tab.goto("/accounts/login/?next=/library/suggest/")
    tab.get_by_label("Email").fill(member.email)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign In").click()
    tab.wait_for_url("**/library/suggest/")
    assert axe_violations(tab) == []
    tab.get_by_role("button", name="Send the suggestion").click()
    assert axe_violations(tab) == []
