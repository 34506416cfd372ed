"""Rate limits answer 429 with a helpful, translated page once spent."""

import pytest
from django.urls import reverse
from django.utils import translation

from racop.ratelimit import parse_rate
from tests.factories import PASSWORD, ThreadFactory

pytestmark = pytest.mark.django_db


def assert_429(response):
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "wait a few minutes" in response.content.decode()


@pytest.fixture
def limits(settings):
    """Set our own limit for one action: limits("posting", "2/m")."""

    def set_limit(action, rate):
        settings.RATE_LIMITS = settings.RATE_LIMITS | {action: rate}

    return set_limit


@pytest.fixture
def allauth_limits(settings):
    def set_limit(action, rate):
        settings.ACCOUNT_RATE_LIMITS = settings.ACCOUNT_RATE_LIMITS | {action: rate}

    return set_limit


def test_rates_are_parsed():
    assert parse_rate("10/m") == (10, 60)
    assert parse_rate("30/5m") == (30, 300)
    assert parse_rate("3/h") == (3, 3600)


def test_logins_are_limited(client, member, allauth_limits):
    allauth_limits("login", "2/m/ip")
    data = {"login": member.email, "password": "wrong password"}
    for _ in range(2):
        assert client.post(reverse("account_login"), data).status_code == 200
    assert_429(client.post(reverse("account_login"), data))


def test_failed_logins_to_one_account_are_refused_with_a_message(client, member, allauth_limits):
    allauth_limits("login_failed", "2/m/key")
    data = {"login": member.email, "password": "wrong password"}
    for _ in range(2):
        client.post(reverse("account_login"), data)
    response = client.post(reverse("account_login"), data | {"password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_limited(client, coordinator, limits):
    limits("login", "2/m")
    data = {"username": coordinator.username, "password": "wrong password"}
    for _ in range(2):
        assert client.post(reverse("admin:login"), data).status_code == 200
    assert_429(client.post(reverse("admin:login"), data))
    # Reading the login page is not an attempt.
    assert client.get(reverse("admin:login")).status_code == 200


def test_signups_are_limited(client, allauth_limits):
    allauth_limits("signup", "1/m/ip")
    data = {"email": "new@example.org", "password1": "x", "password2": "y"}
    assert client.post(reverse("account_signup"), data).status_code == 200
    assert_429(client.post(reverse("account_signup"), data | {"email": "other@example.org"}))


def test_password_resets_are_limited(client, member, allauth_limits):
    allauth_limits("reset_password", "1/m/ip")
    url = reverse("account_reset_password")
    assert client.post(url, {"email": member.email}).status_code == 302
    assert_429(client.post(url, {"email": member.email}))


def test_join_applications_are_limited(client, limits):
    limits("join", "1/m")
    assert client.post(reverse("members:join"), {}).status_code == 200
    assert_429(client.post(reverse("members:join"), {}))
    assert client.get(reverse("members:join")).status_code == 200


def test_posting_replies_and_threads_is_limited(member_client, limits):
    limits("posting", "2/m")
    thread = ThreadFactory()
    reply_url = reverse(
        "discussions:reply_create", args=[thread.topic.slug, thread.pk, thread.slug]
    )
    new_url = reverse("discussions:thread_create", args=[thread.topic.slug, "discussion"])
    assert member_client.post(reply_url, {"body": "One."}).status_code == 302
    assert member_client.post(reply_url, {"body": "Two."}).status_code == 302
    assert_429(member_client.post(reply_url, {"body": "Three."}))
    assert_429(member_client.post(new_url, {"title": "T", "body": "B"}))
    assert thread.replies.count() == 2


def test_the_limit_is_per_person(client, member, limits):
    limits("posting", "1/m")
    thread = ThreadFactory()
    url = reverse("discussions:reply_create", args=[thread.topic.slug, thread.pk, thread.slug])
    client.force_login(member)
    assert client.post(url, {"body": "Mine."}).status_code == 302
    client.force_login(thread.author)
    assert client.post(url, {"body": "Theirs."}).status_code == 302


def test_reporting_is_limited(member_client, limits):
    limits("reporting", "1/m")
    thread = ThreadFactory()
    url = reverse("discussions:thread_report", args=[thread.topic.slug, thread.pk, thread.slug])
    assert member_client.post(url, {"reason": "Spam."}).status_code == 302
    assert_429(member_client.post(url, {"reason": "Spam again."}))


def test_searching_the_library_is_limited_but_browsing_is_not(client, limits):
    limits("searching", "2/m")
    url = reverse("library:resource_list")
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert client.get(url, {"q": "budget"}).status_code == 200
    assert client.get(url, {"q": "audit"}).status_code == 200
    assert_429(client.get(url, {"q": "again"}))


def test_the_429_page_is_translated(client, limits):
    """The language is in the address (/sr/library/): the refusal speaks it too."""
    limits("searching", "1/m")
    # The override also restores the language the /sr/ request left active in this thread.
    with translation.override("sr"):
        url = reverse("library:resource_list")
        client.get(url, {"q": "x"})
        response = client.get(url, {"q": "x"})
    assert url.startswith("/sr/")
    assert response.status_code == 429
    assert response.headers["Content-Language"] == "sr"


def test_logging_in_still_works_under_the_limit(client, member):
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
