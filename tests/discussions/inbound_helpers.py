"""Real message files for the reply-by-email tests, with the reply address filled in."""

import re
from pathlib import Path

import pytest

MAIL = Path(__file__).parent / "mail"
DOMAIN = "reply.racop.test"
TOKEN = "test-inbound-token"
RELAY = "mx.racop.test"  # the trusted relay's authserv-id


@pytest.fixture(autouse=True)
def inbound_settings(settings):
    settings.INBOUND_EMAIL_ENABLED = True
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    settings.INBOUND_EMAIL_TOKEN = TOKEN
    settings.INBOUND_EMAIL_REPLY_DAYS = 90
    settings.INBOUND_EMAIL_MAX_MB = 10
    settings.INBOUND_EMAIL_AUTHSERV_ID = RELAY
    return settings


def message_file(name, *, address="", sender="", number=1, relay_passes=True) -> bytes:
    """Return the raw bytes of tests/discussions/mail/<name>.eml with its blanks filled.

    relay_passes: put on top the header the trusted relay writes when the sender's domain
    signed the message (DKIM and DMARC pass); the auth_*.eml files bring their own.
    """
    raw = (MAIL / f"{name}.eml").read_bytes()
    for blank, value in {
        b"%%REPLY_ADDRESS%%": address,
        b"%%SENDER%%": sender,
        b"%%SENDER_DOMAIN%%": sender.rpartition("@")[2],
        b"%%MESSAGE_NUMBER%%": str(number),
    }.items():
        raw = raw.replace(blank, value.encode())
    found = re.search(rb"^From:.*@([\w.-]+)", raw, re.MULTILINE)
    if relay_passes and found:
        domain = found[1]
        raw = (
            b"Authentication-Results: " + RELAY.encode() + b"; dkim=pass header.d=" + domain
            + b" header.s=s1; dmarc=pass (p=none) header.from=" + domain + b"\n" + raw
        )  # fmt: skip
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
