"""No English interface string on any page, in any language, for any role.

Every page of the permission matrix (the portal's and django-allauth's; the admin aside) is
rendered as a visitor, a member and a coordinator in each translated language. Its visible
text (text nodes and the attributes people read) must not hold a string of the interface in
English: a msgid of the portal's, allauth's or Django's catalogs whose translation in that
language differs from it. What people wrote is not the interface: an element whose `lang`
differs from the page's (content shown in English carries lang="en") is left out.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import allauth
import django
import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from racop.catalogs import catalogs_compile
from tests.security.test_permission_matrix import ALLAUTH, MATRIX, World

ROLES = ["visitor", "member", "coordinator"]
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "label"}
BUTTONS = {"submit", "button", "reset"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
LETTERS = re.compile(r"[^\W\d_]{2,}")


def english_catalogs():
    """Yield the English source catalogs whose strings the portal's pages may show."""
    django_dir = Path(django.__path__[0])
    yield polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "sq" / "LC_MESSAGES" / "django.po"))
    for folder in [
        django_dir / "conf" / "locale",
        django_dir / "contrib" / "auth" / "locale",
        Path(allauth.__path__[0]) / "locale",
    ]:
        yield polib.pofile(str(folder / "en" / "LC_MESSAGES" / "django.po"))


def interface_strings(language):
    """Return (exact strings, one pattern for those with placeholders) shown translated.

    Left out: English strings the language itself writes for something ("Nepali" is
    Albanian for Nepal, "May" Turkish for Mayıs).
    """
    from django_countries import countries

    exact, patterns, own = set(), [], set()
    with translation.override(language):
        own |= {str(name).lower() for _code, name in countries}
        for catalog in english_catalogs():
            for entry in catalog:
                if entry.obsolete or not entry.msgid:
                    continue
                if entry.msgid_plural:
                    shown = {
                        translation.ngettext(entry.msgid, entry.msgid_plural, count)
                        for count in (1, 2, 5)
                    }
                elif entry.msgctxt:
                    shown = {translation.pgettext(entry.msgctxt, entry.msgid)}
                else:
                    shown = {translation.gettext(entry.msgid)}
                own |= {text.lower() for text in shown}
                for form in filter(None, [entry.msgid, entry.msgid_plural]):
                    text = " ".join(form.split())
                    if form in shown or "<" in text:
                        continue
                    if not LETTERS.search(PLACEHOLDER.sub("", text)):
                        continue
                    if PLACEHOLDER.search(text):
                        parts = PLACEHOLDER.split(text)
                        # "Reply %(number)s" would be any text that starts with "Reply".
                        if len(LETTERS.findall(" ".join(parts))) >= 2:
                            patterns.append(".+?".join(re.escape(part) for part in parts))
                    else:
                        exact.add(text)
    exact = {text for text in exact if text.lower() not in own}
    pattern = re.compile("|".join(f"(?:{p})" for p in sorted(set(patterns))) or "(?!)")
    return exact, pattern


