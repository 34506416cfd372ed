import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from racop.models import Page
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]


# Members and coordinators get their own home instead (tests/racop/test_member_home.py).
@pytest.mark.parametrize("role", ["visitor", "applicant"])
def test_home_is_public_and_shows_the_community(as_role, role):
    about = Page.objects.get(slug="about")
    about.summary = "We pledge to be accountable."
    about.save()
    topic = TopicFactory(name="Localisation of accountability")

    response = as_role(role).get(reverse("home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert settings.SITE_NAME in html
    assert "We pledge to be accountable." in html
    assert topic.get_absolute_url() in html
    assert 'class="skip-link"' in html


def test_home_offers_join_to_visitors_and_account_menu_to_members(client, member):
    assert "Join the community" in client.get("/").content.decode()
    client.force_login(member)
    html = client.get("/").content.decode()
    assert "Join the community" not in html
    assert reverse("account_logout") in html


def test_back_office_link_only_for_staff(client, member, coordinator):
    client.force_login(member)
    assert reverse("admin:index") not in client.get("/").content.decode()
    client.force_login(coordinator)
    assert reverse("admin:index") in client.get("/").content.decode()


@pytest.mark.parametrize("size", [2, 20])
def test_home_query_count_does_not_grow_with_topics(client, django_assert_max_num_queries, size):
    TopicFactory.create_batch(size)
    # Shared sections are rendered once, then read from the cache (the database cache here,
    # one query for all of them); the first view pays for filling it.
    client.get("/")
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("slug", ["about", "concept-note", "code-of-conduct", "privacy"])
def test_static_pages_exist_for_everyone(as_role, role, slug):
    response = as_role(role).get(f"/{slug}/")
    assert response.status_code == 200
    assert Page.objects.get(slug=slug).title in response.content.decode()


def test_unwritten_page_says_so_and_gives_the_contact(client):
    Page.objects.filter(slug="privacy").update(body="")
    html = client.get("/privacy/").content.decode()
    assert "has not been written yet" in html
    assert settings.SITE_CONTACT_EMAIL in html


def test_page_markdown_is_sanitised(client):
    Page.objects.filter(slug="about").update(
        body="**bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.example)"
    )
    html = client.get("/about/").content.decode()
    assert "<strong>bold</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html
    assert 'rel="nofollow noopener"' in html


@pytest.mark.parametrize("path", ["/no-such-page/", "/topics/no-such-topic/", "/ünïcode/"])
def test_unknown_addresses_answer_404_with_the_site_frame(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_topic_page_is_public(as_role, role):
    topic = TopicFactory(description="Bringing it *home*.")
    response = as_role(role).get(topic.get_absolute_url())
    assert response.status_code == 200
    assert "<em>home</em>" in response.content.decode()


@pytest.mark.parametrize("size", [1, 15])
def test_topic_page_query_count_is_flat(client, django_assert_max_num_queries, size):
    topics = TopicFactory.create_batch(size)
    client.get(topics[-1].get_absolute_url())  # fills the shared sections' cache
    with django_assert_max_num_queries(10):
        assert client.get(topics[-1].get_absolute_url()).status_code == 200


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_database_is_unreachable():
    """Run the real view in a process whose DATABASE_URL points at a closed port."""
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "print(Client().get('/healthz').status_code)"
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
    assert result.stdout.strip().splitlines()[-1] == "503", result.stderr


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.parametrize("role", ["visitor", "applicant", "member"])
def test_admin_is_closed_to_non_staff(as_role, role):
    response = as_role(role).get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_is_branded_and_open_to_coordinators(coordinator_client):
    response = coordinator_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert settings.SITE_NAME in html
    assert "Topics" in html and "Pages" in html


def test_language_switch_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "mk", "next": "/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/mk/about/"


def test_language_switch_rejects_unknown_language(client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/about/"})
    assert response.status_code == 302
    assert client.cookies.get(settings.LANGUAGE_COOKIE_NAME) is None


def test_pages_carry_a_content_security_policy(client):
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


def test_pages_carry_the_security_headers(client):
    response = client.get("/about/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_language_link_keeps_the_page_and_sets_the_cookie(client):
    response = client.get("/language/mk/?next=/about/")
    assert response.status_code == 302
    assert response["Location"].endswith("/about/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "mk"


def test_language_link_refuses_unknown_languages_and_other_hosts(client):
    assert client.get("/language/xx/?next=/about/").status_code == 404
    response = client.get("/language/mk/?next=https://evil.example/")
    assert response["Location"] == "/mk/"


def test_every_page_offers_the_languages_as_plain_links(client):
    html = client.get("/about/").content.decode()
    assert 'href="/language/sq/?next=/about/"' in html
    assert "csrfmiddlewaretoken" not in html
