"""Spreadsheets written by people who never read the import's documentation.

The files under spreadsheets/ are as their authors saved them: a coordinator's 18-row sheet
with English headings and interface labels, a Serbian Excel export (semicolons, a byte-order
mark, CRLF), a Macedonian sheet saved in Windows-1251, a Croatian one in Windows-1250, an
Albanian workbook with a title row above the headings, and a sheet full of mistakes.
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from library.imports import ImportFileError, column_of, table_read
from library.models import Resource
from library.services import resources_import
from racop.demo import seed
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

SHEETS = Path(__file__).parent / "spreadsheets"
IMPORT = reverse("admin:library_resource_import")


@pytest.fixture
def topics(db):
    """The demo's topics, with their names in every interface language."""
    seed()


def import_file(name, *args):
    out = io.StringIO()
    call_command("import_resources", str(SHEETS / name), *args, stdout=out)
    return out.getvalue()


def test_the_coordinators_18_row_sheet_imports_unedited(topics):
    dry = import_file("coordinator_sheet.csv")
    assert "Dry run: 18 of 18 rows would be imported, as drafts." in dry
    assert "column “Notes” is not a known column: not imported" in dry
    assert "line 4 (Printed annual report 2019 (library copy)): ready [no link yet]" in dry
    assert not Resource.objects.exists()

    assert "Imported 18 of 18 rows, as drafts." in import_file("coordinator_sheet.csv", "--commit")
    assert Resource.objects.filter(status=Resource.Status.DRAFT).count() == 18
    feedback = Resource.objects.get(title="Feedback loops in community organising")
    # "case study", "sr-latn", a topic by its name, "Serbia" in the scope column, no scheme.
    assert (feedback.type, feedback.languages, feedback.scope, feedback.countries) == (
        "case_study",
        ["sr"],
        "countries",
        ["RS"],
    )
    assert feedback.url == "https://www.example.org/feedback-loops"
    assert [topic.slug for topic in feedback.topics.all()] == ["shifting-power"]
    donor = Resource.objects.get(title="How we lost a donor and what we learned")
    assert (donor.type, donor.commitments, donor.scope) == ("media", [4], "global")
    printed = Resource.objects.get(title__startswith="Printed annual report")
    assert printed.has_no_link and printed.commitments == [10] and printed.languages == ["sr"]
    toolkit = Resource.objects.get(title="Resilience planning toolkit")
    assert toolkit.languages == ["en", "sq", "mk"] and toolkit.commitments == [6, 9]
    books = Resource.objects.get(title="Open books: publishing your budget")
    assert (books.languages, books.countries, books.commitments) == (["en", "mk"], ["MK"], [8, 10])
    assert Resource.objects.get(title="Lessons from a failed merger").languages == ["cnr"]


def test_a_serbian_excel_export_with_semicolons_and_a_bom(topics):
    dry = import_file("serbian_excel_semicolon.csv")
    assert "UTF-8 (BOM), separated by semicolons" in dry
    assert "column “Naslov” → title" in dry and "column “Izdavač” → publisher or author" in dry
    import_file("serbian_excel_semicolon.csv", "--commit", "--publish")
    assert Resource.objects.filter(status=Resource.Status.PUBLISHED).count() == 5
    guide = Resource.objects.get(title="Vodič kroz samoprocenu odgovornosti")
    assert (guide.type, guide.commitments, guide.countries) == ("guide", [3], ["RS"])
    assert guide.body == "Kratak vodič; za male organizacije"
    assert guide.published_at is not None
    podcast = Resource.objects.get(title="Podkast o građanskom prostoru")
    assert (podcast.type, podcast.countries, podcast.scope) == ("media", ["RS", "ME"], "countries")
    report = Resource.objects.get(title__startswith="Izveštaj o finansijama")
    assert report.has_no_link and report.languages == ["sr"] and report.commitments == [1]


def test_a_macedonian_sheet_saved_in_windows_1251(topics):
    dry = import_file("macedonian_windows1251.csv")
    assert "Windows-1251, separated by commas" in dry
    assert "column “Наслов” → title" in dry and "column “Земја” → countries" in dry
    import_file("macedonian_windows1251.csv", "--commit")
    case = Resource.objects.get(title__startswith="Студија на случај")
    assert (case.type, case.languages, case.countries) == ("case_study", ["mk", "sq"], ["MK"])
    assert [topic.slug for topic in case.topics.all()] == ["shifting-power"]
    assert Resource.objects.get(title__startswith="Водич").commitments == [3]
    # "Македонија", the country's older name, is still North Macedonia.
    assert Resource.objects.get(title__startswith="Годишен").countries == ["MK"]


def test_a_croatian_sheet_saved_in_windows_1250(topics):
    import_file("croatian_windows1250.csv", "--commit")
    space = Resource.objects.get(title="Građanski prostor pod pritiskom")
    assert (space.type, space.languages, space.countries) == ("research", ["hr"], ["HR", "BA"])
    assert Resource.objects.get(title__startswith="Neuspjesi").languages == ["hr", "en"]


