"""django-allauth's pages speak as the portal does: sentence case ("Sign in", "Email
addresses") and plain words, from an English catalog of its strings
(racop/locale_allauth/en), without changing what the other languages show."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from racop.catalogs import allauth_shown
from tests.factories import UserFactory
from tests.racop.test_i18n_catalogs import catalog_problems

EN = Path(settings.BASE_DIR) / "racop" / "locale_allauth" / "en" / "LC_MESSAGES" / "django.po"
# Words that keep their capital in a sentence.
PROPER = {"I", "WebAuthn", "TOTP"}
# Where a sentence, a line or a list's item starts (its first word keeps its capital).
STARTS = re.compile(r"[.!?:]\s+|\n\s*(?:-\s*)?")
WORD = re.compile(r"\b[A-Za-z][a-z]*\b")


def title_case_words(text):
    """Return the capitalised words inside sentences ("In" of "Sign In")."""
    text = re.sub(r"<[^>]+>|%\(\w+\)[sd]", "", text)
    found = []
    for sentence in STARTS.split(text):
        words = WORD.findall(sentence)[1:]
        found += [word for word in words if word[0].isupper() and word not in PROPER]
    return found


def test_the_english_catalog_is_complete_and_keeps_the_placeholders():
    assert catalog_problems("en", EN) == []


def test_every_allauth_string_the_portal_shows_reads_in_sentence_case():
    shouting = []
    with translation.override("en"):
        for entry in allauth_shown():
            if entry.msgid_plural:
                shown = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
            elif entry.msgctxt:
                shown = translation.pgettext(entry.msgctxt, entry.msgid)
            else:
                shown = translation.gettext(entry.msgid)
            if title_case_words(shown) or re.search(r"\bplease\b|\buser\b", shown, re.I):
                shouting.append(shown)
    assert shouting == []


def test_the_check_finds_title_case():
    assert title_case_words("Sign In") == ["In"]
    assert title_case_words("Sign in. Then rest.") == []
    assert title_case_words("Set up TOTP with WebAuthn") == []


@pytest.mark.parametrize(
    ("language", "sign_in"), [("mk", "Најава"), ("sq", "Hyni"), ("en", "Sign in")]
)
def test_other_languages_keep_their_words(language, sign_in):
    with translation.override(language):
        assert translation.gettext("Sign In") == sign_in


@pytest.mark.django_db
def test_the_sign_in_page_is_in_sentence_case(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "Sign in" in html and "Remember me" in html
    assert "Sign In" not in html and "Remember Me" not in html


@pytest.mark.django_db
def test_the_email_addresses_page_is_in_the_portals_words(client):
    user = UserFactory()
    client.force_login(user)
    html = client.get(reverse("account_email")).content.decode()
    assert "Email addresses" in html and "Make it the main address" in html
    assert "Email Addresses" not in html and "Make Primary" not in html


@pytest.mark.django_db
def test_confirming_an_address_asks_plainly(client):
    user = UserFactory(verified=False)
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    key = EmailConfirmationHMAC(address).key
    html = client.get(reverse("account_confirm_email", args=[key])).content.decode()
    assert "is your email address" in html
    assert "is an email address for user" not in html
