"""The whole life of a newcomer, in a real browser, on a desktop and on a 375 px phone.

A newcomer applies and verifies their email; a coordinator approves them in the admin;
the new member signs the Pledge, fills a self-assessment, searches the library with
facets, posts in a discussion (also anonymously), registers for an event and downloads its
calendar file. Every page passes axe-core with no serious or critical violation, and
each step's screenshot is written to test-artifacts/journeys/<test>/ (.ci/run keeps it).
"""

import importlib
import re
from pathlib import Path

import icalendar
import pytest
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from discussions.models import Registration, Reply, Thread
from members.models import User
from pledges.models import Assessment, Signature
from tests.accessibility import axe_violations
from tests.factories import CoordinatorFactory, EventFactory, TopicFactory
from tests.members.test_browser import fill_application
from tests.pledges.test_browser import assess_and_submit

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "journeys"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
PASSWORD = "a long pass phrase 2026"


class Journey:
    """A browser tab that checks and photographs every page it reaches."""

    def __init__(self, tab, folder):
        self.tab = tab
        # Generous: on a shared, busy CI machine one click can take its time.
        tab.set_default_timeout(90_000)
        self.folder = folder
        self.step = 0
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()

    def check(self, name):
        self.tab.wait_for_load_state()
        self.step += 1
        self.tab.screenshot(path=self.folder / f"{self.step:02d}-{name}.png", full_page=True)
        serious = [v for v in axe_violations(self.tab) if "(serious)" in v or "(critical)" in v]
        assert not serious, f"{name} ({self.tab.url}): {serious}"
        overflow = self.tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"


def log_in(tab, email, password):
    tab.goto("/accounts/login/")
    tab.get_by_label("Email").fill(email)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign In").click()
    tab.wait_for_load_state()


@pytest.fixture
def community(db, settings):
    """The demo community, a coordinator, a topic and an event with seats."""
    cache.clear()
    # The 12 commitments come from a migration, which a transactional test's flush removes.
    importlib.import_module("pledges.migrations.0002_seed_commitments").seed(apps, None)
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False
    coordinator = CoordinatorFactory()
    topic = TopicFactory(name="Journeys and lessons")
    event = EventFactory(title="Regional convening on feedback", capacity=20)
    return coordinator, topic, event


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_newcomer_becomes_a_member_and_takes_part(browser, live_server, community, viewport):
    coordinator, topic, event = community
    context = browser.new_context(
        base_url=live_server.url, viewport=VIEWPORTS[viewport], accept_downloads=True
    )
    journey = Journey(context.new_page(), ARTIFACTS / f"newcomer-{viewport}")
    page = journey.tab

    # A newcomer applies to join and verifies the email.
    page.goto("/")
    journey.check("home")
    page.get_by_role("link", name="Join the community").first.click()
    page.wait_for_url("**/join/")
    fill_application(page, organisation="Journey Civic Lab")
    page.get_by_label("I accept the code of conduct").check()
    journey.check("application")
    page.get_by_role("button", name="Send my application").click()
    page.wait_for_url("**/accounts/confirm-email/")
    journey.check("check-your-email")
    # The confirmation, not the "we received your application" notice sent alongside.
    message = next(
        m for m in mail.outbox if m.to == ["ana@example.org"] and "/confirm-email/" in m.body
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    journey.check("confirm-email")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/join/status/")
    journey.check("application-pending")

    # A coordinator approves the application in the admin.
    admin = context.browser.new_context(base_url=live_server.url, viewport=VIEWPORTS[viewport])
    back_office = Journey(admin.new_page(), ARTIFACTS / f"coordinator-{viewport}")
    log_in(back_office.tab, coordinator.email, "correct-horse-battery-staple")
    back_office.tab.goto("/admin/members/joinapplication/")
    back_office.check("applications")
    row = back_office.tab.locator("#result_list tr", has_text="Journey Civic Lab")
    row.locator("input[type=checkbox]").check()
    back_office.tab.locator("select[name=action]").select_option("approve")
    back_office.tab.get_by_role("button", name="Run").or_(
        back_office.tab.get_by_role("button", name="Go")
    ).first.click()
    back_office.check("approve-confirm")
    back_office.tab.get_by_label("Message to the applicant").fill("Welcome, Ana!")
    back_office.tab.get_by_role("button", name="Approve applications").click()
    back_office.check("approved")
    admin.close()
    assert User.objects.get(email="ana@example.org").is_member

    # The member signs the Pledge for their organisation.
    page.goto("/pledge/sign/")
    page.get_by_label("Journey Civic Lab").check()
    page.get_by_label("Why we sign").fill("Trust is built in the open.")
    journey.check("pledge-sign")
    page.get_by_role("button", name="Sign", exact=True).click()
    journey.check("pledge-signed")
    assert Signature.objects.filter(organisation__name="Journey Civic Lab").exists()

    # … fills a self-assessment.
    page.goto("/accountability/")
    journey.check("accountability")
    page.get_by_role("link", name="Your self-assessments").click()
    assess_and_submit(page, "Our annual report.", journey.check)
    assert Assessment.objects.filter(organisation__name="Journey Civic Lab").exists()

    # … searches the library and narrows the results with a facet.
    page.goto("/library/")
    page.get_by_label("Search the library").fill("accountability")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    journey.check("library-search")
    filters = page.locator("summary", has_text="Filters")
    if filters.is_visible():  # on a phone the filters open from above the results
        filters.click()
    facet = page.locator(".facet a").first
    expected = re.search(r"\((\d+)\)", facet.text_content()).group(1)
    facet.click()
    page.wait_for_load_state()
    assert "q=accountability" in page.url and "&" in page.url
    assert page.locator("#results-heading").inner_text().split()[0] == expected
    expect(page.get_by_role("link", name=re.compile("^Remove filter"))).to_be_visible()
    journey.check("library-facet")

    # … posts in a discussion, then replies as "a community member".
    page.goto(f"/discussions/{topic.slug}/")
    journey.check("topic")
    page.get_by_role("link", name="Start a discussion").click()
    page.get_by_label("Title").fill("What we learned from our feedback round")
    page.get_by_label("Body").fill("We asked **fewer** questions and heard more.")
    journey.check("thread-form")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url(f"**/discussions/{topic.slug}/*-what-we-learned-from-our-feedback-round/")
    journey.check("thread")
    page.get_by_label("Your reply").fill("Speaking for many of us: it worked.")
    page.get_by_label("Post as “a community member”").check()
    page.get_by_role("button", name="Post reply").click()
    journey.check("reply-anonymous")
    thread = Thread.objects.get(title="What we learned from our feedback round")
    assert Reply.objects.get(thread=thread).anonymous

    # … registers for an event and downloads its calendar file.
    page.goto("/events/")
    journey.check("events")
    page.get_by_role("link", name=event.title).first.click()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.").first).to_be_visible()
    journey.check("registered")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    assert download.value.suggested_filename == f"{event.slug}.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    assert Registration.objects.filter(event=event, user__email="ana@example.org").exists()
    context.close()
