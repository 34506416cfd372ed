"""Pages others read: the feeds index, Atom entries with authors, Open Graph and the canonical
address on every public page."""

import re
from html.parser import HTMLParser

import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from library.models import Resource
from racop.feeds import feeds
from tests.factories import MemberFactory, ResourceFactory, TopicFactory
from tests.security.test_permission_matrix import MATRIX, World

pytestmark = pytest.mark.django_db

ATOM_FEEDS = ["library:feed_atom", "library:developments_atom"]


class _Head(HTMLParser):
    """The <head>'s links and meta tags."""

    def __init__(self):
        super().__init__()
        self.links = []
        self.meta = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        if tag == "link":
            self.links.append(attrs)
        if tag == "meta":
            self.meta.append(attrs)

    def of(self, **wanted):
        return [a for a in self.links + self.meta if all(a.get(k) == v for k, v in wanted.items())]


def head_of(html):
    parser = _Head()
    parser.feed(html)
    return parser


def news(**kwargs):
    return ResourceFactory(type="news", scope="regional", **kwargs)


# Feeds: every entry has an author, an id, an update time and a link.
@pytest.mark.parametrize("name", [*ATOM_FEEDS, "library:topic_atom"])
def test_atom_entries_have_author_id_updated_and_link(client, name):
    topic = TopicFactory()
    adder = MemberFactory(email="someone@example.org", first_name="Secret", last_name="Person")
    for resource in [
        news(publisher="Civic Alliance", title="One"),
        news(publisher="", title="Two", added_by=adder),
        news(publisher="Ana Petrović; Marko Jovanović", title="Три"),
    ]:
        resource.topics.add(topic)
    kwargs = {"slug": topic.slug} if name == "library:topic_atom" else {}
    response = client.get(reverse(name, kwargs=kwargs))
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 3
    for entry in parsed.entries:
        assert (
            entry.get("author") and entry.get("id") and entry.get("updated") and entry.get("link")
        )
    authors = {entry.title: entry.author for entry in parsed.entries}
    assert authors == {
        "One": "Civic Alliance",
        "Two": settings.SITE_NAME,
        "Три": "Ana Petrović; Marko Jovanović",
    }
    text = response.content.decode()
    assert "someone@example.org" not in text and "Secret" not in text
    assert "<email>" not in text


@pytest.mark.parametrize("name", ["library:feed_rss", "library:developments_rss"])
def test_rss_feeds_parse_with_a_creator(client, name):
    news(publisher="Civic Alliance")
    parsed = feedparser.parse(client.get(reverse(name)).content)
    assert not parsed.bozo
    assert parsed.entries[0].author == "Civic Alliance"


# The feeds index.
def test_feeds_index_lists_every_feed_in_every_language(client):
    topic = TopicFactory(name="Participation")
    html = client.get(reverse("feed_list")).content.decode()
    for feed in feeds:
        assert str(feed.title) in html
        for _kind, name in feed.formats:
            if feed.per_topic:
                assert settings.SITE_URL + reverse(name, args=[topic.slug]) in html
                continue
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    address = settings.SITE_URL + reverse(name)
                assert f'href="{address}"' in html and f"<code>{address}</code>" in html
    assert "/mk/library/feeds/latest.atom" in html
    assert "/sr-latn/events.ics" in html


def test_feeds_index_is_translated(client):
    html = client.get("/mk" + reverse("feed_list")).content.decode()
    with translation.override("mk"):
        assert str(feeds[0].title) in html
        assert translation.gettext("Feeds and calendars") in html


