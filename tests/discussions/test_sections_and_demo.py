import pytest
from django.core.management import call_command
from django.test import override_settings

from discussions.models import ActionItem, Event, Report, Thread
from tests.factories import EventFactory, ReplyFactory, ThreadFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_home_shows_upcoming_convenings(client):
    EventFactory(title="Next convening")
    EventFactory(title="Members gathering", visibility=Event.Visibility.MEMBERS)
    html = client.get("/").content.decode()
    assert "Upcoming convenings" in html
    assert "Next convening" in html
    assert "Members gathering" not in html


@pytest.mark.parametrize("role", ["visitor", "applicant"])
def test_topic_page_shows_outsiders_only_the_number_of_threads(client, request, role):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    topic = TopicFactory()
    ThreadFactory.create_batch(2, topic=topic, title="Private matter")
    event = EventFactory(title="Topic event")
    event.topics.add(topic)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Members have 2 threads on this topic." in html
    assert "Private matter" not in html
    assert "Topic event" in html


def test_topic_page_links_members_to_the_threads(member_client):
    topic = TopicFactory()
    thread = ThreadFactory(topic=topic, title="Open matter")
    html = member_client.get(topic.get_absolute_url()).content.decode()
    assert f"/discussions/{topic.slug}/" in html
    assert "Open matter" in html and thread.get_absolute_url() in html


@pytest.mark.parametrize("size", [1, 12])
def test_topic_section_for_members_has_flat_query_count(
    member_client, django_assert_max_num_queries, size, locmem_cache
):
    topic = TopicFactory()
    ThreadFactory.create_batch(size, topic=topic)
    with django_assert_max_num_queries(10):
        assert member_client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_sections_add_a_constant_number_of_queries(
    client, django_assert_max_num_queries, size, locmem_cache
):
    topic = TopicFactory()
    for event in EventFactory.create_batch(size):
        event.topics.add(topic)
    for thread in ThreadFactory.create_batch(size, topic=topic):
        ReplyFactory(thread=thread)
    with django_assert_max_num_queries(10):
        client.get("/")
    with django_assert_max_num_queries(10):
        client.get(topic.get_absolute_url())


@override_settings(DEBUG=True)
def test_demo_content(capsys):
    call_command("seed_demo")
    assert Thread.objects.filter(kind=Thread.Kind.LESSONS).exists()
    assert Thread.objects.filter(anonymous=True).exists()
    assert Thread.objects.values("topic").distinct().count() == 7
    assert Report.objects.exists()
    past = Event.objects.past().get()
    assert past.outcome_summary and ActionItem.objects.filter(event=past).count() == 3
    upcoming = Event.objects.upcoming()
    assert {e.format for e in upcoming} >= {"online", "hybrid"}
    assert upcoming.filter(city="Skopje", registrations__status="waiting").exists()
    assert "Discussions: 8 threads, 3 events created" in capsys.readouterr().out
