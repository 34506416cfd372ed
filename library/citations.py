"""Cite library resources: RIS, BibTeX and CSL-JSON records, and the citation_* meta tags.

The library keeps one "publisher or author" field. Names in it separated by semicolons are
several authors ("Ana Petrović; Marko Jovanović"); each is cited as written, as a literal
(corporate) name, since the library does not know which part is a family name; a single
name is also cited as the publisher (usually an organisation). A resource without a year is
cited without one. The address cited is the resource's own link when it has one, else its
page in the library.
"""

import json
import re

from django.conf import settings
from django.utils.text import slugify

from library.models import Resource

# The library's types as RIS TY, BibTeX entry type and CSL type.
TYPES = {
    Resource.Type.GUIDE: ("GEN", "manual", "document"),
    Resource.Type.TOOLKIT: ("GEN", "manual", "document"),
    Resource.Type.CASE_STUDY: ("RPRT", "techreport", "report"),
    Resource.Type.RESEARCH: ("RPRT", "techreport", "report"),
    Resource.Type.POLICY: ("GEN", "misc", "document"),
    Resource.Type.TEMPLATE: ("GEN", "misc", "document"),
    Resource.Type.MEDIA: ("ADVS", "misc", "broadcast"),
    Resource.Type.NEWS: ("NEWS", "misc", "article-newspaper"),
}
DEFAULT_TYPE = ("GEN", "misc", "document")

# The formats: file extension -> (Content-Type, writer name).
FORMATS = {
    "ris": "application/x-research-info-systems; charset=utf-8",
    "bib": "application/x-bibtex; charset=utf-8",
    "json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}
# A search's results are exported up to this many, in the order the page shows them.
EXPORT_CAP = 500

# BibTeX's special characters inside a braced value, written so LaTeX prints them.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "#": r"\#",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_SPECIAL = re.compile("|".join(re.escape(char) for char in BIBTEX_ESCAPES))


def authors(resource):
    """Return the names in the publisher-or-author field, in order."""
    return [name.strip() for name in resource.publisher.split(";") if name.strip()]


def absolute(path):
    return settings.SITE_URL + path


def address(resource):
    """Return the address to cite: the resource's own link, else its page in the library."""
    return resource.url or absolute(resource.get_absolute_url())


def pdf_url(resource):
    """Return the absolute address of the resource's file when it is a PDF, else ""."""
    if resource.file and resource.file.name.lower().endswith(".pdf"):
        return absolute(resource.get_download_url())
    return ""


def language(resource):
    return resource.languages[0] if resource.languages else ""


def one_line(text):
    return " ".join(str(text).split())


def record(resource):
    """Return what every format cites of a resource, as plain values."""
    ris_type, bibtex_type, csl_type = TYPES.get(resource.type, DEFAULT_TYPE)
    names = [one_line(name) for name in authors(resource)]
    return {
        "key": slugify(resource.slug).replace("-", "_") or f"resource_{resource.pk}",
        "ris_type": ris_type,
        "bibtex_type": bibtex_type,
        "csl_type": csl_type,
        "title": one_line(resource.title),
        "authors": names,
        # One name may be the publisher (an organisation, usually); several are authors.
        "publisher": names[0] if len(names) == 1 else "",
        "year": resource.year,
        "language": language(resource),
        "abstract": one_line(resource.summary),
        "url": address(resource),
        "page": absolute(resource.get_absolute_url()),
    }


def ris(resources):
    """Return RIS records: one TY … ER block per resource, a tag per line."""
    lines = []
    for resource in resources:
        item = record(resource)
        lines.append(f"TY  - {item['ris_type']}")
        lines.append(f"TI  - {item['title']}")
        lines.extend(f"AU  - {name}" for name in item["authors"])
        if item["year"]:
            lines.append(f"PY  - {item['year']}")
        if item["publisher"]:
            lines.append(f"PB  - {item['publisher']}")
        if item["language"]:
            lines.append(f"LA  - {item['language']}")
        if item["abstract"]:
            lines.append(f"AB  - {item['abstract']}")
        lines.append(f"UR  - {item['url']}")
        if item["url"] != item["page"]:
            lines.append(f"L2  - {item['page']}")
        lines.append(f"ID  - {item['key']}")
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


def bibtex_value(text):
    """Return text for a braced BibTeX value: special characters escaped, Unicode kept."""
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_ESCAPES[match.group()], text)


