import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from pledges.models import Assessment, PledgeVersion, Signature
from tests.factories import (
    AssessmentFactory,
    CoordinatorFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    PledgeVersionFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db


def test_current_version_is_the_latest_published():
    PledgeVersionFactory(number=1)
    two = PledgeVersionFactory(number=2)
    PledgeVersionFactory(number=3, published_at=None)
    assert PledgeVersion.objects.current() == two


def test_no_current_version_before_publishing():
    PledgeVersionFactory(number=1, published_at=None)
    assert PledgeVersion.objects.current() is None


def test_database_allows_one_active_signature_per_organisation(version):
    signature = SignatureFactory(version=version)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatureFactory(version=version, organisation=signature.organisation)


def test_database_allows_one_active_signature_per_individual(version):
    person = MemberFactory()
    SignatureFactory(version=version, organisation=None, user=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatureFactory(version=version, organisation=None, user=person)


def test_a_withdrawn_signature_frees_the_place(version):
    signature = SignatureFactory(version=version, withdrawn_at=timezone.now())
    SignatureFactory(version=version, organisation=signature.organisation)
    assert Signature.objects.for_organisation(signature.organisation).count() == 2
    assert Signature.objects.active().for_organisation(signature.organisation).count() == 1


def test_a_signature_is_by_an_organisation_or_a_person_never_both(version):
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatureFactory(version=version, user=MemberFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatureFactory(version=version, organisation=None, user=None)


def test_pledge_status_helper_for_organisation_pages(version):
    signed = SignatureFactory(version=version)
    unsigned = OrganisationFactory()
    status = Signature.objects.active().for_organisation(signed.organisation).first()
    assert status == signed
    assert not Signature.objects.active().for_organisation(unsigned).exists()


def test_counts_by_country_and_type(version):
    SignatureFactory(version=version, organisation__country="AL")
    SignatureFactory(version=version, organisation__country="AL", organisation__kind="network")
    SignatureFactory(version=version, organisation=None, user=MemberFactory(), country="AL")
    SignatureFactory(version=version, organisation__country="RS", is_public=False)
    rows = list(Signature.objects.public().counts_by_country())
    assert rows == [
        {"country": "AL", "organisations": 1, "networks": 1, "individuals": 1, "total": 3}
    ]


def test_signed_by_user_is_their_own_and_their_organisations_active_signatures(version):
    person = MemberFactory()
    own = SignatureFactory(version=version, organisation=None, user=person)
    represented = MembershipFactory(user=person, role="representative").organisation
    theirs = SignatureFactory(version=version, organisation=represented)
    SignatureFactory(
        version=version, organisation=represented, withdrawn_at=timezone.now()
    )  # ended
    joined = MembershipFactory(user=person, role="staff").organisation
    SignatureFactory(version=version, organisation=joined)  # staff, not a representative
    SignatureFactory(version=version)  # someone else's
    SignatureFactory(version=version, organisation=None, user=MemberFactory())
    mine = Signature.objects.signed_by_user(person)
    assert sorted(s.pk for s in mine) == sorted([own.pk, theirs.pk])


def test_one_assessment_per_organisation_and_year():
    assessment = AssessmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentFactory(organisation=assessment.organisation, year=assessment.year)


@pytest.mark.parametrize(
    ("visibility", "visitor", "applicant", "member", "own_staff"),
    [
        ("private", False, False, False, True),
        ("members", False, False, True, True),
        ("public", True, True, True, True),
    ],
)
def test_assessment_visibility_per_role(
    visibility, visitor, applicant, member, own_staff, django_user_model
):
    from django.contrib.auth.models import AnonymousUser

    assessment = AssessmentFactory(visibility=visibility)
    colleague = MembershipFactory(organisation=assessment.organisation, role="staff").user
    coordinator_sees = Assessment.objects.visible_to(CoordinatorFactory()).filter(pk=assessment.pk)
    assert coordinator_sees.exists()
    for user, expected in [
        (AnonymousUser(), visitor),
        (django_user_model.objects.create(username="applicant", email="a@example.org"), applicant),
        (MemberFactory(), member),
        # Staff status alone makes nobody a coordinator: a member like any other.
        (MemberFactory(is_staff=True), member),
        (colleague, own_staff),
    ]:
        assert Assessment.objects.visible_to(user).filter(pk=assessment.pk).exists() is expected


def test_drafts_are_seen_only_by_their_owners():
    assessment = AssessmentFactory(status="draft", visibility="public", submitted_at=None)
    owner = MembershipFactory(organisation=assessment.organisation).user
    assert not Assessment.objects.visible_to(MemberFactory()).filter(pk=assessment.pk).exists()
    assert Assessment.objects.visible_to(owner).filter(pk=assessment.pk).exists()
