import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from pledges.models import Assessment, PeerReview, PledgeVersion, Signature
from tests.factories import (
    AssessmentFactory,
    MemberFactory,
    OrganisationFactory,
    PledgeVersionFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db

MODELS = ["pledgeversion", "signature", "commitment", "assessment", "peerreview"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_and_searches(coordinator_client, model, version, commitments):
    SignatureFactory(version=version)
    AssessmentFactory()
    url = reverse(f"admin:pledges_{model}_changelist")
    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.get(url, {"q": "civic"}).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_admin_add_forms_open(coordinator_client, model, commitments):
    assert coordinator_client.get(reverse(f"admin:pledges_{model}_add")).status_code == 200


def test_publish_action_invites_signatories(
    coordinator_client, version, mailoutbox, django_capture_on_commit_callbacks
):
    SignatureFactory(version=version, organisation=None, user=MemberFactory())
    draft = PledgeVersionFactory(number=2, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("admin:pledges_pledgeversion_changelist"),
            {"action": "publish", "_selected_action": [draft.pk]},
            follow=True,
        )
    assert "1 signatory invited to renew" in response.content.decode()
    assert PledgeVersion.objects.current() == draft
    assert len(mailoutbox) == 1


def test_withdraw_action_keeps_history(coordinator_client, version):
    signature = SignatureFactory(version=version)
    coordinator_client.post(
        reverse("admin:pledges_signature_changelist"),
        {"action": "withdraw", "_selected_action": [signature.pk]},
    )
    signature.refresh_from_db()
    assert signature.withdrawn_at is not None
    assert Signature.objects.count() == 1


def test_coordinator_pairs_organisations_for_peer_review(coordinator_client, commitments):
    assessment = AssessmentFactory()
    for commitment in commitments:
        assessment.answers.create(commitment=commitment, level=1)
    reviewer = OrganisationFactory()
    response = coordinator_client.post(
        reverse("admin:pledges_peerreview_add"),
        {
            "assessment": assessment.pk,
            "reviewer": reviewer.pk,
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    review = PeerReview.objects.get()
    assert review.comments.count() == 12


def test_admin_refuses_pairing_a_draft_or_itself(coordinator_client):
    draft = AssessmentFactory(status=Assessment.Status.DRAFT)
    response = coordinator_client.post(
        reverse("admin:pledges_peerreview_add"),
        {
            "assessment": draft.pk,
            "reviewer": draft.organisation.pk,
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Only a submitted self-assessment can be peer-reviewed." in response.content.decode()
    assert not PeerReview.objects.exists()


@override_settings(DEBUG=True)
def test_demo_adds_signatures_assessments_and_a_review():
    call_command("seed_demo", stdout=io.StringIO())
    assert PledgeVersion.objects.published().count() == 2
    assert Signature.objects.active().filter(organisation__isnull=False).count() >= 8
    assert Signature.objects.active().filter(user__isnull=False).count() >= 2
    years = set(Assessment.objects.submitted().values_list("year", flat=True))
    assert len(years) == 2
    assert PeerReview.objects.completed().count() == 1
