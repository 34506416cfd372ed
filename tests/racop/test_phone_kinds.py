"""Every kind of page at 390 px: each URL of the permission matrix and of django-allauth that
a visitor, a member or a coordinator may open (one page per kind, the objects of the matrix's
World), and the back office's front page, in Macedonian and Albanian. None may be wider than
the phone (WCAG 1.4.10), with every <details> opened; and whatever scrolls sideways inside
a page is a region a keyboard reaches and a screen reader names (WCAG 2.1.1, 4.1.2).

tests/racop/test_phone_walk.py walks the demo's content; this covers the kinds it may not
reach (forms, empty states, allauth, pages only a visitor sees)."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Error as PlaywrightError

from tests.racop.test_phone_walk import OVERFLOW
from tests.security.test_permission_matrix import ALLAUTH, MATRIX, World

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH = 390
# Whatever scrolls sideways in the page, without the name and focus a region needs.
UNNAMED_SCROLLERS = """() => [...document.querySelectorAll('main *')].filter(e => {
    const style = getComputedStyle(e);
    return ['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
  }).filter(e => !(e.getAttribute('tabindex') === '0' && e.getAttribute('role') === 'region'
    && (e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '')
      .split(' ').every(id => id && document.getElementById(id)
        && document.getElementById(id).textContent.trim()))))
  .map(e => e.tagName + '.' + e.className)"""
# The admin's pages past its front page keep Django's own layout (its changelists scroll
# their tables); the front page is the portal's, and is checked as the coordinator's.
EXTRA = {"coordinator": [("admin:index", {})]}


def pages(world, role, language):
    """Yield (name, url, settings) of every page of one kind the role may open."""
    for name, spec in {**MATRIX, **ALLAUTH}.items():
        if spec["method"] != "get" or spec["answers"][role] != 200:
            continue
        with translation.override(language):
            url = reverse(name, kwargs={key: make(world) for key, make in spec["kwargs"].items()})
        yield name, url, spec["settings"]
    for name, page_settings in EXTRA.get(role, []):
        with translation.override(language):
            yield name, reverse(name), page_settings


@pytest.mark.parametrize("language", ["mk", "sq"])
@pytest.mark.parametrize("role", ["visitor", "member", "coordinator"])
def test_every_kind_of_page_fits_a_phone(browser, live_server, role, language):
    world = World()
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": WIDTH, "height": 844}
    )
    if role != "visitor":
        client = Client()
        client.force_login(world.people[role])
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    tab = context.new_page()
    seen, wide, unnamed = 0, {}, {}
    for name, url, page_settings in pages(world, role, language):
        with override_settings(**page_settings):
            try:
                response = tab.goto(url)
            except PlaywrightError as error:
                # A file to download (CSV, iCal, JSON, a QR code): not a page.
                if "Download is starting" in str(error):
                    continue
                raise
            if response is None or response.status != 200:
                continue
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            seen += 1
            overflow, culprits = tab.evaluate(OVERFLOW)
            if overflow > 0:
                wide[f"{name} {url}"] = (overflow, culprits)
            if found := tab.evaluate(UNNAMED_SCROLLERS):
                unnamed[f"{name} {url}"] = found
    context.close()
    assert seen >= {"visitor": 25, "member": 50, "coordinator": 60}[role], seen
    assert wide == {}, "\n".join(f"{page}: {found}" for page, found in wide.items())
    assert unnamed == {}, "\n".join(f"{page}: {found}" for page, found in unnamed.items())
