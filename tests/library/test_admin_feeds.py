import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.urls import reverse

from library.models import Resource
from tests.factories import MemberFactory, ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:library_resource_changelist")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_coordinator_publishes_a_suggestion_and_the_member_hears(
    coordinator_client, django_capture_on_commit_callbacks
):
    member = MemberFactory()
    resource = ResourceFactory(status="in_review", published_at=None, added_by=member)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            CHANGELIST, {"action": "publish", "_selected_action": [resource.pk]}
        )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == "published"
    assert resource.published_at is not None
    assert mail.outbox[0].to == [member.email]
    assert resource.get_absolute_url() in mail.outbox[0].body


def test_coordinator_declines_with_a_reason(coordinator_client, django_capture_on_commit_callbacks):
    member = MemberFactory()
    resource = ResourceFactory(status="in_review", added_by=member)
    data = {"action": "reject", "_selected_action": [resource.pk]}
    form = coordinator_client.post(CHANGELIST, data)
    assert form.status_code == 200
    assert "Decline and send" in form.content.decode()
    missing = coordinator_client.post(CHANGELIST, {**data, "apply": "1", "reason": ""})
    assert "This field is required." in missing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(CHANGELIST, {**data, "apply": "1", "reason": "Out of scope."})
    resource.refresh_from_db()
    assert resource.status == "rejected"
    assert resource.review_note == "Out of scope."
    assert "Out of scope." in mail.outbox[0].body


@pytest.mark.parametrize(("action", "field", "value"), [
    ("archive", "status", "archived"),
    ("feature", "featured", True),
])  # fmt: skip
def test_bulk_actions(coordinator_client, action, field, value):
    resources = ResourceFactory.create_batch(2)
    coordinator_client.post(
        CHANGELIST, {"action": action, "_selected_action": [r.pk for r in resources]}
    )
    assert all(getattr(r, field) == value for r in Resource.objects.all())


def test_admin_pages_open(coordinator_client):
    resource = ResourceFactory()
    resource.topics.add(TopicFactory())
    assert coordinator_client.get(CHANGELIST, {"status__exact": "in_review"}).status_code == 200
    assert coordinator_client.get(CHANGELIST, {"q": "resource"}).status_code == 200
    ResourceFactory(title="In Albanian", languages=["sq"], countries=["AL"])
    for params in [{"language": "sq"}, {"country": "AL"}]:
        html = coordinator_client.get(CHANGELIST, params).content.decode()
        assert "In Albanian" in html
        assert resource.title not in html
    change = reverse("admin:library_resource_change", args=[resource.pk])
    assert coordinator_client.get(change).status_code == 200


def test_publishing_in_the_edit_form_tells_the_member(
    coordinator_client, django_capture_on_commit_callbacks
):
    member = MemberFactory()
    resource = ResourceFactory(status="in_review", published_at=None, added_by=member)
    change = reverse("admin:library_resource_change", args=[resource.pk])
    data = {
        "title": resource.title,
        "slug": resource.slug,
        "type": "guide",
        "url": resource.url,
        "scope": "regional",
        "status": "published",
        "visibility": "public",
        "added_by": member.pk,
        "tags": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    resource.refresh_from_db()
    assert resource.status == "published"
    assert mail.outbox[0].to == [member.email]


def test_atom_feed_is_valid_and_public_only(client):
    ResourceFactory(title="Public guide")
    ResourceFactory(title="Members guide", visibility="members")
    response = client.get(reverse("library:feed_atom"))
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Public guide"]


def test_rss_feeds_of_developments_and_topics_are_valid(client):
    topic = TopicFactory()
    news = ResourceFactory(title="Regional news", type="news", scope="regional")
    guide = ResourceFactory(title="Topic guide")
    guide.topics.add(topic)
    developments = ET.fromstring(client.get(reverse("library:developments_rss")).content)
    assert [item.find("title").text for item in developments.iter("item")] == [news.title]
    by_topic = ET.fromstring(client.get(reverse("library:topic_rss", args=[topic.slug])).content)
    assert [item.find("title").text for item in by_topic.iter("item")] == [guide.title]
    assert client.get(reverse("library:topic_atom", args=["no-such-topic"])).status_code == 404


def test_list_links_its_feeds(client):
    html = client.get(reverse("library:resource_list")).content.decode()
    feed = reverse("library:feed_atom")
    assert f'type="application/atom+xml" title="New in the library" href="{feed}"' in html
