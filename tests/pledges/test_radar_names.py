"""The radar names each spoke: the commitment's number and its title in the reader's
language, wrapped beside the spoke; on a phone the numbers stay in the chart and the names
are listed under it."""

import re
from html import unescape

import pytest
from django.utils import translation
from playwright.sync_api import expect

from pledges import charts
from pledges.models import Commitment
from tests.factories import OrganisationFactory
from tests.pledges.test_views import assessed

NAMES = re.compile(r'<text class="chart-label radar-label"[^>]*>(.*?)</text>', re.S)
TSPAN = re.compile(r'<tspan class="radar-(number|name)"[^>]*>([^<]*)</tspan>')


def spokes(html):
    """Return each spoke's (number, name as its lines join)."""
    found = []
    for text in NAMES.findall(html):
        parts = TSPAN.findall(text)
        number = next(value for kind, value in parts if kind == "number")
        name = " ".join(unescape(value) for kind, value in parts if kind == "name")
        found.append((number, name))
    return found


def radar_data(commitments):
    for _ in range(3):
        assessed(OrganisationFactory(), commitments, level=2)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "mk", "sq"])
def test_every_spoke_says_its_commitment(client, commitments, language):
    radar_data(commitments)
    Commitment.objects.filter(number=1).update(title_mk="Правда и еднаквост", title_sq="Drejtësi")
    prefix = "" if language == "en" else f"/{language}"
    html = client.get(f"{prefix}/accountability/").content.decode()
    with translation.override(language):
        expected = [(str(c.number), c.title) for c in Commitment.objects.order_by("number")]
    assert spokes(html) == expected
    assert expected[0][1] != "Justice and equality" or language == "en"


def test_long_names_wrap_in_at_most_four_short_lines():
    lines = charts._name_lines("Empowered and effective staff and volunteers")
    assert lines == ["Empowered and", "effective staff", "and volunteers"]
    long = charts._name_lines(
        "Оспособени и ефективни вработени и волонтери и уште многу други луѓе"
    )
    assert len(long) == charts.RADAR_LINES
    assert long[-1].endswith("…")
    assert all(len(line) <= charts.RADAR_LINE_LETTERS for line in long)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("width", "names_in_chart"), [(390, False), (1280, True)])
def test_phone_shows_numbers_in_the_chart_and_names_below(
    browser, live_server, width, names_in_chart
):
    radar_data(list(Commitment.objects.for_list()))
    viewport = {"width": width, "height": 900}
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    tab = context.new_page()
    tab.goto("/mk/accountability/")
    name = tab.locator(".radar .radar-name").first
    legend = tab.locator(".radar-legend")
    if names_in_chart:
        expect(name).to_be_visible()
        expect(legend).to_be_hidden()
    else:
        expect(name).to_be_hidden()
        expect(legend).to_be_visible()
        assert legend.locator("li").count() == 12
        # The numbers are large enough to read (at least 12 px on the screen).
        height = tab.locator(".radar .radar-number").first.bounding_box()["height"]
        assert height >= 12
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
