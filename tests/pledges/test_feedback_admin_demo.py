"""Feedback rounds in the back office, in the demo, on organisation and assessment pages."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from pledges.feedback import services
from pledges.feedback.models import FeedbackRound
from tests.factories import AssessmentFactory, OrganisationFactory
from tests.pledges.feedback_helpers import add_responses, make_round

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["feedbackround", "feedbackresponse"])
def test_admin_lists_and_searches(coordinator_client, model):
    add_responses(make_round(), [7])
    url = reverse(f"admin:feedback_{model}_changelist")
    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.get(url, {"q": "civic"}).status_code == 200


def test_admin_round_forms_open(coordinator_client):
    feedback_round = make_round()
    assert coordinator_client.get(reverse("admin:feedback_feedbackround_add")).status_code == 200
    url = reverse("admin:feedback_feedbackround_change", args=[feedback_round.pk])
    assert coordinator_client.get(url).status_code == 200


def test_admin_never_shows_the_answers(coordinator_client):
    feedback_round = make_round()
    add_responses(feedback_round, [7], text="A private remark")
    html = coordinator_client.get(reverse("admin:feedback_feedbackresponse_changelist")).content
    assert b"A private remark" not in html
    assert coordinator_client.get(reverse("admin:feedback_feedbackresponse_add")).status_code == 403


@pytest.mark.parametrize("size", [1, 3])
def test_organisation_page_query_count_is_flat(client, django_assert_max_num_queries, size):
    organisation = OrganisationFactory()
    for _ in range(size):
        make_round(organisation=organisation, loop_closed_at=timezone.now(), what_we_change="Ok")
    with django_assert_max_num_queries(8):
        html = client.get(organisation.get_absolute_url()).content.decode()
    assert "We listened: what we changed" in html


@pytest.mark.parametrize("size", [2, 5])
def test_answer_page_query_count_is_flat(client, django_assert_max_num_queries, size):
    feedback_round = make_round(loop_closed_at=timezone.now(), what_we_change="Ok")
    for _ in range(size - 3):
        feedback_round.questions.create(kind="open", texts={"en": "More?"})
    with django_assert_max_num_queries(4):
        assert client.get(feedback_round.get_public_url()).status_code == 200


def test_assessment_page_lists_the_rounds_attached_as_evidence(client, commitments):
    feedback_round = make_round()
    assessment = AssessmentFactory(organisation=feedback_round.organisation, visibility="public")
    services.feedback_evidence_attach(
        feedback_round=feedback_round, assessment=assessment, commitment=commitments[4]
    )
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert "Feedback from the people we work with" in html
    assert feedback_round.get_public_url() in html


@override_settings(DEBUG=True)
def test_demo_adds_rounds_over_time_answers_and_closed_loops():
    call_command("seed_demo", stdout=io.StringIO())
    rounds = FeedbackRound.objects.with_counts()
    busy = [r for r in rounds if r.organisation.feedback_rounds.count() == 3]
    assert len({r.organisation_id for r in busy}) == 2
    assert all(r.response_count >= 5 for r in rounds)
    assert FeedbackRound.objects.loop_closed().values("organisation").distinct().count() == 2
    assert services.community_medians({"listen"})["listen"]["median"] is not None
    count = FeedbackRound.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert FeedbackRound.objects.count() == count
