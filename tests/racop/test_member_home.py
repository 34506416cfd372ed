"""A member's home: the home page once logged in as a member (issue 20).

Visitors and applicants keep the brochure page; members get their next steps, by their
state, and what is theirs (review requests, events, new replies, proposals, action items),
with a welcome on the first visit after approval.
"""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from discussions.models import Subscription, ThreadRead
from members.models import Membership, SurveyResponse, User
from pledges.models import PeerReview
from tests.factories import (
    ActionItemFactory,
    AssessmentFactory,
    CoordinatorFactory,
    EventFactory,
    JoinApplicationFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    ProposalFactory,
    RegistrationFactory,
    ReplyFactory,
    SignatureFactory,
    SurveyFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

STEPS_HEADING = "Your next steps"
WELCOME = "Your application was approved"


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def steps(html):
    """Return [(title, done, [(button text, href)])] of the next steps shown, in order."""
    found = []
    for item in re.findall(r'<li class="step( step-done| step-waiting)?">(.*?)</li>', html, re.S):
        state, body = item
        done = state == " step-done"
        title = re.search(r"<h3>(.*?)(?: <span|</h3>)", body, re.S).group(1).strip()
        buttons = re.findall(r'<a class="button[^"]*" href="([^"]*)">([^<]*)</a>', body)
        found.append((title, bool(done), [(text, href) for href, text in buttons]))
    return found


@pytest.fixture
def new_representative():
    """Approved a moment ago for their organisation: nothing signed, assessed or followed."""
    return MembershipFactory(role=Membership.Role.REPRESENTATIVE).user


# Who gets which home


@pytest.mark.parametrize("role", ["visitor", "applicant"])
def test_visitors_and_applicants_keep_the_brochure_page(as_role, role):
    html = home(as_role(role))
    assert STEPS_HEADING not in html
    assert "Upcoming convenings" in html
    if role == "visitor":
        assert "Join the community" in html


@pytest.mark.parametrize("role", ["member", "representative", "coordinator"])
def test_members_and_coordinators_get_their_own_home(as_role, role):
    html = home(as_role(role))
    assert "<h1" in html and "Your home" in html
    assert STEPS_HEADING in html
    assert "Join the community" not in html


def test_the_member_home_is_private_and_never_stored(member_client):
    response = member_client.get(reverse("home"))
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


# The welcome


def test_a_new_member_is_welcomed_once(new_representative):
    client = logged_in(new_representative)
    assert WELCOME in home(client)
    new_representative.refresh_from_db()
    assert new_representative.welcomed_at is not None
    assert WELCOME not in home(client)
    # Another device, another session: still only once.
    assert WELCOME not in home(logged_in(new_representative))


@pytest.mark.parametrize("status", ["pending", "approved"])
def test_the_approved_application_leads_to_the_next_steps(status):
    application = JoinApplicationFactory(status=status)
    if status == "approved":
        application.user.make_member()
    html = logged_in(application.user).get(reverse("members:application_status"))
    link = f'href="{reverse("home")}">See your next steps</a>'
    assert (link in html.content.decode()) is (status == "approved")


def test_no_welcome_for_a_coordinator_who_never_applied():
    coordinator = CoordinatorFactory(member_since=None)
    assert WELCOME not in home(logged_in(coordinator))


# Next steps by state


def test_a_new_representative_sees_every_step_in_order(new_representative):
    SurveyFactory(title="Expectations and priorities")
    html = home(logged_in(new_representative))
    assert WELCOME in html
    shown = steps(html)
    assert [title for title, _done, _buttons in shown] == [
        "Sign the Pledge",
        "Assess the 12 commitments",
        "Answer 1 open survey",
        "Ask for a peer review",
        "Follow topics",
    ]
    assert not any(done for _title, done, _buttons in shown)
    buttons = {title: buttons for title, _done, buttons in shown}
    assert buttons["Sign the Pledge"] == [("Sign the Pledge", reverse("pledges:pledge_sign"))]
    # Assessing waits for the signature, the peer review for the assessment: no button yet.
    assert buttons["Assess the 12 commitments"] == []
    assert buttons["Ask for a peer review"] == []
    assert buttons["Answer 1 open survey"][0][0] == "Answer the survey"
    assert buttons["Follow topics"] == [
        ("Choose topics to follow", reverse("discussions:topic_list"))
    ]
    assert "Expectations and priorities" in html
    # The first step that can be taken is the primary one.
    assert 'class="button button-primary" href="/pledge/sign/"' in html
    assert "5 steps to go" in html


def test_a_member_part_way_sees_what_is_done_and_what_is_next(new_representative):
    organisation = new_representative.memberships.get().organisation
    SignatureFactory(organisation=organisation)
    assessment = AssessmentFactory(organisation=organisation)
    survey = SurveyFactory()
    SurveyResponse.objects.create(
        survey=survey, user=new_representative, submitted_at=timezone.now()
    )
    shown = {
        title: (done, buttons)
        for title, done, buttons in steps(home(logged_in(new_representative)))
    }
    assert shown["Sign the Pledge"] == (True, [])
    assert shown["Assess the 12 commitments"] == (True, [])
    assert shown["Answer the open surveys"] == (True, [])
    assert shown["Follow topics"][0] is False
    assert shown["Ask for a peer review"] == (
        False,
        [("Ask for a peer review", assessment.get_absolute_url() + "#reviews-heading")],
    )


def test_steps_done_are_marked_and_all_done_says_so(new_representative):
    organisation = new_representative.memberships.get().organisation
    SignatureFactory(organisation=organisation)
    assessment = AssessmentFactory(organisation=organisation)
    PeerReview.objects.create(assessment=assessment, reviewer=OrganisationFactory())
    Subscription.objects.create(user=new_representative, topic=TopicFactory())
    html = home(logged_in(new_representative))
    assert "You have done every step" in html
    assert 'class="step' not in html


def test_a_draft_assessment_is_finished_from_the_step(new_representative):
    organisation = new_representative.memberships.get().organisation
    SignatureFactory(organisation=organisation)
    draft = AssessmentFactory(organisation=organisation, status="draft", submitted_at=None)
    shown = {t: (d, b) for t, d, b in steps(home(logged_in(new_representative)))}
    assert shown["Assess the 12 commitments"] == (
        False,
        [("Assess the 12 commitments", reverse("pledges:assessment_edit", args=[draft.pk]))],
    )


def test_last_years_assessment_still_counts_but_an_older_one_does_not(new_representative):
    organisation = new_representative.memberships.get().organisation
    SignatureFactory(organisation=organisation)
    old = AssessmentFactory(organisation=organisation, year=timezone.now().year - 2)
    shown = {t: d for t, d, _b in steps(home(logged_in(new_representative)))}
    assert shown["Assess the 12 commitments"] is False
    old.year = timezone.now().year - 1
    old.save()
    shown = {t: d for t, d, _b in steps(home(logged_in(new_representative)))}
    assert shown["Assess the 12 commitments"] is True


def test_a_staff_member_asks_their_representative_to_sign():
    membership = MembershipFactory(role=Membership.Role.STAFF)
    client = logged_in(membership.user)
    shown = {t: (d, b) for t, d, b in steps(home(client))}
    assert shown["Ask your representative to sign the Pledge"] == (
        False,
        [("Sign the Pledge", reverse("pledges:pledge_sign"))],
    )
    # Peer review is asked by an organisation's representatives only.
    assert "Ask for a peer review" not in shown
    SignatureFactory(organisation=membership.organisation)
    shown = {t: d for t, d, _b in steps(home(client))}
    assert shown["Sign the Pledge"] is True


def test_a_member_without_an_organisation_signs_and_assesses_for_themself(member):
    client = logged_in(member)
    shown = {t: (d, b) for t, d, b in steps(home(client))}
    assert shown["Sign the Pledge"][0] is False
    assert "Ask for a peer review" not in shown
    assert shown["Assess the 12 commitments"] == (False, [])
    SignatureFactory(organisation=None, user=member)
    shown = {t: (d, b) for t, d, b in steps(home(client))}
    assert shown["Sign the Pledge"] == (True, [])
    assert shown["Assess the 12 commitments"] == (
        False,
        [("Assess the 12 commitments", reverse("pledges:assessment_list"))],
    )


def test_surveys_step_only_for_open_surveys_and_drafts_still_count_as_waiting(member):
    SurveyFactory(
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    client = logged_in(member)
    titles = [t for t, _d, _b in steps(home(client))]
    assert not any("survey" in title for title in titles)
    survey = SurveyFactory()
    SurveyResponse.objects.create(survey=survey, user=member)  # a draft
    shown = {t: (d, b) for t, d, b in steps(home(client))}
    assert shown["Answer 1 open survey"] == (
        False,
        [("Answer the survey", survey.get_absolute_url())],
    )


def test_a_coordinator_gets_the_member_home_and_the_attention_link(coordinator):
    html = home(logged_in(coordinator))
    assert STEPS_HEADING in html
    assert "What needs a coordinator’s attention" in html
    assert "What needs a coordinator’s attention" not in home(logged_in(MemberFactory()))


# What is theirs


def test_review_requests_waiting_for_their_organisation(new_representative):
    organisation = new_representative.memberships.get().organisation
    other = OrganisationFactory(name="Open Budget Lab")
    waiting = PeerReview.objects.create(
        assessment=AssessmentFactory(organisation=other, year=2025), reviewer=organisation
    )
    PeerReview.objects.create(
        assessment=AssessmentFactory(organisation=other, year=2024),
        reviewer=organisation,
        reviewer_done_at=timezone.now(),
    )
    PeerReview.objects.create(
        assessment=AssessmentFactory(organisation=other, year=2023), reviewer=OrganisationFactory()
    )
    html = home(logged_in(new_representative))
    assert "Peer reviews waiting for you" in html
    assert waiting.get_absolute_url() in html
    assert "Open Budget Lab’s self-assessment for 2025" in html
    assert "for 2024" not in html and "for 2023" not in html
    assert "Peer reviews waiting for you" not in home(logged_in(MemberFactory()))


def test_their_upcoming_events_only(member):
    mine = RegistrationFactory(user=member, event=EventFactory(title="Convening in Ohrid")).event
    RegistrationFactory(user=member, event=EventFactory(title="Waiting list one"), status="waiting")
    RegistrationFactory(user=member, event=EventFactory(title="Cancelled one"), status="cancelled")
    past = EventFactory(
        title="Last year's one",
        starts_at=timezone.now() - datetime.timedelta(days=400),
        ends_at=timezone.now() - datetime.timedelta(days=399),
    )
    RegistrationFactory(user=member, event=past)
    EventFactory(title="Someone else's one")
    html = home(logged_in(member))
    assert mine.get_absolute_url() in html
    assert "Waiting list one" in html and "You are on the waiting list" in html
    assert "Cancelled one" not in html
    assert "Last year's one" not in html
    assert "Someone else's one" not in html


def test_new_replies_in_followed_threads(member):
    followed = ThreadFactory(title="Budgets we publish")
    Subscription.objects.create(user=member, thread=followed)
    ThreadRead.objects.create(
        user=member, thread=followed, last_read_at=timezone.now() - datetime.timedelta(hours=1)
    )
    ReplyFactory(thread=followed, created_at=timezone.now() - datetime.timedelta(hours=2))
    ReplyFactory.create_batch(2, thread=followed)
    ReplyFactory(thread=followed, author=member)  # their own reply is not new to them
    not_followed = ThreadFactory(title="Not followed")
    ReplyFactory(thread=not_followed)
    read = ThreadFactory(title="Already read")
    Subscription.objects.create(user=member, thread=read)
    ReplyFactory(thread=read)
    ThreadRead.objects.create(user=member, thread=read)
    html = home(logged_in(member))
    assert "Budgets we publish" in html
    assert "2 new replies" in html
    assert "Not followed" not in html
    assert "Already read" not in html


def test_hidden_threads_are_not_listed(member):
    for title, hidden_at in (("Hidden by moderators", timezone.now()), ("Shown", None)):
        thread = ThreadFactory(title=title, hidden_at=hidden_at)
        Subscription.objects.create(user=member, thread=thread)
        ReplyFactory(thread=thread)
    html = home(logged_in(member))
    assert "Hidden by moderators" not in html
    assert "Shown" in html


def test_their_proposals_action_items_and_the_champions_link(member):
    ProposalFactory(proposer=member, title="A peer exchange on feedback")
    ProposalFactory(title="Someone else's proposal")
    ActionItemFactory(owner=member, text="Send the minutes")
    ActionItemFactory(owner=member, text="Done already", status="done")
    html = home(logged_in(member))
    assert "A peer exchange on feedback" in html
    assert "Someone else's proposal" not in html
    assert "Send the minutes" in html
    assert "Done already" not in html
    assert reverse("plan:champion_list") in html
    assert reverse("plan:proposal_create") in html


def test_each_list_is_short_with_a_link_to_the_full_page(member):
    for event in EventFactory.create_batch(7):
        RegistrationFactory(user=member, event=event)
    ProposalFactory.create_batch(7, proposer=member)
    html = home(logged_in(member))
    assert html.count("/events/convening-") == 5
    assert html.count("/plan/proposals/") - html.count("/plan/proposals/new/") == 5 + 1
    assert reverse("discussions:event_list") in html


# Queries, the page cache, bad input


def _their_things(member, size):
    organisation = OrganisationFactory()
    MembershipFactory(user=member, organisation=organisation)
    SignatureFactory(organisation=organisation)
    SurveyFactory.create_batch(size)
    for index in range(size):
        RegistrationFactory(user=member)
        thread = ThreadFactory()
        Subscription.objects.create(user=member, thread=thread)
        ReplyFactory(thread=thread)
        ProposalFactory(proposer=member)
        ActionItemFactory(owner=member)
        other = OrganisationFactory()
        PeerReview.objects.create(
            assessment=AssessmentFactory(organisation=other), reviewer=organisation
        )
        AssessmentFactory(organisation=organisation, year=2000 + index, status="draft")


@pytest.mark.parametrize("size", [1, 20])
def test_member_home_query_count_does_not_grow(
    member, size, django_assert_num_queries, locmem_cache
):
    _their_things(member, size)
    client = logged_in(member)
    home(client)  # the welcome is claimed, the shared parts are filled
    # Session and user, then: pledges 3 + survey 1 + follows 1 + reviews 1 + events 1
    # + replies 1 + action items 1 + proposals 1.
    with django_assert_num_queries(12):
        html = home(client)
    assert html.count('class="step') >= 4


def test_the_visitors_page_cache_never_mixes_the_two_homes(settings, member):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.VISITOR_PAGE_CACHE_SECONDS = 60
    from django.core.cache import cache

    cache.clear()
    try:
        assert STEPS_HEADING not in home(Client())
        assert STEPS_HEADING in home(logged_in(member))
        # The member's visit stored nothing a visitor could be served, and the reverse.
        assert STEPS_HEADING not in home(Client())
        assert STEPS_HEADING in home(logged_in(member))
    finally:
        cache.clear()


@pytest.mark.parametrize("query", ["?page=abc", "?step=%00", "?next=//evil.example", "?x=<b>"])
@pytest.mark.parametrize("role", ["visitor", "member"])
def test_bad_query_parameters_are_ignored(as_role, role, query):
    response = as_role(role).get("/" + query)
    assert response.status_code == 200
    assert (STEPS_HEADING in response.content.decode()) is (role == "member")
    assert "<b>" not in response.content.decode().split("<main", 1)[-1]


def test_a_former_member_made_inactive_gets_the_visitors_page():
    user = MemberFactory(is_active=True)
    client = logged_in(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert STEPS_HEADING not in Client().get("/").content.decode()
    # Deactivated: the session no longer authenticates them.
    assert STEPS_HEADING not in client.get("/").content.decode()


# The registries the page is built from


def test_the_steps_come_from_the_apps_registries_in_order(member, monkeypatch):
    from racop import sections

    extra = sections.StepSource(
        name="tests.extra",
        steps=lambda request: [
            sections.Step(name="tests.first", title="Read the code of conduct", why="", order=1)
        ],
    )
    monkeypatch.setattr(sections, "next_step_sources", list(sections.next_step_sources))
    sections.register(sections.next_step_sources, extra)
    sections.register(sections.next_step_sources, extra)  # ready() may run twice
    assert [s.name for s in sections.next_step_sources].count("tests.extra") == 1
    titles = [title for title, _done, _buttons in steps(home(logged_in(member)))]
    assert titles[0] == "Read the code of conduct"
    assert titles.count("Read the code of conduct") == 1
    assert {"pledges", "members.surveys", "discussions"} <= {
        s.name for s in sections.next_step_sources
    }
    assert all(not s.areas for s in sections.member_home_sections)  # personal: never shared
