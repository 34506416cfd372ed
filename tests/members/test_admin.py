import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from members.models import JoinApplication, Membership
from tests.factories import JoinApplicationFactory, MemberFactory, MembershipFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:members_joinapplication_changelist")


def post_action(client, action, applications, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in applications], **extra}
    return client.post(CHANGELIST, data)


@pytest.mark.parametrize("role", ["visitor", "applicant", "member", "representative"])
def test_queue_is_for_coordinators_only(as_role, role):
    response = as_role(role).get(CHANGELIST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_coordinator_sees_filters_and_searches_the_queue(coordinator_client):
    JoinApplicationFactory(organisation_name="Pending Partners", country="AL")
    JoinApplicationFactory(organisation_name="Declined Friends", status="declined", country="TR")
    response = coordinator_client.get(CHANGELIST, {"status__exact": "pending"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pending Partners" in html and "Declined Friends" not in html
    html = coordinator_client.get(CHANGELIST, {"q": "declined friends"}).content.decode()
    assert "Declined Friends" in html and "Pending Partners" not in html
    html = coordinator_client.get(CHANGELIST, {"country": "TR"}).content.decode()
    assert "Declined Friends" in html and "Pending Partners" not in html


@pytest.mark.parametrize("size", [2, 20])
def test_queue_query_count_is_flat(coordinator_client, django_assert_max_num_queries, size):
    JoinApplicationFactory.create_batch(size)
    with django_assert_max_num_queries(12):
        assert coordinator_client.get(CHANGELIST).status_code == 200


def test_queue_shows_whether_the_email_was_confirmed(coordinator_client):
    JoinApplicationFactory(user__verified=False)
    JoinApplicationFactory()
    html = coordinator_client.get(CHANGELIST).content.decode()
    assert html.count('alt="False"') == 1 and html.count('alt="True"') == 1


def test_change_page_shows_the_history(coordinator_client, coordinator):
    application = JoinApplicationFactory()
    application.events.create(actor=coordinator, action="needs_info", message="Which board?")
    url = reverse("admin:members_joinapplication_change", args=[application.pk])
    assert "Which board?" in coordinator_client.get(url).content.decode()


def test_approve_action_asks_for_an_optional_message_then_approves(
    coordinator_client, coordinator, django_capture_on_commit_callbacks
):
    applications = JoinApplicationFactory.create_batch(2)
    response = post_action(coordinator_client, "approve", applications)
    assert response.status_code == 200
    assert "Message to the applicant" in response.content.decode()
    assert JoinApplication.objects.filter(status="pending").count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        response = post_action(coordinator_client, "approve", applications, apply="1", message="")
    assert response.status_code == 302
    assert JoinApplication.objects.filter(status="approved").count() == 2
    assert Membership.objects.filter(role="representative").count() == 2
    assert len(mail.outbox) == 2
    assert all(a.user.__class__.objects.get(pk=a.user.pk).is_member for a in applications)
    event = applications[0].events.get(action="approved")
    assert event.actor == coordinator


@pytest.mark.parametrize(("action", "status"), [("request_info", "needs_info"),
                                                ("decline", "declined")])  # fmt: skip
def test_actions_that_need_a_message_refuse_an_empty_one(coordinator_client, action, status):
    application = JoinApplicationFactory()
    response = post_action(coordinator_client, action, [application], apply="1", message="")
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "pending"

    response = post_action(coordinator_client, action, [application], apply="1", message="Why?")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == status
    assert application.events.get().message == "Why?"


def test_decided_applications_are_not_decided_again(coordinator_client):
    application = JoinApplicationFactory(status="declined")
    response = post_action(coordinator_client, "approve", [application], apply="1")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "declined"


def test_export_applications_as_csv(coordinator_client):
    application = JoinApplicationFactory(organisation_name="Exported, Ltd", motivation="Line 1")
    response = post_action(coordinator_client, "export_csv", [application])
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "submitted"
    assert rows[1][6] == "Exported, Ltd" and rows[1][4] == application.user.email


def test_export_people_as_csv(coordinator_client):
    membership = MembershipFactory(
        user=MemberFactory(first_name="Dora"), organisation__name="Exported Org"
    )
    url = reverse("admin:members_user_changelist")
    response = coordinator_client.post(
        url, {"action": "export_csv", "_selected_action": [membership.user.pk]}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][0] == "Dora"
    assert "Exported Org (Representative)" in rows[1][5]


@pytest.mark.parametrize(
    "name",
    ["members_user", "members_organisation", "members_membership", "members_joinapplication",
     "members_applicationevent", "members_notificationpreference"],
)  # fmt: skip
def test_every_members_model_has_an_admin_page(coordinator_client, name):
    assert coordinator_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
