import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from library.models import Resource
from tests.factories import MemberFactory, ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "applicant", "member", "representative", "coordinator"]
SEES_MEMBERS_ONLY = {"member", "representative", "coordinator"}
LIST = reverse("library:resource_list")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_members_only_resources_to_members(as_role, role):
    ResourceFactory(title="Public guide")
    ResourceFactory(title="Members guide", visibility="members")
    ResourceFactory(title="Draft guide", status="draft")
    html = as_role(role).get(LIST).content.decode()
    assert "Public guide" in html
    assert ("Members guide" in html) == (role in SEES_MEMBERS_ONLY)
    assert "Draft guide" not in html


@pytest.mark.parametrize("role", ROLES)
def test_detail_of_members_only_resource(as_role, role):
    resource = ResourceFactory(visibility="members")
    response = as_role(role).get(resource.get_absolute_url())
    assert response.status_code == (200 if role in SEES_MEMBERS_ONLY else 404)


def test_facet_counts_follow_the_other_filters(client):
    guide = ResourceFactory(type="guide", languages=["en"], countries=["MK"], year=2024)
    guide.tags.add("feedback")
    ResourceFactory(type="guide", languages=["sq"], year=2023)
    ResourceFactory(type="news", languages=["en"], year=2024)

    response = client.get(LIST, {"type": "guide"})
    facets = {
        facet.name: {v.value: v.count for v in facet.values} for facet in response.context["facets"]
    }
    # The type facet ignores its own filter, so both choices stay visible with counts.
    assert facets["type"] == {"guide": 2, "news": 1}
    assert facets["language"] == {"en": 1, "sq": 1}
    assert facets["year"] == {"2024": 1, "2023": 1}
    assert facets["country"] == {"MK": 1}
    assert facets["tag"] == {"feedback": 1}
    assert response.context["page_obj"].paginator.count == 2

    both = client.get(LIST, {"type": ["guide", "news"], "language": "en"})
    assert both.context["page_obj"].paginator.count == 2


def test_news_filter_shows_developments(client):
    ResourceFactory(title="Regional news", type="news", scope="regional")
    ResourceFactory(title="A guide")
    html = client.get(LIST, {"type": "news"}).content.decode()
    assert "Regional and global developments" in html
    assert "Regional news" in html
    assert "A guide" not in html


def test_search_highlights_and_removable_filters(client):
    ResourceFactory(
        title="Open budgets", summary="Publish your budget <b>now</b> and budgets later."
    )
    response = client.get(LIST, {"q": "budgets", "type": "guide"})
    html = response.content.decode()
    assert "<mark>budgets</mark>" in html
    assert "&lt;b&gt;now" in html
    assert 'aria-label="Remove filter Type: Guide"' in html


def test_no_results_suggests_a_spelling(client):
    resource = ResourceFactory(title="Feedback toolkit")
    resource.tags.add("whistleblowing")
    from django.core.cache import cache

    cache.delete("library:vocabulary")
    response = client.get(LIST, {"q": "whistleblowng"})
    assert response.context["page_obj"].paginator.count == 0
    assert response.context["suggestion"] == "whistleblowing"
    assert "Did you mean" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"type": "nonsense"},
        {"topic": "not a slug!"},
        {"page": "999"},
        {"q": "x" * 300},
        {"q": '"unbalanced -- or'},
        {"commitment": "99"},
    ],
)
def test_bad_addresses_answer_kindly(client, params):
    ResourceFactory()
    response = client.get(LIST, params)
    assert response.status_code == 200


def test_bad_filter_is_explained(client):
    html = client.get(LIST, {"year": "abc"}).content.decode()
    assert "was not understood" in html
    assert "Years are written like 2024." in html


@pytest.mark.parametrize("size", [3, 25])
def test_list_query_count_is_flat(
    client, member, locmem_cache, django_assert_max_num_queries, size
):
    topics = TopicFactory.create_batch(3)
    for n in range(size):
        resource = ResourceFactory(
            title=f"Accountability {n}", languages=["en", "sq"], countries=["AL"], commitments=[5]
        )
        resource.topics.set(topics)
        resource.tags.add(f"tag-{n}", "feedback")
    client.force_login(member)
    # Cold caches: the member's session and user, the matches, the facets, the page's
    # resources with their topics and tags.
    with django_assert_max_num_queries(8):
        assert client.get(LIST, {"q": "accountability", "topic": topics[0].slug}).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(LIST).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(LIST, {"page": "2"}).status_code == 200
    # Warm: the results and facets come from the cache.
    with django_assert_max_num_queries(2):
        assert client.get(LIST, {"page": "2"}).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(LIST, {"q": "nothingmatchesthis"}).status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_detail_query_count_is_flat(client, locmem_cache, django_assert_max_num_queries, size):
    topic = TopicFactory()
    resources = ResourceFactory.create_batch(size)
    for resource in resources:
        resource.topics.add(topic)
        resource.tags.add("feedback")
    with django_assert_max_num_queries(6):
        assert client.get(resources[0].get_absolute_url()).status_code == 200


