"""The back office's Sources: who may use them, the list, the form, "Harvest now", attention."""

import re

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from django.utils import timezone

from library.admin import HARVEST_AT_ONCE
from library.harvest import HARVEST_LOCK
from library.models import Resource, Source
from tests.factories import CoordinatorFactory, MemberFactory, ResourceFactory, UserFactory
from tests.library.portal import fake_portal

pytestmark = pytest.mark.django_db

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
    "<item><title>Partner report</title><link>https://partner.example/report</link>"
    "<guid>r1</guid></item></channel></rss>"
)
LIST = reverse("admin:library_source_changelist")


@pytest.fixture
def serving_portal():
    yield from fake_portal()


ADD = reverse("admin:library_source_add")


def make_sources(size):
    for n in range(size):
        failed = n % 2 == 0
        source = Source.objects.create(
            name=f"Source {n}",
            address=f"https://partner{n}.example/feed",
            last_harvested_at=timezone.now(),
            last_status=Source.Status.FAILED if failed else Source.Status.OK,
            last_error="HTTP 500 Internal Server Error" if failed else "",
            found_count=n,
        )
        ResourceFactory(source=source, source_key=f"k{n}", status=Resource.Status.IN_REVIEW)


@pytest.mark.parametrize(
    "who, status",
    [("visitor", 302), ("member", 302), ("staff", 403), ("coordinator", 200)],
)
@pytest.mark.parametrize("url", [LIST, ADD])
def test_only_coordinators_manage_sources(client, who, status, url):
    people = {
        "member": MemberFactory,
        "staff": lambda: UserFactory(is_staff=True),
        "coordinator": CoordinatorFactory,
    }
    if who != "visitor":
        client.force_login(people[who]())
    response = client.get(url)
    assert response.status_code == status
    if status == 302:
        assert "/login/" in response["Location"]


@pytest.mark.parametrize("size", [2, 12])
def test_the_sources_list_queries_do_not_grow(
    coordinator_client, django_assert_max_num_queries, size
):
    make_sources(size)
    with django_assert_max_num_queries(7):
        response = coordinator_client.get(LIST)
    assert response.status_code == 200
    assert response.context["cl"].result_count == size
    html = response.content.decode()
    assert html.count("HTTP 500 Internal Server Error") == (size + 1) // 2
    # Each links to the resources harvested from it.
    source = Source.objects.get(name="Source 1")
    assert f'?source__id__exact={source.pk}">1</a>' in html


@pytest.mark.parametrize("size", [2, 12])
def test_the_resources_list_names_sources_without_more_queries(
    coordinator_client, django_assert_max_num_queries, size
):
    make_sources(size)
    with django_assert_max_num_queries(13):
        response = coordinator_client.get(reverse("admin:library_resource_changelist"))
    assert response.status_code == 200
    assert "Source 1</td>" in response.content.decode()


def test_the_resources_list_is_filtered_by_source(coordinator_client):
    make_sources(3)
    ResourceFactory(title="Added by hand")
    source = Source.objects.get(name="Source 1")
    response = coordinator_client.get(
        reverse("admin:library_resource_changelist"), {"source__id__exact": source.pk}
    )
    assert [r.title for r in response.context["cl"].result_list] == [source.resources.get().title]


def test_a_harvested_resource_names_its_source_on_its_page(coordinator_client):
    make_sources(1)
    resource = Resource.objects.get(source__isnull=False)
    html = coordinator_client.get(
        reverse("admin:library_resource_change", args=[resource.pk])
    ).content.decode()
    assert "Harvested from" in html
    assert "Source 0" in html
    by_hand = ResourceFactory()
    html = coordinator_client.get(
        reverse("admin:library_resource_change", args=[by_hand.pk])
    ).content.decode()
    assert "Harvested from" not in html


def form_data(**changes):
    return {
        "name": "Partner news",
        "kind": "feed",
        "address": "https://partner.example/feed",
        "active": "on",
        "resource_type": "news",
        **changes,
    }


def test_a_coordinator_adds_a_source(coordinator_client):
    response = coordinator_client.post(ADD, form_data(languages=["sr"]))
    assert response.status_code == 302
    source = Source.objects.get()
    assert (source.name, source.kind, source.languages) == ("Partner news", "feed", ["sr"])


