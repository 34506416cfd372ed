"""A member's home in a real browser: a new member on a phone, in the region's languages.

Set HOME_SCREENSHOTS=/some/dir to keep a PNG of each language at 390 and 1280 px.
"""

import itertools
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from discussions.models import Subscription
from members.models import Membership
from pledges.models import PeerReview
from tests.accessibility import axe_violations
from tests.factories import (
    ActionItemFactory,
    AssessmentFactory,
    EventFactory,
    MembershipFactory,
    OrganisationFactory,
    PledgeVersionFactory,
    ProposalFactory,
    RegistrationFactory,
    ReplyFactory,
    SurveyFactory,
    ThreadFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["en", "mk", "sq", "sr", "cnr"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _log_in(tab, email, password):
    tab.goto("/accounts/login/")
    tab.fill("input[name=login]", email)
    tab.fill("input[name=password]", password)
    tab.locator("form button[type=submit]").last.click()
    tab.wait_for_load_state()


@pytest.fixture
def new_member():
    """Approved a moment ago: represents an organisation, with a little of everything."""
    user = MembershipFactory(
        role=Membership.Role.REPRESENTATIVE,
        organisation__name="Centre for Civic Initiatives of the Western Balkans Region",
        user__first_name="Ana",
    ).user
    PledgeVersionFactory(number=1)
    SurveyFactory(title="Expectations and priorities of the community of practice")
    RegistrationFactory(
        user=user, event=EventFactory(title="Regional convening on feedback and accountability")
    )
    thread = ThreadFactory(title="How do you publish your budget every quarter?")
    Subscription.objects.create(user=user, thread=thread)
    ReplyFactory.create_batch(2, thread=thread)
    ProposalFactory(proposer=user, title="A peer exchange on feedback loops")
    ActionItemFactory(owner=user, text="Share the template for the annual accountability report")
    PeerReview.objects.create(
        assessment=AssessmentFactory(organisation=OrganisationFactory(name="Open Budget Lab")),
        reviewer=user.memberships.get().organisation,
    )
    return user


def test_a_new_member_on_a_phone_sees_the_welcome_and_takes_the_first_step(
    browser, live_server, new_member, password
):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    tab = context.new_page()
    _log_in(tab, new_member.email, password)
    # Logging in lands on the home page.
    assert tab.evaluate("location.pathname") == "/"
    expect(tab.get_by_role("heading", level=1, name="Your home")).to_be_visible()
    expect(tab.get_by_role("heading", name="Welcome to")).to_be_visible()
    steps = tab.get_by_role("region", name="Your next steps")
    expect(steps.get_by_role("listitem")).to_have_count(5)
    if shots := os.environ.get("HOME_SCREENSHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=f"{shots}/home-en-390-welcome.png", full_page=True)
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(tab) == []
    # Headings in order: one h1, then h2s, h3s only inside them.
    levels = tab.eval_on_selector_all(
        "main h1, main h2, main h3, main h4", "hs => hs.map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    # The journey's first click: the step's button, by its accessible name.
    tab.get_by_role("link", name="Sign the Pledge", exact=True).first.click()
    tab.wait_for_url("**/pledge/sign/")
    # The welcome was shown once.
    tab.goto("/")
    expect(tab.get_by_role("heading", name="Welcome to")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_the_member_home_fits_a_phone_in_each_language(
    browser, live_server, new_member, password, language
):
    shots = os.environ.get("HOME_SCREENSHOTS")
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    tab = context.new_page()
    _log_in(tab, new_member.email, password)
    for viewport in (PHONE, DESKTOP):
        tab.set_viewport_size(viewport)
        tab.goto(f"/{language}/")
        assert tab.evaluate("document.documentElement.lang") == language.replace("_", "-")
        assert tab.locator("li.step").count() == 5
        if viewport is PHONE:
            assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            assert axe_violations(tab) == []
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=f"{shots}/home-{language}-{viewport['width']}.png", full_page=True)
    context.close()
