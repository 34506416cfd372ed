"""Citations: RIS, BibTeX and CSL-JSON exports read back by their parsers, and the meta tags
Zotero and Google Scholar read."""

import json
import re
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from library import citations
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
SEES_MEMBERS_ONLY = {"member", "representative", "coordinator"}
HARD_TITLE = "Braces {x}, 100% A&B a_b #1 $5 ~ \\ — č ë"
CYRILLIC = "Отчет о транспарентности граѓанског друштва"


def cite(client, resource, extension):
    return client.get(reverse("library:resource_cite", args=[resource.slug, extension]))


def read_ris(response):
    return rispy.loads(response.content.decode())


def read_bibtex(response):
    text = response.content.decode()
    decoded = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()]
    )
    # The address is verbatim (biblatex's url field): read without LaTeX decoding.
    raw = bibtexparser.parse_string(text)
    assert not decoded.failed_blocks and not raw.failed_blocks
    return [
        {name: field.value for name, field in entry.fields_dict.items()}
        | {"ENTRYTYPE": entry.entry_type, "ID": entry.key, "url": raw_entry["url"]}
        for entry, raw_entry in zip(decoded.entries, raw.entries, strict=True)
    ]


def read_csl(response):
    """Return the items, and their references as citeproc-py formats them."""
    items = json.loads(response.content.decode())
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return items, [str(text) for text in bibliography.bibliography()]


@pytest.fixture
def several():
    return ResourceFactory(
        title=HARD_TITLE,
        slug="hard-title",
        publisher="Ana Petrović; Marko Jovanović; BCSDN & Friends",
        year=2024,
        type="research",
        languages=["sr", "en"],
        summary="What {they} found: 50% & more.",
        url="https://example.org/report?id=1&lang=sr%20x",
    )


@pytest.fixture
def cyrillic():
    return ResourceFactory(
        title=CYRILLIC, slug="cyrillic", publisher="Граѓански ресурсен центар", year=None,
        type="guide", languages=["mk"], url="",
    )  # fmt: skip


def test_ris_reads_back_with_title_year_authors_and_address(client, several, cyrillic):
    response = cite(client, several, "ris")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hard-title.ris"'
    [record] = read_ris(response)
    assert record["title"] == HARD_TITLE
    assert record["year"] == "2024"
    assert record["authors"] == ["Ana Petrović", "Marko Jovanović", "BCSDN & Friends"]
    assert record["urls"] == ["https://example.org/report?id=1&lang=sr%20x"]
    assert record["type_of_reference"] == "RPRT"
    assert record["language"] == "sr"

    [record] = read_ris(cite(client, cyrillic, "ris"))
    assert record["title"] == CYRILLIC
    assert "year" not in record
    # No link of its own: the address is its page in the library.
    assert record["urls"] == [settings.SITE_URL + cyrillic.get_absolute_url()]
    assert record["authors"] == ["Граѓански ресурсен центар"]
    assert record["publisher"] == "Граѓански ресурсен центар"


def test_bibtex_reads_back_with_title_year_authors_and_address(client, several, cyrillic):
    response = cite(client, several, "bib")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hard-title.bib"'
    [entry] = read_bibtex(response)
    assert entry["ENTRYTYPE"] == "techreport"
    assert entry["ID"] == "hard_title"
    assert entry["title"] == HARD_TITLE
    assert entry["year"] == "2024"
    assert entry["author"] == ["Ana Petrović", "Marko Jovanović", "BCSDN & Friends"]
    assert entry["url"] == "https://example.org/report?id=1&lang=sr%20x"
    assert entry["abstract"] == "What {they} found: 50% & more."

    [entry] = read_bibtex(cite(client, cyrillic, "bib"))
    assert entry["title"] == CYRILLIC
    # LaTeX's circumflex (pylatexenc reads it back as a modifier letter, so checked raw).
    caret = ResourceFactory(title="x^2")
    assert r"{x\textasciicircum{}2}" in cite(client, caret, "bib").content.decode()
    assert "year" not in entry
    assert entry["ENTRYTYPE"] == "manual"


def test_csl_json_is_read_by_citeproc(client, several, cyrillic):
    response = cite(client, several, "json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    items, references = read_csl(response)
    assert items[0]["title"] == HARD_TITLE
    assert items[0]["issued"] == {"date-parts": [[2024]]}
    assert items[0]["type"] == "report"
    assert [name["literal"] for name in items[0]["author"]] == [
        "Ana Petrović", "Marko Jovanović", "BCSDN & Friends",
    ]  # fmt: skip
    assert "Braces {x}" in references[0] and "2024" in references[0]

    items, references = read_csl(cite(client, cyrillic, "json"))
    assert items[0]["title"] == CYRILLIC
    assert "issued" not in items[0]
    assert CYRILLIC in references[0]


@pytest.mark.parametrize("role", ROLES)
def test_members_only_resources_are_cited_only_to_those_who_see_them(as_role, role):
    resource = ResourceFactory(visibility="members", title="Members guide")
    client = as_role(role)
    for extension in citations.FORMATS:
        response = cite(client, resource, extension)
        if role in SEES_MEMBERS_ONLY:
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]
            assert "Members guide" in response.content.decode()
        else:
            assert response.status_code == 404


def test_unknown_format_and_draft_are_404(client):
    resource = ResourceFactory()
    assert cite(client, resource, "pdf").status_code == 404
    assert cite(client, ResourceFactory(status="draft"), "ris").status_code == 404
    assert client.get(reverse("library:results_cite", args=["doc"])).status_code == 404


