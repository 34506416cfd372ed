"""Harvesting feeds and another portal's library into the curation queue."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from library import harvest
from library.harvest import HarvestError, address_key, feed_items, name_key, source_harvest
from library.models import Resource, Source
from tests.factories import ResourceFactory, TopicFactory
from tests.library.portal import fake_portal

pytestmark = pytest.mark.django_db

FEEDS = Path(__file__).parent / "feeds"


def feed(name):
    return (FEEDS / name).read_bytes()


@pytest.fixture
def serving_portal():
    yield from fake_portal()


def feed_source(site, path="/feed.xml", **fields):
    return Source.objects.create(
        name=fields.pop("name", "Partner news"),
        kind=Source.Kind.FEED,
        address=f"{site.address}{path}",
        **fields,
    )


def queue():
    return Resource.objects.filter(status=Resource.Status.IN_REVIEW).order_by("title")


# Feeds as they are found in the wild.


def test_an_rss_feed_with_html_in_cdata_and_a_cyrillic_title_becomes_suggestions(web_server):
    topic = TopicFactory(slug="civic-space")
    web_server.put("/feed.xml", feed("partner-rss.xml"))
    source = feed_source(web_server, languages=["mk"])
    source.topics.set([topic])
    result = source_harvest(source=source)
    assert result.ok, result.error
    assert (result.found, result.new, result.updated) == (3, 3, 0)
    first = Resource.objects.get(source_key="https://www.partner.example.mk/?p=1041")
    assert first.title == "Отчетност на граѓанските организации во 2026"
    assert first.summary == (
        "Нов извештај за отчетноста на граѓанските организации. Прочитајте повеќе »"
    )
    assert first.url == "https://www.partner.example.mk/vesti/otchetnost-2026/"
    assert first.publisher == "Марија Петровска"
    assert (first.year, first.type, first.languages) == (2026, "news", ["mk"])
    assert (first.status, first.source) == (Resource.Status.IN_REVIEW, source)
    assert list(first.topics.all()) == [topic]
    assert first.added_by is None
    monitor = Resource.objects.get(url__contains="civic-space-november")
    # HTML is gone, scripts and their text with it; no tracker address survives.
    assert monitor.title == "Civic space monitor: November update"
    assert monitor.summary == "Monthly monitor of civic space in the region."
    source.refresh_from_db()
    assert (source.last_status, source.found_count, source.new_count) == ("ok", 3, 3)
    # The request named the portal.
    assert "harvester" in web_server.requests[0][1]["User-Agent"]


def test_an_atom_feed_becomes_suggestions():
    items = feed_items(feed("network-atom.xml"), Source(resource_type="toolkit", languages=[]))
    assert [(i.title, i.address, i.summary, str(i.date)) for i in items] == [
        (
            "Accountability & transparency toolkit",
            "https://network.example.org/toolkit",
            "A practical toolkit.",
            "2026-10-20",
        ),
        (
            "Feedback from the people we serve",
            "https://network.example.org/feedback-guide",
            "How to ask them.",
            "2025-06-01",
        ),
    ]
    assert items[0].key == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    assert items[0].publisher == "Ana Kovač"
    assert items[0].type == "toolkit"


@pytest.mark.parametrize(
    "content, says",
    [
        (feed("broken.xml"), "Not well-formed XML"),
        (b"<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>", "Not an RSS"),
        (b"", "Not an RSS"),
    ],
)
def test_a_broken_feed_is_refused(content, says):
    with pytest.raises(HarvestError, match=says):
        feed_items(content, Source())


def test_a_broken_feed_fails_its_source_and_adds_nothing(web_server):
    web_server.put("/feed.xml", feed("broken.xml"))
    source = feed_source(web_server)
    result = source_harvest(source=source)
    assert not result.ok
    source.refresh_from_db()
    assert source.last_status == Source.Status.FAILED
    assert "Not well-formed XML" in source.last_error
    assert not Resource.objects.exists()


# Duplicates.


@pytest.mark.parametrize(
    "variant",
    [
        "https://partner.example.org/report",
        "http://partner.example.org/report/",
        "https://www.partner.example.org/report",
        "https://WWW.Partner.example.org/report/?utm_source=rss&utm_medium=feed",
        "https://partner.example.org/report#summary",
    ],
)
def test_addresses_are_compared_without_scheme_www_slash_and_tracking(variant):
    assert address_key(variant) == "partner.example.org/report"


def test_other_query_parameters_still_tell_addresses_apart():
    assert address_key("https://a.example/?p=1") != address_key("https://a.example/?p=2")


def test_titles_are_compared_without_case_accents_script_and_dj():
    keys = {
        name_key("Građansko društvo"),
        name_key("Gradjansko drustvo"),
        name_key("GRAĐANSKO DRUŠTVO"),
        name_key("Грађанско друштво"),
        name_key("Građansko društvo!"),
    }
    assert len(keys) == 1
    assert name_key("Gradsko društvo") not in keys


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{}</channel></rss>"""
ITEM = "<item><title>{}</title><link>{}</link><guid>{}</guid><description>{}</description></item>"


