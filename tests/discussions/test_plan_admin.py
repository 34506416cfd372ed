"""Coordinators triage proposals and confirm champions in the back office."""

import pytest
from django.urls import reverse

from discussions.plan.models import Champion, Proposal
from tests.factories import ChampionFactory, PlanItemFactory, PlanPeriodFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["proposal", "support", "proposalcomment", "planperiod", "planitem", "champion"]
)
def test_admin_lists_and_forms_open(coordinator_client, model):
    ProposalFactory()
    PlanItemFactory()
    ChampionFactory()
    assert coordinator_client.get(reverse(f"admin:discussions_{model}_changelist")).ok
    assert coordinator_client.get(reverse(f"admin:discussions_{model}_add")).ok
    assert coordinator_client.get(reverse(f"admin:discussions_{model}_changelist") + "?q=x").ok


def test_admin_accept_action_puts_proposals_into_the_plan(coordinator_client, mailoutbox):
    PlanPeriodFactory()
    proposal = ProposalFactory()
    coordinator_client.post(
        reverse("admin:discussions_proposal_changelist"),
        {"action": "accept", "_selected_action": [proposal.pk]},
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.plan_item


def test_admin_confirms_champions(coordinator_client):
    champion = ChampionFactory(status=Champion.Status.NOMINATED)
    coordinator_client.post(
        reverse("admin:discussions_champion_changelist"),
        {"action": "confirm", "_selected_action": [champion.pk]},
    )
    champion.refresh_from_db()
    assert champion.status == Champion.Status.CONFIRMED
