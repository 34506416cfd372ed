"""Read the spreadsheets people have into rows of library resources.

Coordinators keep their lists in Excel or LibreOffice, in their own language: headers such as
"Naslov", "Наслов", "Titulli" or "Languages", types and topics as the interface shows them,
countries by name, cells separated by commas or by semicolons (Excel's default under
Croatian, Serbian and Bosnian settings), saved as UTF-8 with or without a byte-order mark or in
the Windows code page of the region. This module turns such a file into a table, recognises
its columns and every value's meaning, and says in the reader's language what it could not.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from library.models import COMMITMENTS, LANGUAGES, Resource, fold
from racop.models import Topic


class ImportFileError(ValueError):
    """The file cannot be read as a table (its message says why, for the person)."""


@dataclass
class Table:
    """The cells of a spreadsheet, each row with the line it starts on in the file."""

    rows: list[list[str]]
    lines: list[int]
    description: str = ""
    # The web addresses cells link to (a title hyperlinked in Excel), by "row,column".
    links: dict[str, str] = field(default_factory=dict)


def key(text) -> str:
    """Return text folded (case, accents, script) to letters and digits only."""
    return re.sub(r"[^a-z0-9]+", "", fold(str(text)))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(
            _("This is not an Excel workbook that can be read (%(error)s).") % {"error": error}
        ) from None
    sheet = book.worksheets[0]
    rows, links = [], {}
    for row_index, row in enumerate(sheet.iter_rows()):
        rows.append([_cell(cell.value) for cell in row])
        for column_index, cell in enumerate(row):
            target = cell.hyperlink.target if cell.hyperlink else None
            if target and target.startswith(("http://", "https://")):
                links[f"{row_index},{column_index}"] = target
    description = _("Excel workbook, sheet “%(sheet)s”") % {"sheet": sheet.title}
    return Table(rows, list(range(1, len(rows) + 1)), description, links)


def _decode(data: bytes) -> tuple[str, str]:
    """Return the text and the name of its encoding: UTF-8 (with or without a byte-order
    mark), UTF-16 (Excel's "Unicode text"), else Windows-1251 when most letters would be
    Cyrillic, Windows-1250 otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    cyrillic = data.decode("cp1251")
    letters = [char for char in cyrillic if char.isalpha()]
    share = sum(1 for char in letters if "\u0400" <= char <= "\u04ff") / max(len(letters), 1)
    if share > 0.3:
        return cyrillic, "Windows-1251"
    return data.decode("cp1250", errors="replace"), "Windows-1250"


def _delimiter(text: str) -> str:
    """Return the separator that splits the first lines into the most regular table."""
    sample = text.splitlines()[:20]

    def score(delimiter):
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter) if any(row)]
        if not widths:
            return (False, 0, 0)
        return (widths[0] > 1, sum(1 for width in widths if width == widths[0]), widths[0])

    return max([",", ";", "\t"], key=score)


def table_read(data: bytes, *, name: str = "") -> Table:
    """Return the table in a CSV (or tab-separated) text or an Excel .xlsx workbook."""
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if name.lower().endswith((".xls", ".ods")) or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Save the spreadsheet as .xlsx or .csv (this kind of file cannot be read).")
        )
    text, encoding = _decode(data)
    if "\x00" in text:
        raise ImportFileError(_("This file is not a spreadsheet or a CSV text."))
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines, line = [], [], 1
    for row in reader:
        rows.append([cell.strip() for cell in row])
        lines.append(line)
        line = reader.line_num + 1
    names = {",": _("commas"), ";": _("semicolons"), "\t": _("tabs")}
    description = _("CSV text in %(encoding)s, separated by %(separator)s") % {
        "encoding": encoding,
        "separator": names[delimiter],
    }
    return Table(rows, lines, description)


