"""Signed reply addresses: ``reply+<token>@<INBOUND_EMAIL_DOMAIN>``.

The token names the member, the thread and the day it was issued, signed with the site's
secret. Thread notifications hand addresses out; discussions.inbound reads them back.
"""

import base64
import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

# The salt keeps its first module's name: changing it would retire every address handed out.
SALT = "discussions.inbound.reply-address"
PREFIX = "reply+"
SIGNATURE_BYTES = 10  # 80 bits: 16 base32 characters
TOKEN = re.compile(r"^([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,5})-([a-z2-7]{16})$")


def _base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def _signature(value):
    digest = salted_hmac(SALT, value, algorithm="sha256").digest()[:SIGNATURE_BYTES]
    return base64.b32encode(digest).decode().lower()


def _today():
    return timezone.now().date()


def reply_address(user, thread) -> str | None:
    """Return the address at which user replies to thread by email; None when that is off.

    Lowercase only (some servers lower-case the local part) and at most 64 characters
    before the @; valid for INBOUND_EMAIL_REPLY_DAYS days and only from the member's
    own verified address.
    """
    if not settings.INBOUND_EMAIL_ENABLED:
        return None
    value = "-".join(_base36(n) for n in (user.pk, thread.pk, _today().toordinal()))
    return f"{PREFIX}{value}-{_signature(value)}@{settings.INBOUND_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class ReplyToken:
    user_id: int
    thread_id: int
    issued: datetime.date

    @property
    def expired(self):
        return (_today() - self.issued).days > settings.INBOUND_EMAIL_REPLY_DAYS


def token_parse(address: str) -> ReplyToken | None:
    """Return what a reply address stands for, or None when it is not one the portal signed."""
    local, _at, domain = address.strip().lower().rpartition("@")
    if domain != settings.INBOUND_EMAIL_DOMAIN or not local.startswith(PREFIX):
        return None
    match = TOKEN.match(local.removeprefix(PREFIX))
    if not match:
        return None
    value = local.removeprefix(PREFIX).rsplit("-", 1)[0]
    if not constant_time_compare(match[4], _signature(value)):
        return None
    user_id, thread_id, day = (int(part, 36) for part in match.groups()[:3])
    try:
        issued = datetime.date.fromordinal(day)
    except ValueError:
        return None
    if issued > _today() + datetime.timedelta(days=1):
        return None
    return ReplyToken(user_id, thread_id, issued)
