"""What emails carry beyond their words: links that work from a mail program, posts shown
as written, threading in mail programs, and reminders sent once in any language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from discussions import services as discussions
from discussions.models import Registration, Subscription
from discussions.notifications import reminders_send
from members.notifications.models import Newsletter, NewsletterTranslation, Notification
from members.notifications.newsletter import newsletter_send
from racop.markdown import html_plain_text, render_markdown
from tests.factories import EventFactory, MemberFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_a_newsletters_relative_links_open_the_page_in_the_readers_language(settings):
    settings.SITE_URL = "https://community.example.org"
    reader = MemberFactory(language="mk")
    newsletter = Newsletter.objects.create(subject="News", body="x")
    NewsletterTranslation.objects.create(
        newsletter=newsletter,
        language="mk",
        subject="Вести",
        body="Видете го [планот](/plan/) и [извештајот](https://example.org/r).\n\n"
        '<a href="/library/">Библиотека</a>\n\n[пријава]: /join/',
    )
    newsletter_send(newsletter=newsletter)
    email = reader.outgoing_emails.get()
    assert 'href="https://community.example.org/mk/plan/"' in email.html
    assert 'href="https://example.org/r"' in email.html
    assert 'href="/' not in email.html
    assert "(https://community.example.org/mk/plan/)" in email.text
    assert "[пријава]: https://community.example.org/mk/join/" in email.text


def test_an_untranslated_newsletter_says_its_words_are_in_its_own_language():
    reader = MemberFactory(language="sq")
    newsletter_send(newsletter=Newsletter.objects.create(subject="News", body="Hello *all*"))
    html = reader.outgoing_emails.get().html
    assert '<html lang="sq">' in html and '<div lang="en"><p>Hello <em>all</em></p></div>' in html


def test_a_reply_notification_shows_the_markdown_rendered_and_readable(
    django_capture_on_commit_callbacks,
):
    thread = ThreadFactory()
    follower = MemberFactory(language="hr")
    Subscription.objects.create(user=follower, thread=thread)
    body = "We **did** it:\n\n- first [step](/plan/)\n- second\n\n> a quote"
    with django_capture_on_commit_callbacks(execute=True):
        discussions.thread_reply(thread=thread, author=MemberFactory(), body=body, language="hr")
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "<strong>did</strong>" in html and "**" not in html
    assert '<blockquote lang="hr"><p>We' in html
    assert "/hr/plan/" in html and 'href="/plan/"' not in html
    assert "**" not in message.body
    assert "We did it:\n\n- first step <" in message.body
    assert "/hr/plan/>\n- second\n\n> a quote" in message.body


def test_plain_text_of_markdown_keeps_lists_links_quotes_and_code():
    html = render_markdown(
        "Hi **all**\n\n1. one\n2. [two](https://x.org)\n\n> said\n\n```\na  b\n  c\n```"
    )
    assert html_plain_text(html) == (
        "Hi all\n\n- one\n- two <https://x.org>\n\n> said\n\na  b\n  c"
    )


def test_every_email_about_a_thread_answers_the_same_message_id(
    settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://community.example.org"
    thread = ThreadFactory()
    follower = MemberFactory()
    Subscription.objects.create(user=follower, thread=thread)
    with django_capture_on_commit_callbacks(execute=True):
        discussions.thread_reply(thread=thread, author=MemberFactory(), body="One")
        discussions.thread_reply(thread=thread, author=MemberFactory(), body="Two")
    anchor = f"<thread-{thread.pk}@community.example.org>"
    # The follower twice, and the first author, who follows the thread since, once.
    assert len(mail.outbox) == 3
    ids = set()
    for message in mail.outbox:
        assert message.extra_headers["References"] == anchor
        assert message.extra_headers["In-Reply-To"] == anchor
        assert message.extra_headers["Message-ID"].endswith("@community.example.org>")
        ids.add(message.extra_headers["Message-ID"])
    assert len(ids) == 3 and anchor not in ids


def test_a_macedonian_member_is_reminded_once_when_reminders_run_twice(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    attendee = MemberFactory(language="mk")
    Registration.objects.create(event=event, user=attendee, status="registered")
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 1
        assert reminders_send() == 0
    (notification,) = Notification.objects.filter(user=attendee)
    assert notification.url.startswith("/mk/")
    assert [message.to for message in mail.outbox] == [[attendee.email]]


def test_account_emails_say_their_language_and_carry_the_sites_message_id(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://community.example.org"
    person = MemberFactory(language="mk")
    # allauth's emails go through the outgoing queue, sent once the request commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/mk/accounts/password/reset/", {"email": person.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "mk"
    assert message.extra_headers["Message-ID"].endswith("@community.example.org>")
