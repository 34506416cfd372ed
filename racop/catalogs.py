"""Compile the project's catalogs with polib, so a fresh clone needs no GNU gettext.

Runs without Django settings (and so without starting the database):
`python -m racop.catalogs [--changed]`; `manage.py compilemessages_py` is the same.
`python -m racop.catalogs --allauth` brings racop/locale_allauth up to the installed
django-allauth: its new strings arrive untranslated (and the catalogs test fails until
someone translates them), the ones it no longer uses leave. `--django-gaps` does the same
for the strings Django's own catalogs leave English (racop.django_catalogs), then, as
`--django-cnr` alone, writes Django's strings in ijekavian Montenegrin (racop.ijekavian).
"""

import importlib.util
import re
import sys
from pathlib import Path

import polib

from racop.django_catalogs import gap_catalogs_update
from racop.ijekavian import DJANGO_CNR_DIR, django_cnr_catalogs_update
from racop.po import catalog_update

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
# Country names in the languages django-countries ships no catalog for (mk, sq); kept apart
# from locale/ so `make messages` leaves them alone.
COUNTRIES_DIR = Path(__file__).resolve().parent / "locale_countries"
# django-allauth's strings the portal shows, in the languages allauth ships no catalog for
# (sq, mk, and Montenegrin, which would read Serbian ekavian). Django reads LOCALE_PATHS
# before the apps' catalogs, so these come first. Its `en` catalog, kept by hand, words
# allauth's English as the portal writes (sentence case, plain words: "Sign in", not "Sign
# In"); only the strings it rewords are in it (tests/members/test_allauth_wording.py).
ALLAUTH_DIR = Path(__file__).resolve().parent / "locale_allauth"
ALLAUTH_LOCALES = {
    "sq": "nplurals=2; plural=(n != 1);",
    "mk": "nplurals=2; plural=(n % 10 == 1 && n % 100 != 11) ? 0 : 1;",
    "cnr": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
}
# Django's own strings in Montenegrin (DJANGO_CNR_DIR) are made by racop.ijekavian.
LOCALE_DIRS = (LOCALE_DIR, COUNTRIES_DIR, ALLAUTH_DIR, DJANGO_CNR_DIR)
# Where allauth's strings come from (paths as in its catalogs' locations): the account
# pages, forms, messages and emails. Left out: what this portal turned off (phone numbers,
# usernames, passkey sign-in and sign-up, verification codes, social accounts, sessions),
# allauth's own layout, which templates/allauth replaces, and the login-code pages and email,
# which the portal writes itself (templates/account); the login page's link to them stays in.
ALLAUTH_SOURCES = re.compile(
    r"^(account/(adapter|admin|fields|forms|models)\.py"
    r"|templates/account/(?!.*(phone|passkey|login_code|password_reset_code|confirm_\w*code)).+)$"
)
ALLAUTH_TURNED_OFF = re.compile(r"phone|username|passkey", re.I)
# Two-factor sign-in (allauth.mfa): its pages, forms, messages and emails, every word of them
# (a security key's list names passkeys), but for the trusted-browser page (MFA_TRUST_ENABLED
# is off) and passkey sign-up.
MFA_SOURCES = re.compile(
    r"^(mfa/(adapter|models|base/forms|totp/forms|webauthn/forms)\.py"
    r"|templates/mfa/(?!trust|webauthn/signup).+)$"
)


def catalogs(locale_dirs=LOCALE_DIRS) -> list[Path]:
    """Return every .po file under the locale folders."""
    return sorted(po for folder in locale_dirs for po in Path(folder).glob("*/LC_MESSAGES/*.po"))


def is_stale(po_path: Path) -> bool:
    """Tell whether the catalog has no .mo yet or changed since it was compiled."""
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def catalogs_compile(*, locale_dirs=LOCALE_DIRS, changed_only=False) -> list[Path]:
    """Write a .mo next to each .po (only the stale ones with changed_only); return them."""
    written = []
    for po_path in catalogs(locale_dirs):
        if changed_only and not is_stale(po_path):
            continue
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def allauth_source() -> polib.POFile:
    """Return the installed django-allauth's source catalog (every msgid, with locations)."""
    package = Path(importlib.util.find_spec("allauth").submodule_search_locations[0])
    return polib.pofile(str(package / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def allauth_shown(source: polib.POFile | None = None) -> list[polib.POEntry]:
    """Return allauth's entries that a page or email of this portal can show."""
    source = allauth_source() if source is None else source
    return [
        entry
        for entry in source
        if not entry.obsolete
        and (
            any(MFA_SOURCES.match(path) for path, _line in entry.occurrences)
            or (
                not ALLAUTH_TURNED_OFF.search(entry.msgid)
                and any(ALLAUTH_SOURCES.match(path) for path, _line in entry.occurrences)
            )
        )
    ]


def allauth_catalogs_update(*, folder=ALLAUTH_DIR, source=None) -> list[Path]:
    """Give each of ALLAUTH_LOCALES' catalogs allauth's shown msgids; keep translations."""
    shown = allauth_shown(source)
    return [
        catalog_update(
            Path(folder) / locale / "LC_MESSAGES" / "django.po",
            shown,
            project="django-allauth's strings",
            locale=locale,
            plural_forms=plural_forms,
        )
        for locale, plural_forms in ALLAUTH_LOCALES.items()
    ]


if __name__ == "__main__":
    if "--allauth" in sys.argv[1:]:
        updated = allauth_catalogs_update()
        print(f"Updated {len(updated)} allauth catalog(s).")
    if "--django-gaps" in sys.argv[1:]:
        updated = gap_catalogs_update()
        print(f"Updated {len(updated)} catalog(s) of Django's untranslated strings.")
    if "--django-cnr" in sys.argv[1:] or "--django-gaps" in sys.argv[1:]:
        updated = django_cnr_catalogs_update()
        print(f"Wrote {len(updated)} Montenegrin catalog(s) of Django's strings.")
    done = catalogs_compile(changed_only="--changed" in sys.argv[1:])
    print(f"Compiled {len(done)} catalog(s).")
