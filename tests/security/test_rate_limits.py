"""Rate limits answer 429 with a helpful, translated page once spent."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from members.notifications.models import OutgoingEmail
from racop.models import RateLimitCounter
from racop.ratelimit import client_ip, client_network, parse_rate, rate_limits_sweep
from tests.factories import PASSWORD, MemberFactory, ThreadFactory
from tests.reliability.stack import free_port

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


def log_in(client, email, password, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def test_logins_that_succeed_are_not_limited_a_room_on_one_wi_fi_all_get_in(client):
    """Forty people convening in one room share one public address: every one gets in."""
    for person in MemberFactory.create_batch(40):
        assert log_in(client, person.email, PASSWORD).status_code == 302
        client.logout()


def test_failed_logins_to_one_account_from_one_address_are_refused_with_a_message(
    client, member, limits
):
    limits("login_failed_account_ip", "2/m")
    for _ in range(2):
        assert log_in(client, member.email, "wrong password").status_code == 200
    response = log_in(client, member.email, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "sign in with a code" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_logins_from_one_address_to_many_accounts_are_refused(client, member, limits):
    limits("login_failed_ip", "3/m")
    for other in MemberFactory.create_batch(3):
        log_in(client, other.email, "wrong password")
    response = log_in(client, member.email, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_password_takes_its_attempt_back(client, member, limits):
    limits("login_failed_account_ip", "2/m")
    limits("login_failed_ip", "2/m")
    for _ in range(5):
        assert log_in(client, member.email, PASSWORD).status_code == 302
        client.logout()


BEHIND_THE_PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # every request comes from the proxy


@pytest.fixture
def proxy(settings):
    settings.RATE_LIMIT_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"


def test_behind_the_proxy_an_attackers_failures_do_not_stop_someone_elses_login(
    client, member, proxy
):
    """Ten (or fifty) failed logins from one address, some on the member's own account:
    the member, from another address behind the same proxy, still gets in."""
    attacker = BEHIND_THE_PROXY | {"HTTP_X_REAL_IP": "203.0.113.9"}
    others = MemberFactory.create_batch(3)
    for attempt in range(50):
        target = member if attempt % 2 else others[attempt % 3]
        assert log_in(client, target.email, "guess", **attacker).status_code in {200, 429}
    assert "_auth_user_id" not in client.session
    member_address = BEHIND_THE_PROXY | {"HTTP_X_REAL_IP": "198.51.100.7"}
    response = log_in(client, member.email, PASSWORD, **member_address)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_behind_the_proxy_allauths_own_limits_count_the_client_not_the_proxy(
    client, proxy, allauth_limits
):
    allauth_limits("signup", "1/m/ip")
    data = {"email": "new@example.org", "password1": "x", "password2": "y"}
    url = reverse("account_signup")
    first = BEHIND_THE_PROXY | {"HTTP_X_REAL_IP": "203.0.113.1"}
    second = BEHIND_THE_PROXY | {"HTTP_X_REAL_IP": "203.0.113.2"}
    assert client.post(url, data, **first).status_code == 200
    assert client.post(url, data, **second).status_code == 200
    assert_429(client.post(url, data, **first))


def test_the_address_is_the_one_the_proxy_added_not_one_the_client_wrote(rf, settings):
    settings.RATE_LIMIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7", REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == "198.51.100.7"


def test_an_ipv6_client_counts_as_its_network(rf):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_network(one) == client_network(other) == "2001:db8:1:2::/64"


def test_an_account_locked_from_everywhere_still_opens_with_a_code(client, member, limits):
    """Failures from many addresses lock the account; the member signs in with a code."""
    limits("login_failed_account", "3/h")
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        log_in(client, member.email, "guess", REMOTE_ADDR=address)
    refused = log_in(client, member.email, PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert "Too many failed login attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("account_request_login_code"), {"email": member.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    email = OutgoingEmail.objects.get(to=member.email)
    code = re.search(r"^\s*([A-Z]{4}-[A-Z]{4})\s*$", email.text, re.MULTILINE).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_limits_hold_while_redis_is_unreachable(client, member, settings):
    """The cache answers as empty while Redis is away; the counts are not in it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "racop.cache_backend.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for _ in range(14):
        assert log_in(client, member.email, "wrong password").status_code == 200
    response = log_in(client, member.email, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_counters_of_ended_windows_are_swept(client, member):
    log_in(client, member.email, "wrong password")
    assert RateLimitCounter.objects.count() == 3  # address, account and address, account
    assert rate_limits_sweep() == 0
    ended = RateLimitCounter.objects.filter(key__startswith="login_failed_ip:")
    ended.update(window_ends_at=timezone.now())
    assert rate_limits_sweep() == 1
    assert RateLimitCounter.objects.count() == 2


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


def test_allauths_own_limits_hold_while_redis_is_unreachable(client, settings, allauth_limits):
    """Sign-ups, password resets and login codes: allauth counts them in the default cache,
    which keeps their keys in the database."""
    settings.CACHES = {
        "default": {
            "BACKEND": "racop.cache_backend.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
            "DURABLE_CACHE": "durable",
        },
        "durable": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "racop_cache",
        },
    }
    allauth_limits("request_login_code", "1/m/ip")
    url = reverse("account_request_login_code")
    assert client.post(url, {"email": "a@example.org"}).status_code == 302
    refused = Client().post(url, {"email": "b@example.org"})  # a new session, the same address
    assert refused.status_code == 200
    assert "Too many failed login attempts" in refused.content.decode()
