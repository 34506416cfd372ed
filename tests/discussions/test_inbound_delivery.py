"""The two ways replies arrive: the authenticated endpoint and the Maildir command."""

import mailbox
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from discussions import inbound_views
from discussions.models import InboundEmail, Reply
from discussions.reply_tokens import reply_address
from tests.discussions.inbound_helpers import TOKEN, inbound_settings, message_file  # noqa: F401
from tests.factories import MemberFactory, ThreadFactory

URL = "/inbound/email/"


@pytest.fixture
def author(db):
    return MemberFactory(email="ana@example.org")


@pytest.fixture
def thread(db):
    return ThreadFactory()


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(raw, *, token=TOKEN, content_type="message/rfc822", url=URL):
        headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, raw, content_type=content_type, headers=headers)

    return post


def good_reply(author, thread, number=1):
    return message_file(
        "plain", address=reply_address(author, thread), sender=author.email, number=number
    )


# The endpoint


def test_endpoint_url_is_named():
    assert reverse("discussions:inbound_email") == URL


@pytest.mark.parametrize("content_type", ["message/rfc822", "application/octet-stream"])
def test_endpoint_posts_a_reply(post, author, thread, content_type):
    response = post(good_reply(author, thread), content_type=content_type)
    assert response.status_code == 202
    assert response.json() == {"outcome": "posted", "duplicate": False}
    reply = Reply.objects.get()
    assert reply.author == author and reply.thread == thread
    assert reply.body == "Agreed: let us put it on the agenda of the December convening."


@pytest.mark.parametrize("token", [None, "", "wrong-token", TOKEN + "x"])
def test_endpoint_refuses_without_the_right_token(post, author, thread, token):
    response = post(good_reply(author, thread), token=token)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not InboundEmail.objects.exists()


def test_endpoint_takes_only_bearer_tokens(client, author, thread):
    response = client.post(
        URL,
        good_reply(author, thread),
        content_type="message/rfc822",
        headers={"Authorization": f"Basic {TOKEN}"},
    )
    assert response.status_code == 401


