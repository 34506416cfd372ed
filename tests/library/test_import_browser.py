"""A coordinator imports the spreadsheet they keep, unedited, from the admin in a browser:
the file is checked first (which rows import and why), then imported as drafts. Every page
passes axe-core; screenshots go to test-artifacts/journeys/import/."""

from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from library.models import Resource
from racop.demo import seed
from tests.factories import PASSWORD, CoordinatorFactory
from tests.journeys.test_journey_browser import Journey, log_in

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SHEET = ROOT / "tests" / "library" / "spreadsheets" / "coordinator_sheet.csv"


def test_a_coordinator_imports_an_unedited_spreadsheet_from_the_admin(browser, live_server):
    cache.clear()
    coordinator = CoordinatorFactory()
    seed()  # the demo's topics, named in every interface language
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    journey = Journey(context.new_page(), ROOT / "test-artifacts" / "journeys" / "import")
    tab = journey.tab
    log_in(tab, coordinator.email, PASSWORD)
    tab.goto("/admin/library/resource/")
    tab.get_by_role("link", name="Import resources").click()
    journey.check("import-upload")
    tab.locator("input[type=file]").set_input_files(str(SHEET))
    tab.get_by_role("button", name="Check the file").click()
    journey.check("import-report")
    heading = tab.get_by_role("heading", name="rows can be imported")
    expect(heading).to_be_visible()
    assert not Resource.objects.exists()  # nothing is saved before confirming
    importable = int(heading.inner_text().split()[0])
    assert importable >= 15
    tab.get_by_role("button", name=f"Import {importable} rows").click()
    journey.check("import-done")
    assert Resource.objects.count() == importable
    assert set(Resource.objects.values_list("status", flat=True)) == {Resource.Status.DRAFT}
    context.close()
