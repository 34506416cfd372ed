"""Markdown written by people, rendered to HTML that is safe to show."""

import html
import re
from html.parser import HTMLParser

import markdown as md
import nh3
from django.conf import settings
from django.utils.safestring import mark_safe

ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> str:
    """Return sanitised HTML for Markdown text; links get rel=nofollow noopener."""
    html = md.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=settings.MARKDOWN_ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    # nh3 keeps only the allowed tags, attributes and URL schemes.
    return mark_safe(clean)  # nosec B308 B703


def markdown_words(text: str) -> str:
    """Return Markdown as its words only, on one line: no markup, no asterisks, for
    excerpts such as search results (which escape what they show)."""
    clean = nh3.clean(md.markdown(text or "", extensions=["extra"]), tags=set())
    return " ".join(html.unescape(clean).split())


class _PlainText(HTMLParser):
    """Collect rendered Markdown as text a mail program shows well."""

    BLOCKS = {"p", "div", "h2", "h3", "h4", "pre", "table", "tr", "ul", "ol", "blockquote", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = [""]
        self.links = []
        self.quote_depth = 0
        self.in_pre = False

    def _break(self):
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        self.lines += ["", ""]

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._break()
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag == "pre":
            self.in_pre = True
        elif tag == "li":
            if self.lines[-1].strip():
                self.lines.append("")
            self.lines[-1] = "- "
        elif tag == "br":
            self.lines.append("")
        elif tag == "hr":
            self.lines[-1] = "* * *"
            self._break()
        elif tag in {"th", "td"} and self.lines[-1].strip():
            self.lines[-1] += " | "
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self.quote_depth -= 1
        elif tag == "pre":
            self.in_pre = False
        elif tag == "a" and self.links:
            href = self.links.pop()
            text = self.lines[-1]
            if href and href not in text and not href.startswith("mailto:"):
                self.lines[-1] = f"{text} <{href}>"
        if tag in self.BLOCKS:
            self._break()

    def handle_data(self, data):
        if self.in_pre:
            first, *rest = data.split("\n")
            self.lines[-1] += first
            self.lines += rest
            return
        text = re.sub(r"\s+", " ", data)
        if not self.lines[-1]:
            text = text.lstrip()
            if text and self.quote_depth:
                self.lines[-1] = "> " * self.quote_depth
        self.lines[-1] += text

    def text(self):
        return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in self.lines)).strip()


def html_plain_text(html: str) -> str:
    """Return rendered Markdown as readable plain text: no markup, links written out
    ("text <https://…>"), lists with "- ", quotes with "> ", for the text part of emails."""
    parser = _PlainText()
    parser.feed(str(html or ""))
    parser.close()
    return parser.text()