# The words people head their columns with, besides each field's name in every interface
# language (taken from the catalogs); compared folded, so "Naslov", "НАСЛОВ" and "naslov"
# are one word, and an English plural finds its singular.
COLUMN_WORDS = {
    "title": ["title", "name", "naziv", "titull", "titulli", "emertimi", "ad", "baslik",
              "resource", "resurs", "publication", "publikacija"],
    "url": ["url", "link", "links", "web", "website", "web address", "address", "adresa",
            "web adresa", "internet adresa", "poveznica", "veza", "lidhja", "lidhje", "linku",
            "adresa e internetit", "baglanti", "adres", "web sitesi", "vrska", "href", "uri"],
    "type": ["type", "kind", "resource type", "vrsta", "tip", "lloji", "tipi", "tur", "vid",
             "vrsta resursa", "format"],
    "summary": ["summary", "abstract", "short description", "sazetak", "kratki opis",
                "rezime", "permbledhje", "ozet", "kratok opis"],
    "body": ["description", "body", "opis", "pershkrimi", "pershkrim", "aciklama"],
    "publisher": ["publisher", "author", "authors", "source", "organisation", "organization",
                  "izdavac", "autor", "autori", "izvor", "botuesi", "botues", "yayinci",
                  "yazar", "kaynak", "izdavac autor", "publisher author"],
    "year": ["year", "publication year", "year published", "godina", "godina izdanja",
             "viti", "yil", "yayin yili"],
    "languages": ["language", "lang", "jezik", "jezici", "gjuha", "gjuhet", "gjuhe", "dil",
                  "diller", "jazik", "jazici"],
    "scope": ["scope", "geographic scope", "geography", "coverage", "region", "level",
              "obuhvat", "opseg", "regija", "fushevepimi", "fusheveprimi", "shtrirja",
              "kapsam", "kapsami", "opfat"],
    "countries": ["country", "countries", "drzava", "drzave", "zemlja", "zemlje", "shteti",
                  "shtetet", "vendi", "vendet", "ulke", "ulkeler", "zemja", "zemji"],
    "topics": ["topic", "topics", "theme", "themes", "subject", "tema", "teme", "tematika",
               "konu", "konular", "temi"],
    "tags": ["tag", "tags", "keyword", "keywords", "kljucne rijeci", "kljucne reci",
             "oznake", "oznaka", "etiketa", "etiketat", "fjale kyce", "fjalet kyce",
             "anahtar kelimeler", "etiket", "etiketler", "klucni zborovi"],
    "commitments": ["commitment", "commitments", "global standard", "standard", "obaveza",
                    "obaveze", "obveza", "obveze", "angazhim", "angazhimi", "angazhimet",
                    "yukumluluk", "yukumlulukler", "obvrska", "obvrski"],
    "visibility": ["visibility", "access", "who can see", "vidljivost", "dukshmeria",
                   "gorunurluk", "vidlivost"],
    "status": ["status", "state", "stanje", "statusi", "durum"],
}  # fmt: skip

# Each column's own name, as the admin and the forms show it (translated in the catalogs).
COLUMN_LABELS = {
    "title": [gettext_lazy("title"), gettext_lazy("Title")],
    "url": [gettext_lazy("link"), gettext_lazy("Link")],
    "type": [gettext_lazy("type"), gettext_lazy("Type")],
    "summary": [gettext_lazy("summary"), gettext_lazy("Summary")],
    "body": [gettext_lazy("description"), gettext_lazy("Description")],
    "publisher": [gettext_lazy("publisher or author"), gettext_lazy("Publisher or author")],
    "year": [gettext_lazy("year"), gettext_lazy("Year")],
    "languages": [gettext_lazy("languages"), gettext_lazy("Languages"),
                  gettext_lazy("language")],
    "scope": [gettext_lazy("geographic scope"), gettext_lazy("Scope")],
    "countries": [gettext_lazy("countries"), gettext_lazy("country")],
    "topics": [gettext_lazy("topics"), gettext_lazy("Topics"), gettext_lazy("topic")],
    "tags": [gettext_lazy("tags"), gettext_lazy("Tags")],
    "commitments": [gettext_lazy("Global Standard commitments"),
                    gettext_lazy("commitment")],
    "visibility": [gettext_lazy("visibility")],
    "status": [gettext_lazy("status")],
}  # fmt: skip


def _in_every_language(labels) -> set[str]:
    """Return the folded keys of labels in every interface language."""
    keys = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.update(key(label) for label in labels)
    keys.discard("")
    return keys


@cache
def column_keys() -> dict[str, str]:
    """Return each folded header word people use and the column it names."""
    found = {}
    for column, words in COLUMN_WORDS.items():
        for word in [*words, *_in_every_language(COLUMN_LABELS[column])]:
            found.setdefault(key(word), column)
    return found