@pytest.mark.parametrize(
    "address", ["not an address", "partner news", "ftp://partner.example/feed", "javascript:x"]
)
def test_an_address_that_is_not_a_web_address_is_refused_next_to_the_field(
    coordinator_client, address
):
    response = coordinator_client.post(ADD, form_data(address=address))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["address"] == ["Enter a valid URL."]
    assert re.search(r'<ul class="errorlist"[^>]*id="id_address_error"', response.content.decode())
    assert not Source.objects.exists()


@pytest.mark.parametrize("changes", [{"kind": "gopher"}, {"resource_type": "x"}, {"name": ""}])
def test_other_bad_input_is_refused_with_a_message(coordinator_client, changes):
    response = coordinator_client.post(ADD, form_data(**changes))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not Source.objects.exists()


def harvest_now(client, sources):
    return client.post(
        LIST,
        {"action": "harvest_now", helpers.ACTION_CHECKBOX_NAME: [s.pk for s in sources]},
        follow=True,
    )


def test_harvest_now_harvests_the_selected_sources_and_says_how_it_went(
    coordinator_client, web_server
):
    web_server.put("/feed.xml", RSS)
    good = Source.objects.create(name="Good", address=f"{web_server.address}/feed.xml")
    bad = Source.objects.create(name="Bad", address=f"{web_server.address}/missing.xml")
    untouched = Source.objects.create(name="Later", address=f"{web_server.address}/feed.xml")
    response = harvest_now(coordinator_client, [good, bad])
    said = [str(message) for message in response.context["messages"]]
    assert "Good: 1 found, 1 new, 0 updated." in said
    assert any(m.startswith("Bad failed: HTTP 404") for m in said)
    assert Resource.objects.get().source == good
    untouched.refresh_from_db()
    assert untouched.last_harvested_at is None


def test_harvest_now_queues_many_sources(coordinator_client, web_server):
    web_server.put("/feed.xml", RSS)
    sources = [
        Source.objects.create(name=f"S{n}", address=f"{web_server.address}/feed.xml")
        for n in range(HARVEST_AT_ONCE + 1)
    ]
    response = harvest_now(coordinator_client, sources)
    said = [str(message) for message in response.context["messages"]]
    assert said == [
        f"{len(sources)} sources will be harvested in the background; see their last results "
        "here in a few minutes."
    ]
    # The tests run tasks at once (RACOP_TASKS_IMMEDIATE): all were harvested, one added.
    assert Source.objects.filter(last_status="ok").count() == len(sources)
    assert Resource.objects.count() == 1


def test_failing_sources_are_on_the_front_page_with_a_link_to_them(coordinator_client):
    make_sources(5)  # three failed
    Source.objects.filter(name="Source 4").update(active=False)
    html = coordinator_client.get(reverse("admin:index")).content.decode()
    found = re.search(
        r'<li class="attention-failing_sources[^"]*">\s*<a href="([^"]+)">([^<]+)</a>', html
    )
    assert found.group(2) == "2 sources failed at their last harvest"
    listed = coordinator_client.get(found.group(1).replace("&amp;", "&"))
    assert listed.context["cl"].result_count == 2


def test_sources_are_listed_with_the_library(coordinator_client):
    html = coordinator_client.get(reverse("admin:index")).content.decode()
    library = html[html.index('id="group-library"') :]
    library = library[: library.index('<div id="group-')]
    assert 'class="model-source' in library


def test_harvest_now_queues_another_portal(coordinator_client, serving_portal):
    serving_portal.publish("From the other portal", link="https://example.org/other")
    source = Source.objects.create(
        name="Other portal", kind=Source.Kind.PORTAL, address=serving_portal.address
    )
    response = harvest_now(coordinator_client, [source])
    said = [str(message) for message in response.context["messages"]]
    assert said == [
        "1 source will be harvested in the background; see its last result here in a few minutes."
    ]
    assert Resource.objects.get().source == source  # run at once by the tests' task backend


def test_harvest_now_leaves_a_source_another_run_is_harvesting(
    coordinator_client, web_server, other_session
):
    web_server.put("/feed.xml", RSS)
    source = Source.objects.create(name="Busy", address=f"{web_server.address}/feed.xml")
    other_session.execute("SELECT pg_advisory_lock(%s, %s)", [HARVEST_LOCK, source.pk])
    response = harvest_now(coordinator_client, [source])
    said = [str(message) for message in response.context["messages"]]
    assert said == ["Busy is being harvested by another run; see its result here soon."]
    assert not Resource.objects.exists()