def test_public_detail_has_json_ld_and_open_graph(client):
    resource = ResourceFactory(title="Guide </script><script>alert(1)</script>", year=2024)
    html = client.get(resource.get_absolute_url()).content.decode()
    assert 'property="og:title"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["name"] == resource.title
    assert data["copyrightYear"] == 2024
    assert "<script>alert" not in html


def test_members_only_detail_has_no_public_metadata(member_client):
    resource = ResourceFactory(visibility="members")
    html = member_client.get(resource.get_absolute_url()).content.decode()
    assert "application/ld+json" not in html
    assert "og:title" not in html
    assert 'content="noindex"' in html


@pytest.fixture
def stored_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    resource = ResourceFactory(visibility="members", file=SimpleUploadedFile("report.pdf", PDF))
    return resource


@pytest.mark.parametrize("role", ROLES)
def test_download_is_protected_like_the_resource(as_role, role, stored_file):
    response = as_role(role).get(stored_file.get_download_url())
    if role in SEES_MEMBERS_ONLY:
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        assert "private" in response["Cache-Control"]
        assert b"".join(response.streaming_content) == PDF
    else:
        assert response.status_code == 404


def test_download_without_file_is_404(client):
    assert client.get(ResourceFactory().get_download_url()).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_suggest_is_for_members(as_role, role):
    response = as_role(role).get(reverse("library:resource_suggest"))
    expected = {"visitor": 302, "applicant": 403}.get(role, 200)
    assert response.status_code == expected


def suggestion(**extra):
    return {"title": "Our open budget", "type": "template", "scope": "regional", **extra}


def test_member_suggests_and_sees_the_state(
    member_client, member, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    topic = TopicFactory()
    upload = SimpleUploadedFile("Our Budget (final).PDF", PDF)
    data = suggestion(file=upload, topics=[topic.pk], tags="budgets, open data", languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(reverse("library:resource_suggest"), data)
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.status == "in_review"
    assert resource.added_by == member
    assert re.fullmatch(r"library/[0-9a-f]{32}/our-budget-final\.pdf", resource.file.name)
    assert sorted(tag.name for tag in resource.tags.all()) == ["budgets", "open data"]
    assert len(mail.outbox) == 1
    html = member_client.get(reverse("library:suggestion_list")).content.decode()
    assert "In review" in html
    assert member_client.get(resource.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00 an executable renamed", "content is not a .pdf file"),
        ("notes.txt", b"\x00\x01\x02binary", "content is not a .txt file"),
        ("tool.exe", b"MZ\x90\x00", "are not accepted"),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_rejected_upload_says_why_and_keeps_the_form(member_client, name, content, message):
    data = suggestion(file=SimpleUploadedFile(name, content), summary="Keep me please.")
    response = member_client.post(reverse("library:resource_suggest"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Keep me please." in html
    assert 'value="Our open budget"' in html
    assert not Resource.objects.exists()


@override_settings(LIBRARY_UPLOAD_MAX_MB=1)
def test_too_large_upload_is_refused(member_client):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    response = member_client.post(reverse("library:resource_suggest"), suggestion(file=big))
    assert "the limit is 1.0" in response.content.decode()


def test_suggestion_needs_a_link_or_a_file(member_client):
    response = member_client.post(reverse("library:resource_suggest"), suggestion())
    assert "Give a link, upload a file, or both." in response.content.decode()


def test_plain_text_upload_is_accepted(member_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("notes.txt", "Društvo i odgovornost".encode())
    response = member_client.post(reverse("library:resource_suggest"), suggestion(file=upload))
    assert response.status_code == 302


@pytest.mark.parametrize("role", ROLES)
def test_suggestion_list_is_for_members(as_role, role):
    response = as_role(role).get(reverse("library:suggestion_list"))
    assert response.status_code == {"visitor": 302, "applicant": 403}.get(role, 200)


def test_others_cannot_open_a_suggestion(client):
    resource = ResourceFactory(status="in_review", added_by=MemberFactory())
    client.force_login(MemberFactory())
    assert client.get(resource.get_absolute_url()).status_code == 404


def test_home_and_topic_sections(client):
    topic = TopicFactory()
    news = ResourceFactory(title="Regional news item", type="news", scope="regional")
    guide = ResourceFactory(title="A topic guide")
    guide.topics.add(topic)
    ResourceFactory(title="Secret", type="news", visibility="members")
    home = client.get("/").content.decode()
    assert news.title in home
    assert guide.title in home
    assert "Secret" not in home
    assert guide.title in client.get(topic.get_absolute_url()).content.decode()


def test_home_shows_featured_resources_first(client):
    featured = ResourceFactory(
        title="Featured old one", featured=True, published_at=timezone.now() - timedelta(days=900)
    )
    ResourceFactory.create_batch(5)
    html = client.get("/").content.decode()
    assert featured.title in html
