"""Each kind of notification is produced once, to the right people, honouring preferences."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from discussions import services as discussions
from discussions.models import Registration, Subscription
from discussions.notifications import reminders_send
from members.models import NotificationPreference
from members.notifications.models import Notification
from tests.factories import (
    ActionItemFactory,
    EventFactory,
    MemberFactory,
    MembershipFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def kinds_of(user):
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_reply_reaches_followers_once_not_the_author(django_capture_on_commit_callbacks):
    thread = ThreadFactory()
    follower, author = MemberFactory(), MemberFactory()
    Subscription.objects.create(user=follower, thread=thread)
    Subscription.objects.create(user=thread.author, thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        discussions.thread_reply(thread=thread, author=author, body="My answer")
    assert kinds_of(follower) == ["reply"]
    assert kinds_of(author) == []
    assert sorted(m.to[0] for m in mail.outbox) == sorted([follower.email, thread.author.email])
    message = mail.outbox[0]
    assert "My answer" in message.body
    assert message.alternatives[0].mimetype == "text/html"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    follower.refresh_from_db()
    assert follower.unread_notifications == 1


def test_mention_wins_over_reply_and_never_is_honoured(django_capture_on_commit_callbacks):
    thread = ThreadFactory()
    named, silent = MemberFactory(), MemberFactory()
    Subscription.objects.create(user=named, thread=thread)
    Subscription.objects.create(user=silent, thread=thread)
    NotificationPreference.objects.create(user=silent, kind="reply", delivery="never")
    with django_capture_on_commit_callbacks(execute=True):
        discussions.thread_reply(thread=thread, author=thread.author, body=f"Thanks @{named.slug}!")
    assert kinds_of(named) == ["mention"]
    assert kinds_of(silent) == []
    assert [m.to[0] for m in mail.outbox] == [named.email]


def test_new_thread_goes_to_topic_followers_in_the_digest_by_default(
    django_capture_on_commit_callbacks,
):
    topic = TopicFactory()
    follower, author = MemberFactory(), MemberFactory()
    Subscription.objects.create(user=follower, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        discussions.thread_create(
            topic=topic, author=author, kind="discussion", title="Budgets", body="Open books?"
        )
    assert kinds_of(follower) == ["new_thread"]
    assert mail.outbox == []  # considerate default: the digest


def test_registration_sends_the_ics_and_promotion_from_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1)
    first, second = MemberFactory(), MemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        discussions.event_register(event=event, user=first)
        discussions.event_register(event=event, user=second)
    assert kinds_of(first) == ["registration"]
    assert kinds_of(second) == []
    filename, content, mimetype = mail.outbox[0].attachments[0]
    assert filename.endswith(".ics") and "BEGIN:VEVENT" in content and mimetype == "text/calendar"
    with django_capture_on_commit_callbacks(execute=True):
        discussions.event_cancel(event=event, user=first)
    assert kinds_of(second) == ["waitlist"]
    assert Registration.objects.get(user=second).status == "registered"


def test_reminders_the_day_before_once(django_capture_on_commit_callbacks):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    event = EventFactory(starts_at=tomorrow)
    attendee = MemberFactory()
    Registration.objects.create(event=event, user=attendee, status="registered")
    item = ActionItemFactory(due_date=timezone.localdate() + datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send()
        reminders_send()
    assert kinds_of(attendee) == ["event_reminder"]
    assert kinds_of(item.owner) == ["action_due"]


def test_application_kinds_reach_the_applicant(coordinator, django_capture_on_commit_callbacks):
    from members.services import application_request_info
    from tests.factories import JoinApplicationFactory

    application = JoinApplicationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        application_request_info(application=application, by=coordinator, message="Board?")
    assert kinds_of(application.user) == ["application"]
    assert mail.outbox[0].to == [application.user.email]


def test_pledge_renewal_and_peer_review_route_through_notify(django_capture_on_commit_callbacks):
    from pledges.services import pledge_version_publish
    from tests.factories import PledgeVersionFactory, SignatureFactory

    membership = MembershipFactory()
    SignatureFactory(organisation=membership.organisation)
    version = PledgeVersionFactory(number=2, published_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        pledge_version_publish(version=version)
    assert kinds_of(membership.user) == ["pledge_renewal"]
    assert [m.to[0] for m in mail.outbox] == [membership.user.email]
