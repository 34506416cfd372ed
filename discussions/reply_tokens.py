"""Reply addresses: ``reply+<token>@<INBOUND_EMAIL_DOMAIN>``.

The token is random and stands for a member and a thread in a table (ReplyAddress), so an
address tells nobody who the member is; one is made per member, thread and day, and is
valid for INBOUND_EMAIL_REPLY_DAYS. Thread notifications hand addresses out;
discussions.inbound reads them back.

Addresses of the earlier form (``reply+<user>-<thread>-<day>-<signature>``, the ids in base
36, signed with the site's secret) handed out before the change are still read until their
days run out; none is made any more.
"""

import base64
import datetime
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from discussions.models import ReplyAddress

PREFIX = "reply+"
TOKEN_BYTES = 15  # 120 bits: 24 base32 characters
TOKEN = re.compile(r"^[a-z2-7]{24}$")
# The earlier, signed form; its salt kept the first module's name.
LEGACY_SALT = "discussions.inbound.reply-address"
LEGACY_TOKEN = re.compile(r"^([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,5})-([a-z2-7]{16})$")


def _today():
    return timezone.now().date()


def _new_token():
    return base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode().lower()


def reply_address(user, thread) -> str | None:
    """Return the address at which user replies to thread by email; None when that is off.

    Lowercase only (some servers lower-case the local part) and at most 64 characters
    before the @; valid for INBOUND_EMAIL_REPLY_DAYS days and only from the member's
    own verified address.
    """
    if not settings.INBOUND_EMAIL_ENABLED:
        return None
    today = _today()
    row = ReplyAddress.objects.filter(user=user, thread=thread, issued_on=today).first()
    if row is None:
        try:
            with transaction.atomic():
                row = ReplyAddress.objects.create(
                    token=_new_token(), user=user, thread=thread, issued_on=today
                )
        except IntegrityError:  # Another request made today's address meanwhile.
            row = ReplyAddress.objects.get(user=user, thread=thread, issued_on=today)
    return f"{PREFIX}{row.token}@{settings.INBOUND_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class ReplyToken:
    user_id: int
    thread_id: int
    issued: datetime.date

    @property
    def expired(self):
        return (_today() - self.issued).days > settings.INBOUND_EMAIL_REPLY_DAYS


def token_parse(address: str) -> ReplyToken | None:
    """Return what a reply address stands for, or None when the portal did not hand it out."""
    local, _at, domain = address.strip().lower().rpartition("@")
    if domain != settings.INBOUND_EMAIL_DOMAIN or not local.startswith(PREFIX):
        return None
    value = local.removeprefix(PREFIX)
    if not TOKEN.match(value):
        return _legacy_parse(value)
    row = ReplyAddress.objects.filter(token=value).values_list("user", "thread", "issued_on")
    found = row.first()
    return ReplyToken(*found) if found else None


def _legacy_signature(value):
    digest = salted_hmac(LEGACY_SALT, value, algorithm="sha256").digest()[:10]
    return base64.b32encode(digest).decode().lower()


def _legacy_parse(value) -> ReplyToken | None:
    """Read an address of the earlier form: the ids and the day, signed."""
    match = LEGACY_TOKEN.match(value)
    if not match:
        return None
    if not constant_time_compare(match[4], _legacy_signature(value.rsplit("-", 1)[0])):
        return None
    user_id, thread_id, day = (int(part, 36) for part in match.groups()[:3])
    try:
        issued = datetime.date.fromordinal(day)
    except ValueError:
        return None
    if issued > _today() + datetime.timedelta(days=1):
        return None
    return ReplyToken(user_id, thread_id, issued)
