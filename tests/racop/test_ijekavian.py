"""Django's own strings in Montenegrin are ijekavian (racop/ijekavian.py): the admin, form
errors, dates. Serbian keeps its ekavian wording."""

import re
import unicodedata

import polib
import pytest
from django.utils import translation
from django.utils.translation import trans_real

from racop.ijekavian import (
    DJANGO_CNR_DIR,
    EKAVIAN,
    WORDS,
    ijekavian,
    ijekavian_entries,
    sources,
)
from tests.factories import ResourceFactory


@pytest.mark.parametrize(
    ("ekavian", "expected"),
    [
        ("Izmeni", "Izmijeni"),
        ("Sačuvaj i nastavi sa izmenama", "Sačuvaj i nastavi sa izmjenama"),
        ("Datum/vreme", "Datum/vrijeme"),
        ("pre %(delta)s", "prije %(delta)s"),
        ("Ovo polje ne sme da ima više", "Ovo polje ne smije da ima više"),
        ("VREME", "VRIJEME"),
        ("Predmet pregleda premium", "Predmet pregleda premium"),  # whole words only
        ("brisanje slede\u0107ih", "brisanje sljedećih"),  # decomposed ć
    ],
)
def test_words_are_made_ijekavian(ekavian, expected):
    assert ijekavian(ekavian) == expected


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_catalogs_match_the_installed_django(domain):
    """`python -m racop.catalogs --django-cnr` was run for this Django (and these WORDS)."""
    path = DJANGO_CNR_DIR / "cnr" / "LC_MESSAGES" / f"{domain}.po"
    written = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(path))}
    expected = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in ijekavian_entries(domain)
    }
    assert written == expected


def _shown_in(language, domain, entry):
    catalog = trans_real.DjangoTranslation(language, domain=domain)
    texts = []
    if entry.msgid_plural:
        for n in (1, 2, 5):
            if entry.msgctxt:
                texts.append(catalog.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n))
            else:
                texts.append(catalog.ngettext(entry.msgid, entry.msgid_plural, n))
    elif entry.msgctxt:
        texts.append(catalog.pgettext(entry.msgctxt, entry.msgid))
    else:
        texts.append(catalog.gettext(entry.msgid))
    return texts


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_no_ekavian_word_is_left_in_montenegrin(domain):
    left = []
    for path in sources(domain):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not (entry.msgstr or entry.msgstr_plural):
                continue
            for text in _shown_in("cnr", domain, entry):
                text = unicodedata.normalize("NFC", text)
                left += [(entry.msgid, word) for word in EKAVIAN.findall(text)]
    assert left == []


def test_serbian_keeps_its_own_wording():
    with translation.override("sr-latn"):
        assert translation.gettext("Date/time") == "Datum/vreme"
        assert translation.gettext("Enter a valid value.") == "Unesite ispravnu vrednost."
    with translation.override("cnr"):
        assert translation.gettext("Date/time") == "Datum/vrijeme"
        assert translation.gettext("Enter a valid value.") == "Unesite ispravnu vrijednost."


@pytest.mark.django_db
def test_a_coordinator_reads_the_admin_in_montenegrin(coordinator_client):
    resource = ResourceFactory(title="Vodič")
    html = coordinator_client.get(
        f"/cnr/admin/library/resource/{resource.pk}/change/"
    ).content.decode()
    assert "Sačuvaj i nastavi sa izmjenama" in html
    assert "izmenama" not in html
    history = coordinator_client.get(
        f"/cnr/admin/library/resource/{resource.pk}/history/"
    ).content.decode()
    assert "Istorijat izmjena" in history and "izmena" not in history
    catalog = coordinator_client.get("/cnr/admin/jsi18n/").content.decode()
    assert "Odaberite vrijeme" in catalog and not re.search(r"\bvreme\b", catalog)


@pytest.mark.django_db
def test_a_members_form_error_in_montenegrin(member_client):
    html = member_client.get("/cnr/members/", {"country": "ZZ"}).content.decode()
    assert "vrijednosti" in html and "vrednosti" not in html


def test_every_word_changes_into_a_form_the_check_accepts():
    for ekavian_word, ijekavian_word in WORDS.items():
        assert ekavian_word != ijekavian_word
        assert not EKAVIAN.search(ijekavian(ekavian_word)), ijekavian_word
