"""Find content shown in English on a page in another language without lang="en".

Content is known to be English when the page shows a translated field's English value
while the field is empty in the page's language (modeltranslation's fallback).
"""

from html.parser import HTMLParser

from django.conf import settings
from django.utils.html import strip_tags
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from racop.markdown import render_markdown

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
SNIPPET = 40


def _plain(text):
    """Return the start of text as the page shows it (Markdown rendered), spaces folded: its
    first paragraph long enough to say something (a heading alone may be any page's words)."""
    if "\n" not in text and "*" not in text:
        return " ".join(text.split())[:SNIPPET]
    lines = [" ".join(line.split()) for line in strip_tags(render_markdown(text)).splitlines()]
    first = next((line for line in lines if len(line) >= SNIPPET), "")
    return first[:SNIPPET]


def english_fallbacks(language):
    """Return {snippet: "Model.field #pk"} of English texts shown for want of a translation."""
    english_code = settings.LANGUAGE_CODE
    found = {}
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        for obj in model._default_manager.all():
            for field in fields:
                own = getattr(obj, build_localized_fieldname(field, language), None)
                english = getattr(obj, build_localized_fieldname(field, english_code), None)
                if english and not own and isinstance(english, str):
                    snippet = _plain(english)
                    if len(snippet) >= 4:
                        found[snippet] = f"{model.__name__}.{field} #{obj.pk}"
    return found


class _TextLanguages(HTMLParser):
    """Collect (text, language of its element) for every piece of text in <main>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        inherited = self.stack[-1][1] if self.stack else None
        self.stack.append((tag, lang or inherited))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and self.stack and any(tag == "main" for tag, _ in self.stack):
            skip = any(tag in {"script", "style", "textarea", "option"} for tag, _ in self.stack)
            if not skip:
                self.pieces.append((text, self.stack[-1][1]))


def unmarked_english(html, fallbacks):
    """Return the snippets of fallbacks the html shows without lang="en" around them."""
    return [f"{where}: {snippet!r}" for snippet, where, lang in _shown(html, fallbacks)
            if lang != settings.LANGUAGE_CODE]  # fmt: skip


def shown_english(html, fallbacks):
    """Return the snippets of fallbacks the html shows, marked or not."""
    return {snippet for snippet, _where, _lang in _shown(html, fallbacks)}


def _shown(html, fallbacks):
    """Yield (snippet, where, language of its element) for each fallback the html shows."""
    parser = _TextLanguages()
    parser.feed(html)
    # Text split by inline elements (<strong>…) is joined per language run.
    runs, current, current_lang = [], [], object()
    for text, lang in parser.pieces:
        if lang != current_lang and current:
            runs.append((" ".join(current), current_lang))
            current = []
        current_lang = lang
        current.append(text)
    if current:
        runs.append((" ".join(current), current_lang))
    runs += parser.pieces  # a title inside a sentence is a piece of its own
    for snippet, where in fallbacks.items():
        # A block of content starts with its text; a short value is the whole element. An
        # unmarked showing counts before a marked one.
        languages = {lang for text, lang in runs if text.startswith(snippet)}
        if languages:
            unmarked = languages - {settings.LANGUAGE_CODE}
            yield snippet, where, next(iter(unmarked)) if unmarked else settings.LANGUAGE_CODE
