"""Key journeys of the Pledge and self-assessment in a real browser (headless Chromium)."""

import pytest
from django.utils import timezone

from pledges.models import Assessment, Signature
from tests.factories import PledgeVersionFactory, SignatureFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/")


def test_representative_signs_for_the_organisation_from_the_pledge_page(
    page, representative, password
):
    PledgeVersionFactory(number=1, title="Our Pledge")
    organisation = representative.memberships.get().organisation
    log_in(page, representative, password)
    page.goto("/pledge/")
    page.get_by_role("link", name="Sign the Pledge").first.click()
    page.wait_for_url("**/pledge/sign/")
    page.get_by_label(organisation.name).check()
    page.get_by_label("Why we sign").fill("Trust is built in the open.")
    page.get_by_role("button", name="Sign", exact=True).click()
    assert "signed the Pledge" in page.inner_text(".messages")
    page.goto("/pledge/")
    wall = page.inner_text(".signatories")
    assert organisation.name in wall
    assert "Trust is built in the open." in wall
    assert Signature.objects.active().for_organisation(organisation).count() == 1


def assess_and_submit(page, evidence, check=lambda name: None):
    """From the self-assessments page: start this year's, answer "Established" for every
    commitment with some evidence, save and submit, confirming on the page that asks first.
    check(name) is called on each page (a journey's screenshots and axe)."""
    page.get_by_label("Year").fill(str(timezone.now().year))
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/edit/")
    for fieldset in page.locator("fieldset.levels").all():
        fieldset.get_by_label("Established").check()
    page.locator("textarea").first.fill(evidence)
    page.get_by_label("Everyone").check()
    check("self-assessment")
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_url("**/submit/")
    check("self-assessment-confirm")
    page.get_by_role("button", name="Submit", exact=True).click()
    page.wait_for_load_state()
    check("self-assessment-submitted")


def test_representative_fills_in_and_submits_a_self_assessment(
    page, representative, password, commitments
):
    organisation = representative.memberships.get().organisation
    SignatureFactory(organisation=organisation, version=PledgeVersionFactory(number=1))
    log_in(page, representative, password)
    page.goto("/accountability/")
    page.get_by_role("link", name="Your self-assessments").click()
    assess_and_submit(page, "Our annual report.")
    assert "Submitted." in page.inner_text(".messages")
    assessment = Assessment.objects.get()
    assert assessment.status == "submitted"
    assert assessment.visibility == "public"
    assert "Our annual report." in page.inner_text("main")


def test_pledge_and_radar_pages_fit_a_small_phone(browser, live_server, commitments):
    version = PledgeVersionFactory(number=1)
    for country in ["BA", "MK", "AL", "XK"]:
        SignatureFactory(version=version, organisation__country=country)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ["/pledge/", "/accountability/", "/accountability/commitments/"]:
        tab.goto(path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()
