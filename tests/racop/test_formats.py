"""Dates and numbers as each language writes them (racop/formats), on real pages."""

import datetime
import re
import zoneinfo
from html import unescape

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation

from tests.factories import EventFactory, MemberFactory

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
STARTS = datetime.datetime(2026, 11, 3, 10, 0, tzinfo=BELGRADE)
ENDS = datetime.datetime(2026, 11, 3, 17, 0, tzinfo=BELGRADE)

# Written by hand: 3 November 2026, 10:00–17:00, as a reader of each language writes it.
# (day and time, time alone, the date alone, a month alone, a decimal number)
EXPECTED = {
    "en": ("Nov. 3, 2026, 10 a.m.", "5 p.m.", "Nov. 3, 2026", "November 2026", "2.5"),
    "sq": ("3 nëntor 2026, 10:00", "17:00", "3 nëntor 2026", "nëntor 2026", "2,5"),
    "bs": ("3. novembra 2026. 10:00", "17:00", "3. novembra 2026.", "novembar 2026.", "2,5"),
    "hr": ("3. studenoga 2026. 10:00", "17:00", "3. studenoga 2026.", "studeni 2026.", "2,5"),
    "mk": ("3 ноември 2026, 10:00", "17:00", "3 ноември 2026", "ноември 2026", "2,5"),
    "cnr": ("3. novembra 2026. 10:00", "17:00", "3. novembra 2026.", "novembar 2026.", "2,5"),
    "sr-latn": (
        "3. novembra 2026. 10:00", "17:00", "3. novembra 2026.", "novembar 2026.", "2,5",
    ),
    "sr": ("3. новембра 2026. 10:00", "17:00", "3. новембра 2026.", "новембар 2026.", "2,5"),
    "tr": ("3 Kasım 2026 10:00", "17:00", "3 Kasım 2026", "Kasım 2026", "2,5"),
}  # fmt: skip
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_every_language_has_its_expected_dates():
    assert sorted(EXPECTED) == sorted(LANGUAGES)


def prefix(language):
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_named_formats_read_naturally(language):
    day_and_time, time, date, month, number = EXPECTED[language]
    template = Template(
        '{{ s|date:"DATETIME_FORMAT" }}|{{ e|date:"TIME_FORMAT" }}|{{ s|date:"DATE_FORMAT" }}'
        '|{{ s|date:"YEAR_MONTH_FORMAT" }}|{{ n }}'
    )
    with translation.override(language), timezone.override(BELGRADE):
        shown = template.render(Context({"s": STARTS, "e": ENDS, "n": 2.5}))
    assert shown.split("|") == [day_and_time, time, date, month, number]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_shows_its_day_and_hours_in_the_language(client, language):
    event = EventFactory(starts_at=STARTS, ends_at=ENDS, time_zone="Europe/Belgrade")
    day_and_time, time, *_rest = EXPECTED[language]
    page = text_of(client.get(f"{prefix(language)}{event.get_absolute_url()}").text)
    assert f"{day_and_time} – {time} (Europe/Belgrade)" in page
    listing = text_of(client.get(f"{prefix(language)}/events/", {"when": "past"}).text)
    assert f"{day_and_time} Europe/Belgrade" in listing


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_profile_says_since_when_in_the_language(client, language):
    person = MemberFactory(member_since=STARTS)
    client.force_login(MemberFactory())
    page = text_of(client.get(f"{prefix(language)}{person.get_absolute_url()}").text)
    assert EXPECTED[language][3] in page


# Formats machines read ('c', 'Ymd') and the month abbreviations on charts' axes.
NOT_FOR_READING = {"c", "Ymd", "M"}


def test_no_template_writes_a_date_in_a_fixed_english_order():
    """Named formats only (DATE_FORMAT…), which each language's format module sets."""
    fixed = []
    for path in (settings.BASE_DIR / "templates").rglob("*.*"):
        for found in re.findall(r"\|(?:date|time):[\"']([^\"']+)[\"']", path.read_text()):
            if not re.fullmatch(r"[A-Z_]+_FORMAT", found) and found not in NOT_FOR_READING:
                fixed.append(f"{path.name}: {found}")
    assert fixed == []


SHORT_FORMATS = re.compile(r"SHORT_DATE(TIME)?_FORMAT")


def test_one_date_format_everywhere_no_short_ones():
    """Dates read the same on every page, the back office's included: DATE_FORMAT and
    DATETIME_FORMAT, never their short forms ("06.12.2026" beside "6 dhjetor 2026")."""
    root = settings.BASE_DIR
    found = []
    for folder in ["templates", "racop", "members", "pledges", "library", "discussions"]:
        for path in (root / folder).rglob("*.*"):
            if path.suffix not in {".py", ".html", ".txt"} or "formats" in path.parts:
                continue
            if SHORT_FORMATS.search(path.read_text()):
                found.append(str(path.relative_to(root)))
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "mk"])
def test_the_pulse_names_its_months_as_the_language_does(client, coordinator, language):
    client.force_login(coordinator)
    page = text_of(client.get(f"{prefix(language)}/plan/pulse/").text)
    month = timezone.localdate().replace(day=1)
    with translation.override(language):
        named = Template('{{ m|date:"YEAR_MONTH_FORMAT" }}').render(Context({"m": month}))
    assert named in page
    assert not re.search(r"\b\d{4}-\d{2}\b", page)
