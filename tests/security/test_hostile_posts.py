"""Hostile text posted through the pages (and allauth's): never a 500, never script, input kept."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given

from tests.factories import ThreadFactory
from tests.security.hostile import hostile_text
from tests.security.html_safety import script_problems

NULL_MESSAGE = "Null characters are not allowed."


@pytest.fixture(autouse=True)
def no_limits(settings):
    """Hundreds of posts in a row: switch the rate limits off for these tests."""
    settings.RATE_LIMITS = {}
    settings.ACCOUNT_RATE_LIMITS = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def check_answer(response, text, *, kept=True):
    assert response.status_code in {200, 302}
    if response.status_code == 302:
        assert "\x00" not in text, "a null character was accepted"
        return
    html = response.content.decode()
    assert script_problems(html) == []
    if "\x00" in text:
        assert NULL_MESSAGE in html or "errorlist" in html
    if kept and ("errorlist" in html or "error" in html):
        assert escape(text) in html, "the input was lost"


@pytest.fixture
def thread(db):
    return ThreadFactory()


def thread_args(thread):
    return [thread.topic.slug, thread.pk, thread.slug]


def test_replies(member_client, thread):
    url = reverse("discussions:reply_create", args=thread_args(thread))

    @given(text=hostile_text())
    def run(text):
        check_answer(member_client.post(url, {"body": text, "preview": "1"}), text)

    run()


def test_new_threads(member_client, thread):
    url = reverse("discussions:thread_create", args=[thread.topic.slug, "discussion"])

    @given(text=hostile_text())
    def run(text):
        check_answer(member_client.post(url, {"title": text, "body": text, "preview": "1"}), text)

    run()


def test_reports(member_client, thread):
    url = reverse("discussions:thread_report", args=thread_args(thread))

    @given(text=hostile_text())
    def run(text):
        check_answer(member_client.post(url, {"reason": text}), text)

    run()


def test_join_applications(client, db):
    url = reverse("members:join")

    @given(text=hostile_text())
    def run(text):
        data = {"first_name": text, "last_name": text, "email": "x@example.org",
                "motivation": text, "organisation_name": text, "applicant_kind": "organisation",
                "country": "RS"}  # fmt: skip
        check_answer(client.post(url, data), text, kept=False)

    run()


@pytest.mark.parametrize(
    ("name", "fields"),
    [
        ("account_signup", ["email", "password1", "password2"]),
        ("account_login", ["login", "password"]),
        ("account_reset_password", ["email"]),
    ],
)
def test_account_forms(client, db, name, fields):
    url = reverse(name)

    @given(text=hostile_text())
    def run(text):
        response = client.post(url, dict.fromkeys(fields, text))
        assert response.status_code in {200, 302}
        if response.status_code == 200:
            assert script_problems(response.content.decode()) == []

    run()


@pytest.mark.parametrize("name", ["library:resource_list", "members:directory"])
def test_searches(member_client, name):
    url = reverse(name)

    @given(text=hostile_text())
    def run(text):
        response = member_client.get(url, {"q": text})
        assert response.status_code == 200
        assert script_problems(response.content.decode()) == []

    run()
