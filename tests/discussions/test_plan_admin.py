"""Coordinators triage proposals and confirm champions in the back office."""

import pytest
from django.urls import reverse

from discussions.plan.models import Champion, PlanPeriod, Proposal
from tests.factories import ChampionFactory, PlanItemFactory, PlanPeriodFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["proposal", "support", "proposalcomment", "planperiod", "planitem", "champion"]
)
def test_admin_lists_and_forms_open(coordinator_client, model):
    ProposalFactory()
    PlanItemFactory()
    ChampionFactory()
    assert coordinator_client.get(reverse(f"admin:plan_{model}_changelist")).status_code == 200
    assert coordinator_client.get(reverse(f"admin:plan_{model}_add")).status_code == 200
    assert (
        coordinator_client.get(reverse(f"admin:plan_{model}_changelist") + "?q=x").status_code
        == 200
    )


def test_admin_accept_action_puts_proposals_into_the_plan(coordinator_client, mailoutbox):
    PlanPeriodFactory()
    proposal = ProposalFactory()
    coordinator_client.post(
        reverse("admin:plan_proposal_changelist"),
        {"action": "accept", "_selected_action": [proposal.pk]},
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.plan_item


def test_admin_confirms_champions(coordinator_client):
    champion = ChampionFactory(status=Champion.Status.NOMINATED)
    coordinator_client.post(
        reverse("admin:plan_champion_changelist"),
        {"action": "confirm", "_selected_action": [champion.pk]},
    )
    champion.refresh_from_db()
    assert champion.status == Champion.Status.CONFIRMED


def test_a_period_without_an_end_lasts_a_year(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:plan_planperiod_add"),
        {
            "name_en": "Plan 2027",
            "name_mk": "План 2027",
            "slug": "2027",
            "starts_on": "2027-01-01",
            "ends_on": "",
            "summary_en": "",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    period = PlanPeriod.objects.get(slug="2027")
    assert str(period.ends_on) == "2027-12-31"
    assert (period.name_en, period.name_mk) == ("Plan 2027", "План 2027")
