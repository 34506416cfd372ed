import csv
import datetime
import io

import pytest
from django.urls import reverse

from discussions import services
from discussions.models import Event, ModerationAction, Reply, Report, Thread
from tests.factories import (
    EventFactory,
    MembershipFactory,
    RegistrationFactory,
    ReplyFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def changelist(model):
    return reverse(f"admin:discussions_{model}_changelist")


def act(client, model, action, objects, **extra):
    return client.post(
        changelist(model),
        {"action": action, "_selected_action": [obj.pk for obj in objects], **extra},
        follow=True,
    )


@pytest.mark.parametrize(
    "model", ["thread", "reply", "report", "moderationaction", "subscription", "event",
              "registration", "actionitem", "postrevision", "threadread"],
)  # fmt: skip
def test_every_admin_page_opens_with_data(coordinator_client, model):
    reply = ReplyFactory()
    services.post_edit(post=reply, by=reply.author, body="Edited")
    services.post_report(post=reply, reporter=reply.thread.author, reason="Rude")
    RegistrationFactory()
    response = coordinator_client.get(changelist(model))
    assert response.status_code == 200


def test_members_cannot_reach_the_moderation_queue(member_client):
    assert member_client.get(changelist("report")).status_code == 302


def test_queue_hides_the_reported_post_and_records_who_did_it(coordinator_client, coordinator):
    reply = ReplyFactory(body="Nasty")
    report = services.post_report(post=reply, reporter=reply.thread.author, reason="Insult")
    asking = act(coordinator_client, "report", "hide_post", [report])
    assert "Reason for hiding" in asking.content.decode()
    assert "Insult" in asking.content.decode()
    reply.refresh_from_db()
    assert reply.hidden_at is None
    empty = act(coordinator_client, "report", "hide_post", [report], apply="1", reason="")
    assert "This field is required." in empty.content.decode()
    act(coordinator_client, "report", "hide_post", [report], apply="1", reason="Insults a member")
    reply.refresh_from_db()
    report.refresh_from_db()
    assert reply.hidden_at and reply.hidden_reason == "Insults a member"
    assert reply.body == "Nasty"
    assert (report.status, report.resolved_by) == (Report.Status.HIDDEN, coordinator)
    record = ModerationAction.objects.get()
    assert (record.action, record.moderator, record.reply) == ("hide", coordinator, reply)


def test_queue_dismisses_and_locks(coordinator_client, coordinator):
    thread = ThreadFactory()
    report = services.post_report(post=thread, reporter=thread.author, reason="Off topic")
    act(coordinator_client, "report", "lock_thread", [report])
    act(coordinator_client, "report", "dismiss", [report])
    thread.refresh_from_db()
    report.refresh_from_db()
    assert thread.locked
    assert report.status == Report.Status.DISMISSED
    assert set(ModerationAction.objects.values_list("action", flat=True)) == {"lock", "dismiss"}


def test_hide_and_restore_from_the_reply_list(coordinator_client):
    reply = ReplyFactory()
    act(coordinator_client, "reply", "hide", [reply], apply="1", reason="Spam")
    assert Reply.objects.get().hidden_reason == "Spam"
    act(coordinator_client, "reply", "restore", [reply])
    assert Reply.objects.get().hidden_at is None
    assert list(
        ModerationAction.objects.order_by("created_at").values_list("action", flat=True)
    ) == [
        "hide",
        "restore",
    ]


def test_pin_and_move_a_thread_are_recorded(coordinator_client, coordinator):
    thread = ThreadFactory()
    act(coordinator_client, "thread", "pin", [thread])
    assert Thread.objects.get().pinned
    other = TopicFactory()
    services.thread_move(thread=thread, topic=other, by=coordinator)
    thread.refresh_from_db()
    assert thread.topic == other
    assert ModerationAction.objects.filter(action="move", thread=thread).exists()


def test_participants_export_as_csv(coordinator_client):
    event = EventFactory()
    membership = MembershipFactory()
    RegistrationFactory(event=event, user=membership.user)
    RegistrationFactory(event=event, status="cancelled")
    response = act(coordinator_client, "event", "export_participants", [event])
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 2
    assert rows[1][2] == membership.user.email
    assert rows[1][3] == membership.organisation.name


def test_thread_flags_change_only_through_recorded_actions(coordinator_client):
    thread = ThreadFactory()
    response = coordinator_client.get(reverse("admin:discussions_thread_change", args=[thread.pk]))
    html = response.content.decode()
    assert 'name="pinned"' not in html and 'name="locked"' not in html
    assert 'name="author"' not in html


def test_moving_a_thread_in_the_admin_is_recorded(coordinator_client, coordinator):
    thread = ThreadFactory()
    other = TopicFactory()
    response = coordinator_client.post(
        reverse("admin:discussions_thread_change", args=[thread.pk]),
        {
            "topic": other.pk,
            "kind": thread.kind,
            "title": thread.title,
            "slug": thread.slug,
            "body": thread.body,
            "language": thread.language,
            "revisions-TOTAL_FORMS": "0",
            "revisions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    thread.refresh_from_db()
    assert thread.topic == other
    record = ModerationAction.objects.get(action="move")
    assert record.moderator == coordinator and other.name in record.reason


def test_event_times_are_typed_in_the_events_time_zone(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:discussions_event_add"),
        {
            "title_en": "Istanbul meeting",
            "slug": "istanbul-meeting",
            "format": "in-person",
            "visibility": "public",
            "time_zone": "Europe/Istanbul",
            "starts_at_0": "2030-03-01",
            "starts_at_1": "10:00",
            "ends_at_0": "2030-03-01",
            "ends_at_1": "12:00",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
            "action_items-TOTAL_FORMS": "0",
            "action_items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.starts_at.astimezone(datetime.UTC).hour == 7


def test_event_with_an_unknown_time_zone_is_refused(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:discussions_event_add"),
        {"title": "X", "slug": "x", "time_zone": "Mars/Olympus", "format": "online"},
    )
    assert response.status_code == 200
    assert "is not a time zone" in response.content.decode()
