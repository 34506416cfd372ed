import os
import subprocess
import sys

import pytest

from racop.settings import mailer_from_url


def run_settings(**env):
    """Import the settings in a fresh process with exactly these variables."""
    base = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "racop.settings"}
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    return subprocess.run(
        [sys.executable, "-c", code], env=base | env, capture_output=True, text=True, timeout=60
    )


PRODUCTION = {
    "DJANGO_SECRET_KEY": "k3y-for-tests-only-9f8a7c6b5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0",
    "DJANGO_ALLOWED_HOSTS": "community.example.org",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
    "EMAIL_URL": "smtp://user:pass@mail.example.org:587",
    "SITE_NAME": "A Community",
    "SITE_OPERATOR": "An Operator",
    "SITE_CONTACT_EMAIL": "team@example.org",
    "SITE_URL": "https://community.example.org",
}


def test_production_settings_start_with_every_value():
    result = run_settings(**PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    "missing",
    [
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_URL",
        "SITE_NAME",
        "SITE_CONTACT_EMAIL",
        "SITE_URL",
    ],
)
def test_production_refuses_to_start_without_a_required_value(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_settings(**env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.parametrize(
    "site_url", ["community.example.org", "ftp://community.example.org", "https://"]
)
def test_production_refuses_to_start_with_a_site_url_that_is_no_address(site_url):
    """Feeds and emails would link to it: never to 127.0.0.1 or to nowhere."""
    result = run_settings(**PRODUCTION | {"SITE_URL": site_url})
    assert result.returncode != 0
    assert "SITE_URL must be an address" in result.stderr


def test_check_deploy_passes_with_production_values():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": os.environ["PATH"]} | PRODUCTION,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_smtp_url_becomes_a_mailer():
    mailer = mailer_from_url("smtp://me%40x.org:s%2Fcret@mail.example.org:2525?tls=0")
    options = mailer["OPTIONS"]
    assert options["host"] == "mail.example.org"
    assert options["port"] == 2525
    assert options["username"] == "me@x.org"
    assert options["password"] == "s/cret"
    assert options["use_tls"] is False


def test_smtps_url_uses_ssl():
    options = mailer_from_url("smtps://u:p@mail.example.org")["OPTIONS"]
    assert options["use_ssl"] is True
    assert options["port"] == 465


def test_unknown_email_scheme_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        mailer_from_url("http://mail.example.org")
