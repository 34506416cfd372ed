"""Reply by email: signed reply addresses, and posting the messages sent to them.

A thread notification carries ``Reply-To: reply+<token>@<INBOUND_EMAIL_DOMAIN>``; the
token (discussions.reply_tokens) stands for the member and the thread. A reply arrives as a
raw RFC 5322 message (from the mail relay's webhook or a Maildir) and is posted in the
thread as that member when the receiving relay vouches for its sender
(discussions.email_auth); otherwise it is held and the member confirms it by a link sent to
them. Refused messages get a polite bounce, only when the sender is authenticated and at
most BOUNCES_PER_DAY a day to one sender: a forged From: gets nobody mail.
"""

import datetime
import hashlib
import logging
import re
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from functools import partial

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from discussions import services
from discussions.email_auth import sender_authenticated
from discussions.email_text import html_to_text, strip_reply, text_language, unflow
from discussions.models import InboundEmail, Thread
from discussions.reply_tokens import PREFIX, token_parse
from members.notifications.services import absolute, email_person, writing_language
from racop.access import sees_members_content
from racop.services import message_id as new_message_id

logger = logging.getLogger(__name__)

MAX_TEXT = 200_000  # characters of a message's text read for the reply
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Cc")
AUTOMATIC_SENDERS = {
    "mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply",
    "bounce", "bounces", "autoreply", "auto-reply",
}  # fmt: skip
Outcome = InboundEmail.Outcome
BOUNCED = {Outcome.INVALID, Outcome.EXPIRED, Outcome.CLOSED, Outcome.EMPTY}
BOUNCES_PER_DAY = 3  # to one sender: enough to tell a person, too few to flood anyone
CONFIRM_SALT = "discussions.inbound.confirm"
CONFIRM_DAYS = 7


class InvalidMessage(ValueError):
    """The bytes are not an email message the portal can read."""


def _addresses(message, name):
    try:
        header = message[name]
        return [address.addr_spec for address in getattr(header, "addresses", ())]
    except (IndexError, TypeError, ValueError):
        return []


def _reply_addresses(message, recipient):
    """Return the reply addresses among the envelope recipient and the recipient headers."""
    candidates = [recipient] if recipient else []
    for name in RECIPIENT_HEADERS:
        for header in message.get_all(name, []):
            candidates += [a.addr_spec for a in getattr(header, "addresses", ())] or [str(header)]
    addresses = [candidate.strip().strip("<>").lower() for candidate in candidates]
    domain = "@" + settings.INBOUND_EMAIL_DOMAIN
    return [a for a in addresses if a.startswith(PREFIX) and a.endswith(domain)]


