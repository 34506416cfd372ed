"""Writing the portal's generated gettext catalogs (racop.catalogs, racop.django_catalogs,
racop.ijekavian): one header, and new msgids that keep the translations already made."""

from pathlib import Path

import polib


def new_catalog(project: str, locale: str, plural_forms: str, header: str = "") -> polib.POFile:
    """Return an empty catalog with the portal's metadata."""
    catalog = polib.POFile(wrapwidth=100)
    catalog.metadata = {
        "Project-Id-Version": f"RACoP: {project}",
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
    }
    catalog.header = header
    return catalog


def catalog_update(path: Path, entries, **metadata) -> Path:
    """Write the catalog at path with the entries' msgids; what it translated is kept, the
    others arrive untranslated (every plural form empty). metadata: new_catalog's."""
    old = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path))} if path.exists() else {}
    catalog = new_catalog(**metadata)
    forms = int(metadata["plural_forms"].split("nplurals=")[1].split(";")[0])
    for entry in entries:
        kept = old.get((entry.msgctxt, entry.msgid))
        empty_forms = dict.fromkeys(range(forms), "") if entry.msgid_plural else {}
        catalog.append(
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr=kept.msgstr if kept else "",
                msgstr_plural=kept.msgstr_plural if kept else empty_forms,
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
                occurrences=[(where, "") for where, _line in entry.occurrences],
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.save(str(path))
    return path
