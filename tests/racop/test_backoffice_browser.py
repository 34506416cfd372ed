"""A coordinator's week in the back office, in a real browser at desktop width.

From the front page's counts: approve two applications and ask a third for more
information from their own pages, publish one suggestion and decline another, follow a
report to the post in its thread and hide it, lock a thread from its page, create an event
with its title in two languages. Every page passes axe-core with no serious or critical
violation; screenshots go to test-artifacts/journeys/coordinator-week/.
"""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from discussions import services as discussion_services
from discussions.models import Event, Reply, Thread
from library.models import Resource
from members.models import JoinApplication
from racop.models import AuditEntry
from tests.factories import (
    PASSWORD,
    CoordinatorFactory,
    JoinApplicationFactory,
    MemberFactory,
    ReplyFactory,
    ResourceFactory,
    ThreadFactory,
    TopicFactory,
    UserFactory,
)
from tests.journeys.test_journey_browser import Journey, log_in

pytestmark = pytest.mark.django_db(transaction=True)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "journeys"


@pytest.fixture
def week(db):
    """What a coordinator finds on Monday: applications, suggestions and a report."""
    cache.clear()
    coordinator = CoordinatorFactory()
    applications = [
        JoinApplicationFactory(
            organisation_name=name, user=UserFactory(first_name=first, last_name="Example")
        )
        for name, first in [
            ("Skopje Budget Watch", "Ana"),
            ("Tuzla Youth Forum", "Edin"),
            ("Podgorica Open Data Lab", "Milica"),
        ]
    ]
    suggester = MemberFactory()
    suggestions = [
        ResourceFactory(title=title, status=Resource.Status.IN_REVIEW, added_by=suggester)
        for title in ["Feedback loops in small NGOs", "A list of my favourite films"]
    ]
    thread = ThreadFactory(title="How do you report to donors?", topic=TopicFactory())
    reply = ReplyFactory(thread=thread, body="Only fools publish their budgets.")
    discussion_services.post_report(post=reply, reporter=thread.author, reason="Insulting")
    return coordinator, applications, suggestions, thread, reply


