"""Every admin action and service that changes what people are shown starts a new generation
of that area (racop.cache), so the next reader sees the change, whatever path made it."""

from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from racop import cache as shared_cache
from tests.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db


def snapshot():
    """Return a digest of every watched table's rows."""
    digests = {}
    with connection.cursor() as cursor:
        for table in sorted(shared_cache._tables):
            cursor.execute(
                f"SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))"  # nosec
                f' FROM "{table}" t'
            )
            digests[table] = cursor.fetchone()[0]
    return digests


def generations():
    areas = sorted(shared_cache.AREAS)
    return dict(zip(areas, shared_cache.generations(areas), strict=True))


def assert_changes_seen(before_rows, before_generations, what):
    after_rows, after_generations = snapshot(), generations()
    changed_tables = [table for table in after_rows if after_rows[table] != before_rows[table]]
    for table in changed_tables:
        for area in shared_cache._tables[table][0]:
            assert after_generations[area] != before_generations[area], (
                f"{what} changed {table} but the {area} area kept its generation"
            )
    return changed_tables


@override_settings(DEBUG=True)
def test_every_admin_action_makes_its_change_seen(locmem_cache):
    call_command("seed_demo", stdout=StringIO())
    superuser = CoordinatorFactory(is_superuser=True)
    client = Client()
    client.force_login(superuser)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    walked, changed = 0, 0
    for model, model_admin in list(admin.site._registry.items()):
        actions = model_admin.get_actions(request)
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for name in actions:
            if name == "check_links":
                continue  # it reaches other hosts; its change is walked in the services test
            queryset = model_admin.get_queryset(request).order_by("-pk")
            if model is type(superuser):
                queryset = queryset.exclude(pk=superuser.pk)  # the one acting stays
            pks = list(queryset.values_list("pk")[:2])
            if not pks:
                continue
            before_rows, before_generations = snapshot(), generations()
            response = client.post(
                url,
                {"action": name, "_selected_action": [pk for (pk,) in pks], "post": "yes"},
            )
            # Done (a redirect to the list) or asking for more (a form): never an error.
            assert response.status_code in (200, 302), (model, name)
            if response.status_code == 302:  # still logged in: not sent to the login page
                assert "/login/" not in response.url, (model, name)
            walked += 1
            seen = assert_changes_seen(before_rows, before_generations, f"{model.__name__}.{name}")
            if seen:
                changed += 1
    # The walk reached the actions that change content (publish, archive, approve…).
    assert walked > 20 and changed > 10, (walked, changed)


def test_services_that_update_in_bulk_or_in_sql_make_their_change_seen(locmem_cache):
    from discussions import counters
    from library import services as library_services
    from library.models import Resource
    from tests.factories import ReplyFactory, ResourceFactory, ThreadFactory

    resource = ResourceFactory()
    thread = ThreadFactory()
    ReplyFactory(thread=thread)
    steps = [
        (
            "resources_feature",
            lambda: library_services.resources_feature(
                resources=Resource.objects.filter(pk=resource.pk), featured=True
            ),
        ),
        (
            "resources_archive",
            lambda: library_services.resources_archive(
                resources=Resource.objects.filter(pk=resource.pk)
            ),
        ),
        (
            "raw SQL",
            lambda: connection.cursor().execute(
                "UPDATE discussions_thread SET reply_count = 0 WHERE id = %s", [thread.pk]
            ),
        ),
        ("counters.refresh_all", counters.refresh_all),
    ]
    for what, step in steps:
        before_rows, before_generations = snapshot(), generations()
        step()
        assert assert_changes_seen(before_rows, before_generations, what), what
