import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from members.models import ApplicationEvent, JoinApplication, Membership, Organisation
from members.services import (
    application_approve,
    application_decline,
    application_request_info,
    can_review,
)
from tests.factories import (
    JoinApplicationFactory,
    MembershipFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_approving_an_organisation_creates_it_with_the_person_as_representative(
    coordinator, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    application = JoinApplicationFactory(
        organisation_name="Green Hub Bitola", country="MK", website="https://g.example.org",
        languages=["mk"], position="Director",
    )  # fmt: skip
    application.topics.set([topic])
    with django_capture_on_commit_callbacks(execute=True):
        application_approve(application=application, by=coordinator, message="Welcome aboard")

    application.refresh_from_db()
    user = application.user
    user.refresh_from_db()
    assert application.status == JoinApplication.Status.APPROVED
    assert application.decided_by == coordinator and application.decided_at
    assert user.is_member
    organisation = Organisation.objects.get(name="Green Hub Bitola")
    assert organisation.country == "MK" and organisation.languages == ["mk"]
    assert list(organisation.topics.all()) == [topic]
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert membership.role == Membership.Role.REPRESENTATIVE
    event = application.events.get(action=ApplicationEvent.Action.APPROVED)
    assert (event.actor, event.message) == (coordinator, "Welcome aboard")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Welcome aboard" in mail.outbox[0].body
    assert "/join/status/" in mail.outbox[0].body


def test_approving_an_individual_creates_no_organisation(coordinator):
    application = JoinApplicationFactory(applicant_kind="individual", organisation_name="")
    application_approve(application=application, by=coordinator)
    assert application.user.is_member
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()


def test_approving_twice_changes_nothing(coordinator):
    application = JoinApplicationFactory()
    application_approve(application=application, by=coordinator)
    application_approve(application=application, by=coordinator)
    assert Organisation.objects.count() == 1
    assert application.events.filter(action="approved").count() == 1


def test_request_to_join_an_existing_organisation(coordinator):
    existing = OrganisationFactory()
    application = JoinApplicationFactory(existing_organisation=existing)
    application_approve(application=application, by=coordinator)
    assert Organisation.objects.count() == 1
    membership = Membership.objects.get(user=application.user)
    assert membership.organisation == existing
    assert membership.role == Membership.Role.STAFF


def test_representative_may_decide_on_requests_to_join_their_organisation(representative):
    organisation = representative.memberships.get().organisation
    mine = JoinApplicationFactory(existing_organisation=organisation)
    other = JoinApplicationFactory(existing_organisation=OrganisationFactory())
    new = JoinApplicationFactory()
    assert can_review(representative, mine)
    assert not can_review(representative, other)
    assert not can_review(representative, new)
    with pytest.raises(PermissionDenied):
        application_approve(application=other, by=representative)
    assert not other.user.is_member
    application_approve(application=mine, by=representative)
    assert Membership.objects.filter(user=mine.user, organisation=organisation).exists()


def test_staff_member_of_an_organisation_may_not_decide(member):
    membership = MembershipFactory(user=member, role=Membership.Role.STAFF)
    application = JoinApplicationFactory(existing_organisation=membership.organisation)
    assert not can_review(member, application)


@pytest.mark.parametrize(
    ("service", "status", "subject"),
    [
        (application_request_info, "needs_info", "more information"),
        (application_decline, "declined", "not approved"),
    ],
)
def test_asking_and_declining_record_and_email_the_message(
    coordinator, django_capture_on_commit_callbacks, service, status, subject
):
    application = JoinApplicationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        service(application=application, by=coordinator, message="Tell us about your board.")
    application.refresh_from_db()
    assert application.status == status
    assert not application.user.is_member
    event = application.events.get()
    assert event.message == "Tell us about your board." and event.actor == coordinator
    assert subject in mail.outbox[0].subject
    assert "Tell us about your board." in mail.outbox[0].body


def test_email_is_sent_in_the_applicants_language(coordinator, django_capture_on_commit_callbacks):
    application = JoinApplicationFactory(language="sq")
    with django_capture_on_commit_callbacks(execute=True):
        application_decline(application=application, by=coordinator, message="x")
    assert mail.outbox  # English source strings until translations are compiled


def test_no_email_when_the_transaction_rolls_back(coordinator, django_capture_on_commit_callbacks):
    application = JoinApplicationFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application_decline(application=application, by=coordinator, message="x")
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_only_one_open_application_per_person(applicant):
    from django.db import IntegrityError

    JoinApplicationFactory(user=applicant)
    with pytest.raises(IntegrityError):
        JoinApplicationFactory(user=applicant)
