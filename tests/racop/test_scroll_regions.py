"""Every table that may scroll sideways sits in a wrapper a keyboard can reach and a screen
reader names (WCAG 2.1.1, 4.1.2): tabindex="0", role="region" and aria-labelledby the table's
caption or heading. Tables that stack on a phone (.stack-table) do not scroll."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
TABLE = re.compile(r"<table\b[^>]*>")
WRAPPER = re.compile(r'<div class="table-scroll"([^>]*)>\s*$')


def _project_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "admin" not in path.relative_to(TEMPLATES).parts:
            yield path, path.read_text()


def test_every_table_scrolls_in_a_focusable_named_region():
    problems = []
    for path, text in _project_templates():
        for table in TABLE.finditer(text):
            if "stack-table" in table.group(0):
                continue
            where = f"{path.relative_to(TEMPLATES)}:{text[: table.start()].count(chr(10)) + 1}"
            wrapper = WRAPPER.search(text[: table.start()])
            if wrapper is None:
                problems.append(f"{where}: not in a .table-scroll wrapper")
                continue
            attributes = wrapper.group(1)
            labelledby = re.search(r'aria-labelledby="([^"]+)"', attributes)
            if 'tabindex="0"' not in attributes or 'role="region"' not in attributes:
                problems.append(f"{where}: the wrapper needs tabindex=0 and role=region")
            elif labelledby is None or f'id="{labelledby.group(1)}"' not in text:
                problems.append(f"{where}: the wrapper is not labelled by an id of the template")
    assert problems == []


def test_the_regions_have_names_of_their_own():
    names = [
        text.count("aria-label=\"{% translate 'Table, scrolls sideways' %}\"")
        for _path, text in _project_templates()
    ]
    assert sum(names) == 0, "every region is named by its own table, not one name for all"
