"""A form sent while the database is away: the 503 page gives the person their text back."""

import subprocess
import sys

import pytest
from django.db import OperationalError

from discussions import services
from racop.views import server_error
from tests.factories import ThreadFactory

WRITTEN = 'In Tuzla we <b>published</b> the budget & "asked" people\nSecond line.'


@pytest.fixture
def outage(monkeypatch):
    """The database goes away just as the reply is saved."""

    def away(**kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed")

    monkeypatch.setattr(services, "thread_reply", away)


def test_a_reply_sent_during_an_outage_is_shown_back(member_client, db, outage):
    thread = ThreadFactory()
    member_client.raise_request_exception = False
    response = member_client.post(
        thread.get_absolute_url() + "reply/",
        {
            "body": WRITTEN,
            "language": "en",
            "csrfmiddlewaretoken": "csrf-value-never-shown",
            "password": "password-never-shown",
            "reauth_token": "token-never-shown",
        },
    )
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Cache-Control"] == "private, no-store"
    html = response.text
    assert "What you just sent was not saved." in html
    # Escaped, whole, in a read-only box to copy from.
    escaped = WRITTEN.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace('"', "&quot;")
    assert f'readonly rows="3" cols="80">{escaped}</textarea>' in html
    assert "<b>published</b>" not in html
    for secret in ("csrf-value-never-shown", "password-never-shown", "token-never-shown"):
        assert secret not in html
    assert "Nothing you wrote before is lost" not in html


def test_a_page_read_during_an_outage_shows_no_form(rf):
    try:
        raise OperationalError("away")
    except OperationalError:
        response = server_error(rf.get("/", {"q": "budget"}))
    assert response.status_code == 503 and "Cache-Control" not in response
    html = response.content.decode()
    assert "What was saved before is safe." in html
    assert "not saved" not in html and "<textarea" not in html


def test_a_real_outage_shows_the_text_but_never_the_password():
    """The real login form, in a process whose database is a closed port."""
    code = (
        "import django; django.setup();"
        "from django.test.utils import setup_test_environment;"
        "setup_test_environment(debug=False);"
        "from django.test import Client;"
        "response = Client(raise_request_exception=False).post('/accounts/login/',"
        " {'login': 'ana@example.org', 'password': 'secret-password-2026',"
        "  'note': 'Text <i>kept</i>'});"
        "print(response.status_code); print(response.content.decode())"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "racop.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none?connect_timeout=2",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    status, _newline, html = result.stdout.partition("\n")
    assert status == "503", result.stderr[-2000:]
    assert "ana@example.org" in html and "Text &lt;i&gt;kept&lt;/i&gt;" in html
    assert "secret-password-2026" not in html