def test_an_albanian_workbook_with_a_title_row_above_the_headings(topics):
    dry = import_file("albanian.xlsx")
    assert "Excel workbook, sheet “Burimet”" in dry
    assert "column “Përgjegjës” is not a known column: not imported" in dry
    assert "line 5 (Raporti vjetor 2020 (i shtypur)): ready [no link yet]" in dry
    import_file("albanian.xlsx", "--commit")
    council = Resource.objects.get(title="Studim rasti: këshilli rinor")
    # The year came from Excel as 2022.0, the commitment as the number 5.
    assert (council.type, council.year, council.commitments) == ("case_study", 2022, [5])
    assert (council.languages, council.countries) == (["sq", "en"], ["XK"])
    space = Resource.objects.get(title__startswith="Hapësira")
    assert space.countries == ["MK"]
    # "shiko këtu" ("see here") linked in Excel, and a title that is itself a link.
    assert space.url == "https://example.al/hapesira"
    assert Resource.objects.get(title__startswith="Dështimet").url == "https://example.al/deshtimet"


def test_a_sheet_with_mistakes_says_what_is_wrong_and_exits_non_zero(topics):
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_resources", str(SHEETS / "with_errors.csv"), stdout=out)
    text = out.getvalue()
    assert failed.value.returncode == 1
    assert "5 rows cannot be imported" in str(failed.value)
    assert "column “Owner” is not a known column: not imported" in text
    assert (
        "line 2 (A novel about activists): not imported: Type: “novel” is not known. Allowed: "
        "Guide, Toolkit, Case study, Research or report, Policy, Template, Video or podcast, "
        "News." in text
    )
    assert "Languages: “Latin” is not known. Allowed: English (en), Albanian (sq)" in text
    assert "Year: Give a year between 1900 and 2100." in text
    assert "Topics: “Gardening” is not known. Allowed: Civic space and resilience" in text
    assert "URL: Enter a valid URL." in text
    assert "line 5 (): not imported: Title: This field is required." in text
    assert "Countries: “Atlantis” is not known. Allowed: a country's name" in text
    assert "Dry run: 2 of 7 rows would be imported" in text
    assert not Resource.objects.exists()


def test_rows_already_in_the_library_are_not_imported_twice(topics):
    ResourceFactory(title="Open Books – Publishing Your Budget", url="https://example.org/x")
    with pytest.raises(CommandError):
        import_file("coordinator_sheet.csv")


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Naslov", "title"),
        ("НАСЛОВ", "title"),
        ("Titulli", "title"),
        ("Başlık", "title"),
        ("Language", "languages"),
        ("languages", "languages"),
        ("Jezik", "languages"),
        ("Јазици", "languages"),
        ("Topic", "topics"),
        ("Naslov / Title", "title"),
        ("Global Standard commitments", "commitments"),
        ("Ülke", "countries"),
        ("Notes", None),
    ],
)
def test_headers_in_the_words_people_use(header, column):
    assert column_of(header) == column


def test_choice_errors_are_in_the_readers_language(topics):
    data = "Naslov;Vrsta\nNešto;roman\n".encode()
    with translation.override("hr"):
        report = resources_import(table=table_read(data), user=None, commit=False)
    assert report.rows[0].errors == [
        "Vrsta: „roman“ nije poznato. Dopušteno: Vodič, Skup alata, Studija slučaja, "
        "Istraživanje ili izvješće, Politika, Predložak, Video ili podcast, Vijesti."
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
    ],
)
def test_files_that_are_not_spreadsheets_are_refused_with_a_reason(name, data):
    with pytest.raises(ImportFileError):
        table_read(data, name=name)


def test_the_admin_page_previews_a_workbook_then_imports_drafts_or_published(
    topics, coordinator_client
):
    changelist = coordinator_client.get(reverse("admin:library_resource_changelist"))
    assert f'<a href="{IMPORT}">Import resources</a>' in changelist.content.decode()
    upload = SimpleUploadedFile("albanian.xlsx", (SHEETS / "albanian.xlsx").read_bytes())
    preview = coordinator_client.post(IMPORT, {"file": upload})
    html = preview.content.decode()
    assert "5 of 5 rows can be imported" in html
    assert "“Lidhja” is read as link" in html and "“Përshkrimi” is read as description" in html
    assert "“Përgjegjës” is not a known column and is not imported." in html
    assert "ready (no link yet)" in html
    assert not Resource.objects.exists()
    signed = preview.context["signed_table"]
    coordinator_client.post(IMPORT, {"confirm": "1", "table": signed, "publish": "1"})
    assert Resource.objects.filter(status="published").count() == 5
    assert Resource.objects.get(title__startswith="Dështimet").url.endswith("/deshtimet")
    # The signed table cannot be altered on its way back.
    tampered = coordinator_client.post(IMPORT, {"confirm": "1", "table": signed[:-2] + "xx"})
    assert tampered.status_code == 302 and Resource.objects.count() == 5


def test_the_admin_page_says_next_to_the_field_why_a_file_cannot_be_read(coordinator_client):
    upload = SimpleUploadedFile("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    response = coordinator_client.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Save the spreadsheet as .xlsx or .csv (this kind of file cannot be read)."
    ]


def test_members_cannot_open_the_import_page(member_client):
    response = member_client.get(IMPORT)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_published_resource_without_a_link_says_so(client):
    resource = ResourceFactory(url="", status="published", title="Printed report")
    html = client.get(resource.get_absolute_url()).content.decode()
    assert "No link yet" in html and "Visit the resource" not in html
