"""Charts are SVG: their coordinates are numbers for the browser, never written with the
decimal comma of the region's languages (a "260,0" coordinate breaks the chart)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import OrganisationFactory, SignatureFactory
from tests.pledges.test_views import assessed

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "mk", "sr", "cnr", "bs", "hr", "sr-latn", "tr"]
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
# An attribute holding a number with a decimal comma, e.g. x1="260,0".
COMMA_NUMBER = re.compile(r'="-?\d+,\d+"')


def svg_attributes_with_commas(html):
    found = SVG.findall(html)
    assert found, "the page draws no chart"
    return [m for svg in found for m in COMMA_NUMBER.findall(svg)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_radar_and_the_wall_chart_keep_dot_decimals(client, commitments, version, language):
    for country in ("AL", "MK", "RS"):
        organisation = OrganisationFactory(country=country)
        assessed(organisation, commitments, level=1)
        SignatureFactory(organisation=organisation, version=version, country=country)
    for name in ("pledges:accountability", "pledges:pledge_detail"):
        with translation.override(language):
            url = reverse(name)
        html = client.get(url).content.decode()
        assert svg_attributes_with_commas(html) == [], (language, name)
