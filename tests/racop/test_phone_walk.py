"""Walk the demo at 390 px in Macedonian and Albanian, as a coordinator sees it (the most
content): no page scrolls sideways (WCAG 1.4.10), with every <details> opened."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from members.demo import DEMO_ACCOUNTS

pytestmark = pytest.mark.django_db(transaction=True)

START = ["/", "/library/", "/discussions/", "/events/", "/plan/", "/pledge/", "/accountability/",
         "/accountability/commitments/", "/members/", "/me/", "/feedback/", "/library/suggestions/",
         "/library/collections/"]  # fmt: skip
SKIP = ("/admin/", "/accounts/logout", ".ics", ".csv", ".json", ".xml", "/feed", "/download/",
        "/cite.", "/set-language", "/language/", "/inbound/", "/static/", "/media/",
        "/print")  # fmt: skip
LIMIT = 90
OVERFLOW = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('main *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.right > width + 1 && getComputedStyle(e).position !== 'absolute'
      && !e.closest('.table-scroll, .chart, pre');
  }).slice(0, 3)
    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
  return [document.documentElement.scrollWidth - width, wide];
}"""


def _log_in(tab, email, password):
    tab.goto("/accounts/login/")
    tab.fill("input[name=login]", email)
    tab.fill("input[name=password]", password)
    tab.locator("form button[type=submit]").last.click()
    tab.wait_for_load_state()


@pytest.mark.parametrize("language", ["mk", "sq"])
def test_no_page_of_the_demo_scrolls_sideways_on_a_phone(browser, live_server, language):
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    _log_in(tab, *DEMO_ACCOUNTS["coordinator"])
    queue = [f"/{language}{path}" for path in START]
    seen, wide = set(), {}
    while queue and len(seen) < LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = tab.goto(path)
        if (
            response is None
            or response.status != 200
            or "text/html" not in response.headers.get("content-type", "")
        ):
            continue
        overflow, culprits = tab.evaluate(OVERFLOW)
        if overflow > 0:
            wide[path] = (overflow, culprits)
        for href in tab.eval_on_selector_all("main a[href^='/']", "as => as.map(a => a.pathname)"):
            wanted = href.startswith(f"/{language}/") and not any(part in href for part in SKIP)
            if wanted and href not in seen and href not in queue:
                queue.append(href)
    context.close()
    assert len(seen) >= 40, f"the walk reached only {len(seen)} pages"
    assert wide == {}, "\n".join(f"{p}: {w}" for p, w in wide.items())
