"""Deciding on an object's own page in the back office, and messages that count."""

import pytest
from django.core import mail
from django.urls import reverse

from discussions import services as discussion_services
from discussions.models import ModerationAction, Report, Thread
from library.models import Resource
from members.models import JoinApplication
from racop.models import AuditEntry
from tests.factories import (
    ChampionFactory,
    JoinApplicationFactory,
    ReplyFactory,
    ResourceFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def do_url(model, obj, action):
    label = model.replace(".", "_")
    return reverse(f"admin:{label}_object_action", args=[obj.pk, action])


def change_url(model, obj):
    return reverse(f"admin:{model.replace('.', '_')}_change", args=[obj.pk])


# Applications


def test_application_page_carries_its_decisions_as_buttons(coordinator_client):
    application = JoinApplicationFactory()
    html = coordinator_client.get(change_url("members.joinapplication", application)).content
    html = html.decode()
    for action in ["approve", "request-info", "decline"]:
        assert do_url("members.joinapplication", application, action) in html
    assert ">Approve</a>" in html and ">Ask for more information</a>" in html


def test_coordinator_approves_an_application_from_its_page(
    coordinator_client, coordinator, django_capture_on_commit_callbacks
):
    application = JoinApplicationFactory()
    url = do_url("members.joinapplication", application, "approve")
    asking = coordinator_client.get(url)
    assert "Message to the applicant" in asking.content.decode()
    assert "receives your message by email" in asking.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = coordinator_client.post(url, {"message": "Welcome!"}, follow=True)
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.APPROVED
    assert application.decided_by == coordinator
    assert application.user.is_member
    assert "Approved. The applicant was emailed." in done.content.decode()
    assert AuditEntry.objects.filter(action="approve", object_id=str(application.pk)).exists()
    assert any("Welcome!" in message.body for message in mail.outbox)
    # Decided, it offers no more decisions.
    assert url not in done.content.decode()


def test_asking_for_more_information_needs_a_message(coordinator_client):
    application = JoinApplicationFactory()
    url = do_url("members.joinapplication", application, "request-info")
    empty = coordinator_client.post(url, {"message": ""})
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.PENDING
    coordinator_client.post(url, {"message": "Which organisation do you work for?"})
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.NEEDS_INFO
    assert application.events.get().message == "Which organisation do you work for?"


def test_deciding_an_application_already_decided_changes_nothing(coordinator_client):
    application = JoinApplicationFactory(status=JoinApplication.Status.DECLINED)
    url = do_url("members.joinapplication", application, "approve")
    response = coordinator_client.post(url, {"message": ""}, follow=True)
    assert response.status_code == 200
    assert "no longer possible" in response.content.decode()
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.DECLINED
    assert not application.user.is_member


def test_unknown_decision_or_object_is_not_found(coordinator_client):
    application = JoinApplicationFactory()
    assert coordinator_client.get(
        do_url("members.joinapplication", application, "promote")
    ).status_code == 404  # fmt: skip
    missing = reverse("admin:members_joinapplication_object_action", args=[999999, "approve"])
    assert coordinator_client.get(missing).status_code == 404


@pytest.mark.parametrize("who", ["visitor", "applicant", "member", "staff_without_rights"])
def test_only_coordinators_decide(client, member, who):
    application = JoinApplicationFactory()
    if who == "member":
        client.force_login(member)
    elif who == "applicant":
        client.force_login(application.user)
    elif who == "staff_without_rights":
        client.force_login(UserFactory(is_staff=True))
    url = do_url("members.joinapplication", application, "approve")
    response = client.post(url, {"message": ""})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login/" in response["Location"]
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.PENDING


def test_bulk_decision_counts_the_applications_decided(coordinator_client):
    applications = JoinApplicationFactory.create_batch(2)
    response = coordinator_client.post(
        reverse("admin:members_joinapplication_changelist") + "?status__exact=pending",
        {"action": "approve", "_selected_action": [a.pk for a in applications], "apply": "1",
         "message": ""},
        follow=True,
    )  # fmt: skip
    assert "2 applications decided" in response.content.decode()


# Library suggestions


def test_coordinator_publishes_a_suggestion_from_its_page(
    coordinator_client, django_capture_on_commit_callbacks
):
    suggestion = ResourceFactory(status=Resource.Status.IN_REVIEW, added_by=UserFactory())
    page = coordinator_client.get(change_url("library.resource", suggestion)).content.decode()
    assert do_url("library.resource", suggestion, "publish") in page
    assert do_url("library.resource", suggestion, "decline") in page
    with django_capture_on_commit_callbacks(execute=True):
        done = coordinator_client.post(
            do_url("library.resource", suggestion, "publish"), follow=True
        )
    suggestion.refresh_from_db()
    assert suggestion.status == Resource.Status.PUBLISHED
    assert "is published" in done.content.decode()
    assert [m.to for m in mail.outbox] == [[suggestion.added_by.email]]


def test_declining_a_suggestion_asks_for_the_reason_and_sends_it(
    coordinator_client, django_capture_on_commit_callbacks
):
    suggestion = ResourceFactory(status=Resource.Status.IN_REVIEW, added_by=UserFactory())
    url = do_url("library.resource", suggestion, "decline")
    empty = coordinator_client.post(url, {"reason": ""})
    assert "This field is required." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url, {"reason": "Out of the library's scope."})
    suggestion.refresh_from_db()
    assert suggestion.status == Resource.Status.REJECTED
    assert "Out of the library's scope." in mail.outbox[-1].body