class VisibleText(HTMLParser):
    """Collect the text people read, leaving out content in another language than the page's."""

    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, hidden)
        self.found = []

    def hidden(self):
        return any(hidden for _tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        hidden = tag in {"script", "style", "template"} or (
            tag != "html" and lang is not None and lang != self.language
        )
        if not hidden and not self.hidden():
            for name, value in attrs.items():
                if value and (
                    name in READ_ATTRIBUTES
                    or (name == "value" and tag == "input" and attrs.get("type") in BUTTONS)
                ):
                    self.found.append(value)
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.hidden() and data.strip():
            self.found.append(data)


def english_on(html, language, exact, pattern, content=frozenset()):
    """Return the interface strings the page shows in English (content set aside)."""
    parser = VisibleText(language)
    parser.feed(html)
    found = []
    for text in parser.found:
        text = " ".join(text.split())
        if text in content:
            continue
        for candidate in {text, text.rstrip(":.·*"), text.removesuffix(" *")}:
            if candidate in exact or pattern.fullmatch(candidate):
                found.append(text)
                break
    return found


def test_the_scan_finds_english_and_leaves_out_content_in_other_languages():
    exact, pattern = {"Log in", "Search the library"}, re.compile(r"(?:Hello .+?)")
    html = (
        '<html lang="mk"><head><title>Log in</title></head><body>'
        '<p>Најава</p><input type="submit" value="Log in"><img alt="Search the library">'
        '<p lang="en">Log in</p><script>var a = "Log in";</script><br>'
        "<p>Hello Ana</p><p>Login</p></body></html>"
    )
    assert english_on(html, "mk", exact, pattern) == [
        "Log in", "Log in", "Search the library", "Hello Ana",
    ]  # fmt: skip


def test_the_interface_strings_are_those_translated_in_the_language():
    exact, pattern = interface_strings("mk")
    assert "Log in" in exact  # the portal's
    assert "Forgot your password?" in exact  # allauth's
    assert "This field is required." in exact  # Django's forms
    assert "Choose an option" in exact
    assert pattern.fullmatch("You are already logged in as ana@example.org.")
    albanian = interface_strings("sq")[0]
    assert "Email" not in albanian  # Albanian writes "Email" too
    assert "Nepali" not in albanian  # the country
    assert "English" in albanian


def content_of_the_world():
    """Return what the test's people and seed wrote, in English only, that is also a msgid.

    The commitments' titles (seeded in English; coordinators translate them) and a survey's
    options ("Online", "In person"): content, which another part of issue 17 marks lang="en".
    People's and organisations' names are theirs in every language (a generated member may be
    called "April").
    """
    from members.models import Organisation, Question, User
    from pledges.models import Commitment

    content = set()
    for user in User.objects.all():
        content |= {user.first_name, user.last_name, user.get_full_name(), str(user)}
    content |= set(Organisation.objects.values_list("name", flat=True))
    for commitment in Commitment.objects.all():
        content |= {commitment.title, str(commitment)}
    for question in Question.objects.all():
        content |= {question.text, *question.options.splitlines()}
    return content


# Pages that speak the language their content is in (a feedback round's, English here), not
# the address's.
OTHER_LANGUAGE_PAGES = {"feedback:respond", "feedback:respond_thanks"}


def pages(world, role, language):
    """Yield (name, url, settings) of every page the role may open, in the language."""
    for name, spec in {**MATRIX, **ALLAUTH}.items():
        if spec["method"] != "get" or spec["answers"][role] != 200:
            continue
        with translation.override(language):
            url = reverse(name, kwargs={key: make(world) for key, make in spec["kwargs"].items()})
        yield name, url, spec["settings"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED)
def test_no_page_shows_an_english_interface_string(client, language):
    from django.test import override_settings

    catalogs_compile(changed_only=True)
    exact, pattern = interface_strings(language)
    world = World()
    content = content_of_the_world()
    english, dashes, seen = {}, {}, 0
    for role in ROLES:
        client.logout()
        if role != "visitor":
            client.force_login(world.people[role])
        for name, url, page_settings in pages(world, role, language):
            with override_settings(**page_settings):
                response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type"):
                continue
            html = response.content.decode()
            if name in OTHER_LANGUAGE_PAGES:
                assert '<html lang="en"' in html
                continue
            assert f'<html lang="{language}"' in html, url
            seen += 1
            if found := english_on(html, language, exact, pattern, content):
                english[f"{role} {url}"] = sorted(set(found))
            if found := first_options_without_words(html):
                dashes[f"{role} {url}"] = found
    assert seen > 100
    report = [f"{page}: {' | '.join(found)}" for page, found in english.items()]
    assert not report, "English on the pages:\n" + "\n".join(report)
    assert dashes == {}


FIRST_OPTION = re.compile(r"<select\b[^>]*\bname=\"([^\"]+)\"[^>]*>\s*<option[^>]*>([^<]*)<", re.S)


def first_options_without_words(html):
    """Return the selects whose first option is no word (a row of dashes, say)."""
    return [name for name, label in FIRST_OPTION.findall(html) if not LETTERS.search(label)]


@pytest.mark.django_db
def test_the_scan_finds_allauths_english_in_albanian_without_the_portals_catalog(client):
    """What the scan caught before racop/locale_allauth: allauth ships no Albanian."""
    from django.test import override_settings

    exact, pattern = interface_strings("sq")
    without = [path for path in settings.LOCALE_PATHS if Path(path).name != "locale_allauth"]
    with override_settings(LOCALE_PATHS=without):
        before = english_on(client.get("/sq/accounts/login/").text, "sq", exact, pattern)
    after = english_on(client.get("/sq/accounts/login/").text, "sq", exact, pattern)
    assert {"Forgot your password?", "Sign In"} <= set(before)
    assert after == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_join_forms_selects_open_on_words_in_every_language(client, language):
    with translation.override(language):
        html = client.get(reverse("members:join")).content.decode()
        choose_a_country = translation.gettext("Choose a country")
    first = dict(FIRST_OPTION.findall(html))
    assert first["country"] == choose_a_country
    assert (choose_a_country == "Choose a country") == (language == "en")
    assert all(LETTERS.search(label) for label in first.values()), first