def test_item_types_are_mapped_for_every_library_type(client):
    for kind, (ris_type, bibtex_type, csl_type) in citations.TYPES.items():
        resource = ResourceFactory(type=kind)
        assert read_ris(cite(client, resource, "ris"))[0]["type_of_reference"] == ris_type
        assert read_bibtex(cite(client, resource, "bib"))[0]["ENTRYTYPE"] == bibtex_type
        assert read_csl(cite(client, resource, "json"))[0][0]["type"] == csl_type


def results(client, extension, **params):
    return client.get(reverse("library:results_cite", args=[extension]), params)


def test_search_results_export_follows_the_search_and_what_the_reader_sees(client, member):
    ResourceFactory(title="Feedback guide one", type="guide")
    ResourceFactory(title="Feedback guide for members", type="guide", visibility="members")
    ResourceFactory(title="Feedback news", type="news")
    ResourceFactory(title="Something else", type="guide")
    titles = [r["title"] for r in read_ris(results(client, "ris", q="feedback", type="guide"))]
    assert titles == ["Feedback guide one"]
    response = results(client, "bib", q="feedback")
    assert response["Content-Disposition"] == 'attachment; filename="library.bib"'
    assert sorted(entry["title"] for entry in read_bibtex(response)) == [
        "Feedback guide one", "Feedback news",
    ]  # fmt: skip
    client.force_login(member)
    response = results(client, "json", q="feedback", type="guide")
    assert "private" in response["Cache-Control"]
    assert sorted(item["title"] for item in read_csl(response)[0]) == [
        "Feedback guide for members", "Feedback guide one",
    ]  # fmt: skip


def test_search_results_export_is_capped(client, settings, monkeypatch):
    monkeypatch.setattr(citations, "EXPORT_CAP", 3)
    ResourceFactory.create_batch(5)
    assert len(read_ris(results(client, "ris"))) == 3


@pytest.mark.parametrize(
    "params",
    [{"year": "not-a-year"}, {"type": "nonsense", "page": "x"}, {"q": "\x00<s>"}, {"sort": "?"}],
)
def test_search_results_export_ignores_bad_parameters(client, params):
    ResourceFactory(title="Still here")
    response = results(client, "ris", **params)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 50])
def test_search_results_export_query_count_is_flat(
    client, member, django_assert_max_num_queries, size
):
    for n in range(size):
        ResourceFactory(title=f"Accountability {n}", publisher="BCSDN", year=2020)
    client.force_login(member)
    for extension in citations.FORMATS:
        # The session, the user, the rate limit, the words, the matches, the resources and
        # their topics.
        with django_assert_max_num_queries(7):
            response = results(client, extension, q="accountability")
        assert response.content.decode().count("Accountability") >= size
        with django_assert_max_num_queries(6):
            assert results(client, extension).status_code == 200


@pytest.mark.parametrize("size", [1, 20])
def test_resource_cite_query_count_is_flat(client, django_assert_max_num_queries, size):
    resources = ResourceFactory.create_batch(size)
    with django_assert_max_num_queries(1):
        assert cite(client, resources[0], "ris").status_code == 200


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.tags.append((attrs["name"], attrs["content"]))


def citation_meta(client, resource):
    parser = _Meta()
    parser.feed(client.get(resource.get_absolute_url()).content.decode())
    return parser.tags


def test_public_resource_page_has_citation_meta_tags(client, several, settings, tmp_path):
    tags = citation_meta(client, several)
    assert ("citation_title", HARD_TITLE) in tags
    assert [v for k, v in tags if k == "citation_author"] == [
        "Ana Petrović", "Marko Jovanović", "BCSDN & Friends",
    ]  # fmt: skip
    assert ("citation_publication_date", "2024") in tags
    # Several names are authors, not a publisher.
    assert not [k for k, _v in tags if k == "citation_publisher"]
    assert ("citation_language", "sr") in tags
    assert ("citation_public_url", settings.SITE_URL + several.get_absolute_url()) in tags
    assert not [k for k, _v in tags if k == "citation_pdf_url"]

    settings.MEDIA_ROOT = tmp_path
    with_pdf = ResourceFactory(file=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n"), year=None)
    tags = dict(citation_meta(client, with_pdf))
    assert tags["citation_pdf_url"] == settings.SITE_URL + with_pdf.get_download_url()
    assert "citation_publication_date" not in tags


def test_members_only_resource_page_has_no_citation_meta_tags(member_client):
    assert citation_meta(member_client, ResourceFactory(visibility="members")) == []


def test_resource_page_offers_the_cite_block(client, several):
    html = client.get(several.get_absolute_url()).content.decode()
    block = re.search(r'<details class="cite">(.*?)</details>', html, re.S).group(1)
    for extension in citations.FORMATS:
        assert reverse("library:resource_cite", args=[several.slug, extension]) in block
    assert "Ana Petrović, Marko Jovanović, BCSDN &amp; Friends (2024)." in block


def test_library_page_links_to_the_results_export_with_the_same_search(client):
    ResourceFactory(title="Feedback guide")
    html = client.get(reverse("library:resource_list"), {"q": "feedback", "type": "guide"})
    html = html.content.decode()
    for extension in citations.FORMATS:
        url = reverse("library:results_cite", args=[extension])
        assert f'href="{url}?type=guide&amp;q=feedback"' in html