def column_of(header: str) -> str | None:
    """Return the column a header names: in any interface language and any case, singular
    or plural, alone or beside its translation ("Naslov / Title")."""
    keys = column_keys()
    parts = [header, *re.split(r"[/|()\[\]\n]+", header)]
    for part in parts:
        folded = key(part)
        for candidate in (folded, folded.removesuffix("s"), folded.removesuffix("es")):
            if candidate in keys:
                return keys[candidate]
    return None


# Cells people fill with something to say "nothing here".
PLACEHOLDERS = {"", "n/a", "na", "none", "nema", "ne", "ska", "yok", "нема", "-", "–", "—",
                "/", "?", "x", "tbd", "nil", "null"}  # fmt: skip

# Other ways people write the values of the closed lists (folded), besides their labels and
# codes in every interface language.
TYPE_WORDS = {
    "guide": ["manual", "handbook", "guidelines", "vodic", "prirucnik", "udhezues", "rehber"],
    "toolkit": ["tool", "tools", "alat", "alati", "mjete", "arac"],
    "case_study": ["case", "case studies", "studija", "primjer", "primer"],
    "research": ["report", "research", "study", "izvjestaj", "izvestaj", "izvjesce",
                 "istrazivanje", "raport", "hulumtim", "rapor", "arastirma", "izvestaj"],
    "policy": ["policy paper", "politika", "politike", "politika", "politikat"],
    "template": ["form", "obrazac", "predlozak", "sablon", "shabllon", "formular"],
    "media": ["video", "podcast", "webinar", "audio", "film", "podkast"],
    "news": ["article", "vijest", "vest", "vijesti", "vesti", "lajm", "haber", "vesti"],
}  # fmt: skip
SCOPE_WORDS = {
    "regional": ["region", "western balkans", "zapadni balkan", "balkan", "ballkani",
                 "ballkani perendimor", "bati balkanlar", "regija", "regionalni",
                 "zapaden balkan", "see", "southeast europe"],
    "global": ["international", "worldwide", "world", "medunarodni", "globalni",
               "nderkombetar", "uluslararasi", "kuresel"],
    "countries": ["national", "country", "nacionalni", "kombetar", "ulusal"],
}  # fmt: skip
LANGUAGE_WORDS = {
    "en": ["eng", "engleski", "anglisht", "ingilizce", "angliski"],
    "sq": ["alb", "sqi", "shqip", "albanski", "arnavutca", "albanski"],
    "bs": ["bos", "bosanski", "boshnjakisht", "bosnakca"],
    "hr": ["hrv", "hrvatski", "kroatisht", "hirvatca"],
    "mk": ["mkd", "mac", "makedonski", "maqedonisht", "makedonca"],
    "cnr": ["me", "crnogorski", "malazisht", "karadagca"],
    "sr": ["srp", "srpski", "sr latn", "sr cyrl", "srlatn", "srcyrl", "sr_latn",
           "serbian latin", "serbian cyrillic", "srpski latinica", "srpski cirilica",
           "serbisht", "sirpca"],
    "tr": ["tur", "turski", "turqisht", "turkce"],
    "de": ["deu", "ger", "njemacki", "nemacki"],
    "fr": ["fra", "fre", "francuski"],
    "es": ["spa", "spanski", "spanjolski"],
}  # fmt: skip
COUNTRY_WORDS = {
    "BA": ["bosnia", "bih", "bosna", "bosna i hercegovina", "bosnia and herzegovina"],
    "MK": ["macedonia", "north macedonia", "makedonija", "severna makedonija",
           "sjeverna makedonija", "maqedonia", "maqedonia e veriut", "kuzey makedonya"],
    "XK": ["kosovo", "kosova", "kosove"],
    "ME": ["montenegro", "crna gora", "mali i zi", "karadag"],
    "TR": ["turkey", "turkiye", "turska"],
    "RS": ["serbia", "srbija"],
    "AL": ["albania", "shqiperia", "albanija", "arnavutluk"],
    "HR": ["croatia", "hrvatska", "kroacia", "hirvatistan"],
}  # fmt: skip
VISIBILITY_WORDS = {
    "public": ["everyone", "open", "javno", "javni", "publik", "herkes", "acik"],
    "members": ["members", "members only", "clanovi", "samo clanovi", "anetaret", "uyeler"],
}  # fmt: skip


def _vocabulary(choices, words=None) -> dict[str, object]:
    """Return folded label (in every language), code and extra word → value."""
    found = {}
    for value, label in choices:
        found.setdefault(key(value), value)
        for word in _in_every_language([label]):
            found.setdefault(word, value)
    for value, extra in (words or {}).items():
        for word in extra:
            found.setdefault(key(word), value)
    return found


