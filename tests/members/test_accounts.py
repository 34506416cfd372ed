import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail

from members.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"],
)
def test_account_pages_use_the_site_frame(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'name="robots" content="noindex"' in html
    assert settings.SITE_CONTACT_EMAIL in html and settings.SITE_OPERATOR in html


def test_signup_requires_email_verification_before_login(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {
                "email": "new@example.org",
                "password1": "a-long pass phrase",
                "password2": "a-long pass phrase",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(email="new@example.org").exists()
    assert len(mail.outbox) == 1
    assert "new@example.org" in mail.outbox[0].to

    # Not verified yet: logging in sends the person back to verify.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new@example.org", "password": "a-long pass phrase"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    response = client.post(link.split("testserver", 1)[-1])
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.org").verified


def test_login_uses_email_and_is_case_insensitive(client, applicant, password):
    response = client.post(
        "/accounts/login/", {"login": applicant.email.upper(), "password": password}
    )
    assert response.status_code == 302


GOOD = "a-long pass phrase"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not-an-email", "password1": GOOD, "password2": GOOD}, "email", "valid email"),
        ({"email": "x@example.org", "password1": GOOD, "password2": "other"}, "password2", "same"),
        ({"email": "x@example.org", "password1": "123", "password2": "123"}, "password1", "short"),
    ],
)
def test_signup_bad_input_is_explained_and_kept(client, data, field, message):
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    assert data["email"] in response.content.decode()


def test_signup_with_an_existing_email_is_refused_clearly(client):
    UserFactory(email="taken@example.org")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "Taken@example.org",
            "password1": "a-long pass phrase",
            "password2": "a-long pass phrase",
        },
    )
    # allauth keeps accounts private: it sends a notice to the owner instead of revealing it.
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    assert response.status_code in (200, 302)


def test_wrong_password_gets_a_clear_message(client, applicant):
    response = client.post("/accounts/login/", {"login": applicant.email, "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_password_reset_sends_a_link(client, applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": applicant.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_emails_name_the_community(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {
                "email": "n@example.org",
                "password1": "a-long pass phrase",
                "password2": "a-long pass phrase",
            },
        )
    assert mail.outbox[0].subject.startswith(f"[{settings.SITE_SHORT_NAME}]")
    assert "example.com" not in mail.outbox[0].body
