"""A new member's first week, in a real browser at 1280 px and on a 390 px phone (issue 20).

An application is approved; the member signs in and their home shows the next steps; from
there they sign the Pledge, assess the 12 commitments, answer the expectations survey and
register for an event; then one search box in the header finds a discussion, a library
resource and an event. Every page passes axe-core with no serious or critical violation and
scrolls no wider than the screen; screenshots go to test-artifacts/journeys/first-week-*/.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from discussions.models import Registration
from members.models import SurveyResponse
from members.services import application_approve
from pledges.models import Assessment, Signature
from tests.accessibility import axe_violations
from tests.factories import (
    EventFactory,
    JoinApplicationFactory,
    ResourceFactory,
    ThreadFactory,
    UserFactory,
)
from tests.journeys.test_journey_browser import ARTIFACTS, Journey, community, log_in
from tests.pledges.test_browser import assess_and_submit

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PASSWORD = "correct-horse-battery-staple"
__all__ = ["community"]  # the demo community (a fixture of the first journey)


@pytest.fixture
def approved(community):
    """Ana's application for her organisation, approved by a coordinator; and what the
    community already holds about Ohrid: a discussion, a resource and an event."""
    coordinator, topic, _event = community
    ana = UserFactory(first_name="Ana", email="ana.first-week@example.org")
    application = JoinApplicationFactory(user=ana, organisation_name="Ohrid Civic Forum")
    application_approve(application=application, by=coordinator, message="Welcome, Ana!")
    ThreadFactory(
        topic=topic,
        title="Participatory budgeting in Ohrid: what worked",
        slug="participatory-budgeting-in-ohrid",
    )
    ResourceFactory(
        title="Public budget hearings in Ohrid: a case study",
        slug="public-budget-hearings-in-ohrid",
    )
    event = EventFactory(
        title="Convening on local accountability in Ohrid",
        slug="convening-in-ohrid",
        capacity=30,
        starts_at=timezone.now() + timezone.timedelta(days=5),
    )
    return ana, event


class FirstWeek(Journey):
    """Stricter than the first journey: no axe violation at all, of any impact."""

    def check(self, name):
        super().check(name)
        violations = axe_violations(self.tab)
        assert not violations, f"{name} ({self.tab.url}): {violations}"


def next_step(page, name):
    """Follow a step's button in the home's "Your next steps"."""
    page.goto("/")
    steps = page.get_by_role("region", name="Your next steps")
    steps.get_by_role("link", name=name).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_new_members_first_week(browser, live_server, approved, viewport):
    ana, event = approved
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[viewport])
    journey = FirstWeek(context.new_page(), ARTIFACTS / f"first-week-{viewport}")
    page = journey.tab

    # Approved: the home greets Ana and lists her next steps.
    log_in(page, ana.email, PASSWORD)  # signing in lands on the home
    expect(page.get_by_role("heading", level=1, name="Your home")).to_be_visible()
    expect(page.get_by_role("heading", name="Welcome to", exact=False)).to_be_visible()
    steps = page.get_by_role("region", name="Your next steps")
    for action in ["Sign the Pledge", "Answer the survey"]:
        expect(steps.get_by_role("link", name=action)).to_be_visible()
    journey.check("home-welcome")

    # She signs the Pledge for her organisation.
    next_step(page, "Sign the Pledge")
    page.get_by_label("Ohrid Civic Forum").check()
    page.get_by_label("Why we sign").fill("Trust is built in the open.")
    journey.check("pledge-sign")
    page.get_by_role("button", name="Sign", exact=True).click()
    journey.check("pledge-signed")
    assert Signature.objects.filter(organisation__name="Ohrid Civic Forum").exists()

    # … assesses the 12 commitments: the home's next step leads there.
    next_step(page, "Assess the 12 commitments")
    journey.check("assessments")
    # Submitting locks the assessment: the portal asks first (a page of its own).
    assess_and_submit(page, "Our annual report, read aloud in the town hall.", journey.check)
    assessment = Assessment.objects.get(organisation__name="Ohrid Civic Forum")
    assert assessment.submitted_at is not None

    # … answers the expectations and priorities survey.
    next_step(page, "Answer the survey")
    journey.check("survey")
    page.locator("fieldset").first.locator("input[type=checkbox]").first.check()
    page.get_by_label("Hybrid").check()
    page.get_by_label("Every three months").check()
    page.get_by_role("button", name="Send my answers").click()
    journey.check("survey-answered")
    assert SurveyResponse.objects.filter(user=ana, submitted_at__isnull=False).exists()

    # … registers for an event.
    page.goto(f"/events/{event.slug}/")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.").first).to_be_visible()
    journey.check("registered")
    assert Registration.objects.filter(event=event, user=ana).exists()

    # Back home: the steps done say so, her event is listed.
    page.goto("/")
    expect(page.get_by_role("region", name="Your upcoming events")).to_contain_text(event.title)
    journey.check("home-after")

    # One box finds a discussion, a resource and an event.
    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill("ohrid")
    search.get_by_role("searchbox").press("Enter")
    page.wait_for_url("**/search/?q=ohrid")
    journey.check("search")
    for title in [
        "Participatory budgeting in Ohrid: what worked",
        "Public budget hearings in Ohrid: a case study",
        event.title,
    ]:
        expect(page.get_by_role("link", name=title).first).to_be_visible()
    page.get_by_role("link", name="Participatory budgeting in Ohrid: what worked").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Participatory budgeting")
    journey.check("found-thread")
    context.close()