@cache
def _fixed_vocabularies() -> dict[str, dict]:
    languages = _vocabulary(LANGUAGES, LANGUAGE_WORDS)
    for code in dict(LANGUAGES):
        for info in [LANG_INFO.get(code, {}), LANG_INFO.get(f"{code}-latn", {})]:
            for name in (info.get("name"), info.get("name_local")):
                if name:
                    languages.setdefault(key(name), code)
    for code, label in settings.LANGUAGES:
        for word in _in_every_language([label]) | {key(code)}:
            languages.setdefault(word, code.split("-")[0])
    country_names = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            country_names += [(country.code, country.name) for country in countries]
    found = {key(code): code for code, _name in countries}
    found.update({key(countries.alpha3(code)): code for code, _name in countries})
    for code, name in country_names:
        found.setdefault(key(name), code)
    for code, words in COUNTRY_WORDS.items():
        found.update({key(word): code for word in words})
    return {
        "type": _vocabulary(Resource.Type.choices, TYPE_WORDS),
        "scope": _vocabulary(Resource.Scope.choices, SCOPE_WORDS),
        "visibility": _vocabulary(Resource.Visibility.choices, VISIBILITY_WORDS),
        "languages": languages,
        "countries": found,
        "commitments": _vocabulary(COMMITMENTS),
    }


def _topics() -> dict[str, Topic]:
    found = {}
    for topic in Topic.objects.all():
        found[key(topic.slug)] = topic
        for code, _name in settings.LANGUAGES:
            name = getattr(topic, f"name_{code.replace('-', '_')}", None) or ""
            if name:
                found.setdefault(key(name), topic)
    return found


def _allowed(column: str, topics) -> str:
    """Return the values a column accepts, as the reader's language names them."""
    if column == "type":
        return ", ".join(str(label) for label in Resource.Type.labels)
    if column == "scope":
        return ", ".join(str(label) for label in Resource.Scope.labels) + _(", or a country's name")
    if column == "visibility":
        return ", ".join(str(label) for label in Resource.Visibility.labels)
    if column == "languages":
        return ", ".join(f"{label} ({code})" for code, label in LANGUAGES)
    if column == "countries":
        return _("a country's name or two-letter code, e.g. %(examples)s") % {
            "examples": ", ".join(
                f"{countries.name(code)} ({code})" for code in settings.LIBRARY_COUNTRIES
            )
        }
    if column == "commitments":
        return _("a number from 1 to 12 or its title, e.g. %(example)s") % {
            "example": f"3 / {COMMITMENTS[2][1]}"
        }
    names = sorted({str(topic.name) for topic in topics.values()})
    return ", ".join(names) or _("none yet: add topics first")


@dataclass
class ParsedRow:
    """One row's values, ready for the resource form, and what was wrong with them."""

    line: int
    title: str
    data: dict = field(default_factory=dict)
    topics: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)


def _split(value: str, *, commas: bool = True) -> list[str]:
    pattern = r"[;|\n]+|,(?![^()]*\))" if commas else r"[;|\n]+"
    return [item.strip() for item in re.split(pattern, value) if item.strip()]


def _commitment(value: str, known: dict):
    if key(value) in known:
        return known[key(value)]
    number = re.search(r"\b(1[0-2]|[1-9])\b", value)
    rest = key(re.sub(r"\b(1[0-2]|[1-9])\b", "", value))
    if number and (not rest or rest in known or rest in column_keys()):
        return int(number.group(1))
    for label, found in known.items():
        if rest and (label.endswith(rest) or rest.endswith(label)) and len(rest) > 4:
            return found
    return None


