"""Django's own strings that its catalogs leave English in the portal's languages.

Django's translations lag behind its releases: in Macedonian the admin's "The resource … was
changed successfully.", the password rules a newcomer meets when signing up ("This password
is too short…") and the admin's calendar were English; in Albanian the admin's "Run" and
"Logout"; in Croatian (and so Bosnian, which falls back to it) the new calendar shortcuts.
racop/locale_django/<folder> holds them, translated by hand; Django reads LOCALE_PATHS
before its own catalogs, so these fill its gaps (and change nothing it translates).

`python -m racop.catalogs --django-gaps` gives each catalog the entries the installed
Django leaves untranslated in that language (new ones arrive empty, translations are
kept, the ones Django has since translated or dropped leave); tests/racop/test_django_strings
fails until every one is translated. An entry may keep its English when the language writes
it so ("URL", "%s KB"). Montenegrin's catalog is made from Serbian Latin's (racop.ijekavian).
"""

import importlib.util
from pathlib import Path

import polib

from racop.po import catalog_update

DJANGO_CATALOGS_DIR = Path(__file__).resolve().parent / "locale_django"
# The contrib apps settings.INSTALLED_APPS holds.
DJANGO_APPS = ("admin", "auth", "contenttypes", "sessions", "postgres", "humanize", "sites")
DOMAINS = ("django", "djangojs")
# Locale folder → its Plural-Forms, for the languages whose gaps are filled here. Bosnian
# falls back to Croatian (racop.i18n), Montenegrin is made from Serbian Latin.
GAP_LOCALES = {
    "sq": "nplurals=2; plural=(n != 1);",
    "mk": "nplurals=2; plural=(n % 10 == 1 && n % 100 != 11) ? 0 : 1;",
    "hr": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "sr_Latn": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "sr": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "tr": "nplurals=2; plural=(n > 1);",
}
# Where Django's strings are never shown to the portal's users: the names of languages the
# portal does not offer (settings.LANGUAGES names its own), and the page a new project shows
# before it has URLs.
NEVER_SHOWN = ("conf/global_settings.py", "views/templates/default_urlconf.html")


def package(name: str) -> Path:
    """Return the folder of an installed package."""
    return Path(importlib.util.find_spec(name).submodule_search_locations[0])


def _folders() -> list[Path]:
    django = package("django")
    return [django / "conf"] + [django / "contrib" / app for app in DJANGO_APPS]


def django_catalogs(locale: str, domain: str) -> list[Path]:
    """Return the installed Django's catalogs of a locale folder ("en" holds every msgid)."""
    paths = [f / "locale" / locale / "LC_MESSAGES" / f"{domain}.po" for f in _folders()]
    return [path for path in paths if path.exists()]


def shown(entry: polib.POEntry) -> bool:
    return not entry.obsolete and not all(path in NEVER_SHOWN for path, _line in entry.occurrences)


def source_entries(domain: str) -> list[polib.POEntry]:
    """Return every msgid of the installed Django a page of the portal can show."""
    entries, seen = [], set()
    for path in django_catalogs("en", domain):
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid)
            if shown(entry) and key not in seen:
                seen.add(key)
                entries.append(entry)
    return entries


def _key(entry: polib.POEntry) -> tuple:
    # Plural or not: a catalog still holding a msgid as singular that Django now asks in
    # the plural ("Please correct the error below.") answers the plural in English.
    return (entry.msgctxt, entry.msgid, bool(entry.msgid_plural))


def translated_keys(locale: str, domain: str) -> set:
    """Return the keys of the entries Django's own catalogs translate in a locale."""
    keys = set()
    for path in django_catalogs(locale, domain):
        for entry in polib.pofile(str(path)):
            if entry.translated() and not entry.obsolete:
                keys.add(_key(entry))
    return keys


def gaps(locale: str, domain: str) -> list[polib.POEntry]:
    """Return the entries Django leaves untranslated in a locale."""
    done = translated_keys(locale, domain)
    return [e for e in source_entries(domain) if _key(e) not in done]


def gap_catalogs_update(*, folder=DJANGO_CATALOGS_DIR) -> list[Path]:
    """Give each of GAP_LOCALES' catalogs Django's untranslated entries; keep translations."""
    return [
        catalog_update(
            Path(folder) / locale / "LC_MESSAGES" / f"{domain}.po",
            gaps(locale, domain),
            project=f"Django's untranslated strings ({domain})",
            locale=locale,
            plural_forms=plural_forms,
            header=(
                "Django's strings its own catalogs leave English in this language, translated"
                " for the portal.\nNew ones: `python -m racop.catalogs --django-gaps`."
            ),
        )
        for locale, plural_forms in GAP_LOCALES.items()
        for domain in DOMAINS
    ]
