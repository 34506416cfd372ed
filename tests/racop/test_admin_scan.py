"""No English interface string in the admin a coordinator runs the community from, in the
languages coordinators of the region read: every model's list, its add form and one object's
change form and history (the page scan of tests/racop/test_page_scan.py sets the admin aside).
"""

from pathlib import Path

import django
import polib
import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from racop.admin_site import PLUMBING
from racop.catalogs import catalogs_compile
from racop.models import Page
from tests.racop import test_page_scan as scan
from tests.security.test_permission_matrix import World

LANGUAGES = ["sq", "mk", "sr", "cnr"]
PAGE_CATALOGS = scan.english_catalogs


def english_catalogs():
    """The page scan's catalogs, and Django admin's own."""
    yield from PAGE_CATALOGS()
    admin_locale = Path(django.__path__[0]) / "contrib" / "admin" / "locale" / "en"
    yield polib.pofile(str(admin_locale / "LC_MESSAGES" / "django.po"))


def admin_pages(language):
    """Yield every admin page a coordinator opens for each model: list, add, change, history."""
    with translation.override(language):
        yield reverse("admin:index")
        for model in admin.site._registry:
            label = f"{model._meta.app_label}.{model._meta.model_name}"
            if label in PLUMBING:
                continue
            prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
            yield reverse(f"{prefix}_changelist")
            try:
                add = reverse(f"{prefix}_add")
            except NoReverseMatch:  # a model no one adds in the admin
                add = None
            if add:
                yield add
            first = model._default_manager.order_by("pk").first()
            if first is not None:
                yield reverse(f"{prefix}_change", args=[first.pk])
                yield reverse(f"{prefix}_history", args=[first.pk])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_shows_no_english_interface_string(client, language, monkeypatch):
    catalogs_compile(changed_only=True)
    monkeypatch.setattr(scan, "english_catalogs", english_catalogs)
    exact, pattern = scan.interface_strings(language)
    world = World()
    # The static pages' titles are content (seeded in English; coordinators translate them).
    content = scan.content_of_the_world() | set(Page.objects.values_list("title", flat=True))
    client.force_login(world.people["coordinator"])
    english, seen = {}, 0
    for url in admin_pages(language):
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type"):
            continue
        seen += 1
        html = response.content.decode()
        if found := scan.english_on(html, language, exact, pattern, content):
            english[url] = sorted(set(found))
    assert seen > 60
    report = [f"{url}: {' | '.join(found)}" for url, found in english.items()]
    assert not report, "English in the admin:\n" + "\n".join(report)
