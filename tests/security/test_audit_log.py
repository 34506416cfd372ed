"""The audit log records coordinators' actions; nobody can change or delete an entry."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from discussions import services as discussions
from library import services as library
from members import services as members
from racop.audit import Action, audit_record
from racop.models import AuditEntry, Topic
from tests.factories import (
    EventFactory,
    JoinApplicationFactory,
    ReplyFactory,
    ResourceFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def only_entry():
    assert AuditEntry.objects.count() == 1
    return AuditEntry.objects.get()


@pytest.mark.parametrize(
    "service,action",
    [
        (members.application_approve, Action.APPROVE),
        (members.application_decline, Action.DECLINE),
    ],
)
def test_application_decisions_are_recorded(coordinator, service, action):
    application = JoinApplicationFactory()
    service(application=application, by=coordinator, message="Reason given.")
    entry = AuditEntry.objects.get(action=action)
    assert entry.actor == coordinator
    assert entry.actor_name == coordinator.username
    assert entry.object_id == str(application.pk)
    assert entry.note == "Reason given."


def test_hiding_and_restoring_a_post_are_recorded(coordinator):
    reply = ReplyFactory()
    discussions.post_hide(post=reply, by=coordinator, reason="Insulting.")
    discussions.post_restore(post=reply, by=coordinator)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "object_id", "note"))
    assert actions == [
        (Action.HIDE, str(reply.pk), "Insulting."),
        (Action.RESTORE, str(reply.pk), ""),
    ]


def test_library_publish_and_decline_are_recorded(coordinator):
    suggestion = ResourceFactory(status="in_review")
    library.resource_publish(resource=suggestion, by=coordinator)
    other = ResourceFactory(status="in_review")
    library.resource_reject(resource=other, reason="Off topic.", by=coordinator)
    assert set(AuditEntry.objects.values_list("action", "object_id")) == {
        (Action.PUBLISH, str(suggestion.pk)),
        (Action.DECLINE, str(other.pk)),
    }


def test_an_admin_delete_is_recorded(coordinator_client):
    topic = TopicFactory(name="Short-lived")
    url = reverse("admin:racop_topic_delete", args=[topic.pk])
    assert coordinator_client.post(url, {"post": "yes"}).status_code == 302
    entry = only_entry()
    assert (entry.action, entry.target, entry.object_id) == (
        Action.DELETE,
        "Short-lived",
        str(topic.pk),
    )
    assert not Topic.objects.filter(pk=topic.pk).exists()


def test_a_bulk_admin_delete_records_every_row(coordinator_client):
    threads = ThreadFactory.create_batch(2)
    response = coordinator_client.post(
        reverse("admin:discussions_thread_changelist"),
        {"action": "delete_selected", "_selected_action": [t.pk for t in threads], "post": "yes"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action=Action.DELETE).count() == 2
    assert LogEntry.objects.count() == 2


@pytest.mark.parametrize(
    "changelist,rows,action",
    [
        ("admin:members_user_changelist", "users", "export_csv"),
        ("admin:members_joinapplication_changelist", "applications", "export_csv"),
        ("admin:library_resource_changelist", "resources", "export_csv"),
        ("admin:discussions_event_changelist", "events", "export_participants"),
    ],
)
def test_csv_exports_in_the_admin_are_recorded(coordinator_client, coordinator, changelist, rows,
                                               action):  # fmt: skip
    objects = {
        "users": lambda: [coordinator],
        "applications": lambda: [JoinApplicationFactory()],
        "resources": lambda: [ResourceFactory()],
        "events": lambda: [EventFactory()],
    }[rows]()
    response = coordinator_client.post(
        reverse(changelist), {"action": action, "_selected_action": [o.pk for o in objects]}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    entry = only_entry()
    assert entry.action == Action.EXPORT and entry.actor == coordinator


def test_the_radar_export_is_recorded(coordinator_client, coordinator):
    assert coordinator_client.get(reverse("pledges:radar_csv")).status_code == 200
    assert only_entry().action == Action.EXPORT


def test_entries_cannot_be_changed_or_deleted(coordinator):
    entry = audit_record(actor=coordinator, action=Action.HIDE, note="first")
    entry.note = "rewritten"
    with pytest.raises(ImproperlyConfigured):
        entry.save()
    with pytest.raises(ImproperlyConfigured):
        entry.delete()
    assert AuditEntry.objects.get().note == "first"


def test_coordinators_read_the_log_in_the_admin_but_cannot_edit_it(coordinator_client,
                                                                  coordinator):  # fmt: skip
    entry = audit_record(actor=coordinator, action=Action.EXPORT, note="3 rows")
    listing = coordinator_client.get(reverse("admin:racop_auditentry_changelist"))
    assert listing.status_code == 200
    assert "3 rows" in listing.content.decode()
    assert coordinator_client.get(reverse("admin:racop_auditentry_add")).status_code == 403
    change_url = reverse("admin:racop_auditentry_change", args=[entry.pk])
    page = coordinator_client.get(change_url)
    assert page.status_code == 200
    assert 'name="note"' not in page.content.decode()
    assert coordinator_client.post(change_url, {"note": "changed"}).status_code == 403
    delete_url = reverse("admin:racop_auditentry_delete", args=[entry.pk])
    assert coordinator_client.post(delete_url, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.note == "3 rows"


def test_members_cannot_see_the_log(member_client):
    response = member_client.get(reverse("admin:racop_auditentry_changelist"))
    assert response.status_code == 302
