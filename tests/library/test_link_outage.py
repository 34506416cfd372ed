"""The link checker during a network outage: the previous results stay, and it says so.

Sites that cannot be resolved (the reserved .invalid domain: every lookup fails, as when the
server's DNS or its connection is down) stand for an outage; a local HTTP server for the
links that work.
"""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from library.models import LinkCheck, Resource
from library.services import link_failure_kind, network_seems_down, resources_check_links
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:library_resource_changelist")
EARLIER = timezone.now() - datetime.timedelta(days=1)


def checked_before(url):
    """A resource whose link worked at yesterday's check."""
    resource = ResourceFactory(url=url)
    Resource.objects.filter(pk=resource.pk).update(
        link_status=200, link_error="", link_checked_at=EARLIER
    )
    return resource


def test_an_outage_keeps_the_previous_results_and_says_so(local_server, coordinator_client):
    unreachable = [checked_before(f"https://site-{n}.invalid/report") for n in range(5)]
    working = checked_before(f"{local_server}/ok")
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("check_links", "--timeout", "3", stdout=out)
    assert failed.value.returncode == 2
    message = str(failed.value)
    assert message.startswith("The network seemed down: 5 of 6 links could not be reached")
    assert "Results kept" in message
    for resource in [*unreachable, working]:
        resource.refresh_from_db()
        assert (resource.link_status, resource.link_checked_at) == (200, EARLIER)
    assert not Resource.objects.broken_links().exists()
    run = LinkCheck.objects.get()
    assert run.network_down and (run.checked, run.broken) == (6, 5)
    assert link_failure_kind(run.failure) == "name resolution"
    html = coordinator_client.get(CHANGELIST).content.decode()
    assert "The network seemed down at the last link check" in html
    assert "Results kept" in html
    broken = coordinator_client.get(CHANGELIST, {"link": "broken"}).content.decode()
    assert not any(resource.title in broken for resource in unreachable)
    change = reverse("admin:library_resource_change", args=[working.pk])
    assert "this link&#x27;s result was kept" in coordinator_client.get(change).content.decode()


def test_after_the_outage_a_normal_run_records_again(local_server, coordinator_client):
    checked_before("https://gone-for-good.invalid/")
    gone = checked_before(f"{local_server}/gone")
    ok = checked_before(f"{local_server}/ok")
    LinkCheck.objects.create(checked=3, broken=3, network_down=True, failure="x")
    out = io.StringIO()
    call_command("check_links", "--timeout", "3", stdout=out)
    assert "Checked 3 links; 2 broken." in out.getvalue()
    gone.refresh_from_db()
    ok.refresh_from_db()
    assert (gone.link_status, ok.link_status) == (404, 200)
    assert ok.link_checked_at > EARLIER
    html = coordinator_client.get(CHANGELIST).content.decode()
    assert "The network seemed down" not in html
    change = reverse("admin:library_resource_change", args=[ok.pk])
    assert "result was kept" not in coordinator_client.get(change).content.decode()


def test_one_dead_site_is_broken_links_not_an_outage(local_server):
    dead = [checked_before(f"https://dead-site.invalid/page-{n}") for n in range(5)]
    checked_before(f"{local_server}/ok")
    counts = resources_check_links(resources=Resource.objects.all(), timeout=3)
    assert (counts["network_down"], counts["broken"]) == (False, 5)
    assert set(Resource.objects.broken_links()) == set(dead)


def test_a_few_failures_among_many_links_are_recorded(local_server):
    for n in range(3):
        checked_before(f"https://missing-{n}.invalid/")
    for n in range(4):
        checked_before(f"{local_server}/ok-{n}")
    counts = resources_check_links(resources=Resource.objects.all(), timeout=3)
    assert (counts["network_down"], counts["checked"], counts["broken"]) == (False, 7, 3)
    assert Resource.objects.broken_links().count() == 3


def test_the_admin_action_says_the_network_seemed_down(coordinator_client):
    resources = [checked_before(f"https://site-{n}.invalid/") for n in range(3)]
    response = coordinator_client.post(
        CHANGELIST,
        {"action": "check_links", "_selected_action": [r.pk for r in resources]},
        follow=True,
    )
    html = response.content.decode()
    assert "The network seemed down: 3 of 3 links could not be reached" in html
    assert not Resource.objects.broken_links().exists()


class Link:
    def __init__(self, url):
        self.url = url


@pytest.mark.parametrize(
    ("results", "down"),
    [
        # Every link failed to connect, on three sites, in different ways: down.
        ([(0, "timed out"), (0, "[Errno 101] Network is unreachable"), (0, "timed out")], True),
        # Most failed alike; one site answered 404: down.
        ([(0, "timed out")] * 3 + [(404, "Not Found")], True),
        # Half, not most: the usual web.
        ([(0, "timed out")] * 3 + [(200, "")] * 3, False),
        # Servers answered with errors: the sites' problem, not the network.
        ([(500, "Server Error")] * 4, False),
    ],
)
def test_what_counts_as_the_network_being_down(results, down):
    targets = [Link(f"https://site-{n}.example/") for n in range(len(results))]
    assert bool(network_seems_down(targets, results)) is down
