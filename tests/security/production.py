"""Run code in a fresh process with production settings (DJANGO_DEBUG off)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def production_env(database_url="postgres://nobody@127.0.0.1:9/none"):
    """Return every variable production needs, and nothing from the test run."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "racop.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "community.example.org",
        "DATABASE_URL": database_url,
        "EMAIL_URL": "smtp://user:pass@mail.example.org:587",
        "SITE_NAME": "A Community",
        "SITE_OPERATOR": "An Operator",
        "SITE_CONTACT_EMAIL": "team@example.org",
        "SITE_URL": "https://community.example.org",
    }


def test_database_url():
    """Return a URL of the database the tests use, for a production process to share."""
    s = connection.settings_dict
    host = quote(s["HOST"] or s["OPTIONS"].get("host", ""), safe="")
    port = f":{s['PORT']}" if s["PORT"] else ""
    password = f":{quote(s['PASSWORD'], safe='')}" if s["PASSWORD"] else ""
    return f"postgres://{quote(s['USER'], safe='')}{password}@{host}{port}/{s['NAME']}"


test_database_url.__test__ = False


def run_python(code, env, timeout=120):
    """Run code with env in the project folder; return its stdout parsed as JSON."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