def test_a_published_resource_offers_no_decline(coordinator_client):
    resource = ResourceFactory()
    page = coordinator_client.get(change_url("library.resource", resource)).content.decode()
    assert do_url("library.resource", resource, "decline") not in page
    response = coordinator_client.post(
        do_url("library.resource", resource, "decline"), {"reason": "x"}, follow=True
    )
    assert "no longer possible" in response.content.decode()
    resource.refresh_from_db()
    assert resource.status == Resource.Status.PUBLISHED


def test_bulk_publish_and_decline_count_what_was_done_from_a_filtered_list(coordinator_client):
    changelist = reverse("admin:library_resource_changelist") + "?status__exact=in_review"
    suggestions = ResourceFactory.create_batch(3, status=Resource.Status.IN_REVIEW)
    published = coordinator_client.post(
        changelist,
        {"action": "publish", "_selected_action": [r.pk for r in suggestions[:2]]},
        follow=True,
    )
    assert "2 resources published." in published.content.decode()
    declined = coordinator_client.post(
        changelist,
        {"action": "reject", "_selected_action": [suggestions[2].pk], "apply": "1",
         "reason": "Duplicate"},
        follow=True,
    )  # fmt: skip
    assert "1 suggestion declined." in declined.content.decode()
    again = coordinator_client.post(
        reverse("admin:library_resource_changelist"),
        {"action": "publish", "_selected_action": [r.pk for r in suggestions]},
        follow=True,
    )
    # Two were published already: one more now.
    assert "1 resource published." in again.content.decode()


# Reports


def reported_reply():
    reply = ReplyFactory(body="You are all **fools**.")
    report = discussion_services.post_report(
        post=reply, reporter=reply.thread.author, reason="Insulting"
    )
    return reply, report


def test_report_page_shows_the_post_and_links_to_it_in_its_thread(coordinator_client):
    reply, report = reported_reply()
    html = coordinator_client.get(change_url("discussions.report", report)).content.decode()
    assert "You are all <strong>fools</strong>." in html
    assert f'href="{reply.get_absolute_url()}"' in html
    assert f"#reply-{reply.pk}" in html
    # What the member reported is a record: no field of it can be edited.
    assert 'name="created_at' not in html and 'name="reason"' not in html
    assert 'name="thread"' not in html and 'name="reporter"' not in html


def test_report_page_keeps_an_anonymous_author_anonymous(coordinator_client):
    reply = ReplyFactory(body="Said quietly", anonymous=True)
    report = discussion_services.post_report(post=reply, reporter=UserFactory(), reason="x")
    html = coordinator_client.get(change_url("discussions.report", report)).content.decode()
    assert "A community member" in html
    assert reply.author.email not in html and reply.author.last_name not in html


def test_hiding_the_reported_post_from_the_report_page(coordinator_client, coordinator):
    reply, report = reported_reply()
    url = do_url("discussions.report", report, "hide")
    empty = coordinator_client.post(url, {"reason": ""})
    assert "This field is required." in empty.content.decode()
    coordinator_client.post(url, {"reason": "Insults a member"})
    reply.refresh_from_db()
    report.refresh_from_db()
    assert reply.hidden_at is not None and reply.hidden_reason == "Insults a member"
    assert report.status == Report.Status.HIDDEN and report.resolved_by == coordinator
    assert AuditEntry.objects.filter(action="hide", note="Insults a member").exists()


def test_dismissing_a_report_from_its_page_and_not_twice(coordinator_client):
    _reply, report = reported_reply()
    url = do_url("discussions.report", report, "dismiss")
    coordinator_client.post(url)
    report.refresh_from_db()
    assert report.status == Report.Status.DISMISSED
    again = coordinator_client.post(url, follow=True)
    assert "no longer possible" in again.content.decode()
    assert ModerationAction.objects.filter(action="dismiss").count() == 1


def test_thread_actions_count_only_the_threads_they_changed(coordinator_client):
    threads = ThreadFactory.create_batch(3)
    Thread.objects.filter(pk=threads[0].pk).update(locked=True)
    changelist = reverse("admin:discussions_thread_changelist")
    response = coordinator_client.post(
        changelist, {"action": "lock", "_selected_action": [t.pk for t in threads]}, follow=True
    )
    assert "2 threads locked." in response.content.decode()
    response = coordinator_client.post(
        changelist, {"action": "pin", "_selected_action": [threads[0].pk]}, follow=True
    )
    assert "1 thread pinned." in response.content.decode()


def test_hide_restore_and_champion_actions_count(coordinator_client):
    reply, report = reported_reply()
    hidden = coordinator_client.post(
        reverse("admin:discussions_report_changelist"),
        {"action": "hide_post", "_selected_action": [report.pk], "apply": "1", "reason": "x"},
        follow=True,
    )
    assert "1 post hidden." in hidden.content.decode()
    restored = coordinator_client.post(
        reverse("admin:discussions_reply_changelist"),
        {"action": "restore", "_selected_action": [reply.pk, ReplyFactory().pk]},
        follow=True,
    )
    assert "1 post shown again." in restored.content.decode()
    champions = ChampionFactory.create_batch(2, status="nominated")
    confirmed = coordinator_client.post(
        reverse("admin:plan_champion_changelist"),
        {"action": "confirm", "_selected_action": [c.pk for c in champions]},
        follow=True,
    )
    assert "2 champions confirmed." in confirmed.content.decode()
