"""Pages of the action plan: who sees what, flat query counts, bad input."""

import datetime

import pytest
from django.urls import reverse

from discussions.plan.models import Champion, PlanItem, Proposal
from tests.factories import (
    ActionItemFactory,
    ChampionFactory,
    EventFactory,
    MemberFactory,
    MembershipFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    ProposalFactory,
    ResourceFactory,
    SupportFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
INSIDERS = {"member", "representative", "coordinator"}


def members_only(response, role):
    """Assert the response a non-member gets: log in, or the members-only page."""
    if role == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == 403


# Who sees what


@pytest.mark.parametrize("role", ROLES)
def test_the_plan_is_for_members_unless_its_summary_is_public(as_role, role):
    period = PlanPeriodFactory(summary_is_public=False)
    owner = MemberFactory(first_name="Owner", last_name="Person")
    PlanItemFactory(period=period, title="Quarterly exchange", owner_user=owner)
    client = as_role(role)
    response = client.get(reverse("plan:plan"))
    if role in INSIDERS:
        html = response.content.decode()
        assert response.status_code == 200 and "Quarterly exchange" in html
        assert "Owner Person" in html
    else:
        members_only(response, role)
    period.summary_is_public = True
    period.save()
    response = client.get(reverse("plan:plan"))
    html = response.content.decode()
    assert response.status_code == 200 and "Quarterly exchange" in html
    assert ("Owner Person" in html) == (role in INSIDERS)


@pytest.mark.parametrize("role", ROLES)
def test_progress_follows_the_plan_and_csv_is_for_members(as_role, role):
    period = PlanPeriodFactory(summary_is_public=False)
    PlanItemFactory(period=period)
    client = as_role(role)
    progress = client.get(reverse("plan:plan_progress", args=[period.slug]))
    csv = client.get(reverse("plan:plan_csv", args=[period.slug]))
    if role in INSIDERS:
        assert progress.status_code == 200 and "<svg" in progress.content.decode()
        assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    else:
        members_only(progress, role)
        members_only(csv, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "name", ["proposal_list", "proposal_create", "champion_list", "champion_nominate"]
)
def test_proposal_and_champion_pages_are_for_members(as_role, role, name):
    response = as_role(role).get(reverse(f"plan:{name}"))
    if role in INSIDERS:
        assert response.status_code == 200
    else:
        members_only(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_proposal_detail_and_triage_form(as_role, role):
    proposal = ProposalFactory(title="Translate the toolkit")
    response = as_role(role).get(proposal.get_absolute_url())
    if role not in INSIDERS:
        members_only(response, role)
        return
    html = response.content.decode()
    assert "Translate the toolkit" in html
    assert ("Triage (coordinators)" in html) == (role == "coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_triage(as_role, role):
    PlanPeriodFactory()
    proposal = ProposalFactory()
    response = as_role(role).post(
        reverse("plan:proposal_triage", args=[proposal.pk]), {"decision": "accept"}
    )
    proposal.refresh_from_db()
    if role == "coordinator":
        assert response.status_code == 302
        assert proposal.status == Proposal.Status.ACCEPTED
    else:
        assert proposal.status == Proposal.Status.OPEN
        if role == "visitor":
            assert response.status_code == 302 and "/accounts/login/" in response.url
        else:
            assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_the_pulse_is_for_coordinators(as_role, role):
    client = as_role(role)
    for name in ["pulse", "pulse_csv"]:
        response = client.get(reverse(f"plan:{name}"))
        if role == "coordinator":
            assert response.status_code == 200
        elif role == "visitor":
            assert response.status_code == 302
        else:
            assert response.status_code == 403


def test_the_header_links_the_plan_and_coordinators_the_pulse(member_client, client, coordinator):
    html = member_client.get("/").content.decode()
    assert reverse("plan:plan") in html
    assert reverse("plan:pulse") not in html
    client.force_login(coordinator)
    assert reverse("plan:pulse") in client.get("/").content.decode()


# What the pages show


def test_proposal_shows_its_supporters_organisations_and_countries(member_client, member):
    proposal = ProposalFactory()
    representative = MembershipFactory(
        organisation__name="Skopje Civic Forum", user__country="MK"
    ).user
    SupportFactory(proposal=proposal, user=representative)
    SupportFactory(proposal=proposal, user=MemberFactory(country="AL"))
    html = member_client.get(proposal.get_absolute_url()).content.decode()
    assert "2 supporters" in html
    assert "Skopje Civic Forum" in html
    assert "North Macedonia" in html and "Albania" in html
    assert "Support this proposal" in html


def test_member_supports_then_withdraws(member_client, member):
    proposal = ProposalFactory()
    url = reverse("plan:proposal_support", args=[proposal.pk])
    member_client.post(url)
    member_client.post(url)
    assert proposal.supports.filter(user=member).count() == 1
    response = member_client.post(url, {"action": "withdraw"}, follow=True)
    assert "Your support is withdrawn." in response.content.decode()
    assert not proposal.supports.exists()


def test_plan_shows_what_items_produced_and_event_action_items(member_client):
    period = PlanPeriodFactory()
    item = PlanItemFactory(period=period, status=PlanItem.Status.IN_PROGRESS)
    event = EventFactory(title="Regional convening")
    item.events.add(event)
    item.resources.add(ResourceFactory(title="Feedback toolkit"))
    ActionItemFactory(event=event, text="Circulate the draft", plan_item=item)
    PlanItemFactory(period=period, status="dropped", dropped_reason="Done by others")
    html = member_client.get(reverse("plan:plan")).content.decode()
    for text in ["Regional convening", "Feedback toolkit", "Circulate the draft"]:
        assert text in html
    assert "Dropped: Done by others" in html


def test_past_periods_stay_readable(member_client):
    past = PlanPeriodFactory(starts_on=datetime.date(2020, 1, 1), name="Plan 2020")
    PlanItemFactory(period=past, title="Old item")
    response = member_client.get(past.get_absolute_url())
    assert response.status_code == 200 and "Old item" in response.content.decode()


def test_plan_csv_lists_items(member_client):
    period = PlanPeriodFactory()
    item = PlanItemFactory(
        period=period, title="Peer exchange", owner_user=MemberFactory(password=None)
    )
    item.topics.add(TopicFactory(name="Shifting power"))
    body = member_client.get(reverse("plan:plan_csv", args=[period.slug])).content
    lines = body.decode().splitlines()
    assert lines[0].startswith("Title,Status,Owner")
    assert "Peer exchange,Planned" in lines[1] and "Shifting power" in lines[1]


def test_champions_appear_on_topic_pages_and_in_the_directory(member_client):
    champion = ChampionFactory(user=MemberFactory(first_name="Arta", last_name="Hoxha"))
    ChampionFactory(topic=champion.topic, status=Champion.Status.NOMINATED)
    topic_html = member_client.get(champion.topic.get_absolute_url()).content.decode()
    assert "Champions of this topic" in topic_html and "Arta Hoxha" in topic_html
    assert topic_html.count("badge") >= 1
    directory = member_client.get(reverse("members:directory") + "?type=people").content
    assert f"Champion: {champion.topic.name}" in directory.decode()
    profile = member_client.get(champion.user.get_absolute_url()).content.decode()
    assert f"Champion: {champion.topic.name}" in profile


# Query counts at two sizes


@pytest.mark.parametrize("size", [2, 20])
def test_plan_and_progress_query_counts_are_flat(
    member_client, django_assert_max_num_queries, size
):
    period = PlanPeriodFactory()
    topic = TopicFactory()
    for item in PlanItemFactory.create_batch(
        size, period=period, owner_user=MemberFactory(password=None)
    ):
        item.topics.add(topic)
        item.events.add(EventFactory())
        item.resources.add(ResourceFactory())
        ActionItemFactory(event=item.events.get(), plan_item=item, owner=None)
    with django_assert_max_num_queries(14):
        assert member_client.get(reverse("plan:plan")).status_code == 200
    with django_assert_max_num_queries(8):
        url = reverse("plan:plan_progress", args=[period.slug])
        assert member_client.get(url).status_code == 200
    with django_assert_max_num_queries(12):
        url = reverse("plan:plan_csv", args=[period.slug])
        assert member_client.get(url).status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_proposal_pages_query_counts_are_flat(member_client, django_assert_max_num_queries, size):
    topic = TopicFactory()
    proposals = ProposalFactory.create_batch(size)
    for proposal in proposals:
        proposal.topics.add(topic)
    target = proposals[0]
    for _ in range(size):
        SupportFactory(proposal=target, user=MembershipFactory(user__password=None).user)
    for number in range(size):
        target.comments.create(author=MemberFactory(password=None), body=f"Comment {number}")
    with django_assert_max_num_queries(10):
        assert member_client.get(reverse("plan:proposal_list")).status_code == 200
    with django_assert_max_num_queries(14):
        assert member_client.get(target.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_champion_and_pulse_query_counts_are_flat(
    coordinator_client, django_assert_max_num_queries, size
):
    ChampionFactory.create_batch(size)
    ChampionFactory.create_batch(size, status=Champion.Status.NOMINATED)
    SupportFactory.create_batch(size)
    with django_assert_max_num_queries(8):
        assert coordinator_client.get(reverse("plan:champion_list")).status_code == 200
    with django_assert_max_num_queries(24):
        assert coordinator_client.get(reverse("plan:pulse")).status_code == 200
    with django_assert_max_num_queries(24):
        assert coordinator_client.get(reverse("plan:pulse_csv")).status_code == 200


# Bad input


def test_bad_proposal_keeps_the_input_and_says_what_is_missing(member_client):
    response = member_client.post(
        reverse("plan:proposal_create"),
        {"title": "A convening on safeguarding", "kind": "nonsense", "description": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="A convening on safeguarding"' in html
    assert "Select a valid choice" in html and "This field is required" in html
    assert not Proposal.objects.exists()


def test_member_proposes_an_activity(member_client, member):
    topic = TopicFactory()
    response = member_client.post(
        reverse("plan:proposal_create"),
        {
            "title": "Peer exchange on budgets",
            "kind": "peer-exchange",
            "description": "We all struggle with it.",
            "offer": "I host.",
            "topics": [topic.pk],
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    assert proposal.proposer == member and list(proposal.topics.all()) == [topic]


def test_empty_comment_is_refused_next_to_the_field(member_client):
    proposal = ProposalFactory()
    response = member_client.post(
        reverse("plan:proposal_comment", args=[proposal.pk]), {"body": "   "}
    )
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not proposal.comments.exists()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"decision": "decline", "note": ""}, "note", "why it is declined"),
        ({"decision": "merge", "note": "x"}, "into", "Choose the proposal to merge into"),
        ({"decision": "maybe"}, "decision", "Select a valid choice"),
        ({"decision": "merge", "into": "999999"}, "into", "Select a valid choice"),
    ],
)
def test_bad_triage_is_explained_and_changes_nothing(coordinator_client, data, field, message):
    proposal = ProposalFactory()
    response = coordinator_client.post(reverse("plan:proposal_triage", args=[proposal.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["triage_form"].errors[field]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.OPEN


def test_accepting_without_a_period_is_explained(coordinator_client):
    proposal = ProposalFactory()
    response = coordinator_client.post(
        reverse("plan:proposal_triage", args=[proposal.pk]), {"decision": "accept"}
    )
    assert response.status_code == 400
    assert "Create a plan period" in response.content.decode()


def test_bad_nomination_keeps_the_reason(member_client):
    topic = TopicFactory()
    from pledges.models import Commitment

    commitment = Commitment.objects.first()
    data = {"user": MemberFactory().pk, "topic": topic.pk, "reason": "She hosts everything."}
    if commitment:
        data["commitment"] = commitment.pk
    else:
        data.pop("topic")
    response = member_client.post(reverse("plan:champion_nominate"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a topic or a commitment, not both." in html
    assert "She hosts everything." in html


def test_ask_champion_needs_a_message(member_client):
    champion = ChampionFactory()
    url = reverse("plan:champion_ask", args=[champion.pk])
    response = member_client.post(url, {"role": "sing"})
    html = response.content.decode()
    assert "Select a valid choice" in html and "This field is required" in html


def test_bad_filters_and_unknown_ids_do_not_break(member_client):
    assert member_client.get(reverse("plan:proposal_list") + "?status=x&page=z").status_code == 200
    assert member_client.get("/plan/proposals/424242/").status_code == 404
    assert member_client.get("/plan/no-such-period/").status_code == 404
    nominated = ChampionFactory(status=Champion.Status.NOMINATED)
    url = reverse("plan:champion_ask", args=[nominated.pk])
    assert member_client.get(url).status_code == 404
