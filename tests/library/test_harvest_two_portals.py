"""Two portals on loopback: one serves its library through the public API, the other (this
test process) harvests it into its curation queue, twice, without duplicates.

The serving portal is a real one: this project in a gunicorn process on a database of its
own (on the tests' PostgreSQL server), its resources published through `manage.py shell`.
It needs the API (the `api` app); until that is installed the fake portal of
tests/library/portal.py stands in (test_harvest.py).
"""

import json
import sys
import urllib.parse
import urllib.request

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from library.models import Resource, Source
from tests.reliability.stack import AppServer, manage, production_env

pytestmark = pytest.mark.django_db

PUBLISH = """
from library.models import Resource
from racop.models import Topic
topic, _ = Topic.objects.get_or_create(slug="open-books", defaults={{"name": "Open books"}})
for n, title in enumerate({titles!r}):
    resource = Resource.objects.create(
        title=title, slug=f"served-{{n}}", summary=f"Summary {{n}}.",
        url=f"https://serving.example/{{n}}?utm_source=x" if n % 2 else "",
        type="guide", languages=["en", "sr"], scope="regional", year=2024,
        status="published", visibility="public",
    )
    resource.topics.add(topic)
    resource.tags.add("budgets")
Resource.objects.create(title="Members only", slug="members-only", status="published",
                        visibility="members")
Resource.objects.create(title="A draft", slug="a-draft", status="draft")
"""

EDIT = """
from library.models import Resource
resource = Resource.objects.get(slug="served-1")
resource.title = "Budget monitoring, second edition"
resource.save()
Resource.objects.create(title="Published later", slug="served-later", status="published")
"""


def database_url(name):
    """Return the address of a database on the server the tests use.

    The connection's effective parameters, not ``settings_dict``: the embedded server's
    socket folder arrives in ``OPTIONS`` (``?host=`` in its address), not in ``HOST``.
    """
    params = connection.get_connection_params()
    user = urllib.parse.quote(params.get("user") or "")
    password = urllib.parse.quote(params.get("password") or "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = params.get("host") or ""
    if host.startswith("/"):  # a socket folder (the embedded server)
        return f"postgresql://{credentials}/{name}?host={urllib.parse.quote(host)}"
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{credentials}{host}{port}/{name}"


def recreate(name, *, drop_only=False):
    params = connection.get_connection_params()
    params = {k: v for k, v in params.items() if k in {"host", "port", "user", "password"}}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            admin.execute(f'CREATE DATABASE "{name}"')


@pytest.fixture
def serving_portal(tmp_path):
    name = f"{connection.settings_dict['NAME']}_serving"
    recreate(name)
    env = production_env(
        database_url=database_url(name), redis_url="", media_root=tmp_path / "media"
    )
    # DEBUG: no collected static files needed for an API.
    env["DJANGO_DEBUG"] = "1"
    manage(env, "migrate", "--noinput")
    server = AppServer(env, tmp_path / "serving.log")
    server.env = env
    yield server
    server.stop()
    recreate(name, drop_only=True)


def served(server):
    with urllib.request.urlopen(f"{server.url}/api/v1/resources/") as response:  # nosec B310
        return json.load(response)


def test_a_second_portal_harvests_the_first_twice_without_duplicates(serving_portal):
    titles = [f"Served resource {n}" for n in range(7)]
    titles[1] = "Budget monitoring"
    titles[2] = "Građansko društvo"
    manage(serving_portal.env, "shell", "-c", PUBLISH.format(titles=titles))
    assert served(serving_portal)["count"] == 7
    Resource.objects.create(title="GRADJANSKO DRUSTVO", slug="ours", status="published")
    source = Source.objects.create(
        name="Serving portal", kind=Source.Kind.PORTAL, address=serving_portal.url
    )

    call_command("harvest", stdout=sys.stdout)
    queue = Resource.objects.filter(source=source, status=Resource.Status.IN_REVIEW)
    assert queue.count() == 6  # seven public ones, one already here by its title
    budget = queue.get(title="Budget monitoring")
    assert budget.title == "Budget monitoring"
    assert budget.url == "https://serving.example/1"
    assert sorted(budget.languages) == ["en", "sr"]
    assert [tag.name for tag in budget.tags.all()] == ["budgets"]
    assert not Resource.objects.filter(title__in=["Members only", "A draft"]).exists()

    call_command("harvest", stdout=sys.stdout)
    assert queue.count() == 6
    assert Resource.objects.count() == 7

    manage(serving_portal.env, "shell", "-c", EDIT)
    call_command("harvest", stdout=sys.stdout)
    source.refresh_from_db()
    assert (source.last_status, source.found_count, source.new_count) == ("ok", 2, 1)
    assert source.updated_count == 1
    budget.refresh_from_db()
    assert budget.title == "Budget monitoring, second edition"
    assert queue.count() == 7
    assert Resource.objects.count() == 8
