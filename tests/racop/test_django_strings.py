"""Django's own strings in every language of the portal: none left English where Django's
catalogs lag (racop/django_catalogs.py fills the gaps in racop/locale_django)."""

import re

import polib
import pytest
from django.conf import settings
from django.utils.translation import trans_real

from racop.django_catalogs import (
    DJANGO_CATALOGS_DIR,
    DOMAINS,
    GAP_LOCALES,
    django_catalogs,
    gaps,
    source_entries,
)
from racop.i18n import FALLBACK_LOCALES
from tests.factories import ResourceFactory

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}")


def folder(language):
    return trans_real.to_locale(language)


def ours(locale, domain):
    path = DJANGO_CATALOGS_DIR / locale / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path)) if path.exists() else []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", GAP_LOCALES)
def test_each_gap_catalog_holds_what_the_installed_django_leaves_english(locale, domain):
    """After upgrading Django: `python -m racop.catalogs --django-gaps`, then translate."""
    held = {(e.msgctxt, e.msgid) for e in ours(locale, domain)}
    assert held == {(e.msgctxt, e.msgid) for e in gaps(locale, domain)}


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", GAP_LOCALES)
def test_every_gap_is_translated_with_its_placeholders(locale, domain):
    for entry in ours(locale, domain):
        assert entry.translated() and "fuzzy" not in entry.flags, entry.msgid
        if entry.msgid_plural:
            forms = list(entry.msgstr_plural.values())
            assert all(forms), entry.msgid
            assert sorted(set(PLACEHOLDER.findall(forms[-1]))) == sorted(
                set(PLACEHOLDER.findall(entry.msgid_plural))
            ), entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


def _same_as_english(language, domain):
    """The entries a catalog of the language (or of its fallback) translates as the
    English itself ("URL", "%s KB"; the portal's own catalogs' "jan" in Serbian)."""
    locales = [folder(language)]
    if folder(language) in FALLBACK_LOCALES:
        locales.append(FALLBACK_LOCALES[folder(language)])
    keys = set()
    for locale in locales:
        paths = django_catalogs(locale, domain) + [
            path / locale / "LC_MESSAGES" / f"{domain}.po" for path in settings.LOCALE_PATHS
        ]
        catalogs = [polib.pofile(str(path)) for path in paths if path.exists()]
        for catalog in catalogs:
            for entry in catalog:
                english = entry.msgid_plural or entry.msgid
                text = (
                    list(entry.msgstr_plural.values())[-1] if entry.msgid_plural else entry.msgstr
                )
                if entry.translated() and text == english:
                    keys.add((entry.msgctxt, entry.msgid))
    return keys


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_django_string_is_left_english(language, domain):
    catalog = trans_real.DjangoTranslation(language, domain=domain)
    explicit = _same_as_english(language, domain)
    english = []
    for entry in source_entries(domain):
        if entry.msgid_plural:
            args = (entry.msgid, entry.msgid_plural, 5)
            text = (
                catalog.npgettext(entry.msgctxt, *args)
                if entry.msgctxt
                else catalog.ngettext(*args)
            )
            same = text == entry.msgid_plural
        else:
            text = (
                catalog.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else catalog.gettext(entry.msgid)
            )
            same = text == entry.msgid
        if same and (entry.msgctxt, entry.msgid) not in explicit:
            english.append(entry.msgid)
    assert english == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_newcomer_reads_the_password_rules_in_their_language(client, language):
    response = client.post(
        f"/{language}/accounts/signup/",
        {"email": "novi@example.org", "password1": "kratko", "password2": "kratko"},
    )
    html = response.content.decode()
    catalog = trans_real.DjangoTranslation(language)
    rule = catalog.ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        5,
    )
    assert "too short" not in html
    assert rule.split("%d")[0].strip()[:20] in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["mk", "sq", "bs", "hr", "cnr"])
def test_a_coordinator_reads_the_admin_in_their_language(coordinator_client, language):
    resource = ResourceFactory(title="Vodič")
    catalog = trans_real.DjangoTranslation(language)
    listing = coordinator_client.get(f"/{language}/admin/library/resource/").content.decode()
    assert ">Run<" not in listing and f">{catalog.gettext('Run')}<" in listing
    history = coordinator_client.get(
        f"/{language}/admin/library/resource/{resource.pk}/history/"
    ).content.decode()
    assert "change history" not in history
    change = coordinator_client.get(
        f"/{language}/admin/library/resource/{resource.pk}/change/"
    ).content.decode()
    assert "A comma-separated list of tags." not in change  # django-taggit's own help
    index = coordinator_client.get(f"/{language}/admin/").content.decode()
    assert "Email addresses" not in index  # django-allauth's model, in racop/locale_allauth
    calendar = coordinator_client.get(f"/{language}/admin/jsi18n/").content.decode()
    assert '"Today (%(date)s)"' in calendar  # the msgid, with its translation beside it
    assert catalog.gettext("Run") != "Run"