def is_automatic(message, sender: str) -> bool:
    """Return whether a program sent the message (auto-reply, bounce, list): never answer it."""
    auto_submitted = str(message.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(message.get("Precedence", "")).strip().lower()
    return (
        auto_submitted != "no"
        or precedence in {"bulk", "list", "junk", "auto_reply"}
        or any(name in message for name in ("X-Autoreply", "X-Autorespond", "List-Id"))
        or str(message.get("Return-Path", "")).strip() == "<>"
        or message.get_content_type() == "multipart/report"
        or sender.split("@")[0].lower() in AUTOMATIC_SENDERS
    )


def message_text(message) -> str:
    """Return the new text of the message: its plain part (or its HTML as text), stripped."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    # A reply is written by hand: what lies beyond this is quoted mail or attachments.
    content = content[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_type() == "text/html":
        content = html_to_text(content)
    elif str(part.get_param("format", "")).lower() == "flowed":
        content = unflow(content, delsp=str(part.get_param("delsp", "")).lower() == "yes")
    text = strip_reply(content)
    # Keep the sender's line breaks: Markdown would join the lines of a paragraph.
    return re.sub(r"(?<=\S)\n(?=\S)", "  \n", text)


def _message_id(message, raw):
    value = str(message.get("Message-ID", "")).strip()
    if not value:
        return "sha256:" + hashlib.sha256(raw).hexdigest()
    return value if len(value) <= 255 else "sha256:" + hashlib.sha256(value.encode()).hexdigest()


def parse(raw: bytes):
    """Return the message, or raise InvalidMessage when it has no usable From address."""
    if not raw or not raw.strip():
        raise InvalidMessage("empty message")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    senders = _addresses(message, "From")
    if not senders or "@" not in senders[0]:
        raise InvalidMessage("no From address")
    return message


def _may_post(user, thread):
    member = sees_members_content(user) and user.is_active and not user.anonymised_at
    return member and not (thread.locked or thread.hidden_at or thread.deleted_at)


def _bounce(*, message, sender, outcome, message_id, user=None, thread=None):
    """Tell the sender, in plain words, why nothing was posted."""
    language = writing_language(user) if user else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Your message was not posted")
        body = render_to_string(
            "discussions/email/inbound_bounce.txt",
            {
                "outcome": outcome,
                "thread": thread,
                "thread_url": settings.SITE_URL + thread.get_absolute_url() if thread else "",
                # Echo nothing to a stranger: their subject may quote the notification.
                "original_subject": str(message.get("Subject", "")) if thread else "",
                "site_name": settings.SITE_NAME,
                "site_url": settings.SITE_URL,
            },
        )
    email = EmailMessage(
        f"[{settings.SITE_SHORT_NAME}] {subject}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [sender],
        headers={
            # RFC 3834: an automatic answer, so other programs do not answer it in turn.
            "Auto-Submitted": "auto-replied",
            "X-Auto-Response-Suppress": "All",
            "Content-Language": language,
            "Message-ID": new_message_id(),
            "In-Reply-To": message_id,
            "References": message_id,
        },
    )
    transaction.on_commit(partial(email.send, fail_silently=False))


def _decide(message, *, sender, recipient):
    """Return (outcome, user, thread, text) for a message that is not automatic."""
    tokens = [token_parse(address) for address in _reply_addresses(message, recipient)]
    token = next((token for token in tokens if token), None)
    if token is None:
        return Outcome.INVALID, None, None, ""
    user = get_user_model().objects.filter(pk=token.user_id).first()
    thread = Thread.objects.select_related("topic").filter(pk=token.thread_id).first()
    if user is None or thread is None:
        return Outcome.INVALID, None, None, ""
    if not EmailAddress.objects.filter(user=user, verified=True, email__iexact=sender).exists():
        # Someone else wrote to the member's address: say only that it is not valid, and
        # keep the stranger's message apart from the member's data.
        return Outcome.INVALID, None, thread, ""
    if token.expired:
        return Outcome.EXPIRED, user, thread, ""
    if not _may_post(user, thread):
        return Outcome.CLOSED, user, thread, ""
    text = message_text(message)
    if not text:
        return Outcome.EMPTY, user, thread, ""
    return Outcome.POSTED, user, thread, text


@dataclass(frozen=True)
class Received:
    record: InboundEmail
    duplicate: bool


def inbound_email_receive(*, raw: bytes, recipient: str = "") -> Received:
    """Post an emailed reply in its thread, or bounce it; a redelivered message does nothing.

    recipient is the envelope recipient when the relay passes it. Raises InvalidMessage
    for bytes that are not an email message with a sender.
    """
    message = parse(raw)
    message_id = _message_id(message, raw)
    sender = _addresses(message, "From")[0]
    if existing := InboundEmail.objects.filter(message_id=message_id).first():
        return Received(existing, duplicate=True)
    try:
        with transaction.atomic():
            record = InboundEmail.objects.create(
                message_id=message_id, sender=sender[:254], outcome=Outcome.IGNORED
            )
            if not is_automatic(message, sender):
                _handle(record, message, sender=sender, recipient=recipient)
    except IntegrityError:
        # The same message arrived twice at once; the other delivery handles it.
        return Received(InboundEmail.objects.get(message_id=message_id), duplicate=True)
    logger.info("Inbound email %s: %s", message_id, record.outcome)
    return Received(record, duplicate=False)


def _posts_anonymously(user, thread) -> bool:
    """Return whether the member posted anonymously in the thread: then an emailed reply is
    anonymous too, since a mail program offers no choice and their name would tell who wrote
    the rest."""
    return (thread.anonymous and thread.author_id == user.pk) or thread.replies.filter(
        author=user, anonymous=True
    ).exists()


def _handle(record, message, *, sender, recipient):
    outcome, user, thread, text = _decide(message, sender=sender, recipient=recipient)
    record.authenticated = sender_authenticated(message, sender)
    if outcome == Outcome.POSTED and not record.authenticated:
        outcome = Outcome.HELD
    if outcome == Outcome.POSTED:
        try:
            with transaction.atomic():
                record.reply = _post(user, thread, text)
        except PermissionDenied:
            outcome = Outcome.CLOSED
    record.outcome, record.user, record.thread = outcome, user, thread
    if user:
        # The member's own address: the row points to them, and forgets it with their account.
        record.sender = ""
    if outcome == Outcome.HELD:
        record.held_text = text
        _confirmation_send(record)
    if outcome in BOUNCED and _bounce_allowed(record, sender=sender):
        record.bounced = True
        # A forged or misdirected message learns nothing about the member or the thread.
        _bounce(
            message=message,
            sender=sender,
            outcome=outcome,
            message_id=record.message_id,
            user=user,
            thread=thread if user else None,
        )
    record.save()


def _post(user, thread, text):
    return services.thread_reply(
        thread=thread,
        author=user,
        body=text,
        anonymous=_posts_anonymously(user, thread),
        # No language is active here: the text tells, or the member's own.
        language=text_language(text, default=writing_language(user)),
    )


def _bounce_allowed(record, *, sender) -> bool:
    """Return whether to answer: never a sender the relay did not vouch for (the bounce would
    go to whoever's address was forged), and at most BOUNCES_PER_DAY to one sender."""
    if not record.authenticated:
        return False
    since = timezone.now() - datetime.timedelta(days=1)
    same = Q(user=record.user) if record.user else Q(sender=sender[:254])
    sent = InboundEmail.objects.filter(same, bounced=True, received_at__gte=since).count()
    return sent < BOUNCES_PER_DAY


# Held replies: posted once the member confirms them by the link sent to them


def confirm_url(record) -> str:
    """Return the signed link that lets the member confirm a held reply (CONFIRM_DAYS)."""
    token = signing.dumps(record.pk, salt=CONFIRM_SALT)
    return absolute(reverse("discussions:inbound_confirm", args=[token]))


def held_reply_get(token: str, *, user) -> InboundEmail:
    """Return the reply the signed token names, the user's own; raise signing.BadSignature
    (SignatureExpired after CONFIRM_DAYS) or InboundEmail.DoesNotExist."""
    pk = signing.loads(token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=CONFIRM_DAYS))
    return InboundEmail.objects.select_related("thread__topic", "reply").get(pk=pk, user=user)


def _confirmation_send(record):
    """Ask the member whether they sent the held reply: its text and the link to post it."""
    thread = record.thread
    email_person(
        user=record.user,
        # Lazy: written in the member's language, which email_person makes active.
        subject=lazy(
            lambda: _("Did you send this reply to “%(title)s”?") % {"title": thread.title}, str
        )(),
        template="discussions/emails/inbound_confirm.txt",
        context=lambda: {
            "thread": thread,
            "text": record.held_text,
            "confirm_url": confirm_url(record),
            "days": CONFIRM_DAYS,
        },
        reason=_("You receive this because a reply to a thread arrived from your address."),
    )


@transaction.atomic
def held_reply_confirm(*, record: InboundEmail, user):
    """Post a held reply as its member; raise PermissionDenied when they no longer may."""
    record = (
        InboundEmail.objects.select_for_update(of=("self",))
        .select_related("thread")
        .get(pk=record.pk)
    )
    if record.outcome != Outcome.HELD or record.user_id != user.pk:
        return record.reply
    if not _may_post(user, record.thread):
        raise PermissionDenied
    record.reply = _post(user, record.thread, record.held_text)
    record.outcome, record.held_text = Outcome.POSTED, ""
    record.save(update_fields=["reply", "outcome", "held_text"])
    return record.reply


@transaction.atomic
def held_reply_discard(*, record: InboundEmail, user) -> None:
    """Drop a held reply the member did not send, or does not want posted."""
    InboundEmail.objects.filter(pk=record.pk, user=user, outcome=Outcome.HELD).update(
        outcome=Outcome.DISCARDED, held_text=""
    )