class RowReader:
    """Turns a table's rows into ParsedRows, given the columns its header names."""

    def __init__(self, columns: dict[int, str], headers: list[str]):
        self.columns = columns
        self.headers = headers
        self.vocab = _fixed_vocabularies()
        self.topics = _topics()

    def _label(self, column: str) -> str:
        index = next(i for i, name in self.columns.items() if name == column)
        return self.headers[index]

    def _unknown(self, row: ParsedRow, column: str, value: str) -> None:
        row.failed.add(column)
        allowed = _allowed(column, self.topics)
        row.errors.append(
            _("%(column)s: “%(value)s” is not known. Allowed: %(allowed)s.")
            % {"column": self._label(column), "value": value, "allowed": allowed}
        )

    def _choices(self, row, column, values) -> list:
        found = []
        for value in values:
            if column == "commitments":
                match = _commitment(value, self.vocab["commitments"])
            elif column == "topics":
                match = self.topics.get(key(value))
            else:
                match = self.vocab[column].get(key(value))
            if match is None:
                self._unknown(row, column, value)
            elif match not in found:
                found.append(match)
        return found

    def read(self, cells: list[str], line: int, links: dict[int, str] | None = None) -> ParsedRow:
        values = {}
        for index, column in self.columns.items():
            value = cells[index].strip() if index < len(cells) else ""
            if value.lower() not in PLACEHOLDERS and column != "status":
                values[column] = values.get(column, "") + (" ; " if column in values else "")
                values[column] += value
        row = ParsedRow(line=line, title=values.get("title", ""))
        data = {
            name: values.get(name, "")
            for name in ("title", "summary", "body", "publisher", "url", "year")
        }
        data["url"] = self._url(data["url"], row)
        # A title or a "link" cell hyperlinked in Excel: the address is the link's target.
        for column in ("url", "title"):
            target = self._linked(column, links or {})
            if target and not re.match(r"https?://", data["url"]):
                data["url"] = target
        data["year"] = self._year(data["year"], row)
        for column in ("type", "visibility"):
            if values.get(column):
                chosen = self._choices(row, column, [values[column]])
                data[column] = chosen[0] if chosen else ""
        data.setdefault("type", Resource.Type.GUIDE)
        data.setdefault("visibility", Resource.Visibility.PUBLIC)
        data["languages"] = self._choices(row, "languages", _split(values.get("languages", "")))
        data["countries"] = self._choices(row, "countries", _split(values.get("countries", "")))
        data["commitments"] = self._choices(
            row, "commitments", _split(values.get("commitments", ""))
        )
        data["scope"] = self._scope(values.get("scope", ""), data, row)
        row.topics = self._topics(values.get("topics", ""), row)
        row.tags = [tag[:100] for tag in _split(values.get("tags", ""))]
        row.data = data
        if not data["url"]:
            row.notes.append(_("no link yet"))
        return row

    def _linked(self, column: str, links: dict[int, str]) -> str:
        found = [links[i] for i, name in self.columns.items() if name == column and i in links]
        return found[0] if found else ""

    def _url(self, value: str, row: ParsedRow) -> str:
        if value and "://" not in value and re.match(r"^(www\.)?[\w-]+(\.[\w-]+)+(/|$)", value):
            return f"https://{value}"
        return value

    def _year(self, value: str, row: ParsedRow) -> str:
        if not value or re.fullmatch(r"\d{4}", value):
            return value
        found = re.search(r"\b(1[89]\d\d|20\d\d|2100)\b", value)
        return found.group(1) if found else value

    def _scope(self, value: str, data: dict, row: ParsedRow) -> str:
        if not value:
            return Resource.Scope.COUNTRIES if data["countries"] else Resource.Scope.REGIONAL
        scope = self.vocab["scope"].get(key(value))
        if scope:
            return scope
        # A country (or several) written where the scope goes: the scope is those countries.
        named = [self.vocab["countries"].get(key(part)) for part in _split(value)]
        if named and all(named):
            data["countries"] += [code for code in named if code not in data["countries"]]
            return Resource.Scope.COUNTRIES
        self._unknown(row, "scope", value)
        return Resource.Scope.REGIONAL

    def _topics(self, value: str, row: ParsedRow) -> list:
        found = []
        for part in _split(value, commas=False):
            topic = self.topics.get(key(part))
            pieces = [topic] if topic else None
            if topic is None and "," in part:
                pieces = [self.topics.get(key(piece)) for piece in _split(part)]
                if not all(pieces):
                    pieces = None
            if pieces is None:
                self._unknown(row, "topics", part)
                continue
            found += [topic for topic in pieces if topic not in found]
        return found


def header_find(table: Table) -> tuple[int, dict[int, str]]:
    """Return the index of the header row (among the first five rows, the first that names
    a title or two known columns) and the column each of its cells names."""
    for index, cells in enumerate(table.rows[:5]):
        columns = {}
        for position, header in enumerate(cells):
            column = column_of(header) if header else None
            if column and column not in columns.values():
                columns[position] = column
        if "title" in columns.values() or len(columns) >= 2:
            return index, columns
    return -1, {}
