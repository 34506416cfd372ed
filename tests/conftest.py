"""Shared fixtures: people in each role, and a real browser for key journeys."""

import os
import shutil

import pytest
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate

from tests.factories import (
    PASSWORD,
    CoordinatorFactory,
    MemberFactory,
    MembershipFactory,
    UserFactory,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


# Tables whose rows only a data migration writes. A flush empties every table; post_migrate,
# which flush sends after, refills the site, static pages, groups, content types and
# permissions, but nothing refills these.
SEEDED_TABLES = ["pledges_commitment"]


@pytest.fixture(scope="session")
def django_db_createdb(request):
    """Recreate the kept test database when it lacks the rows its data migrations seed.

    django_db_setup below keeps them through every test; a database left by a run from before
    it (or stopped in the middle of a flush) may still miss them.
    """
    if request.config.getvalue("create_db"):
        return True
    import psycopg
    from django.db import connection

    params = connection.get_connection_params()
    test_name = connection.creation._get_test_db_name()
    params.update(dbname=test_name)
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    try:
        with psycopg.connect(**params) as conn:
            row = conn.execute("SELECT count(*) FROM pledges_commitment").fetchone()
    except psycopg.Error:
        return False  # no test database yet (or no tables): pytest-django creates it
    return row[0] == 0


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Put the seeded rows back after each flush, so the kept database never needs rebuilding.

    Transactional tests (the browser journeys) end by flushing every table. The rows of
    SEEDED_TABLES are copied once, exactly as the migrations wrote them, and restored on the
    post_migrate signal the flush sends.
    """
    from django.db import connection, connections

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        seeded = {}
        for table in SEEDED_TABLES:
            cursor.execute(f"SELECT coalesce(json_agg(t), '[]')::text FROM {table} t")
            seeded[table] = cursor.fetchone()[0]

    def restore(using, **kwargs):
        with connections[using].cursor() as cursor:
            for table, rows in seeded.items():
                cursor.execute(
                    f"INSERT INTO {table} SELECT * FROM json_populate_recordset(NULL::{table}, %s)"
                    " ON CONFLICT DO NOTHING",
                    [rows],
                )

    pledges = global_apps.get_app_config("pledges")
    post_migrate.connect(restore, sender=pledges, dispatch_uid="tests.seeded_rows")
    yield
    post_migrate.disconnect(sender=pledges, dispatch_uid="tests.seeded_rows")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hash test passwords with a fast hasher: the real one costs a noticeable time a person."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Start each test in English: a request leaves its language active in the thread, and
    reverse() in the next test would otherwise build another language's addresses."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def locmem_cache(settings):
    """A process-local cache, so query guards count the page's own SQL, not cache reads."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def applicant(db):
    """Signed up and verified, application not yet approved."""
    return UserFactory()


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def representative(db):
    """A member who represents an organisation."""
    return MembershipFactory().user


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def as_role(client, request):
    """Return a function giving the client logged in as the named role.

    "visitor" is anonymous; any other role names the fixture of its person: applicant, member,
    representative, coordinator, or one a test module defines (the feedback tests' staff).
    """

    def login(role):
        if role != "visitor":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; required whenever CI is set."""
    if not (shutil.which(CHROMIUM) or os.path.exists(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but Chromium is missing at {CHROMIUM}: browser tests must run.")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; Django's ORM is used synchronously.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab whose relative URLs go to the live test server."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    yield tab
    context.close()
