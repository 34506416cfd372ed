"""Queued email with retries, digests, newsletters, unsubscribing and the notification pages."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from discussions.models import Subscription
from members.models import NotificationPreference
from members.notifications import services
from members.notifications.digest import digest_send
from members.notifications.models import (
    DigestLog,
    Newsletter,
    NewsletterDelivery,
    NewsletterTranslation,
    Notification,
    OutgoingEmail,
)
from members.notifications.newsletter import newsletter_send
from tests.factories import MemberFactory, ResourceFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


def notify(user, **kwargs):
    return services.notification_send(
        recipients=[user],
        kind=kwargs.pop("kind", "mention"),
        subject="Hello",
        template="discussions/emails/reminder.txt",
        context={"event": None},
        url="/events/",
        **kwargs,
    )


# Sending, and retries against a real SMTP server


def test_a_refusing_mail_server_means_a_retry_not_a_lost_message(smtp_server):
    user = MemberFactory()
    email = services.email_queue(to=user.email, subject="Hi", text="Body", html="<p>Body</p>")
    assert services.email_deliver(email.pk) == "queued"
    email.refresh_from_db()
    assert email.attempts == 1 and "451" in email.last_error
    assert email.next_attempt_at > timezone.now()
    assert services.emails_send_due() == 0  # not yet due
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert services.emails_send_due() == 1
    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 2
    assert len(smtp_server.received) == 1
    assert b"Body" in smtp_server.received[0].content


def test_emails_fail_for_good_after_the_last_attempt_and_the_admin_can_retry(
    smtp_server, coordinator
):
    smtp_server.refusals = 100
    email = services.email_queue(to="x@example.org", subject="Hi", text="Body")
    for _attempt in range(services.MAX_ATTEMPTS):
        OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        services.email_deliver(email.pk)
    email.refresh_from_db()
    assert email.status == "failed"
    client = Client()
    client.force_login(coordinator)
    page = client.get("/admin/notifications/outgoingemail/?status__exact=failed")
    assert page.status_code == 200 and "x@example.org" in page.content.decode()
    smtp_server.refusals = 0
    client.post(
        "/admin/notifications/outgoingemail/",
        {"action": "retry", "_selected_action": [email.pk]},
    )
    email.refresh_from_db()
    assert email.status == "queued"
    services.email_deliver(email.pk)
    email.refresh_from_db()
    assert email.status == "sent"


def test_backoff_grows_and_is_capped():
    assert services.backoff(1) < services.backoff(2) < services.backoff(3)
    assert services.backoff(30) == services.BACKOFF_CAP


# Unsubscribe


def test_unsubscribe_headers_and_one_click_post_without_login_or_csrf(
    django_capture_on_commit_callbacks,
):
    user = MemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user)
    message = mail.outbox[0]
    header = message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header.strip("<>").split("://", 1)[1].split("/", 1)[1]
    assert url in message.body
    client = Client(enforce_csrf_checks=True)
    page = client.get("/" + url)
    assert page.status_code == 200
    assert NotificationPreference.objects.filter(user=user).count() == 0  # GET changes nothing
    assert client.post("/" + url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert NotificationPreference.objects.get(user=user, kind="mention").delivery == "never"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user)
    assert mail.outbox == []


def test_a_forged_unsubscribe_token_changes_nothing(client):
    user = MemberFactory()
    token = services.unsubscribe_token(user, "mention")
    assert client.post(f"/unsubscribe/{token}x/").status_code == 404
    assert not NotificationPreference.objects.exists()


# Digest


def test_digest_gathers_what_is_new_and_sends_nothing_when_nothing_is(
    django_capture_on_commit_callbacks,
):
    user = MemberFactory(digest_frequency="daily")
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send(user, now=now) is False
    assert mail.outbox == [] and not DigestLog.objects.exists()
    topic = TopicFactory()
    Subscription.objects.create(user=user, topic=topic)
    thread = ThreadFactory(topic=topic, title="Open budgets thread")
    ResourceFactory(title="A new guide", status="published", published_at=now)
    later = now + datetime.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send(user, now=later) is True
    body = mail.outbox[0].body
    assert thread.title in body and "A new guide" in body
    assert mail.outbox[0].extra_headers["List-Unsubscribe"]
    # The next day nothing new: nothing sent.
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send(user, now=later + datetime.timedelta(days=1)) is False
    assert len(mail.outbox) == 1


def test_digest_off_sends_nothing():
    user = MemberFactory(digest_frequency="off")
    ResourceFactory(status="published", published_at=timezone.now())
    assert digest_send(user) is False


# Newsletter


def test_newsletter_reaches_each_member_once_even_if_interrupted(
    django_capture_on_commit_callbacks,
):
    people = MemberFactory.create_batch(4, country="RS")
    MemberFactory(country="AL")
    newsletter = Newsletter.objects.create(
        subject="News", body="**Hello** all", audience="country", country="RS"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert newsletter_send(newsletter=newsletter, limit=2) == 2
        assert newsletter_send(newsletter=newsletter) == 2
        assert newsletter_send(newsletter=newsletter) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert NewsletterDelivery.objects.count() == 4
    assert "<strong>Hello</strong>" in mail.outbox[0].alternatives[0].content


def test_newsletter_in_the_members_language():
    person = MemberFactory(languages=["sq"])
    newsletter = Newsletter.objects.create(subject="News", body="English text")
    NewsletterTranslation.objects.create(
        newsletter=newsletter, language="sq", subject="Lajme", body="Tekst shqip"
    )
    newsletter_send(newsletter=newsletter)
    email = OutgoingEmail.objects.get(to=person.email)
    assert "Lajme" in email.subject and "Tekst shqip" in email.text


def test_coordinator_previews_and_tests_a_newsletter(coordinator_client, coordinator):
    newsletter = Newsletter.objects.create(subject="News", body="**Title**")
    page = coordinator_client.get(f"/admin/notifications/newsletter/{newsletter.pk}/preview/")
    assert page.status_code == 200 and "<strong>Title</strong>" in page.content.decode()
    coordinator_client.post(
        "/admin/notifications/newsletter/",
        {"action": "send_test", "_selected_action": [newsletter.pk]},
    )
    assert OutgoingEmail.objects.get().to == coordinator.email
    assert not NewsletterDelivery.objects.exists()


# Pages


def test_header_shows_the_unread_count_and_opening_marks_read(client):
    user = MemberFactory()
    notification = notify(user)[0]
    client.force_login(user)
    html = client.get("/me/notifications/").content.decode()
    assert 'class="badge badge-new">1' in html
    response = client.get(f"/me/notifications/{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == "/events/"
    notification.refresh_from_db()
    user.refresh_from_db()
    assert notification.read_at and user.unread_notifications == 0


def test_someone_elses_notification_is_404(client):
    notification = notify(MemberFactory())[0]
    client.force_login(MemberFactory())
    assert client.get(f"/me/notifications/{notification.pk}/").status_code == 404
    assert not Notification.objects.filter(read_at__isnull=False).exists()


@pytest.mark.parametrize("url", ["/me/notifications/", "/me/notifications/preferences/"])
def test_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["applicant", "member", "coordinator"])
def test_every_signed_in_role_sees_its_notifications(client, request, role):
    person = request.getfixturevalue(role)
    notify(person)
    client.force_login(person)
    assert client.get("/me/notifications/").status_code == 200


@pytest.mark.parametrize("size", [1, 15])
def test_notification_list_query_count_is_flat(client, django_assert_max_num_queries, size):
    user = MemberFactory()
    for _n in range(size):
        notify(user)
    client.force_login(user)
    with django_assert_max_num_queries(6):
        assert client.get("/me/notifications/").status_code == 200


def test_mark_all_read(client):
    user = MemberFactory()
    notify(user)
    notify(user)
    client.force_login(user)
    assert client.post("/me/notifications/read/").status_code == 302
    user.refresh_from_db()
    assert user.unread_notifications == 0
    assert not Notification.objects.unread().exists()
