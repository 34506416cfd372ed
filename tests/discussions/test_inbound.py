"""Reply by email: real message files posted as replies, or bounced politely."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from discussions import reply_tokens
from discussions.email_text import strip_reply
from discussions.models import InboundEmail, Reply, Subscription, Thread
from discussions.reply_tokens import reply_address, token_parse
from members import data_export
from tests.discussions.inbound_helpers import DOMAIN, inbound_settings, message_file  # noqa: F401
from tests.factories import (
    JoinApplicationFactory,
    MemberFactory,
    ThreadFactory,
    UserFactory,
)

Outcome = InboundEmail.Outcome


def reply_file(name, author, thread, **kwargs):
    return message_file(name, address=reply_address(author, thread), sender=author.email, **kwargs)


# Reply addresses


def test_reply_address_is_short_lowercase_and_signed(author, thread):
    address = reply_address(author, thread)
    local, domain = address.split("@")
    assert domain == DOMAIN
    assert local.startswith("reply+") and local == local.lower() and len(local) <= 64
    token = token_parse(address)
    assert (token.user_id, token.thread_id) == (author.pk, thread.pk)
    # Some servers change the case of the address on the way.
    assert token_parse(address.upper()) == token


def test_reply_address_differs_per_member_and_thread(author, thread):
    other_member, other_thread = MemberFactory(), ThreadFactory()
    addresses = {
        reply_address(author, thread),
        reply_address(other_member, thread),
        reply_address(author, other_thread),
    }
    assert len(addresses) == 3


def test_a_changed_reply_address_is_not_accepted(author, thread):
    local, domain = reply_address(author, thread).split("@")
    token = local.removeprefix("reply+")
    flipped = ("a" if token[0] != "a" else "b") + token[1:]
    assert token_parse(f"reply+{flipped}@{domain}") is None
    assert token_parse(f"{local}@elsewhere.example.org") is None
    assert token_parse("reply+nonsense@" + DOMAIN) is None


def _base36(number):
    digits, text = "0123456789abcdefghijklmnopqrstuvwxyz", ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def test_reply_address_reveals_no_id(author, thread):
    """The token is random: neither the member's nor the thread's id, in any base, is in it."""
    for user in (author, *(MemberFactory() for _ in range(40))):
        token = reply_address(user, thread).split("@")[0].removeprefix("reply+")
        assert len(token) == 24 and "-" not in token
        assert reply_tokens.TOKEN.match(token)
        assert token_parse(f"reply+{token}@{DOMAIN}").user_id == user.pk
    first, second = reply_address(author, thread), reply_address(author, thread)
    assert first == second  # one address a day, not one per notification
    token = first.split("@")[0].removeprefix("reply+")
    assert f"{_base36(author.pk)}-" not in first and not token.startswith(_base36(author.pk))


def test_reply_addresses_of_the_earlier_form_still_work_until_they_expire(
    author, thread, monkeypatch
):
    """Addresses handed out before the change (ids in base 36, signed) are read, not made."""

    def legacy(user, thread, day):
        value = "-".join(_base36(n) for n in (user.pk, thread.pk, day.toordinal()))
        return f"reply+{value}-{reply_tokens._legacy_signature(value)}@{DOMAIN}"

    today = datetime.date.today()
    token = token_parse(legacy(author, thread, today))
    assert (token.user_id, token.thread_id, token.expired) == (author.pk, thread.pk, False)
    assert token_parse(legacy(author, thread, today - datetime.timedelta(days=91))).expired
    other = legacy(author, thread, today).replace(f"reply+{_base36(author.pk)}-", "reply+zz-")
    assert token_parse(other) is None


def test_no_reply_address_when_reply_by_email_is_off(author, thread, settings):
    settings.INBOUND_EMAIL_ENABLED = False
    assert reply_address(author, thread) is None


# Good replies from real mail programs


def posted_reply(received):
    assert received.record.outcome == Outcome.POSTED, received.record.outcome
    assert received.record.sender == ""  # the row points to the member instead
    return received.record.reply


def test_gmail_reply_is_posted_without_the_quote(receive, author, thread):
    received = receive(reply_file("gmail", author, thread))

    reply = posted_reply(received)
    assert reply.thread == thread and reply.author == author and not reply.anonymous
    assert reply.body == (
        "Thanks, this is useful. In Kumanovo we printed the scorecards and took them to  \n"
        "the neighbourhood councils – turnout doubled.\n\n"
        "Happy to share the template.\n\nAna"
    )
    # The normal effects of replying: the thread moves up, the author follows it.
    thread.refresh_from_db()
    assert thread.last_activity_at == reply.created_at
    assert Subscription.objects.filter(user=author, thread=thread).exists()
    assert mail.outbox == []


def test_outlook_reply_loses_the_original_message(receive, author, thread):
    reply = posted_reply(receive(reply_file("outlook", author, thread)))
    assert "“Open budgets”" in reply.body
    assert "Original Message" not in reply.body
    assert "Has anyone tried" not in reply.body


def test_iphone_reply_loses_its_footer_and_keeps_flowed_lines(receive, author, thread):
    reply = posted_reply(receive(reply_file("iphone", author, thread)))
    assert reply.body == (
        "Count me in for the next round. We can host the session in Novi Sad in "
        "January, with the Subotica group."
    )


def test_macedonian_reply_loses_signature_and_quote(receive, author, thread):
    reply = posted_reply(receive(reply_file("macedonian", author, thread)))
    assert reply.body.startswith("Благодарам за споделеното искуство.")
    assert reply.body.endswith("Марија")
    assert "Центар" not in reply.body and "напиша" not in reply.body


def test_albanian_reply_found_by_original_recipient(receive, author, thread):
    reply = posted_reply(receive(reply_file("albanian", author, thread)))
    assert reply.body == (
        "Faleminderit! Në Prishtinë kemi përdorur të njëjtën model me këshillat e lagjeve."
    )


def test_html_only_reply_is_turned_into_text(receive, author, thread):
    reply = posted_reply(receive(reply_file("html_only", author, thread)))
    assert "We used the same method in Split." in reply.body
    assert "- start early" in reply.body and "- publish the raw data" in reply.body
    assert "Marko replied" not in reply.body and "wrote" not in reply.body


@pytest.mark.parametrize(
    "attribution",
    [
        "On Fri, Nov 27, 2026 at 9:02 AM RACoP <reply@x.test> wrote:",
        "На пет, 27 ное 2026 во 9:02 RACoP <reply@x.test> напиша:",
        "Më 27 nëntor 2026, në 09:02, RACoP <reply@x.test> shkroi:",
        "pet, 27. stu 2026. u 09:02 RACoP <reply@x.test> napisao je:",
        "27 Kas 2026 Cum 09:02 tarihinde RACoP <reply@x.test> şunu yazdı:",
        "Am Fr., 27. Nov. 2026 um 09:02 Uhr schrieb RACoP <reply@x.test>:",
    ],
)
def test_attribution_lines_in_many_languages_end_the_reply(attribution):
    text = f"My answer.\n\n{attribution}\n\n> the notification"
    assert strip_reply(text) == "My answer."


def test_wrapped_attribution_line_is_removed_whole():
    text = "My answer.\n\nOn Fri, Nov 27, 2026 at 9:02 AM RACoP <\nreply@x.test> wrote:\n> quoted"
    assert strip_reply(text) == "My answer."


def test_outlook_header_block_without_separator_ends_the_reply():
    text = (
        "Fine by me.\n\n________________________________\n"
        "From: RACoP <reply@x.test>\nSent: Friday, 27 November 2026 09:02\n"
        "To: Edin\nSubject: New reply\n\nMarko replied."
    )
    assert strip_reply(text) == "Fine by me."


def test_a_line_that_merely_starts_with_from_is_kept():
    text = "From: the start we wanted open data.\nThat worked."
    assert strip_reply(text) == text


# Refused messages: nothing posted, a polite bounce


def assert_bounced(to, *, outcome, received):
    assert received.record.outcome == outcome and received.record.bounced
    assert not Reply.objects.exists()
    assert len(mail.outbox) == 1
    bounce = mail.outbox[0]
    assert bounce.to == [to]
    # An automatic answer: other programs must not answer it in turn.
    assert bounce.extra_headers["Auto-Submitted"] == "auto-replied"
    assert bounce.extra_headers["In-Reply-To"] == received.record.message_id
    return bounce


def test_forged_address_is_bounced_as_not_valid(receive, thread):
    received = receive(message_file("forged"))
    bounce = assert_bounced("someone@example.net", outcome=Outcome.INVALID, received=received)
    assert "the address you wrote to is not valid" in bounce.body


def test_reply_from_the_wrong_sender_reveals_nothing(receive, author, thread):
    raw = message_file("wrong_sender", address=reply_address(author, thread))
    received = receive(raw)

    bounce = assert_bounced("mallory@example.net", outcome=Outcome.INVALID, received=received)
    assert received.record.sender == "mallory@example.net"
    assert received.record.user is None and received.record.thread == thread
    assert data_export.user_data(author)["discussions.InboundEmail"] == []
    assert "the address you wrote to is not valid" in bounce.body
    for secret in (thread.title, thread.get_absolute_url(), author.email, "Petrovska"):
        assert secret not in bounce.body and secret not in bounce.subject


def test_unverified_address_of_the_member_counts_as_wrong_sender(receive, db, thread):
    person = MemberFactory(verified=False)
    received = receive(reply_file("plain", person, thread))
    assert_bounced(person.email, outcome=Outcome.INVALID, received=received)


@pytest.mark.parametrize(("age", "outcome"), [(90, Outcome.POSTED), (91, Outcome.EXPIRED)])
def test_reply_address_expires(receive, monkeypatch, author, thread, age, outcome):
    issued = datetime.date.today() - datetime.timedelta(days=age)
    with monkeypatch.context() as patched:
        patched.setattr(reply_tokens, "_today", lambda: issued)
        address = reply_address(author, thread)

    received = receive(message_file("plain", address=address, sender=author.email))

    assert received.record.outcome == outcome
    if outcome == Outcome.EXPIRED:
        bounce = assert_bounced(author.email, outcome=outcome, received=received)
        assert "has expired" in bounce.body
        assert thread.get_absolute_url() in bounce.body


def test_reply_to_a_locked_thread_is_bounced(receive, author, thread):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    received = receive(reply_file("plain", author, thread))
    bounce = assert_bounced(author.email, outcome=Outcome.CLOSED, received=received)
    assert "closed to new replies" in bounce.body


def test_reply_from_someone_no_longer_a_member_is_bounced(receive, thread):
    person = UserFactory()  # signed up and verified, but not (or no longer) a member
    received = receive(reply_file("plain", person, thread))
    assert_bounced(person.email, outcome=Outcome.CLOSED, received=received)


def test_reply_with_only_quoted_text_is_bounced(receive, author, thread):
    received = receive(reply_file("quoted_only", author, thread))
    bounce = assert_bounced(author.email, outcome=Outcome.EMPTY, received=received)
    assert "no new text" in bounce.body


def test_bounce_is_in_the_members_language(receive, author, thread):
    JoinApplicationFactory(user=author, language="mk")
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    receive(reply_file("plain", author, thread))
    assert mail.outbox[0].extra_headers["Content-Language"] == "mk"


@pytest.mark.parametrize("name", ["auto_reply", "mailer_daemon"])
def test_automatic_messages_are_neither_posted_nor_answered(receive, author, thread, name):
    received = receive(reply_file(name, author, thread))
    assert received.record.outcome == Outcome.IGNORED and not received.record.bounced
    assert not Reply.objects.exists()
    assert mail.outbox == []


def test_a_redelivered_message_is_posted_once(receive, author, thread):
    raw = reply_file("gmail", author, thread)
    first, second = receive(raw), receive(raw)
    assert not first.duplicate and second.duplicate
    assert Reply.objects.count() == 1
    assert second.record == first.record


def test_a_redelivered_forgery_is_bounced_once(receive, thread):
    receive(message_file("forged"))
    receive(message_file("forged"))
    assert len(mail.outbox) == 1


# Around the feature


def test_thread_page_tells_members_they_can_reply_by_email(member_client, thread, settings):
    hint = "You can also reply to this thread"
    assert hint in member_client.get(thread.get_absolute_url()).text
    settings.INBOUND_EMAIL_ENABLED = False
    assert hint not in member_client.get(thread.get_absolute_url()).text


def test_inbound_emails_are_in_the_members_data(receive, author, thread):
    receive(reply_file("gmail", author, thread))
    rows = data_export.user_data(author)["discussions.InboundEmail"]
    assert [row["outcome"] for row in rows] == ["posted"]
    assert data_export.uncovered() == []


def test_coordinators_see_inbound_emails_in_the_admin(receive, author, thread, client):
    receive(reply_file("gmail", author, thread))
    url = reverse("admin:discussions_inboundemail_changelist")
    client.force_login(author)
    assert client.get(url).status_code == 302
    client.force_login(MemberFactory(is_staff=True, is_superuser=True))
    response = client.get(url)
    assert response.status_code == 200 and "CAF3u9qYx1gmail-good" in response.text
