"""The catalogs: they compile, they follow the source, and (soon) they are complete."""

import gettext
import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from racop.catalogs import catalogs, catalogs_compile

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
MAKEFILE = (ROOT / "Makefile").read_text()
# The `make messages` target is the single source of the locales and the ignored folders.
MESSAGE_LOCALES = re.search(r"^MESSAGE_LOCALES := (.+)$", MAKEFILE, re.M).group(1).split()
MESSAGE_IGNORES = re.findall(r"--ignore=(\S+)", MAKEFILE)
NAMED = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]")
POSITIONAL = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACES = re.compile(r"\{(\w*)\}")


def catalog_path(language):
    return LOCALE / translation_locale(language) / "LC_MESSAGES" / "django.po"


def translation_locale(language):
    from django.utils.translation import to_locale

    return to_locale(language)


TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_every_language_but_english_has_a_catalog_make_messages_updates():
    assert sorted(translation_locale(code) for code in TRANSLATED) == sorted(MESSAGE_LOCALES)
    for language in TRANSLATED:
        assert catalog_path(language).exists(), language


def test_every_catalog_compiles_without_gnu_gettext(tmp_path):
    shutil.copytree(LOCALE, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.mo"))
    written = catalogs_compile(locale_dirs=[tmp_path])
    assert len(written) == len(catalogs([tmp_path])) == len(MESSAGE_LOCALES)
    for mo_path in written:
        with mo_path.open("rb") as mo:
            compiled = gettext.GNUTranslations(mo)
        assert compiled.info()["content-type"] == "text/plain; charset=UTF-8"
    assert catalogs_compile(locale_dirs=[tmp_path], changed_only=True) == []


def test_the_set_up_compiled_the_catalogs():
    for language in TRANSLATED:
        assert catalog_path(language).with_suffix(".mo").exists(), (
            f"{language}: run `make catalogs` (make run and make test do it)"
        )


def _placeholders(text, entry):
    found = []
    if "python-format" in entry.flags or NAMED.search(text) or POSITIONAL.search(text):
        found += [f"%({name})" for name in NAMED.findall(text)]
        found += ["%s"] * len(POSITIONAL.findall(NAMED.sub("", text.replace("%%", ""))))
    if "python-brace-format" in entry.flags:
        found += [f"{{{name}}}" for name in BRACES.findall(text)]
    return sorted(found)


def catalog_problems(language, path=None):
    """Return what keeps the language's catalog from being complete and correct."""
    catalog = polib.pofile(str(path or catalog_path(language)))
    nplurals = int(re.search(r"nplurals=(\d+)", catalog.metadata["Plural-Forms"]).group(1))
    problems = [f"untranslated: {entry.msgid!r}" for entry in catalog.untranslated_entries()]
    problems += [f"fuzzy: {entry.msgid!r}" for entry in catalog.fuzzy_entries()]
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            if len(entry.msgstr_plural) != nplurals:
                problems.append(f"{nplurals} plural forms expected: {entry.msgid!r}")
            expected = _placeholders(entry.msgid_plural, entry)
            forms = entry.msgstr_plural.values()
        else:
            expected = _placeholders(entry.msgid, entry)
            forms = [entry.msgstr]
        for form in forms:
            if _placeholders(form, entry) != expected:
                problems.append(f"placeholders differ: {entry.msgid!r} → {form!r}")
    return problems


def test_placeholder_check_catches_a_broken_translation():
    entry = polib.POEntry(msgid="Hello %(name)s", msgstr="Zdravo %(ime)s", flags=["python-format"])
    assert _placeholders(entry.msgstr, entry) != _placeholders(entry.msgid, entry)
    braces = polib.POEntry(msgid="{count} new", flags=["python-brace-format"])
    assert _placeholders("{count} novih", braces) == _placeholders(braces.msgid, braces)
    assert _placeholders("{broj} novih", braces) != _placeholders(braces.msgid, braces)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalog_is_complete(language):
    assert catalog_problems(language) == []


@pytest.mark.parametrize("language", ["mk", "sq"])
def test_country_names_are_translated_where_django_countries_has_none(language):
    path = ROOT / "racop" / "locale_countries" / language / "LC_MESSAGES" / "django.po"
    assert len(polib.pofile(str(path))) > 240
    assert catalog_problems(language, path) == []


def _msgids(folder):
    found = {}
    for po_path in catalogs([folder]):
        found[po_path.parent.parent.name] = {
            (entry.msgctxt, entry.msgid, entry.msgid_plural)
            for entry in polib.pofile(str(po_path))
            if not entry.obsolete
        }
    return found


@pytest.mark.skipif(
    shutil.which("xgettext") is None and not os.environ.get("CI"),
    reason="needs GNU gettext's xgettext (apt install gettext); required in CI",
)
def test_catalogs_hold_every_string_of_the_source(tmp_path):
    assert shutil.which("xgettext"), "CI must install gettext (see .ci/run)"
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", "*.mo", "__pycache__", *MESSAGE_IGNORES),
    )
    cwd = Path.cwd()
    os.chdir(source)
    try:
        with override_settings(LOCALE_PATHS=[source / "locale"]):
            call_command(
                "makemessages",
                locale=MESSAGE_LOCALES,
                ignore_patterns=MESSAGE_IGNORES,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    extracted, committed = _msgids(source / "locale"), _msgids(LOCALE)
    for locale in MESSAGE_LOCALES:
        missing = sorted(m[1] for m in extracted[locale] - committed[locale])
        stale = sorted(m[1] for m in committed[locale] - extracted[locale])
        assert (missing, stale) == ([], []), f"{locale}: run `make messages` and commit locale/"


def test_country_names_follow_the_language():
    from django.utils import translation
    from django_countries import countries

    catalogs_compile(changed_only=True)
    translation.trans_real._translations = {}
    with translation.override("mk"):
        assert countries.name("AL") == "Албанија"
    with translation.override("sq"):
        assert countries.name("ME") == "Mali i Zi"
    with translation.override("hr"):
        assert countries.name("DE") == "Njemačka"


# django-allauth's strings: sq, mk and Montenegrin from racop/locale_allauth, the others
# from allauth's own catalogs (Bosnian reads its Croatian).
ALLAUTH_DIR = ROOT / "racop" / "locale_allauth"


def test_allauth_catalogs_hold_exactly_the_strings_the_portal_shows_of_this_allauth():
    """A new allauth version's strings fail here: `python -m racop.catalogs --allauth`."""
    from racop.catalogs import ALLAUTH_LOCALES, allauth_shown

    shown = {(entry.msgctxt, entry.msgid) for entry in allauth_shown()}
    msgids = {msgid for _context, msgid in shown}
    assert "Forgot your password?" in msgids
    assert not any("phone" in msgid.lower() for msgid in msgids)
    for locale in ALLAUTH_LOCALES:
        path = ALLAUTH_DIR / locale / "LC_MESSAGES" / "django.po"
        assert {(e.msgctxt, e.msgid) for e in polib.pofile(str(path))} == shown, locale


def test_the_allauth_update_adds_new_strings_untranslated_and_keeps_translations(tmp_path):
    from racop.catalogs import allauth_catalogs_update

    source = polib.POFile()
    for msgid in ["Forgot your password?", "Sign In", "Phone"]:
        source.append(polib.POEntry(msgid=msgid, occurrences=[("account/forms.py", "1")]))
    source.append(polib.POEntry(msgid="Sessions", occurrences=[("usersessions/apps.py", "3")]))
    folder = tmp_path / "sq" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    kept = polib.POFile()
    kept.append(polib.POEntry(msgid="Sign In", msgstr="Hyni"))
    kept.append(polib.POEntry(msgid="Gone from allauth", msgstr="Ikur"))
    kept.save(str(folder / "django.po"))
    allauth_catalogs_update(folder=tmp_path, source=source)
    updated = {entry.msgid: entry.msgstr for entry in polib.pofile(str(folder / "django.po"))}
    assert updated == {"Forgot your password?": "", "Sign In": "Hyni"}
    assert catalog_problems("sq", folder / "django.po") == ["untranslated: 'Forgot your password?'"]


@pytest.mark.parametrize("locale", ["sq", "mk", "cnr"])
def test_allauth_catalogs_are_complete(locale):
    assert catalog_problems(locale, ALLAUTH_DIR / locale / "LC_MESSAGES" / "django.po") == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_allauth_string_the_portal_shows_is_translated(language):
    from django.utils import translation

    from racop.catalogs import allauth_shown

    catalogs_compile(changed_only=True)
    english = []

    def shown_in(code, entry):
        with translation.override(code):
            if entry.msgctxt:
                return translation.pgettext(entry.msgctxt, entry.msgid)
            return translation.gettext(entry.msgid)

    for entry in allauth_shown():
        # An untranslated string falls back to the portal's English wording of it
        # (racop/locale_allauth/en): that is English too.
        shown = shown_in(language, entry)
        # "WebAuthn" (the kind of a security key) is a standard's name in every language.
        if shown in {entry.msgid, shown_in("en", entry)} and entry.msgid not in {
            "Email",
            "WebAuthn",
        }:
            english.append(entry.msgid)
    assert english == []


@pytest.mark.parametrize(
    ("language", "forgot", "sign_out"),
    [
        ("sq", "Keni harruar fjalëkalimin?", "Dilni"),
        ("mk", "Ја заборавивте лозинката?", "Одјава"),
        # Ijekavian where Serbian Latin (which cnr reads for Django's strings) is ekavian.
        ("cnr", "Zaboravili ste lozinku?", "Odjavi se"),
    ],
)
def test_allauth_strings_follow_the_portals_words(language, forgot, sign_out):
    from django.utils import translation

    with translation.override(language):
        assert translation.gettext("Forgot your password?") == forgot
        assert translation.gettext("Sign Out") == sign_out == translation.gettext("Log out")
    with translation.override("cnr"):
        assert translation.gettext("Too many failed login attempts. Try again later.") == (
            "Previše neuspjelih pokušaja prijave. Pokušajte ponovo kasnije."
        )