def test_endpoint_takes_only_posts(client):
    response = client.get(URL, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 405


def test_endpoint_refuses_oversized_messages(post, author, thread, settings):
    settings.INBOUND_EMAIL_MAX_MB = 1
    raw = good_reply(author, thread) + b"x" * (1024 * 1024)
    assert post(raw).status_code == 413
    assert not Reply.objects.exists()


def test_endpoint_takes_messages_larger_than_django_form_limit(post, author, thread, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    raw = good_reply(author, thread).replace(
        b"December convening.", b"December convening.\r\n" + b"y" * 5000
    )
    assert post(raw).status_code == 202
    assert Reply.objects.exists()


def test_endpoint_refuses_what_is_not_an_email(post, db):
    response = post(b"This is not an email at all.\r\n")
    assert response.status_code == 400
    assert "not an email message" in response.json()["error"]


@pytest.mark.parametrize("raw", [b"", b"   \r\n"])
def test_endpoint_asks_the_relay_to_retry_when_nothing_arrived(post, db, raw):
    """A message is never empty: the body was lost on the way, and a 4xx would lose the reply."""
    response = post(raw)
    assert response.status_code == 503 and response["Retry-After"]
    assert "empty message" in response.json()["error"]
    assert not InboundEmail.objects.exists()


def test_endpoint_bounces_a_forged_address(post, db):
    response = post(message_file("forged"))
    assert response.status_code == 202 and response.json()["outcome"] == "invalid"
    assert mail.outbox[0].to == ["someone@example.net"]


def test_endpoint_uses_the_envelope_recipient(post, author, thread):
    raw = message_file("plain", address="racop-list@example.org", sender=author.email)
    recipient = reply_address(author, thread)
    response = post(raw, url=f"{URL}?recipient={recipient}")
    assert response.json()["outcome"] == "posted"


def test_endpoint_answers_a_redelivery_without_posting_again(post, author, thread):
    raw = good_reply(author, thread)
    post(raw)
    response = post(raw)
    assert response.status_code == 202 and response.json()["duplicate"] is True
    assert Reply.objects.count() == 1


def test_endpoint_asks_the_relay_to_retry_when_something_breaks(post, db, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database away")

    monkeypatch.setattr(inbound_views, "inbound_email_receive", broken)
    response = post(message_file("forged"))
    assert response.status_code == 503


def test_endpoint_is_off_when_reply_by_email_is_off(post, db, settings):
    settings.INBOUND_EMAIL_ENABLED = False
    assert post(message_file("forged")).status_code == 404


# The Maildir command


@pytest.fixture
def maildir(tmp_path):
    return mailbox.Maildir(tmp_path / "inbox", create=True)


def read(maildir, *args, capture):
    out = StringIO()
    with capture(execute=True):
        call_command("read_maildir", maildir._path, *args, stdout=out)
    return out.getvalue()


def test_read_maildir_posts_and_bounces_then_files_messages(
    maildir, author, thread, django_capture_on_commit_callbacks
):
    good = maildir.add(
        message_file("gmail", address=reply_address(author, thread), sender=author.email)
    )
    forged = maildir.add(message_file("forged"))
    automatic = maildir.add(
        message_file("auto_reply", address=reply_address(author, thread), sender=author.email)
    )

    output = read(maildir, capture=django_capture_on_commit_callbacks)

    assert output.strip() == "Read 3 messages: ignored 1, invalid 1, posted 1."
    assert Reply.objects.get().author == author
    assert [message.to for message in mail.outbox] == [["someone@example.net"]]
    for key in (good, forged, automatic):
        message = maildir.get_message(key)
        assert message.get_subdir() == "cur" and "S" in message.get_flags()
    # The message is kept as it arrived.
    assert b"Kumanovo" in maildir.get_bytes(good)


def test_read_maildir_again_reads_nothing_new(
    maildir, author, thread, django_capture_on_commit_callbacks
):
    maildir.add(good_reply(author, thread))
    read(maildir, capture=django_capture_on_commit_callbacks)
    output = read(maildir, capture=django_capture_on_commit_callbacks)
    assert output.strip() == "Read 0 messages."
    assert Reply.objects.count() == 1


def test_read_maildir_does_not_post_a_redelivered_message_twice(
    maildir, author, thread, django_capture_on_commit_callbacks
):
    raw = good_reply(author, thread)
    maildir.add(raw)
    maildir.add(raw)
    output = read(maildir, capture=django_capture_on_commit_callbacks)
    assert output.strip() == "Read 2 messages: duplicate 1, posted 1."
    assert Reply.objects.count() == 1


def test_read_maildir_can_delete_what_it_read(
    maildir, author, thread, django_capture_on_commit_callbacks
):
    maildir.add(good_reply(author, thread))
    maildir.add(b"Not an email\r\n")
    output = read(maildir, "--delete", capture=django_capture_on_commit_callbacks)
    assert output.strip() == "Read 2 messages: posted 1, unreadable 1."
    assert len(maildir) == 0


def test_read_maildir_leaves_messages_it_could_not_handle(
    maildir, author, thread, monkeypatch, django_capture_on_commit_callbacks
):
    from discussions.management.commands import read_maildir

    def broken(**kwargs):
        raise RuntimeError("database away")

    key = maildir.add(good_reply(author, thread))
    monkeypatch.setattr(read_maildir, "inbound_email_receive", broken)
    with pytest.raises(CommandError, match="1 messages could not be handled"):
        read(maildir, capture=django_capture_on_commit_callbacks)
    assert maildir.get_message(key).get_subdir() == "new"


def test_read_maildir_refuses_a_folder_that_is_not_a_maildir(tmp_path, db):
    with pytest.raises(CommandError, match="not a Maildir"):
        call_command("read_maildir", str(tmp_path))
