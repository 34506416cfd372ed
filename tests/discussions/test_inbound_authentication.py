"""Reply by email trusts the receiving relay's DKIM/DMARC results, not From: alone.

A reply the trusted relay does not vouch for is held, and the member confirms it by a signed
link; bounces go only to authenticated senders, a few a day each.
"""

import datetime
import re
from email import policy
from email.parser import BytesParser

import pytest
from django.core import mail, signing
from django.urls import reverse

from discussions import inbound
from discussions.email_auth import results_parse, sender_authenticated
from discussions.models import InboundEmail, Reply, Thread
from discussions.reply_tokens import reply_address
from tests.discussions.inbound_helpers import RELAY, inbound_settings, message_file  # noqa: F401
from tests.factories import MemberFactory

Outcome = InboundEmail.Outcome
TAKEN_BACK = "I take back everything I said"


def auth_file(name, author, thread, number=1):
    """One of the auth_*.eml files: the relay's own header (or none) and nothing added."""
    return message_file(
        name,
        address=reply_address(author, thread),
        sender=author.email,
        number=number,
        relay_passes=False,
    )


def parsed(raw):
    return BytesParser(policy=policy.default).parsebytes(raw)


# Reading Authentication-Results


def test_results_are_read_with_comments_folding_and_quotes():
    value = (
        "mx.racop.test 1;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=Example.org "
        'header.b="ab;cd";\r\n\tspf=fail (not (permitted)) smtp.mailfrom=a@example.org;'
        " dmarc=pass (p=none) header.from=example.org"
    )
    assert results_parse(value) == (
        "mx.racop.test",
        [
            ("dkim", "pass", {"header.d": "example.org", "header.b": "ab;cd"}),
            ("spf", "fail", {"smtp.mailfrom": "a@example.org"}),
            ("dmarc", "pass", {"header.from": "example.org"}),
        ],
    )
    assert results_parse("") == ("", [])
    assert results_parse("mx.racop.test; none") == ("mx.racop.test", [])


def _message(results, sender="ana@example.org", extra=""):
    raw = f"Authentication-Results: {results}\r\n{extra}From: <{sender}>\r\n\r\nHi\r\n"
    return parsed(raw.encode())


@pytest.mark.parametrize(
    ("results", "sender", "passes"),
    [
        (f"{RELAY}; dkim=pass header.d=example.org", "ana@example.org", True),
        (f"{RELAY}; dmarc=pass header.from=example.org", "ana@example.org", True),
        (f"{RELAY.upper()}; DKIM=Pass header.d=EXAMPLE.org", "Ana@Example.org", True),
        # Relaxed alignment: the organisation's domain signs for its subdomain.
        (f"{RELAY}; dkim=pass header.d=example.org", "ana@lists.example.org", True),
        (f"{RELAY}; dkim=pass header.d=lists.example.org", "ana@example.org", False),
        (f"{RELAY}; dkim=pass header.d=org", "ana@example.org", False),
        (f"{RELAY}; dkim=pass header.d=notexample.org", "ana@example.org", False),
        (f"{RELAY}; dkim=pass header.d=example.org.evil.example", "ana@example.org", False),
        (f"{RELAY}; dmarc=pass header.from=evil.example", "ana@example.org", False),
        (f"{RELAY}; dmarc=pass", "ana@example.org", False),
        (f"{RELAY}; dkim=fail header.d=example.org; dmarc=fail", "ana@example.org", False),
        (f"{RELAY}; spf=pass smtp.mailfrom=ana@example.org", "ana@example.org", False),
        (f"{RELAY}; dkim=neutral header.d=example.org", "ana@example.org", False),
        ("mx.evil.example; dkim=pass header.d=example.org", "ana@example.org", False),
        (f"{RELAY}.evil.example; dmarc=pass header.from=example.org", "ana@example.org", False),
    ],
)
def test_only_an_aligned_pass_from_the_trusted_relay_counts(results, sender, passes):
    assert sender_authenticated(_message(results, sender), sender) is passes


def test_a_message_with_two_authors_never_passes():
    results = f"{RELAY}; dmarc=pass header.from=example.org"
    two_headers = _message(results, extra="From: <mallory@example.net>\r\n")
    assert not sender_authenticated(two_headers, "mallory@example.net")
    raw = f"Authentication-Results: {results}\r\nFrom: <ana@example.org>, <b@example.net>\r\n\r\n"
    assert not sender_authenticated(parsed(raw.encode()), "ana@example.org")


def test_nothing_passes_without_a_trusted_relay(settings):
    settings.INBOUND_EMAIL_AUTHSERV_ID = ""
    assert not sender_authenticated(
        _message(f"{RELAY}; dmarc=pass header.from=example.org"), "ana@example.org"
    )


# Real messages


