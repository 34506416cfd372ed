"""Workflows of the action plan: supporting, triage, merging, champions."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection

from discussions.plan import services
from discussions.plan.models import PlanItem, Proposal, Support
from members.notifications.services import writing_language
from tests.factories import (
    ChampionFactory,
    JoinApplicationFactory,
    MemberFactory,
    PlanPeriodFactory,
    ProposalFactory,
    SupportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_member_supports_a_proposal_once_and_can_withdraw(member):
    proposal = ProposalFactory()
    services.proposal_support(proposal=proposal, user=member)
    with pytest.raises(ValidationError, match="already support"):
        services.proposal_support(proposal=proposal, user=member)
    assert proposal.supports.count() == 1
    assert services.proposal_unsupport(proposal=proposal, user=member)
    assert not proposal.supports.exists()
    assert not services.proposal_unsupport(proposal=proposal, user=member)


def test_the_database_refuses_a_second_support():
    support = SupportFactory()
    with pytest.raises(IntegrityError):
        Support.objects.create(proposal=support.proposal, user=support.user)


def test_applicants_cannot_support_and_closed_proposals_take_no_support(applicant, member):
    proposal = ProposalFactory()
    with pytest.raises(PermissionDenied):
        services.proposal_support(proposal=proposal, user=applicant)
    declined = ProposalFactory(status=Proposal.Status.DECLINED)
    with pytest.raises(ValidationError, match="no longer open"):
        services.proposal_support(proposal=declined, user=member)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_supports_by_one_member_make_exactly_one():
    member = MemberFactory()
    proposal = ProposalFactory()
    barrier = threading.Barrier(2)
    outcomes = []

    def support():
        try:
            barrier.wait()
            services.proposal_support(proposal=proposal, user=member)
            outcomes.append("supported")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    workers = [threading.Thread(target=support) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert Support.objects.filter(proposal=proposal, user=member).count() == 1
    assert sorted(outcomes) == ["You already support this proposal.", "supported"]


def test_merge_carries_supports_over_without_counting_anyone_twice(
    coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    both, only_old, only_new = MemberFactory.create_batch(3)
    old, new = ProposalFactory(), ProposalFactory()
    for person in (both, only_old):
        SupportFactory(proposal=old, user=person)
    for person in (both, only_new):
        SupportFactory(proposal=new, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_merge(proposal=old, into=new, by=coordinator, note="Same idea.")
    old.refresh_from_db()
    assert old.status == Proposal.Status.MERGED and old.merged_into == new
    assert sorted(new.supports.values_list("user", flat=True)) == sorted(
        [both.pk, only_old.pk, only_new.pk]
    )
    assert not old.supports.exists()
    assert Proposal.objects.for_list().get(pk=new.pk).support_count == 3
    assert len(mailoutbox) == 1 and new.title in mailoutbox[0].body


def test_merge_refuses_itself_and_closed_targets(coordinator):
    proposal = ProposalFactory()
    with pytest.raises(ValidationError):
        services.proposal_merge(proposal=proposal, into=proposal, by=coordinator)
    declined = ProposalFactory(status=Proposal.Status.DECLINED)
    with pytest.raises(ValidationError):
        services.proposal_merge(proposal=proposal, into=declined, by=coordinator)


def test_each_triage_decision_tells_the_proposer(
    coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    PlanPeriodFactory()
    proposal = ProposalFactory()
    for decision, note in [("needs-work", "Say who takes part."), ("decline", "No budget.")]:
        with django_capture_on_commit_callbacks(execute=True):
            services.proposal_triage(
                proposal=proposal, by=coordinator, decision=decision, note=note
            )
    with django_capture_on_commit_callbacks(execute=True):
        item = services.proposal_triage(proposal=proposal, by=coordinator, decision="accept")
    assert [m.to for m in mailoutbox] == [[proposal.proposer.email]] * 3
    assert "Say who takes part." in mailoutbox[0].body
    assert "No budget." in mailoutbox[1].body
    assert "accepted" in mailoutbox[2].body
    assert "needs some work" in mailoutbox[0].subject
    assert isinstance(item, PlanItem) and item.owner_user == proposal.proposer
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.decided_by == coordinator


def test_triage_needs_a_coordinator_a_note_and_a_current_period(member, coordinator):
    proposal = ProposalFactory()
    with pytest.raises(PermissionDenied):
        services.proposal_decline(proposal=proposal, by=member, note="No.")
    with pytest.raises(ValidationError, match="reason"):
        services.proposal_decline(proposal=proposal, by=coordinator, note=" ")
    with pytest.raises(ValidationError, match="plan period"):
        services.proposal_accept(proposal=proposal, by=coordinator)


def test_the_proposer_is_written_to_in_their_language():
    person = UserFactory()
    assert writing_language(person) == "en"
    JoinApplicationFactory(user=person, language="sr")
    assert writing_language(person) == "sr"


def test_champions_are_nominated_once_and_confirmed_by_coordinators(member, coordinator):
    champion = ChampionFactory(status="nominated")
    with pytest.raises(ValidationError, match="already nominated"):
        services.champion_nominate(
            user=champion.user, nominated_by=member, reason="Again", topic=champion.topic
        )
    with pytest.raises(PermissionDenied):
        services.champion_decide(champion=champion, by=member, confirm=True)
    services.champion_decide(champion=champion, by=coordinator, confirm=True)
    assert champion.status == "confirmed"


def test_asking_a_champion_emails_them(member, mailoutbox, django_capture_on_commit_callbacks):
    champion = ChampionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.champion_ask(champion=champion, asker=member, role="review", message="Our draft")
    assert mailoutbox[-1].to == [champion.user.email]
    assert "Our draft" in mailoutbox[-1].body and "review" in mailoutbox[-1].body