def bibtex_url(url):
    return url.translate({ord("{"): "%7B", ord("}"): "%7D", ord("\\"): "%5C", ord(" "): "%20"})


def bibtex(resources):
    """Return BibTeX entries; names are braced whole, as literal (corporate) names."""
    entries = []
    for resource in resources:
        item = record(resource)
        fields = [("title", "{" + bibtex_value(item["title"]) + "}")]
        if item["authors"]:
            names = " and ".join("{" + bibtex_value(name) + "}" for name in item["authors"])
            fields.append(("author", names))
        if item["publisher"]:
            publisher = bibtex_value(item["publisher"])
            fields.append(("publisher", publisher))
            if item["bibtex_type"] == "techreport":
                fields.append(("institution", publisher))
            if item["bibtex_type"] == "manual":
                fields.append(("organization", publisher))
        if item["year"]:
            fields.append(("year", str(item["year"])))
        if item["language"]:
            fields.append(("language", item["language"]))
        if item["abstract"]:
            fields.append(("abstract", bibtex_value(item["abstract"])))
        # Verbatim in biblatex and the url package: only what would unbalance the braces
        # is percent-encoded.
        fields.append(("url", bibtex_url(item["url"])))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{item['bibtex_type']}{{{item['key']},\n{body}\n}}\n")
    return "\n".join(entries)


def csl_items(resources):
    """Return CSL-JSON items (a list of dicts)."""
    items = []
    for resource in resources:
        item = record(resource)
        data = {"id": item["key"], "type": item["csl_type"], "title": item["title"]}
        if item["authors"]:
            data["author"] = [{"literal": name} for name in item["authors"]]
        if item["publisher"]:
            data["publisher"] = item["publisher"]
        if item["year"]:
            data["issued"] = {"date-parts": [[item["year"]]]}
        if item["language"]:
            data["language"] = item["language"]
        if item["abstract"]:
            data["abstract"] = item["abstract"]
        data["URL"] = item["url"]
        items.append(data)
    return items


def csl_json(resources):
    return json.dumps(csl_items(resources), ensure_ascii=False, indent=2)


WRITERS = {"ris": ris, "bib": bibtex, "json": csl_json}


def export(resources, extension):
    """Return the text of the resources in a format, by its file extension."""
    return WRITERS[extension](resources)


def reference(resource):
    """Return a short reference to copy: authors (year). Title. Address."""
    item = record(resource)
    parts = []
    names = ", ".join(item["authors"])
    if names and item["year"]:
        parts.append(f"{names} ({item['year']}).")
    elif names or item["year"]:
        parts.append(f"{names or item['year']}.")
    parts.append(item["title"].rstrip(".") + ".")
    parts.append(item["url"])
    return " ".join(parts)


def meta_tags(resource):
    """Return (name, content) pairs of the citation_* tags Zotero and Google Scholar read."""
    item = record(resource)
    tags = [("citation_title", item["title"])]
    tags += [("citation_author", name) for name in item["authors"]]
    if item["year"]:
        tags.append(("citation_publication_date", str(item["year"])))
    if item["publisher"]:
        tags.append(("citation_publisher", item["publisher"]))
    tags += [("citation_language", code) for code in resource.languages]
    if pdf := pdf_url(resource):
        tags.append(("citation_pdf_url", pdf))
    tags.append(("citation_public_url", item["page"]))
    if resource.url:
        tags.append(("citation_fulltext_html_url", resource.url))
    return tags
