import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from pledges import services
from pledges.models import Assessment, Signature
from tests.factories import (
    AssessmentFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    PledgeVersionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_representative_signs_for_the_organisation(version, representative, organisation):
    signature = services.pledge_sign(
        user=representative, organisation=organisation, statement="Because."
    )
    assert signature.organisation == organisation
    assert signature.signed_by == representative
    assert signature.version == version
    assert signature.country == str(organisation.country)


def test_member_signs_for_themself(version, member):
    signature = services.pledge_sign(user=member)
    assert signature.user == member
    assert signature.organisation is None


def test_signing_twice_is_refused_with_a_clear_message(version, representative, organisation):
    services.pledge_sign(user=representative, organisation=organisation)
    with pytest.raises(ValidationError, match="has already signed"):
        services.pledge_sign(user=representative, organisation=organisation)
    assert Signature.objects.count() == 1


def test_a_second_representative_cannot_sign_again_for_the_organisation(
    version, representative, organisation, second_representative
):
    services.pledge_sign(user=representative, organisation=organisation)
    with pytest.raises(ValidationError, match=organisation.name):
        services.pledge_sign(user=second_representative, organisation=organisation)


def test_staff_member_of_an_organisation_cannot_sign_for_it(version, organisation):
    staff = MembershipFactory(organisation=organisation, role="staff").user
    with pytest.raises(PermissionDenied):
        services.pledge_sign(user=staff, organisation=organisation)


def test_applicants_cannot_sign(version):
    with pytest.raises(PermissionDenied):
        services.pledge_sign(user=UserFactory())


def test_nothing_to_sign_before_a_version_is_published(member):
    PledgeVersionFactory(number=1, published_at=None)
    with pytest.raises(ValidationError, match="not been published"):
        services.pledge_sign(user=member)


def test_withdrawn_signature_stays_in_history_and_allows_signing_again(version, member):
    signature = services.pledge_sign(user=member)
    services.signature_withdraw(signature=signature, user=member)
    signature.refresh_from_db()
    assert signature.withdrawn_at is not None
    assert not Signature.objects.public().exists()
    services.pledge_sign(user=member)
    assert Signature.objects.for_individual(member).count() == 2


def test_only_the_signatory_may_withdraw(version, member):
    signature = services.pledge_sign(user=member)
    with pytest.raises(PermissionDenied):
        services.signature_withdraw(signature=signature, user=MemberFactory())


def test_publishing_a_version_invites_signatories_to_renew(
    version, member, representative, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    services.pledge_sign(user=member)
    services.pledge_sign(user=representative, organisation=organisation)
    new = PledgeVersionFactory(number=2, published_at=None, changes="A sixth point.")
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.pledge_version_publish(version=new)
    assert invited == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.email, representative.email])
    assert "/pledge/sign/" in mailoutbox[0].body
    assert "A sixth point." in mailoutbox[0].body


def test_no_email_before_the_transaction_commits(version, member, mailoutbox):
    services.pledge_sign(user=member)
    services.pledge_version_publish(version=PledgeVersionFactory(number=2, published_at=None))
    assert mailoutbox == []


def test_renewing_moves_the_signature_to_the_current_version(version, member):
    old = services.pledge_sign(user=member, statement="Still true.")
    new_version = PledgeVersionFactory(number=2)
    renewed = services.signature_renew(signature=old, user=member)
    old.refresh_from_db()
    assert renewed.version == new_version
    assert renewed.statement == "Still true."
    assert old.withdrawn_at is not None and old.renewed_as == renewed
    with pytest.raises(ValidationError):
        services.signature_renew(signature=renewed, user=member)


@pytest.mark.django_db(transaction=True)
def test_two_representatives_signing_at_once_make_exactly_one_signature():
    PledgeVersionFactory(number=1)
    organisation = OrganisationFactory()
    people = [
        MembershipFactory(organisation=organisation, role="representative").user for _ in range(2)
    ]
    barrier = threading.Barrier(2)
    outcomes = []

    def sign(person):
        try:
            barrier.wait()
            services.pledge_sign(user=person, organisation=organisation)
            outcomes.append("signed")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Signature.objects.active().for_organisation(organisation).count() == 1
    assert sorted(outcomes)[1] == "signed"
    assert "already signed" in sorted(outcomes)[0]


def test_assessment_needs_a_signature(commitments, representative, organisation):
    with pytest.raises(ValidationError, match="Sign the Pledge first"):
        services.assessment_start(user=representative, year=2026, organisation=organisation)


def test_assessment_starts_with_one_answer_per_commitment(
    commitments, version, representative, organisation
):
    services.pledge_sign(user=representative, organisation=organisation)
    assessment = services.assessment_start(
        user=representative, year=2026, organisation=organisation
    )
    assert assessment.answers.count() == 12
    with pytest.raises(ValidationError, match="already a self-assessment for 2026"):
        services.assessment_start(user=representative, year=2026, organisation=organisation)


def test_submitting_needs_every_level_and_locks(commitments, version, member):
    services.pledge_sign(user=member)
    assessment = services.assessment_start(user=member, year=2026)
    with pytest.raises(ValidationError, match="12 missing"):
        services.assessment_submit(assessment=assessment, user=member)
    assessment.answers.update(level=2)
    services.assessment_submit(assessment=assessment, user=member)
    assert assessment.status == Assessment.Status.SUBMITTED
    assert not services.can_edit_assessment(member, assessment)
    with pytest.raises(PermissionDenied):
        services.assessment_submit(assessment=assessment, user=member)


def test_peer_review_request_and_completion(
    commitments, representative, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    assessment = AssessmentFactory(organisation=organisation)
    for commitment in commitments:
        assessment.answers.create(commitment=commitment, level=1)
    reviewer = MembershipFactory().user
    reviewing = reviewer.memberships.get().organisation
    with django_capture_on_commit_callbacks(execute=True):
        review = services.peer_review_request(
            assessment=assessment, reviewer=reviewing, user=representative
        )
    assert review.comments.count() == 12
    assert mailoutbox[0].to == [reviewer.email]
    with pytest.raises(ValidationError, match="already asked"):
        services.peer_review_request(assessment=assessment, reviewer=reviewing, user=representative)
    with pytest.raises(ValidationError, match="cannot review itself"):
        services.peer_review_request(
            assessment=assessment, reviewer=organisation, user=representative
        )
    services.peer_review_mark_done(review=review, user=reviewer)
    assert not review.is_complete
    services.peer_review_mark_done(review=review, user=representative)
    assert review.is_complete
    with pytest.raises(PermissionDenied):
        services.peer_review_mark_done(review=review, user=MemberFactory())


def test_draft_cannot_be_peer_reviewed(representative, organisation):
    assessment = AssessmentFactory(organisation=organisation, status="draft")
    with pytest.raises(ValidationError, match="Submit the self-assessment"):
        services.peer_review_request(
            assessment=assessment, reviewer=OrganisationFactory(), user=representative
        )
