"""Real message files for the reply-by-email tests, with the reply address filled in."""

from pathlib import Path

import pytest

MAIL = Path(__file__).parent / "mail"
DOMAIN = "reply.racop.test"
TOKEN = "test-inbound-token"


@pytest.fixture(autouse=True)
def inbound_settings(settings):
    settings.INBOUND_EMAIL_ENABLED = True
    settings.INBOUND_EMAIL_DOMAIN = DOMAIN
    settings.INBOUND_EMAIL_TOKEN = TOKEN
    settings.INBOUND_EMAIL_REPLY_DAYS = 90
    settings.INBOUND_EMAIL_MAX_MB = 10
    return settings


def message_file(name, *, address="", sender="", number=1) -> bytes:
    """Return the raw bytes of tests/discussions/mail/<name>.eml with its blanks filled."""
    raw = (MAIL / f"{name}.eml").read_bytes()
    for blank, value in {
        b"%%REPLY_ADDRESS%%": address,
        b"%%SENDER%%": sender,
        b"%%MESSAGE_NUMBER%%": str(number),
    }.items():
        raw = raw.replace(blank, value.encode())
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