def test_a_reply_the_relay_vouches_for_is_posted(receive, author, thread):
    received = receive(auth_file("auth_pass", author, thread))
    assert received.record.outcome == Outcome.POSTED and received.record.authenticated
    assert Reply.objects.get().author == author
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name", ["auth_fail", "auth_none", "auth_other_server", "auth_forged_below", "auth_unaligned"]
)
def test_a_reply_the_relay_does_not_vouch_for_is_held_and_the_member_asked(
    receive, author, thread, name
):
    received = receive(auth_file(name, author, thread))

    record = received.record
    assert record.outcome == Outcome.HELD and not record.authenticated and not record.bounced
    assert record.user == author and record.thread == thread
    assert TAKEN_BACK in record.held_text
    assert not Reply.objects.exists()
    [email] = mail.outbox
    assert email.to == [author.email]
    assert thread.title in email.subject
    assert TAKEN_BACK in email.body
    link = re.search(r"https?://\S+/inbound/confirm/\S+/", email.body)[0]
    assert inbound.held_reply_get(link.rstrip("/").rsplit("/", 1)[1], user=author) == record


def test_without_a_trusted_relay_configured_every_reply_is_held(receive, author, thread, settings):
    settings.INBOUND_EMAIL_AUTHSERV_ID = ""
    received = receive(auth_file("auth_pass", author, thread))
    assert received.record.outcome == Outcome.HELD
    assert not Reply.objects.exists()


# Confirming a held reply


@pytest.fixture
def held(receive, author, thread):
    return receive(auth_file("auth_fail", author, thread)).record


def confirm_path(record):
    token = signing.dumps(record.pk, salt=inbound.CONFIRM_SALT)
    return reverse("discussions:inbound_confirm", args=[token])


def test_the_member_sees_the_held_reply_and_posts_it(client, author, thread, held):
    client.force_login(author)
    page = client.get(confirm_path(held))
    assert page.status_code == 200
    assert TAKEN_BACK in page.text and thread.title in page.text
    assert not Reply.objects.exists(), "opening the link (a mail scanner may) posts nothing"

    response = client.post(confirm_path(held), {})

    reply = Reply.objects.get()
    assert reply.author == author and reply.thread == thread and TAKEN_BACK in reply.body
    assert response.status_code == 302 and f"#reply-{reply.pk}" in response["Location"]
    held.refresh_from_db()
    assert (held.outcome, held.reply, held.held_text) == (Outcome.POSTED, reply, "")
    # A second click posts nothing more.
    client.post(confirm_path(held), {})
    assert Reply.objects.count() == 1
    assert "already posted" in client.get(confirm_path(held)).text


def test_the_member_can_refuse_a_reply_they_did_not_send(client, author, held):
    client.force_login(author)
    response = client.post(confirm_path(held), {"discard": "1"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.outcome, held.held_text) == (Outcome.DISCARDED, "")
    client.post(confirm_path(held), {})
    assert not Reply.objects.exists()


def test_a_held_reply_is_not_posted_once_the_thread_is_locked(client, author, thread, held):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    client.force_login(author)
    response = client.post(confirm_path(held), {}, follow=True)
    assert "closed to new replies" in response.text
    assert not Reply.objects.exists()
    held.refresh_from_db()
    assert held.outcome == Outcome.HELD


def test_only_the_member_may_confirm(client, held):
    path = confirm_path(held)
    assert client.get(path)["Location"].startswith(reverse("account_login"))
    client.force_login(MemberFactory())
    assert client.get(path).status_code == 404
    assert client.post(path, {}).status_code == 404
    assert not Reply.objects.exists()


def test_a_changed_or_expired_link_is_refused_with_a_message(client, author, held, monkeypatch):
    client.force_login(author)
    path = confirm_path(held)
    changed = client.get(path[:-3] + ("x" if path[-3] != "x" else "y") + path[-2:])
    assert changed.status_code == 404 and "not valid or has expired" in changed.text
    later = datetime.datetime.now() + datetime.timedelta(days=inbound.CONFIRM_DAYS, hours=1)
    monkeypatch.setattr(signing.time, "time", later.timestamp)
    expired = client.post(path, {})
    assert expired.status_code == 404 and "not valid or has expired" in expired.text
    assert not Reply.objects.exists()


# Bounces


def test_no_bounce_when_the_sender_is_not_authenticated(receive, thread):
    received = receive(message_file("forged", relay_passes=False))
    assert received.record.outcome == Outcome.INVALID and not received.record.bounced
    assert mail.outbox == []


def test_no_bounce_to_a_forged_member_address(receive, author, thread):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    received = receive(auth_file("auth_fail", author, thread))
    assert received.record.outcome == Outcome.CLOSED and not received.record.bounced
    assert mail.outbox == []


def test_bounces_to_one_sender_are_limited_per_day(receive, db):
    raw = message_file("forged")
    for number in range(6):
        receive(raw.replace(b"forged-1@", f"forged-{number}@".encode()))
    assert InboundEmail.objects.count() == 6
    assert len(mail.outbox) == inbound.BOUNCES_PER_DAY
    assert InboundEmail.objects.filter(bounced=True).count() == inbound.BOUNCES_PER_DAY
    # Another sender still hears why their message was not posted.
    other = raw.replace(b"someone@example.net", b"other@example.net")
    receive(other.replace(b"forged-1@", b"forged-other@"))
    assert mail.outbox[-1].to == ["other@example.net"]
