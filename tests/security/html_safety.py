"""Check rendered HTML for anything a browser would run."""

import html
import re
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "poster", "xlink:href"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "svg", "math", "frame", "applet"}
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            src = attributes.get("src") or ""
            if not (src.startswith("/static/") or attributes.get("type") == "application/ld+json"):
                self.problems.append(f"<script {attributes}>")
        if tag == "meta" and "refresh" in (attributes.get("http-equiv") or "").lower():
            self.problems.append("<meta refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style":
                self.problems.append(f"<{tag} style=…>")
            if name in URL_ATTRIBUTES and value:
                plain = INVISIBLE.sub("", html.unescape(value)).lower()
                if plain.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")


def script_problems(markup):
    """Return what in markup could run script (an empty list when it is safe)."""
    finder = _Finder()
    finder.feed(markup)
    finder.close()
    return finder.problems
