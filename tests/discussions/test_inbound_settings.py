"""Reply by email is off in production until it is configured, and then needs its token."""

import os
import subprocess
import sys

from tests.racop.test_settings import PRODUCTION, run_settings


def test_production_starts_with_reply_by_email_off():
    result = run_settings(**PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_production_with_reply_by_email_needs_the_endpoint_token():
    result = run_settings(**PRODUCTION, INBOUND_EMAIL_ENABLED="1")
    assert result.returncode != 0
    assert "INBOUND_EMAIL_TOKEN" in result.stderr


def test_reply_addresses_default_to_the_sites_host():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.INBOUND_EMAIL_ENABLED, settings.INBOUND_EMAIL_DOMAIN)"
    )
    env = PRODUCTION | {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "racop.settings",
        "INBOUND_EMAIL_ENABLED": "1",
        "INBOUND_EMAIL_TOKEN": "a-long-random-token",
        "SITE_URL": "https://Community.Example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True community.example.org"
