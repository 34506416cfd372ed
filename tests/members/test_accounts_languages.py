"""django-allauth's pages and emails in the languages allauth ships no catalog for."""

import pytest
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# (language, what the verification email says, its subject, the reset email's subject)
EXPECTED = [
    (
        "sq",
        "E merrni këtë email sepse përdoruesi",
        "Ju lutemi konfirmoni adresën Tuaj email",
        "Email për rivendosjen e fjalëkalimit",
    ),
    (
        "mk",
        "Ја добивате оваа порака затоа што корисникот",
        "Потврдете ја Вашата адреса на е-пошта",
        "Порака за ресетирање на лозинката",
    ),
    (
        "cnr",
        "Primate ovu poruku jer je korisnik",
        "Potvrdite svoju adresu e-pošte",
        "Poruka za resetovanje lozinke",
    ),
]


@pytest.mark.parametrize(("language", "body", "subject", "reset_subject"), EXPECTED)
def test_signup_and_password_reset_emails_are_in_the_language(
    client, language, body, subject, reset_subject, django_capture_on_commit_callbacks
):
    # allauth's emails go through the outgoing queue, sent once the request commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/{language}/accounts/signup/",
            {"email": "new@example.org", "password1": "a-long pass phrase",
             "password2": "a-long pass phrase"},
        )  # fmt: skip
    assert response.status_code == 302
    (verification,) = mail.outbox
    assert verification.subject.endswith(subject)
    assert body in verification.body
    assert f"/{language}/accounts/confirm-email/" in verification.body
    mail.outbox.clear()
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/{language}/accounts/password/reset/", {"email": person.email})
    (reset,) = mail.outbox
    assert reset.subject.endswith(reset_subject)
    assert "Please Confirm" not in reset.body and "password reset" not in reset.body


@pytest.mark.parametrize(
    ("language", "heading", "ekavian"),
    [("cnr", "Zaboravili ste lozinku? Unesite ispod", "zahtev"), ("sq", "Keni harruar", "")],
)
def test_the_password_reset_page_reads_in_the_language(client, language, heading, ekavian):
    page = client.get(f"/{language}/accounts/password/reset/").text
    assert heading in page
    assert "Forgotten your password?" not in page
    assert not ekavian or ekavian not in page
