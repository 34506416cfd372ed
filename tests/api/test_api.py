"""The public API: its shape, what it never shows, its filters, paging, caching and limits."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from library.models import Collection, CollectionItem, Resource
from library.search import LibrarySearch
from tests.factories import EventFactory, PageFactory, ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"
LISTS = ["resources", "collections", "topics", "tags", "events", "pages"]


@pytest.fixture
def hidden():
    """What the API must never show: a members-only and a draft resource, and their tag."""
    secret = ResourceFactory(
        title="Secret budget guide", slug="secret-budget", visibility="members", summary="budget"
    )
    draft = ResourceFactory(
        title="Draft budget guide", slug="draft-budget", status="draft", summary="budget"
    )
    for resource in (secret, draft):
        resource.tags.add("hidden-tag")
    return secret, draft


def results(client, path, **params):
    response = client.get(f"{API}/{path}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_resource_has_the_agreed_shape(client):
    topic = TopicFactory(slug="budgets")
    resource = ResourceFactory(
        title="Open books",
        slug="open-books",
        publisher="Ana Petrović; Marko Marković",
        year=2024,
        type="toolkit",
        languages=["en", "sr"],
        countries=["RS"],
        scope="countries",
        file=SimpleUploadedFile("open-books.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    resource.topics.add(topic)
    resource.tags.add("budgets", "Open data")
    item = results(client, "resources")["results"][0]
    assert item == {
        "id": resource.pk,
        "slug": "open-books",
        "url": "http://127.0.0.1:8000/library/open-books/",
        "title": "Open books",
        "summary": resource.summary,
        "authors": ["Ana Petrović", "Marko Marković"],
        "publisher": "Ana Petrović; Marko Marković",
        "year": 2024,
        "published": timezone.localdate(resource.published_at).isoformat(),
        "type": "toolkit",
        "languages": ["en", "sr"],
        "countries": ["RS"],
        "scope": "countries",
        "topics": ["budgets"],
        "tags": ["Open data", "budgets"],
        "link": resource.url,
        "file": "http://127.0.0.1:8000/library/open-books/download/",
        "changed": item["changed"],
    }
    assert datetime.datetime.fromisoformat(item["changed"]) == resource.updated_at
    assert client.get(f"{API}/resources/open-books/").json() == item


def test_a_resource_without_link_file_or_author(client):
    ResourceFactory(url="", publisher="", year=None, published_at=None)
    item = results(client, "resources")["results"][0]
    assert (item["link"], item["file"], item["authors"], item["year"], item["published"]) == (
        None,
        None,
        [],
        None,
        None,
    )


def test_members_only_and_draft_resources_never_appear(client, hidden):
    ResourceFactory(title="Public budget guide", slug="public-budget", summary="budget")
    for params in [{}, {"q": "budget"}, {"changed_since": "2000-01-01T00:00:00Z"}]:
        slugs = [item["slug"] for item in results(client, "resources", **params)["results"]]
        assert slugs == ["public-budget"], params
    for slug in ("secret-budget", "draft-budget"):
        response = client.get(f"{API}/resources/{slug}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "No public resource has this slug."}
    assert "hidden-tag" not in str(results(client, "tags"))


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_signed_in_members_get_only_public_items_too(as_role, role, hidden):
    client = as_role(role)
    assert results(client, "resources")["count"] == 0
    assert results(client, "resources", q="budget")["count"] == 0
    assert client.get(f"{API}/resources/secret-budget/").status_code == 404


def test_a_collection_lists_only_its_public_resources_in_order(client, hidden):
    collection = Collection.objects.create(title="First steps", slug="first", is_published=True)
    Collection.objects.create(title="Not yet", slug="not-yet")
    first, second = ResourceFactory(slug="first-read"), ResourceFactory(slug="second-read")
    for position, resource in enumerate([second, hidden[0], hidden[1], first]):
        CollectionItem.objects.create(collection=collection, resource=resource, position=position)
    listed = results(client, "collections")
    assert [item["slug"] for item in listed["results"]] == ["first"]
    assert listed["results"][0]["resources"] == ["second-read", "first-read"]
    assert client.get(f"{API}/collections/first/").json() == listed["results"][0]
    assert client.get(f"{API}/collections/not-yet/").status_code == 404


def test_events_are_public_ones_without_the_meeting_link(client):
    EventFactory(title="Open convening", slug="open", format="hybrid", city="Skopje", country="MK")
    EventFactory(title="Members' convening", visibility="members")
    body = client.get(f"{API}/events/").content.decode()
    listed = results(client, "events")["results"]
    assert [event["slug"] for event in listed] == ["open"]
    assert listed[0]["online"] is True
    assert listed[0]["place"] == "Skopje, North Macedonia"
    assert listed[0]["status"] == "upcoming"
    assert "meet.example.org" not in body
    assert "Members' convening" not in body


def test_topics_tags_and_pages(client, hidden):
    TopicFactory(name="Budgets", slug="budgets")
    PageFactory(slug="about", title="About us")
    ResourceFactory().tags.add("feedback")
    ResourceFactory().tags.add("feedback", "donors")
    assert [t["slug"] for t in results(client, "topics")["results"]] == ["budgets"]
    assert results(client, "tags")["results"] == [
        {"slug": "feedback", "name": "feedback", "resources": 2},
        {"slug": "donors", "name": "donors", "resources": 1},
    ]
    page = results(client, "pages")["results"][0]
    assert (page["slug"], page["url"]) == ("about", "http://127.0.0.1:8000/about/")


def test_filters_narrow_like_the_library_page(client):
    topic = TopicFactory(slug="budgets")
    wanted = ResourceFactory(
        slug="wanted", type="guide", languages=["mk"], countries=["MK"], year=2023
    )
    wanted.topics.add(topic)
    wanted.tags.add("feedback")
    ResourceFactory(slug="other", type="policy", languages=["en"], countries=["AL"], year=2020)
    for name, value in [
        ("type", "guide"),
        ("language", "mk"),
        ("country", "MK"),
        ("topic", "budgets"),
        ("tag", "feedback"),
        ("year", "2023"),
    ]:
        found = results(client, "resources", **{name: value})["results"]
        assert [item["slug"] for item in found] == ["wanted"], name
    both = results(client, "resources", type=["guide", "policy"])
    assert both["count"] == 2


def test_words_rank_as_on_the_library_page(client):
    for n, title in enumerate(["Budget", "Budget transparency", "Transparency", "Open budget"]):
        ResourceFactory(title=title, slug=f"r{n}", summary="budget" if n == 2 else "")
    found = [item["slug"] for item in results(client, "resources", q="budget")["results"]]
    page = LibrarySearch({"q": "budget"}, AnonymousUser()).page(1, 50)
    assert found == [resource.slug for resource in page.object_list]
    assert len(found) == 4


def test_changed_since_orders_by_change_for_harvesting(client):
    old, new = ResourceFactory(slug="old"), ResourceFactory(slug="new")
    Resource.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=9)
    )
    Resource.objects.filter(pk=new.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=1)
    )
    since = (timezone.now() - datetime.timedelta(days=30)).isoformat()
    assert [r["slug"] for r in results(client, "resources", changed_since=since)["results"]] == [
        "old",
        "new",
    ]
    since = (timezone.now() - datetime.timedelta(days=2)).isoformat()
    assert [r["slug"] for r in results(client, "resources", changed_since=since)["results"]] == [
        "new"
    ]
    # Newest first without it.
    assert [r["slug"] for r in results(client, "resources")["results"]] == ["new", "old"]


def test_pages_link_to_their_neighbours(client):
    ResourceFactory.create_batch(5)
    first = results(client, "resources", page_size=2, type="guide")
    assert first["count"] == 5
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/resources/?page_size=2&type=guide&page=2"
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert last["next"] is None
    assert len(last["results"]) == 1
    assert last["previous"].endswith("page=2")
    assert client.get(f"{API}/resources/", {"page": 4, "page_size": 2}).status_code == 404
    assert results(client, "events")["count"] == 0  # an empty list is an empty first page


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "99999999999999999999999999"},
        {"page_size": "101"},
        {"page_size": "0"},
        {"type": "novel"},
        {"language": "xx"},
        {"country": "XX"},
        {"topic": "not a slug"},
        {"tag": "a/b"},
        {"year": "1800"},
        {"year": "twenty"},
        {"changed_since": "yesterday"},
        {"changed_since": "0001-01-01T00:00:00+14:00"},
        {"q": "nul\x00byte"},
        {"q": "x" * 201},
    ],
)
def test_bad_parameters_answer_400_with_a_reason(client, params):
    response = client.get(f"{API}/resources/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert next(iter(params)) in detail


@pytest.mark.parametrize("slug", ["nope", "é", "a b", "x" * 300, "null\x00"])
def test_unknown_slugs_answer_404_or_400(client, slug):
    for kind in ("resources", "collections"):
        response = client.get(f"{API}/{kind}/{slug}/")
        assert response.status_code in {400, 404}
        assert "detail" in response.json()


def test_odd_words_are_searched_not_refused(client):
    ResourceFactory(title="Şeffaflık")
    for words in ['"unclosed', "-", "*", "🙂", "a & b | !c", "'", "ﬁ", "\u202e"]:
        assert client.get(f"{API}/resources/", {"q": words}).status_code == 200, words


@pytest.mark.parametrize("path", LISTS)
def test_conditional_get_answers_304(client, path):
    ResourceFactory()
    response = client.get(f"{API}/{path}/")
    assert response["Access-Control-Allow-Origin"] == "*"
    etag, modified = response["ETag"], response["Last-Modified"]
    again = client.get(f"{API}/{path}/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in again["Access-Control-Expose-Headers"]
    assert client.get(f"{API}/{path}/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(f"{API}/{path}/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize("path", [f"{API}/resources/", f"{API}/topics/", "/api/openapi.json"])
def test_head_answers_as_get_without_a_body(client, path):
    ResourceFactory()
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"]
    if "ETag" in got:
        assert head["ETag"] == got["ETag"]
        assert head["Access-Control-Allow-Origin"] == "*"
        again = client.head(path, HTTP_IF_NONE_MATCH=got["ETag"])
        assert again.status_code == 304


def test_a_cross_site_preflight_is_allowed_and_not_counted(client, settings):
    """A page elsewhere sending If-None-Match asks first with OPTIONS (CORS preflight)."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "2/m"}
    for _ in range(5):
        response = client.options(
            f"{API}/resources/",
            HTTP_ORIGIN="https://other.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
        assert response.status_code == 204
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "GET" in response["Access-Control-Allow-Methods"]
        assert "if-none-match" in response["Access-Control-Allow-Headers"].lower()
    # The five preflights counted nothing: both GETs the limit allows are answered.
    assert client.get(f"{API}/topics/").status_code == 200
    assert client.get(f"{API}/topics/").status_code == 200
    assert client.get(f"{API}/topics/").status_code == 429


def test_other_methods_are_still_refused(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)(f"{API}/resources/")
        assert response.status_code == 405, method


def test_a_change_changes_the_etag_and_the_date(client):
    resource = ResourceFactory(title="Before")
    first = client.get(f"{API}/resources/")
    resource.title = "After"
    resource.save()
    second = client.get(f"{API}/resources/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_the_rate_limit_answers_429_with_retry_after(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": "3/m"}
    for _ in range(3):
        assert client.get(f"{API}/topics/").status_code == 200
    refused = client.get(f"{API}/topics/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Too many requests")
    # Counted per address: another client is still answered.
    assert client.get(f"{API}/topics/", REMOTE_ADDR="192.0.2.9").status_code == 200


def make_library(size):
    topics = TopicFactory.create_batch(3)
    collection = Collection.objects.create(title="Reading", slug="reading", is_published=True)
    for n in range(size):
        resource = ResourceFactory(title=f"Budget {n}", languages=["en"], countries=["MK"])
        resource.topics.set(topics)
        resource.tags.add(f"tag-{n}", "feedback")
        CollectionItem.objects.create(collection=collection, resource=resource, position=n)
        EventFactory()
        PageFactory()


@pytest.mark.parametrize("size", [2, 30])
def test_query_counts_do_not_grow_with_the_data(
    client, locmem_cache, django_assert_max_num_queries, size
):
    make_library(size)
    # The rate limit's count, the count of the list, its page and what it prefetches.
    for path, params, most in [
        ("resources", {}, 5),
        ("resources", {"q": "budget"}, 6),
        ("resources", {"topic": "topic-0", "language": "en"}, 5),
        ("resources", {"changed_since": "2000-01-01T00:00:00Z"}, 5),
        ("collections", {}, 4),
        ("topics", {}, 3),
        ("tags", {}, 4),
        ("events", {}, 3),
        ("pages", {}, 3),
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(f"{API}/{path}/", params).status_code == 200, path
    for path in ("resources/" + Resource.objects.first().slug, "collections/reading"):
        with django_assert_max_num_queries(4):
            assert client.get(f"{API}/{path}/").status_code == 200


def test_the_openapi_document_is_3_1_and_declares_every_answer(client):
    response = client.get("/api/openapi.json")
    assert response["Content-Type"] == "application/json"
    assert response["ETag"]
    document = response.json()
    assert document["openapi"] == "3.1.0"
    assert [error.message for error in OPENAPI_31_VALIDATOR.iter_errors(document)] == []
    operations = [
        (path, method, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]
    assert len(operations) == 8
    for path, method, operation in operations:
        assert method == "get"
        assert path.startswith("/api/v1/")
        assert operation["description"]
        assert {"200", "400", "404", "429"} <= set(map(str, operation["responses"])), path
        assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_the_documentation_page_lists_every_operation_in_the_readers_language(client):
    english = client.get("/api/").content.decode()
    for path in ["/api/v1/resources/", "/api/v1/resources/{slug}/", "/api/v1/tags/"]:
        assert f"GET {path}" in english
    assert "changed_since" in english
    assert "/api/openapi.json" in english
    assert "300 / 5 min" in english
    macedonian = client.get("/mk/api/").content.decode()
    assert 'lang="mk"' in macedonian
    assert "The public API" not in macedonian
    assert "GET /api/v1/events/" in macedonian


def test_the_footer_links_to_the_documentation(client):
    assert 'href="/api/"' in client.get("/").content.decode()
