"""Django's own strings in Montenegrin: Serbian Latin, written ijekavian.

Django (and django-countries) ship no Montenegrin catalog, so their strings fall back to
Serbian Latin (racop.i18n), which is ekavian: a coordinator in Montenegrin read "Izmeni",
"Vreme", "Uspešno", and a member's form errors "ne sme", "vrednost". Montenegrin writes
"Izmijeni", "Vrijeme", "Uspješno", "ne smije", "vrijednost".

`python -m racop.catalogs --django-cnr` writes racop/locale_django/cnr: each entry of the
installed Django's Serbian Latin catalogs (core, the contrib apps the portal installs, and
django-countries) whose translation holds an ekavian word of WORDS, with the ijekavian
word instead. Django reads LOCALE_PATHS before the apps' catalogs, so these come first;
the rest still falls back to Serbian Latin. tests/racop/test_ijekavian.py fails when the
installed Django brings an entry the folder lacks, or an ekavian word WORDS misses.
"""

import re
import unicodedata
from pathlib import Path

import polib

from racop.django_catalogs import DJANGO_CATALOGS_DIR, django_catalogs, package
from racop.po import new_catalog

DJANGO_CNR_DIR = DJANGO_CATALOGS_DIR
PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)

# Every ekavian word form these catalogs use → its ijekavian form (lower case; capitals
# are kept). Whole words only: "pre" (before) is "prije", "premium" stays.
WORDS = {
    "beloruski": "bjeloruski",
    "bezbednosnih": "bezbjednosnih",
    "bezbedonosnih": "bezbjedonosnih",
    "belorusija": "bjelorusija",
    "cela": "cijela",
    "celi": "cijeli",
    "ceo": "cijeli",
    "delova": "djelova",
    "dodeljivanja": "dodjeljivanja",
    "dve": "dvije",
    "izmena": "izmjena",
    "izmenama": "izmjenama",
    "izmene": "izmjene",
    "izmeni": "izmijeni",
    "izmenite": "izmijenite",
    "izmeniti": "izmijeniti",
    "izmenjen": "izmijenjen",
    "izmenjena": "izmijenjena",
    "izmenjeno": "izmijenjeno",
    "izmenu": "izmjenu",
    "malopre": "maloprije",
    "mesec": "mjesec",
    "meseca": "mjeseca",
    "meseci": "mjeseci",
    "nedelja": "nedjelja",
    "nedelje": "nedjelje",
    "neuspelo": "neuspjelo",
    "neuspešno": "neuspješno",
    "obeležili": "obilježili",
    "ovde": "ovdje",
    "ponedeljak": "ponedjeljak",
    "poslednja": "posljednja",
    "poslednjih": "posljednjih",
    "pre": "prije",
    "promena": "promjena",
    "promene": "promjene",
    "promeni": "promijeni",
    "promenjen": "promijenjen",
    "promenjena": "promijenjena",
    "promenjenih": "promijenjenih",
    "prosleđuju": "prosljeđuju",
    "prosledite": "proslijedite",
    "provera": "provjera",
    "proverimo": "provjerimo",
    "proverite": "provjerite",
    "proveru": "provjeru",
    "redosled": "redoslijed",
    "sledeće": "sljedeće",
    "sledeći": "sljedeći",
    "sledećih": "sljedećih",
    "sledeću": "sljedeću",
    "sme": "smije",
    "sreda": "srijeda",
    "svetla": "svijetla",
    "ulepšavanje": "uljepšavanje",
    "umesto": "umjesto",
    "uneli": "unijeli",
    "uneta": "unijeta",
    "uneti": "unijeti",
    "uspešno": "uspješno",
    "uverite": "uvjerite",
    "verovatno": "vjerovatno",
    "vrednost": "vrijednost",
    "vrednosti": "vrijednosti",
    "vrednostima": "vrijednostima",
    "vrednošću": "vrijednošću",
    "vreme": "vrijeme",
    "zabeležen": "zabilježen",
    "zahtev": "zahtjev",
    "zahteva": "zahtijeva",
    "zahtevalo": "zahtijevalo",
    "zahteve": "zahtjeve",
    "zahtevnost": "zahtjevnost",
}
WORD = re.compile(r"\b(" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b", re.I)
# Ekavian stems, to find a word WORDS lacks when Django's catalogs change (the test).
EKAVIAN = re.compile(
    r"\b(vreme|vredn\w*|mesec\w*|sled\w*|posled\w*|posle|izmen\w*|promen\w*|primen\w*"
    r"|zamen\w*|pre|deo|delov\w*|uspe[šl]\w*|neuspe[šl]\w*|prover\w*|zahtev\w*|nedelj\w*"
    r"|ponedelj\w*|sreda|ovde|gde|negde|dve|celi|ceo|cela|uvek|beleš\w*|belež\w*"
    r"|obelež\w*|sme|smeju|umesto|verovatno|uver\w*|uneti|uneli|redosled|svetl\w*"
    r"|prosle\w*|malopre|bezbed\w*|unet\w*|lep\w*|mest\w*|videti|videli|videla|hte\w*|dete|deca|"
    + "|".join(WORDS)
    + r")\b",
    re.I,
)


def ijekavian(text: str) -> str:
    """Return Serbian Latin text with WORDS' ijekavian forms, capitals kept."""

    def replace(match):
        word = match.group(0)
        new = WORDS[word.lower()]
        if word.isupper() and len(word) > 1:
            return new.upper()
        if word[0].isupper():
            return new[0].upper() + new[1:]
        return new

    return WORD.sub(replace, unicodedata.normalize("NFC", text))


def sources(domain: str) -> list[Path]:
    """Return the installed Serbian Latin catalogs of a domain (django or djangojs): Django's,
    django-countries', then the entries Django leaves untranslated (racop.django_catalogs)."""
    paths = django_catalogs("sr_Latn", domain)
    if domain == "django":
        paths.append(
            package("django_countries") / "locale" / "sr_Latn" / "LC_MESSAGES" / "django.po"
        )
    paths.append(DJANGO_CNR_DIR / "sr_Latn" / "LC_MESSAGES" / f"{domain}.po")
    return [path for path in paths if path.exists()]


def ijekavian_entries(domain: str) -> list[polib.POEntry]:
    """Return the entries whose Serbian Latin translation changes, made ijekavian, and the
    ones Django leaves untranslated in Serbian Latin (racop/locale_django/sr_Latn).

    A msgid two catalogs share keeps the first catalog's (Django's core), as Django would
    read it."""
    entries, seen = [], set()
    for path in sources(domain):
        for entry in polib.pofile(str(path)):
            key = (entry.msgctxt, entry.msgid)
            if entry.obsolete or "fuzzy" in entry.flags or key in seen:
                continue
            seen.add(key)
            msgstr = ijekavian(entry.msgstr)
            plural = {n: ijekavian(text) for n, text in entry.msgstr_plural.items()}
            ours = path.is_relative_to(DJANGO_CNR_DIR)
            if msgstr == entry.msgstr and plural == entry.msgstr_plural and not ours:
                continue
            entries.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr=msgstr,
                    msgstr_plural=plural,
                    flags=list(entry.flags),
                )
            )
    return entries


def django_cnr_catalogs_update(*, folder=DJANGO_CNR_DIR) -> list[Path]:
    """Write the Montenegrin catalogs of Django's ijekavian entries; return their paths."""
    written = []
    for domain in ("django", "djangojs"):
        catalog = new_catalog(
            f"Django's strings in Montenegrin ({domain})",
            "cnr",
            PLURAL_FORMS,
            "Generated by `python -m racop.catalogs --django-cnr`: do not edit.",
        )
        for entry in ijekavian_entries(domain):
            catalog.append(entry)
        path = Path(folder) / "cnr" / "LC_MESSAGES" / f"{domain}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog.save(str(path))
        written.append(path)
    return written
