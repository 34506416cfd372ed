"""Every word a template shows is wrapped for translation, so no new page slips through."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"

# Visible text that is the same in every language.
ALLOWED = {
    "RSS",
    "Atom",
    "iCal",
    "JSON",
    "CSV",
    "PDF",
    "URL",
    "Markdown",
    "RACoP",
    # Citation formats.
    "RIS",
    "BibTeX",
    "CSL",
}

# Attributes people read (or hear, with a screen reader).
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "label"}

TRANSLATED_BLOCK = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.S
)
# Blocks that hold CSS class names or Open Graph values (og_type), not words.
CLASS_BLOCK = re.compile(r"{%\s*block\s+(?:\w*class\w*|og_\w+)\s*%}.*?{%\s*endblock\b.*?%}", re.S)
COMMENT_BLOCK = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}", re.S)
# Keeps the text of literal strings given to filters such as default:"…" visible.
TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
ENTITY = re.compile(r"&#?\w+;")
WORD = re.compile(r"[^\W\d_]{2,}")


def _strip_django(source):
    source = COMMENT_BLOCK.sub(" ", source)
    source = CLASS_BLOCK.sub(" ", source)
    source = TRANSLATED_BLOCK.sub(" ", source)
    return TAG.sub(" ", source)


def _untranslated(text):
    words = WORD.findall(ENTITY.sub(" ", text))
    return [word for word in words if word not in ALLOWED]


class _TextFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skip += 1
        for name, value in attrs:
            if value and (
                name in READ_ATTRIBUTES
                or (name == "value" and dict(attrs).get("type") in {"submit", "button"})
            ):
                self._check(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self._check(data)

    def _check(self, text):
        if _untranslated(text):
            self.found.append(" ".join(text.split()))


def untranslated_text(source, *, html=True):
    """Return the visible text in a template that is not wrapped for translation."""
    stripped = _strip_django(source)
    if not html:
        return [" ".join(line.split()) for line in stripped.splitlines() if _untranslated(line)]
    finder = _TextFinder()
    finder.feed(stripped)
    return finder.found


def test_the_scan_finds_unwrapped_text_and_accepts_wrapped_text():
    assert untranslated_text("<p>Hello</p>") == ["Hello"]
    assert untranslated_text('<img alt="A chart" src="x.svg">') == ["A chart"]
    assert untranslated_text('<input type="submit" value="Send">') == ["Send"]
    assert untranslated_text("Hello {{ name }}", html=False) == ["Hello"]
    wrapped = (
        '{% load i18n %}<p title="{% translate "Hi" %}">{% translate "Hello" %}</p>'
        "{% blocktranslate %}Dear {{ name }}{% endblocktranslate %}{{ x }} &middot; RSS"
        "{% comment %}A note{% endcomment %}<script>var a = 'b';</script>"
    )
    assert untranslated_text(wrapped) == []
    assert untranslated_text("{% block main_class %}narrow{% endblock %}") == []


# Templates that build markup from tag names, with no words of their own.
NOT_TEXT = {"allauth/elements/button.html"}
TEMPLATE_FILES = sorted(
    path
    for path in TEMPLATES.rglob("*")
    if path.suffix in {".html", ".txt", ".svg"} and str(path.relative_to(TEMPLATES)) not in NOT_TEXT
)


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_template_text_is_translatable(path):
    source = path.read_text()
    assert untranslated_text(source, html=path.suffix != ".txt") == []


# Python: arguments people read, given as a bare string instead of gettext(_lazy)(…).
READ_KEYWORDS = {
    "verbose_name", "verbose_name_plural", "help_text", "label", "empty_label", "description",
    "short_description", "title", "placeholder",
}  # fmt: skip
READ_CALLS = {"ValidationError", "PermissionDenied", "success", "error", "warning", "info"}
READ_NAMES = READ_KEYWORDS | {"empty_value_display", "site_header", "site_title", "index_title"}
RELATIONS = {"ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"}
APPS = ["racop", "members", "library", "pledges", "discussions"]


def _is_text(node):
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip()
    )


def _is_logging(func):
    """Tell logger.info(…) and the like, which operators read, from messages.info(…)."""
    owner = getattr(func, "value", None)
    return isinstance(owner, ast.Name) and "log" in owner.id.lower()


def untranslated_python(source):
    """Return the lines where a read string is given without gettext."""
    found = []
    tree = ast.parse(source)
    # An AppConfig's `label` names the app for Django; nobody reads it.
    app_labels = {
        id(statement)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(
            getattr(base, "id", getattr(base, "attr", "")) == "AppConfig" for base in node.bases
        )
        for statement in node.body
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            texts = [kw.value for kw in node.keywords if kw.arg in READ_KEYWORDS]
            if name in READ_CALLS and not _is_logging(node.func):
                texts += node.args
            # A field's first argument is its verbose name, a relation's is the model.
            if name and name.endswith("Field") and name not in RELATIONS and node.args:
                texts.append(node.args[0])
            found += [node.lineno for text in texts if _is_text(text)]
        elif isinstance(node, ast.Assign) and _is_text(node.value):
            targets = {
                getattr(target, "id", getattr(target, "attr", "")) for target in node.targets
            }
            if targets & READ_NAMES and not (targets == {"label"} and id(node) in app_labels):
                found.append(node.lineno)
    return found


def test_the_python_scan_finds_bare_strings():
    assert untranslated_python('x = models.CharField("name")') == [1]
    assert untranslated_python('x = forms.CharField(label="Name")') == [1]
    assert untranslated_python('messages.success(request, "Saved.")') == [1]
    assert untranslated_python('raise ValidationError(f"Bad {x}")') == [1]
    assert untranslated_python('class Meta:\n    verbose_name = "person"') == [2]
    wrapped = 'x = models.CharField(_("name"), help_text=_("Hi"))\ny = models.ForeignKey("a.B")'
    assert untranslated_python(wrapped) == []
    assert untranslated_python('logger.info("Inbound email %s", x)') == []
    assert untranslated_python('class C(AppConfig):\n    label = "plan"') == []
    assert untranslated_python('class C(forms.Form):\n    label = "Plan"') == [2]


PYTHON_FILES = sorted(
    path
    for app in APPS
    for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
    if "migrations" not in path.parts and path.name != "demo.py"
)


@pytest.mark.parametrize(
    "path", PYTHON_FILES, ids=lambda path: str(path.relative_to(settings.BASE_DIR))
)
def test_python_strings_people_read_are_translatable(path):
    assert untranslated_python(path.read_text()) == []