def rss(*items):
    return RSS.format("".join(ITEM.format(*item) for item in items))


def test_items_already_in_the_library_are_not_suggested_again(web_server):
    ResourceFactory(title="Građansko društvo", url="https://example.org/a")
    ResourceFactory(title="Budget monitoring", url="http://www.partner.example.org/report/")
    web_server.put(
        "/feed.xml",
        rss(
            ("Gradjansko drustvo", "https://other.example/x", "1", ""),
            ("GRAĐANSKO DRUŠTVO", "https://other.example/y", "2", ""),
            ("A new title", "https://partner.example.org/report?utm_campaign=x", "3", ""),
            ("Really new", "https://partner.example.org/new", "4", ""),
        ),
    )
    result = source_harvest(source=feed_source(web_server))
    assert (result.found, result.new, result.duplicates) == (4, 1, 3)
    assert [r.title for r in queue()] == ["Really new"]


def test_a_feed_repeating_an_item_gives_one_suggestion(web_server):
    web_server.put(
        "/feed.xml",
        rss(("Same", "https://a.example/1", "1", ""), ("Same", "https://a.example/1/", "2", "")),
    )
    result = source_harvest(source=feed_source(web_server))
    assert (result.new, result.duplicates) == (1, 1)


# Harvesting again.


def test_harvesting_again_updates_what_changed_and_never_duplicates(web_server):
    web_server.put(
        "/feed.xml",
        rss(
            ("First", "https://a.example/1", "1", "Old summary"),
            ("Second", "https://a.example/2", "2", "Same"),
        ),
    )
    source = feed_source(web_server)
    assert source_harvest(source=source).new == 2
    again = source_harvest(source=source)
    assert (again.found, again.new, again.updated) == (2, 0, 0)
    web_server.put(
        "/feed.xml",
        rss(
            ("First, revised", "https://a.example/1", "1", "New summary"),
            ("Second", "https://a.example/2", "2", "Same"),
            ("Third", "https://a.example/3", "3", ""),
        ),
    )
    third = source_harvest(source=source)
    assert (third.found, third.new, third.updated) == (3, 1, 1)
    assert [(r.title, r.summary) for r in queue()] == [
        ("First, revised", "New summary"),
        ("Second", "Same"),
        ("Third", ""),
    ]
    assert Resource.objects.count() == 3


def test_a_published_item_keeps_the_coordinators_edits_and_the_change_is_recorded(web_server):
    web_server.put("/feed.xml", rss(("Report", "https://a.example/1", "1", "Old")))
    source = feed_source(web_server)
    source_harvest(source=source)
    resource = Resource.objects.get()
    resource.title = "Annual report (edited)"
    resource.save()
    resource.publish()
    web_server.put("/feed.xml", rss(("Report v2", "https://a.example/1", "1", "New")))
    result = source_harvest(source=source)
    assert (result.new, result.updated, result.changed_elsewhere) == (0, 0, 1)
    resource.refresh_from_db()
    assert (resource.title, resource.summary) == ("Annual report (edited)", "Old")
    assert resource.source_changed_at is not None
    assert Resource.objects.count() == 1