def test_footer_links_to_the_feeds_index(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{reverse("feed_list")}"' in footer


@pytest.mark.parametrize("size", [2, 20])
def test_feeds_index_query_count_is_flat(client, django_assert_max_num_queries, size):
    TopicFactory.create_batch(size)
    with django_assert_max_num_queries(1):
        assert client.get(reverse("feed_list")).status_code == 200


@pytest.mark.parametrize("query", ["?page=x", "?lang=<script>", "?utm_source=a&page=999"])
def test_feeds_index_ignores_bad_parameters(client, query):
    response = client.get(reverse("feed_list") + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[0]


def test_pages_announce_their_feeds_in_the_head(client):
    topic = TopicFactory()
    home = head_of(client.get("/").content.decode())
    assert {a["href"] for a in home.of(rel="alternate", type="application/atom+xml")} == {
        reverse("library:feed_atom"), reverse("library:developments_atom"),
    }  # fmt: skip
    page = head_of(client.get(topic.get_absolute_url()).content.decode())
    assert [a["href"] for a in page.of(rel="alternate", type="application/atom+xml")] == [
        reverse("library:topic_atom", args=[topic.slug])
    ]
    index = head_of(client.get(reverse("feed_list")).content.decode())
    assert index.of(rel="alternate", type="text/calendar")
    # An error page announces nothing.
    missing = head_of(client.get("/topics/no-such-topic/").content.decode())
    assert not missing.of(rel="alternate", type="application/atom+xml")
    assert not missing.of(rel="canonical")


# Open Graph and the canonical address on every public page.
def public_pages(world):
    for name, spec in MATRIX.items():
        if spec["method"] != "get" or spec["answers"]["visitor"] != 200 or spec["settings"]:
            continue
        url = reverse(name, kwargs={key: make(world) for key, make in spec["kwargs"].items()})
        yield name, url


def test_every_public_page_has_open_graph_and_one_canonical_address(client):
    world = World()
    checked = 0
    for name, url in public_pages(world):
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue  # feeds, calendars, CSV, JSON, downloads: not pages
        head = head_of(response.content.decode())
        for wanted in [
            {"rel": "canonical"},
            {"property": "og:title"},
            {"property": "og:description"},
            {"property": "og:url"},
            {"property": "og:type"},
            {"property": "og:locale"},
            {"name": "description"},
        ]:
            found = head.of(**wanted)
            assert len(found) == 1, (name, wanted, found)
        canonical = head.of(rel="canonical")[0]["href"]
        assert canonical == settings.SITE_URL + url.split("?")[0], name
        assert head.of(property="og:url")[0]["content"] == canonical
        for key in ("og:title", "og:description"):
            assert head.of(property=key)[0]["content"].strip(), (name, key)
        checked += 1
    assert checked >= 20


def test_canonical_address_drops_tracking_and_filters_but_keeps_the_page(client):
    ResourceFactory.create_batch(3)
    url = reverse("library:resource_list")
    head = head_of(client.get(url, {"utm_source": "x", "type": "guide"}).content.decode())
    assert head.of(rel="canonical")[0]["href"] == settings.SITE_URL + url
    head = head_of(client.get(url, {"page": "2", "utm_source": "x"}).content.decode())
    assert head.of(rel="canonical")[0]["href"] == settings.SITE_URL + url + "?page=2"
    head = head_of(client.get(url, {"page": "1"}).content.decode())
    assert head.of(rel="canonical")[0]["href"] == settings.SITE_URL + url
    head = head_of(client.get("/mk" + url).content.decode())
    assert head.of(rel="canonical")[0]["href"] == settings.SITE_URL + "/mk" + url


def test_open_graph_of_a_resource_is_an_article_with_its_summary(client):
    resource = ResourceFactory(title="Feedback & more", summary="How to ask.")
    head = head_of(client.get(resource.get_absolute_url()).content.decode())
    assert head.of(property="og:type")[0]["content"] == "article"
    assert head.of(property="og:title")[0]["content"] == "Feedback & more"
    assert head.of(property="og:description")[0]["content"] == "How to ask."
    assert len(head.of(rel="canonical")) == 1


def test_members_only_resource_has_no_open_graph(member_client):
    resource = ResourceFactory(visibility=Resource.Visibility.MEMBERS)
    html = member_client.get(resource.get_absolute_url()).content.decode()
    assert not re.search(r'property="og:(title|url)"', html)
