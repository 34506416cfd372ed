"""The action plan's key journey in a real browser, with an accessibility check."""

import pytest
from playwright.sync_api import expect

from discussions.plan.models import Proposal
from tests.accessibility import axe_violations
from tests.factories import CoordinatorFactory, MemberFactory, PlanPeriodFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/")


def log_out(page):
    page.context.clear_cookies()


def test_member_proposes_another_supports_coordinator_accepts(page, password):
    PlanPeriodFactory(name="Plan this year")
    TopicFactory(name="Shifting power")
    proposer, supporter = MemberFactory.create_batch(2)
    coordinator = CoordinatorFactory()

    log_in(page, proposer, password)
    page.get_by_role("link", name="Plan", exact=True).click()
    page.get_by_role("link", name="Propose an activity").first.click()
    page.get_by_label("Title").fill("Peer exchange on publishing budgets")
    page.get_by_label("Kind of activity").select_option("peer-exchange")
    page.get_by_label("Why it matters").fill("Most of us do not publish budgets yet.")
    page.get_by_label("What I offer to do").fill("I will host the first session.")
    page.get_by_label("Shifting power").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Submit the proposal").click()
    page.wait_for_url("**/plan/proposals/*/")
    expect(page.get_by_role("heading", name="Peer exchange on publishing budgets")).to_be_visible()
    log_out(page)

    log_in(page, supporter, password)
    page.goto("/plan/proposals/")
    page.get_by_role("link", name="Peer exchange on publishing budgets").click()
    page.get_by_role("button", name="Support this proposal").click()
    expect(page.get_by_text("You support this proposal.").first).to_be_visible()
    assert axe_violations(page) == []
    log_out(page)

    log_in(page, coordinator, password)
    page.goto(Proposal.objects.get().get_absolute_url())
    page.get_by_label("Accept into the plan").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("the proposer is told")).to_be_visible()
    page.goto("/plan/")
    expect(page.get_by_role("heading", name="Peer exchange on publishing budgets")).to_be_visible()
    assert axe_violations(page) == []
