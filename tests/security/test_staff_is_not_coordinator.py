"""A staff account outside the coordinators' group is no coordinator (issue 19, finding 2).

Staff status only opens the back office with the model permissions a person holds. Each test
here is one thing the attack saw a bare staff account do, checked both ways: the staff account
is refused and a coordinator (the group, or a superuser) is not.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from discussions.models import PostRevision
from pledges.feedback import services as feedback_services
from pledges.feedback.models import MIN_RESPONSES
from pledges.models import Answer, Commitment
from racop import access
from racop.services import COORDINATORS_GROUP
from tests.factories import (
    AssessmentFactory,
    FeedbackQuestionFactory,
    FeedbackRoundFactory,
    MemberFactory,
    MembershipFactory,
    ReplyFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    """A member with staff status, made for limited back-office work: no group, no permission."""
    return MemberFactory(is_staff=True)


@pytest.fixture
def superuser(db):
    return MemberFactory(is_staff=True, is_superuser=True)


@pytest.fixture(params=["staff", "coordinator", "superuser"])
def person(request):
    """(user, whether they coordinate) for each kind of staff account."""
    return request.getfixturevalue(request.param), request.param != "staff"


def test_the_definition(staff, coordinator, superuser):
    assert not access.is_coordinator(staff) and not staff.is_coordinator
    assert access.audience(staff) == access.MEMBER
    assert access.audience(UserFactory(is_staff=True)) == access.VISITOR
    assert not access.sees_members_content(UserFactory(is_staff=True))
    for user in (coordinator, superuser):
        assert access.is_coordinator(user) and user.is_coordinator
        assert access.audience(user) == access.COORDINATOR
    # In the group but not staff: no back office, so no coordinator either.
    outside = MemberFactory()
    outside.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    assert not access.is_coordinator(outside)


def test_the_group_holds_the_permission_and_other_permissions_do_not_make_a_coordinator():
    group = Group.objects.get(name=COORDINATORS_GROUP)
    assert group.permissions.filter(content_type__app_label="members", codename="coordinate")
    editor = MemberFactory(is_staff=True)
    editors = Group.objects.create(name="Library editors")
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="library"))
    editor.groups.add(editors)
    assert editor.has_perm("library.change_resource")
    assert not access.is_coordinator(editor)


def test_asking_costs_no_query_for_non_staff_and_is_asked_once_per_request(
    member, coordinator, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert not access.is_coordinator(member)
    with django_assert_num_queries(2):  # the person's and their groups' permissions, once
        assert access.is_coordinator(coordinator)
        assert access.is_coordinator(coordinator)
        assert access.sees_members_content(coordinator)


def test_names_behind_anonymous_posts(client, person):
    user, coordinates = person
    author = MemberFactory(first_name="Zorana", last_name="Secretova")
    thread = ThreadFactory(author=author, anonymous=True)
    ReplyFactory(thread=thread, author=author, anonymous=True)
    client.force_login(user)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert ("Secretova" in html) is coordinates
    assert "A community member" in html


def test_edit_history_of_posts(client, person):
    user, coordinates = person
    reply = ReplyFactory(body="Now")
    PostRevision.objects.create(reply=reply, body="What I said first", edited_by=reply.author)
    thread = reply.thread
    args = [thread.topic.slug, thread.pk, thread.slug]
    client.force_login(user)
    thread_history = client.get(reverse("discussions:thread_history", args=args))
    response = client.get(reverse("discussions:reply_history", args=[*args, reply.pk]))
    assert thread_history.status_code == response.status_code == (200 if coordinates else 404)
    assert ("What I said first" in response.content.decode()) is coordinates


def test_private_draft_self_assessments_and_their_evidence(client, person):
    user, coordinates = person
    assessment = AssessmentFactory(status="draft", visibility="private", submitted_at=None)
    Answer.objects.create(
        assessment=assessment,
        commitment=Commitment.objects.order_by("number").first(),
        level=2,
        evidence="Minutes of the board meeting that nobody else has seen",
    )
    client.force_login(user)
    response = client.get(reverse("pledges:assessment_detail", args=[assessment.pk]))
    assert response.status_code == (200 if coordinates else 404)
    assert ("nobody else has seen" in response.content.decode()) is coordinates


@pytest.fixture
def other_round():
    """Another organisation's round with enough answers to show, shared with the coordinators."""
    feedback_round = FeedbackRoundFactory(
        title="Round of another organisation", share_with_coordinators=True
    )
    question = FeedbackQuestionFactory(round=feedback_round)
    for score in range(MIN_RESPONSES):
        feedback_services.feedback_respond(
            feedback_round=feedback_round, language="en", answers={question: score}
        )
    return feedback_round


def test_other_organisations_feedback_rounds_and_their_csv(client, person, other_round):
    user, coordinates = person
    client.force_login(user)
    home = client.get(reverse("feedback:home")).content.decode()
    assert (other_round.title in home) is coordinates
    results = client.get(reverse("feedback:round_results", args=[other_round.pk]))
    assert results.status_code == (200 if coordinates else 404)
    answers = client.get(reverse("feedback:round_csv", args=[other_round.pk]))
    assert answers.status_code == (200 if coordinates else 404)


def test_radar_csv_and_the_pulse(client, person):
    user, coordinates = person
    client.force_login(user)
    assert client.get(reverse("pledges:radar_csv")).status_code == (200 if coordinates else 404)
    for name in ["plan:pulse", "plan:pulse_csv"]:
        assert client.get(reverse(name)).status_code == (200 if coordinates else 403)
    menu = client.get(reverse("members:me")).content.decode()
    assert (reverse("plan:pulse") in menu) is coordinates


def test_editing_any_organisation(client, person):
    user, coordinates = person
    organisation = MembershipFactory().organisation
    name = organisation.name
    client.force_login(user)
    address = reverse("members:organisation_edit", args=[organisation.slug])
    assert client.get(address).status_code == (200 if coordinates else 404)
    client.post(address, {"name": "Taken over", "kind": organisation.kind, "country": "MK"})
    organisation.refresh_from_db()
    assert (organisation.name == name) is not coordinates
