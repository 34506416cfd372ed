"""Coordinators hide, lock, pin and move a thread from its own page, each with a reason."""

import pytest
from django.urls import reverse

from discussions.models import ModerationAction, Thread
from racop.models import AuditEntry
from tests.factories import ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


def moderate_url(thread):
    return reverse(
        "discussions:thread_moderate",
        kwargs={"topic": thread.topic.slug, "pk": thread.pk, "slug": thread.slug},
    )


def moderate(client, thread, action, **fields):
    data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
    data[f"{action}-action"] = action
    return client.post(moderate_url(thread), data)


def test_coordinators_see_the_controls_members_do_not(coordinator_client, client, member):
    thread = ThreadFactory()
    page = coordinator_client.get(thread.get_absolute_url()).content.decode()
    assert "Moderate this thread" in page
    for label in [
        "Hide from members",
        "Lock",
        "Pin to the top of the topic",
        "Move to another topic",
    ]:
        assert label in page
    client.force_login(member)
    assert "Moderate this thread" not in client.get(thread.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("action", "check", "audited"),
    [
        ("hide", lambda t: t.hidden_at is not None and t.hidden_reason == "Spam", "hide"),
        ("lock", lambda t: t.locked, "lock"),
        ("pin", lambda t: t.pinned, "pin"),
    ],
)
def test_each_action_changes_the_thread_and_is_audited_with_its_reason(
    coordinator_client, coordinator, action, check, audited
):
    thread = ThreadFactory()
    response = moderate(coordinator_client, thread, action, reason="Spam")
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    thread.refresh_from_db()
    assert check(thread)
    entry = AuditEntry.objects.get(action=audited)
    assert entry.actor == coordinator and entry.note == "Spam"
    assert entry.object_id == str(thread.pk)
    assert ModerationAction.objects.get(thread=thread).reason == "Spam"


def test_undoing_is_offered_and_audited_too(coordinator_client):
    thread = ThreadFactory(locked=True, pinned=True)
    page = coordinator_client.get(thread.get_absolute_url()).content.decode()
    assert "Unlock" in page and "Unpin" in page
    moderate(coordinator_client, thread, "unlock", reason="Calmer now")
    moderate(coordinator_client, thread, "unpin", reason="Old news")
    thread.refresh_from_db()
    assert not thread.locked and not thread.pinned
    assert set(AuditEntry.objects.values_list("action", "note")) == {
        ("unlock", "Calmer now"),
        ("unpin", "Old news"),
    }


def test_moving_a_thread_to_another_topic(coordinator_client):
    thread = ThreadFactory()
    elsewhere = TopicFactory(name="Fundraising")
    missing = moderate(coordinator_client, thread, "move", reason="Wrong place")
    assert missing.status_code == 400
    assert "Choose the topic to move the thread to." in missing.content.decode()
    moderate(coordinator_client, thread, "move", reason="Wrong place", topic=elsewhere.pk)
    thread.refresh_from_db()
    assert thread.topic == elsewhere
    assert "Wrong place" in AuditEntry.objects.get(action="move").note


def test_a_reason_is_required_and_shown_next_to_the_field(coordinator_client):
    thread = ThreadFactory()
    response = moderate(coordinator_client, thread, "lock", reason="")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_lock-reason_error"' in html and "This field is required." in html
    thread.refresh_from_db()
    assert not thread.locked
    assert not AuditEntry.objects.exists()


def test_an_unknown_action_is_refused(coordinator_client):
    thread = ThreadFactory()
    response = coordinator_client.post(moderate_url(thread), {"action": "delete"})
    assert response.status_code == 400
    assert Thread.objects.filter(pk=thread.pk).exists()


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_only_coordinators_moderate(client, member, who):
    thread = ThreadFactory()
    if who == "member":
        client.force_login(member)
    response = moderate(client, thread, "lock", reason="Because")
    # A visitor is asked to sign in; a member is told nothing is there.
    assert response.status_code == (404 if who == "member" else 302)
    thread.refresh_from_db()
    assert not thread.locked
    assert not AuditEntry.objects.exists()


def test_moderating_needs_a_post(coordinator_client):
    thread = ThreadFactory()
    assert coordinator_client.get(moderate_url(thread)).status_code == 405
