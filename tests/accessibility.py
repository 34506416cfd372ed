"""Run axe-core (bundled by axe-playwright-python) against a page for WCAG 2.2 A/AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

_axe = Axe()


def axe_violations(tab):
    """Return a readable list of the page's accessibility violations (empty when clean)."""
    results = _axe.run(tab, options=WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
