"""Compile the project's catalogs with polib, so a fresh clone needs no GNU gettext.

Runs without Django settings (and so without starting the database):
`python -m racop.catalogs [--changed]`; `manage.py compilemessages_py` is the same.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
# Country names in the languages django-countries ships no catalog for (mk, sq); kept apart
# from locale/ so `make messages` leaves them alone.
COUNTRIES_DIR = Path(__file__).resolve().parent / "locale_countries"


def catalogs(locale_dirs=(LOCALE_DIR, COUNTRIES_DIR)) -> list[Path]:
    """Return every .po file under the locale folders."""
    return sorted(po for folder in locale_dirs for po in Path(folder).glob("*/LC_MESSAGES/*.po"))


def is_stale(po_path: Path) -> bool:
    """Tell whether the catalog has no .mo yet or changed since it was compiled."""
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def catalogs_compile(*, locale_dirs=(LOCALE_DIR, COUNTRIES_DIR), changed_only=False) -> list[Path]:
    """Write a .mo next to each .po (only the stale ones with changed_only); return them."""
    written = []
    for po_path in catalogs(locale_dirs):
        if changed_only and not is_stale(po_path):
            continue
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    done = catalogs_compile(changed_only="--changed" in sys.argv[1:])
    print(f"Compiled {len(done)} catalog(s).")
