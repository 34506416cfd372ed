"""Nothing a member can reach reveals who wrote an anonymous post; coordinators may see it."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from discussions import services
from discussions.inbound import inbound_email_receive
from discussions.reply_tokens import reply_address
from members.models import NotificationPreference
from members.notifications.models import Notification, OutgoingEmail
from tests.discussions.inbound_helpers import inbound_settings, message_file  # noqa: F401
from tests.factories import MemberFactory, ResourceFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret_author(db):
    return MemberFactory(
        first_name="Zebulon",
        last_name="Quixotefield",
        email="zq-hidden@example.org",
        username="zq-hidden@example.org",
    )


def traces(person):
    """Strings that would identify the person in a page, a file or an email."""
    found = [person.first_name, person.last_name, person.email]
    if person.slug:
        found += [f"/members/{person.slug}/", f'"{person.slug}"']
    return found


@pytest.fixture
def posts(secret_author):
    topic = TopicFactory(slug="whistleblowing")
    resource = ResourceFactory(slug="complaints-guide")
    thread = services.thread_create(
        topic=topic,
        author=secret_author,
        kind="question",
        title="How do we protect our sources?",
        body=f"We read [the guide]({resource.get_absolute_url()}).",
        anonymous=True,
    )
    open_thread = ThreadFactory(topic=topic, title="Open questions")
    reply = services.thread_reply(
        thread=open_thread, author=secret_author, body="Our board knew.", anonymous=True
    )
    return {
        "topic": topic,
        "thread": thread,
        "open_thread": open_thread,
        "reply": reply,
        "resource": resource,
    }


def assert_no_trace(text, person, where):
    for trace in traces(person):
        assert trace not in text, f"{trace!r} revealed in {where}"


def reachable_urls(posts, secret_author):
    thread, reply, open_thread = posts["thread"], posts["reply"], posts["open_thread"]
    thread_args = [thread.topic.slug, thread.pk, thread.slug]
    open_args = [open_thread.topic.slug, open_thread.pk, open_thread.slug]
    return [
        "/",
        reverse("discussions:topic_list"),
        reverse("discussions:thread_list", args=[posts["topic"].slug]),
        thread.get_absolute_url(),
        open_thread.get_absolute_url(),
        reverse("discussions:reply_create", args=open_args) + f"?quote={reply.pk}",
        reverse("discussions:thread_report", args=thread_args),
        reverse("discussions:reply_report", args=[*open_args, reply.pk]),
        posts["topic"].get_absolute_url(),
        posts["resource"].get_absolute_url(),
        reverse("library:resource_list") + "?q=protect+sources",
        reverse("members:me_data"),
        reverse("library:feed_rss"),
        reverse("discussions:events_ics"),
    ]


def test_no_page_or_file_a_member_reaches_names_the_author(client, posts, secret_author):
    reader = MemberFactory()
    client.force_login(reader)
    for url in reachable_urls(posts, secret_author):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert_no_trace(text, secret_author, url)


def test_the_author_profile_does_not_list_the_anonymous_posts(client, posts, secret_author):
    client.force_login(MemberFactory())
    secret_author.refresh_from_db()
    response = client.get(reverse("members:person_detail", args=[secret_author.slug]))
    assert response.status_code == 200
    text = response.content.decode()
    assert posts["thread"].title not in text
    assert "Our board knew" not in text


def test_the_pages_say_a_community_member_wrote_it(client, posts):
    client.force_login(MemberFactory())
    text = client.get(posts["thread"].get_absolute_url()).content.decode()
    assert "A community member" in text
    assert "(you)" not in text


def test_the_author_sees_it_is_theirs_and_coordinators_see_who(
    client, posts, secret_author, coordinator
):
    client.force_login(secret_author)
    assert "A community member (you)" in client.get(posts["thread"].get_absolute_url()).text
    client.force_login(coordinator)
    assert "Zebulon Quixotefield" in client.get(posts["thread"].get_absolute_url()).text


def test_another_members_data_export_does_not_name_the_author(client, posts, secret_author):
    reader = MemberFactory()
    services.thread_reply(thread=posts["thread"], author=reader, body="Me too.")
    services.post_report(post=posts["reply"], reporter=reader, reason="Worrying.")
    client.force_login(reader)
    data = client.get(reverse("members:me_data")).json()
    assert_no_trace(json.dumps(data), secret_author, "the reader's data export")
    rows = [row for rows in data.values() if isinstance(rows, list) for row in rows]
    assert secret_author.pk not in {row.get("author") for row in rows if isinstance(row, dict)}


def test_emails_about_the_thread_do_not_name_the_author(
    posts, secret_author, django_capture_on_commit_callbacks
):
    reader = MemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_reply(thread=posts["thread"], author=reader, body="A reply.")
        services.thread_reply(thread=posts["open_thread"], author=reader, body="Another.")
    for message in mail.outbox:
        assert_no_trace(message.subject + message.body, secret_author, "an email")


def test_the_html_carries_no_author_attribute(client, posts, secret_author):
    client.force_login(MemberFactory())
    text = client.get(posts["open_thread"].get_absolute_url()).content.decode()
    for attribute in (f'data-author="{secret_author.pk}"', f'user-{secret_author.pk}"'):
        assert attribute not in text


def test_notifications_and_emails_of_an_anonymous_post_do_not_name_the_author(
    client, secret_author, django_capture_on_commit_callbacks
):
    """Followers of the topic and the thread, and the people it mentions, hear "a member"."""
    topic = TopicFactory(slug="safe-space")
    open_thread = ThreadFactory(topic=topic, title="Board capture")
    topic_follower, thread_follower, mentioned = MemberFactory(), MemberFactory(), MemberFactory()
    services.subscription_toggle(user=topic_follower, topic=topic)
    NotificationPreference.objects.create(
        user=topic_follower, kind="new_thread", delivery="immediately"
    )
    services.subscription_toggle(user=thread_follower, thread=open_thread)
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_create(
            topic=topic,
            author=secret_author,
            kind="question",
            title="Who protects whistleblowers?",
            body=f"@{mentioned.slug}, you know this.",
            anonymous=True,
        )
        services.thread_reply(
            thread=open_thread,
            author=secret_author,
            body=f"Ours did too, @{mentioned.slug}.",
            anonymous=True,
        )
    notifications = Notification.objects.filter(
        user__in=[topic_follower, thread_follower, mentioned]
    )
    assert {n.kind for n in notifications} == {"new_thread", "reply", "mention"}
    for notification in notifications:
        assert_no_trace(notification.subject, secret_author, "a notification")
    emails = OutgoingEmail.objects.exclude(user=secret_author)
    assert emails.count() == notifications.count()
    for email in emails:
        assert_no_trace(email.subject + email.text + email.html, secret_author, "an email")
        assert "A member" in email.text
    for message in mail.outbox:
        if message.to != [secret_author.email]:
            assert_no_trace(str(message.message()), secret_author, "a sent email")
    for reader in (topic_follower, thread_follower, mentioned):
        client.force_login(reader)
        page = client.get(reverse("notifications:me_notifications"))
        assert_no_trace(page.content.decode(), secret_author, "the notifications page")


@pytest.mark.usefixtures("inbound_settings")
def test_a_reply_by_email_in_a_thread_one_posted_anonymously_in_stays_anonymous(
    posts, secret_author
):
    """The mail program offers no "post as a community member": the portal keeps the choice
    the member made in that thread, or their name would tell who wrote it."""

    def emailed_reply(person, thread):
        raw = message_file("gmail", address=reply_address(person, thread), sender=person.email)
        unique = f"{person.pk}-{thread.pk}".encode()
        received = inbound_email_receive(raw=raw.replace(b"gmail-good", unique))
        assert received.record.outcome == "posted"
        return received.record.reply

    # The author of the anonymous thread, and the anonymous replier in the open one.
    assert emailed_reply(secret_author, posts["thread"]).anonymous
    assert emailed_reply(secret_author, posts["open_thread"]).anonymous
    # Someone who never posted anonymously there replies under their name.
    assert not emailed_reply(MemberFactory(), posts["thread"]).anonymous
