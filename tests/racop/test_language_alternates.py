"""Every page names itself in the other eight languages (hreflang) and its Open Graph locale."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates = {}
        self.meta = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "meta" and attrs.get("property", "").startswith("og:locale"):
            self.meta.append((attrs["property"], attrs["content"]))


def _head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("path", ["/", "/library/", "/mk/library/", "/sr-latn/pledge/"])
def test_a_page_links_to_itself_in_every_language(client, path):
    head = _head(client, path)
    assert set(head.alternates) == {
        "en", "sq", "bs", "hr", "mk", "cnr", "sr-Latn", "sr-Cyrl", "tr", "x-default",
    }  # fmt: skip
    site = settings.SITE_URL
    tail = path.split("/", 2)[2] if path.startswith(("/mk/", "/sr-latn/")) else path[1:]
    assert head.alternates["en"] == f"{site}/{tail}"
    assert head.alternates["x-default"] == head.alternates["en"]
    assert head.alternates["mk"] == f"{site}/mk/{tail}"
    assert head.alternates["sr-Cyrl"] == f"{site}/sr/{tail}"
    assert head.alternates["sr-Latn"] == f"{site}/sr-latn/{tail}"


def test_a_resource_page_has_alternates_with_its_slug(client):
    resource = ResourceFactory(status="published")
    with translation.override("en"):
        path = resource.get_absolute_url()
    head = _head(client, f"/sq{path}")
    assert head.alternates["tr"] == f"{settings.SITE_URL}/tr{path}"


@pytest.mark.parametrize(
    ("prefix", "locale"),
    [("", "en_GB"), ("/sq", "sq_AL"), ("/mk", "mk_MK"), ("/sr", "sr_RS"), ("/cnr", "cnr_ME")],
)
def test_open_graph_names_the_pages_locale_and_the_others(client, prefix, locale):
    meta = _head(client, f"{prefix}/library/").meta
    assert ("og:locale", locale) in meta
    alternates = {content for name, content in meta if name == "og:locale:alternate"}
    assert locale not in alternates
    assert {"en_GB", "tr_TR", "bs_BA"} - {locale} <= alternates


def test_a_page_that_does_not_exist_has_no_alternates(client):
    response = client.get("/mk/library/no-such-resource/")
    assert response.status_code == 404
    assert b'rel="alternate"' not in response.content


@pytest.mark.parametrize("prefix", ["", "/mk"])
def test_the_footer_names_every_language_in_itself_with_a_capital(client, prefix):
    html = client.get(f"{prefix}/library/").content.decode()
    names = re.findall(r'<a href="[^"]*" lang="[^"]+" hreflang="[^"]+"[^>]*>([^<]+)</a>', html)
    assert len(names) == len(settings.LANGUAGES)
    assert all(name[0].isupper() for name in names), names
    assert {"Shqip", "Македонски", "Türkçe", "English"} <= set(names)