def test_a_coordinators_week_in_the_back_office(browser, live_server, week):
    coordinator, applications, suggestions, thread, reply = week
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    journey = Journey(context.new_page(), ARTIFACTS / "coordinator-week")
    tab = journey.tab
    log_in(tab, coordinator.email, PASSWORD)

    # The front page says what needs attention.
    tab.goto("/admin/")
    journey.check("front-page")
    expect(tab.get_by_role("link", name="3 applications waiting for a decision")).to_be_visible()
    expect(tab.get_by_role("link", name="2 suggested resources to curate")).to_be_visible()
    expect(tab.get_by_role("link", name="1 open report")).to_be_visible()
    expect(tab.get_by_text("Plumbing")).to_have_count(0)

    # The applications waiting, the Status column in view beside the filters.
    tab.get_by_role("link", name="3 applications waiting for a decision").click()
    journey.check("applications")
    status = tab.locator("th.column-status").bounding_box()
    assert status["x"] + status["width"] <= 1280
    # The list fits: nothing of it scrolls out of view.
    hidden = tab.evaluate(
        "document.querySelector('#changelist .results').scrollWidth"
        " - document.querySelector('#changelist .results').clientWidth"
    )
    assert hidden <= 0, f"the applications list hides {hidden}px"

    def decide(application, button, message):
        tab.goto(f"/admin/members/joinapplication/{application.pk}/change/")
        journey.check(f"application-{application.pk}")
        tab.get_by_role("link", name=button, exact=True).click()
        journey.check(f"application-{application.pk}-{button[:7].lower()}")
        tab.get_by_label("Message to the applicant").fill(message)
        tab.get_by_role("button", name=button, exact=True).click()
        tab.wait_for_url(f"**/admin/members/joinapplication/{application.pk}/change/")
        expect(tab.locator(".messagelist")).to_contain_text("The applicant was emailed.")

    decide(applications[0], "Approve", "Welcome, Ana!")
    decide(applications[1], "Approve", "")
    decide(applications[2], "Ask for more information", "Which city do you work in?")
    journey.check("application-asked")
    statuses = dict(JoinApplication.objects.values_list("pk", "status"))
    assert [statuses[a.pk] for a in applications] == ["approved", "approved", "needs_info"]

    # Suggestions: one published, one declined with its reason.
    tab.goto("/admin/")
    tab.get_by_role("link", name="2 suggested resources to curate").click()
    journey.check("suggestions")
    tab.get_by_role("link", name="Feedback loops in small NGOs").click()
    tab.get_by_role("link", name="Publish", exact=True).click()
    journey.check("publish-confirm")
    tab.get_by_role("button", name="Publish", exact=True).click()
    expect(tab.locator(".messagelist")).to_contain_text("is published.")
    tab.goto(f"/admin/library/resource/{suggestions[1].pk}/change/")
    tab.get_by_role("link", name="Decline", exact=True).click()
    tab.get_by_label("Reason, sent to the person who suggested it").fill(
        "The library collects resources on accountability."
    )
    journey.check("decline-reason")
    tab.get_by_role("button", name="Decline", exact=True).click()
    expect(tab.locator(".messagelist")).to_contain_text("was declined")
    assert list(Resource.objects.order_by("pk").values_list("status", flat=True)) == [
        "published",
        "rejected",
    ]

    # The report, from the front page to the post in its thread, then hidden.
    tab.goto("/admin/")
    tab.get_by_role("link", name="1 open report").click()
    tab.locator("#result_list tbody th a").first.click()
    journey.check("report")
    expect(tab.locator(".reported-text")).to_contain_text("Only fools publish their budgets.")
    tab.get_by_role("link", name="See it in “How do you report to donors?”").click()
    tab.wait_for_url(re.compile(rf".*#reply-{reply.pk}$"))
    journey.check("reported-post-in-thread")
    expect(tab.locator(f"#reply-{reply.pk}")).to_contain_text("Only fools")
    tab.go_back()
    tab.get_by_role("link", name="Hide the post").click()
    tab.get_by_label("Reason for hiding").fill("Insults other members")
    journey.check("hide-reason")
    tab.get_by_role("button", name="Hide the post").click()
    expect(tab.locator(".messagelist")).to_contain_text("The post is hidden from members")
    assert Reply.objects.get(pk=reply.pk).hidden_reason == "Insults other members"

    # On the thread's own page: lock it, with a reason.
    tab.goto(thread.get_absolute_url())
    tab.get_by_text("Moderate this thread").click()
    journey.check("thread-moderation")
    lock = tab.locator("form.moderation-form", has_text="Lock")
    lock.get_by_label("Reason").fill("The question is answered")
    lock.get_by_role("button", name="Lock").click()
    expect(tab.get_by_text("This thread is locked: no new replies.")).to_be_visible()
    journey.check("thread-locked")
    assert Thread.objects.get(pk=thread.pk).locked
    assert AuditEntry.objects.filter(action="lock", note="The question is answered").exists()

    # A translated event: each language's title plainly labelled.
    tab.goto("/admin/discussions/event/add/")
    journey.check("event-add")
    tab.get_by_label("Title [English]").fill("Regional convening on feedback")
    tab.get_by_label("Title [Macedonian]").fill("Регионална средба за повратни информации")
    tab.locator("#id_slug").fill("regional-convening-on-feedback")
    tab.locator("#id_starts_at_0").fill("2027-03-10")
    tab.locator("#id_starts_at_1").fill("10:00:00")
    tab.locator("#id_ends_at_0").fill("2027-03-10")
    tab.locator("#id_ends_at_1").fill("16:00:00")
    tab.get_by_label("Description [English]").fill("We meet to learn from each other.")
    tab.get_by_role("button", name="Save", exact=True).click()
    journey.check("event-saved")
    expect(tab.locator(".messagelist")).to_contain_text("was added successfully")
    event = Event.objects.get(slug="regional-convening-on-feedback")
    assert event.title_mk == "Регионална средба за повратни информации"
    context.close()