def test_a_feed_is_asked_whether_it_changed_since_the_last_harvest(web_server):
    def answer(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {"ETag": '"v1"'}, rss(("One", "https://a.example/1", "1", "")).encode()

    web_server.put("/feed.xml", answer)
    source = feed_source(web_server)
    assert source_harvest(source=source).new == 1
    second = source_harvest(source=source)
    assert second.ok and second.not_modified
    assert web_server.requests[1][1]["If-None-Match"] == '"v1"'
    assert Resource.objects.count() == 1


def test_a_feed_larger_than_the_cap_is_refused(web_server, monkeypatch):
    monkeypatch.setattr(harvest, "MAX_BYTES", 100)
    web_server.put("/feed.xml", rss(("One", "https://a.example/1", "1", "x" * 200)))
    result = source_harvest(source=feed_source(web_server))
    assert not result.ok
    assert "Larger than" in result.error


# Failing sources.


def test_a_failing_source_is_reported_and_stops_no_other(web_server):
    web_server.put("/good.xml", rss(("Good news", "https://a.example/1", "1", "")))
    web_server.put("/error.xml", b"Internal error", status=500)
    web_server.put("/json.xml", b'{"not": "a feed"}')
    failing = [
        feed_source(web_server, "/error.xml", name="Down"),
        Source.objects.create(name="No such host", address="http://nonexistent.invalid/feed"),
        Source.objects.create(name="Nobody listens", address="http://127.0.0.1:9/feed"),
        feed_source(web_server, "/json.xml", name="Not a feed"),
    ]
    good = feed_source(web_server, "/good.xml", name="Good")
    out = StringIO()
    call_command("harvest", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    assert f"Good (#{good.pk}): 1 found, 1 new" in out.getvalue()
    assert "HTTP 500" in next(line for line in lines if line.startswith("Down"))
    for source in failing:
        source.refresh_from_db()
        assert source.last_status == Source.Status.FAILED, source.name
        assert source.last_error
    good.refresh_from_db()
    assert good.last_status == Source.Status.OK
    assert [r.title for r in queue()] == ["Good news"]


def test_the_command_fails_only_when_every_source_failed(web_server):
    web_server.put("/error.xml", b"", status=503)
    source = feed_source(web_server, "/error.xml")
    with pytest.raises(CommandError, match="Every source failed"):
        call_command("harvest", stdout=StringIO())
    web_server.put("/ok.xml", rss())
    feed_source(web_server, "/ok.xml", name="Quiet")
    call_command("harvest", stdout=StringIO())
    out = StringIO()
    with pytest.raises(CommandError, match="Every source failed"):
        call_command("harvest", "--source", str(source.pk), stdout=out)
    assert out.getvalue().count("\n") == 1


def test_the_command_harvests_one_source_and_names_unknown_ones(web_server):
    web_server.put("/feed.xml", rss(("One", "https://a.example/1", "1", "")))
    source = feed_source(web_server, active=False)
    out = StringIO()
    call_command("harvest", stdout=out)
    assert out.getvalue() == "No active sources to harvest.\n"
    call_command("harvest", "--source", str(source.pk), stdout=out)
    assert queue().count() == 1
    with pytest.raises(CommandError, match="No source with id 999999"):
        call_command("harvest", "--source", "999999")


# Another portal's library, through its API.


def portal_source(portal):
    return Source.objects.create(
        name="Other portal", kind=Source.Kind.PORTAL, address=portal.address
    )


def test_a_second_portal_harvests_the_first_twice_without_duplicates(serving_portal, monkeypatch):
    monkeypatch.setattr(harvest, "PAGE_SIZE", 2)
    serving_portal.publish("Građansko društvo i odgovornost", link="https://example.org/guide")
    serving_portal.publish("Feedback in practice", file=f"{serving_portal.address}/media/f.pdf")
    serving_portal.publish("A page of its own")
    serving_portal.publish("Fourth", link="https://example.org/4")
    serving_portal.publish("Fifth", link="https://example.org/5")
    ResourceFactory(title="Gradjansko drustvo i odgovornost", url="https://example.org/other")
    source = portal_source(serving_portal)

    out = StringIO()
    call_command("harvest", stdout=out)
    assert "5 found, 4 new, 0 updated, 1 already in the library" in out.getvalue()
    # Three pages of two, each followed by its absolute "next" address.
    assert [path.split("?")[1].count("page=") for path in serving_portal.requests] == [0, 1, 1]
    assert queue().count() == 4

    call_command("harvest", stdout=StringIO())
    assert queue().count() == 4
    assert Resource.objects.count() == 5
    # The second harvest asked only for what changed since the first.
    assert "changed_since=" in serving_portal.requests[-1]

    serving_portal.edit("resource-4", title="Fourth, revised", summary="Now with a summary.")
    serving_portal.publish("Sixth", link="https://example.org/6")
    out = StringIO()
    call_command("harvest", stdout=out)
    assert "2 found, 1 new, 1 updated" in out.getvalue()
    assert queue().count() == 5
    revised = Resource.objects.get(source_key=f"{serving_portal.address}/library/resource-4/")
    assert (revised.title, revised.summary) == ("Fourth, revised", "Now with a summary.")
    assert revised.source == source
    file_only = Resource.objects.get(title="Feedback in practice")
    assert file_only.url == f"{serving_portal.address}/media/f.pdf"
    page_only = Resource.objects.get(title="A page of its own")
    assert page_only.url == f"{serving_portal.address}/library/resource-3/"


def test_a_portal_resource_keeps_its_description(serving_portal):
    topic = TopicFactory(slug="accountability")
    serving_portal.publish(
        "Budget guide",
        summary="A <b>guide</b>.",
        link="https://example.org/guide?utm_source=portal",
        year=2025,
        published="2025-03-01",
        type="toolkit",
        languages=["hr", "xx"],
        countries=["hr", "zz"],
        scope="countries",
        topics=["accountability", "unknown"],
        tags=["budgets", "transparency"],
        publisher="Civil Society Network",
    )
    result = source_harvest(source=portal_source(serving_portal))
    assert result.ok, result.error
    resource = Resource.objects.get()
    assert (resource.title, resource.summary, resource.url) == (
        "Budget guide",
        "A guide.",
        "https://example.org/guide",
    )
    assert (resource.type, resource.year, resource.scope) == ("toolkit", 2025, "countries")
    assert (resource.languages, resource.countries) == (["hr"], ["HR"])
    assert list(resource.topics.all()) == [topic]
    assert sorted(tag.name for tag in resource.tags.all()) == ["budgets", "transparency"]
    assert resource.publisher == "Civil Society Network"
    assert "budgets" in resource.keywords


@pytest.mark.parametrize(
    "body, says",
    [
        (b"<html>Not JSON</html>", "Not JSON"),
        (b'{"detail": "Not found."}', "no results"),
        (b'{"results": [{"title": "No id"}]}', "no id"),
    ],
)
def test_a_portal_answering_something_else_fails(web_server, body, says):
    web_server.put("/api/v1/resources/", body)
    source = Source.objects.create(name="Odd", kind=Source.Kind.PORTAL, address=web_server.address)
    result = source_harvest(source=source)
    assert not result.ok
    assert says in result.error
    assert not Resource.objects.exists()


def test_a_portal_whose_pages_loop_fails(web_server):
    loop = f'{{"results": [], "next": "{web_server.address}/api/v1/resources/?page_size=100"}}'
    web_server.put("/api/v1/resources/", loop)
    source = Source.objects.create(name="Loop", kind=Source.Kind.PORTAL, address=web_server.address)
    result = source_harvest(source=source)
    assert "lead back" in result.error


def test_the_api_address_may_be_the_portal_or_its_endpoint():
    assert harvest.api_address("https://a.example") == "https://a.example/api/v1/resources/"
    assert harvest.api_address("https://a.example/") == "https://a.example/api/v1/resources/"
    assert harvest.api_address("https://a.example/api/v1/resources/") == (
        "https://a.example/api/v1/resources/"
    )


def test_a_redirect_away_from_the_web_is_not_followed(web_server):
    web_server.put("/feed.xml", b"", status=302, headers={"Location": "ftp://example.org/feed"})
    result = source_harvest(source=feed_source(web_server))
    assert "Redirected away from the web" in result.error


def test_a_redirect_to_another_web_address_is_followed(web_server):
    web_server.put("/old.xml", b"", status=301, headers={"Location": "/feed.xml"})
    web_server.put("/feed.xml", rss(("Moved", "https://a.example/1", "1", "")))
    result = source_harvest(source=feed_source(web_server, "/old.xml"))
    assert (result.ok, result.new) == (True, 1)


def test_a_feed_says_its_language_and_its_relative_links_are_resolved():
    content = feed("partner-rss.xml").replace(
        b"https://partner.example.mk/news/gradjansko-drustvo/", b"/news/gradjansko-drustvo/"
    )
    source = Source(resource_type="news", address="https://partner.example.mk/feed/")
    items = feed_items(content, source)
    assert {tuple(item.languages) for item in items} == {("mk",)}
    assert items[2].address == "https://partner.example.mk/news/gradjansko-drustvo/"
    source.languages = ["sq"]
    assert feed_items(content, source)[0].languages == ["sq"]


def test_a_source_another_run_is_harvesting_is_left_to_it(web_server, other_session):
    web_server.put("/feed.xml", rss(("One", "https://a.example/1", "1", "")))
    source = feed_source(web_server)
    other_session.execute("SELECT pg_advisory_lock(%s, %s)", [harvest.HARVEST_LOCK, source.pk])
    out = StringIO()
    call_command("harvest", stdout=out)
    assert (
        out.getvalue() == f"Partner news (#{source.pk}): skipped, another run is harvesting it.\n"
    )
    assert web_server.requests == []
    source.refresh_from_db()
    assert source.last_harvested_at is None
    other_session.execute("SELECT pg_advisory_unlock_all()")
    assert source_harvest(source=source).new == 1
