"""Counters kept on rows (a thread's replies, a topic's threads), the indexes and caches the
members' discussion and event pages rely on, and those pages' query budgets."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from discussions import counters, services
from discussions.models import Reply, Thread, ThreadRead, TopicActivity
from discussions.templatetags.discussion_tags import post_url
from tests.factories import (
    CoordinatorFactory,
    EventFactory,
    MemberFactory,
    RegistrationFactory,
    ReplyFactory,
    ThreadFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def reply_count(thread):
    return Thread.objects.values_list("reply_count", flat=True).get(pk=thread.pk)


def activity(topic):
    return TopicActivity.objects.filter(topic=topic).first()


# A thread's count of the replies members see


def test_reply_count_follows_replies_posted_withdrawn_hidden_restored_and_deleted():
    thread = ThreadFactory()
    author, coordinator = MemberFactory(), CoordinatorFactory()
    first = services.thread_reply(thread=thread, author=author, body="One")
    services.thread_reply(thread=thread, author=author, body="Two")
    assert reply_count(thread) == 2
    services.post_delete(post=first, by=author)
    assert reply_count(thread) == 1
    second = Reply.objects.get(body="Two")
    services.post_hide(post=second, by=coordinator, reason="Off topic")
    assert reply_count(thread) == 0
    services.post_restore(post=second, by=coordinator)
    assert reply_count(thread) == 1
    second.delete()
    assert reply_count(thread) == 0


def test_thread_list_shows_the_kept_reply_count(member_client):
    thread = ThreadFactory()
    ReplyFactory.create_batch(3, thread=thread)
    ReplyFactory(thread=thread, hidden_at=timezone.now())
    html = member_client.get(reverse("discussions:thread_list", args=[thread.topic.slug])).text
    assert "3 replies" in html


def test_counters_are_recounted_from_the_rows_whatever_they_were():
    thread = ThreadFactory()
    ReplyFactory.create_batch(2, thread=thread)
    Thread.objects.filter(pk=thread.pk).update(reply_count=99)
    TopicActivity.objects.filter(topic=thread.topic).update(thread_count=99)
    counters.refresh_all()
    assert reply_count(thread) == 2
    assert activity(thread.topic).thread_count == 1


# A topic's threads and latest activity


def test_topic_activity_follows_threads_started_hidden_moved_and_deleted():
    topic, other = TopicFactory(), TopicFactory()
    coordinator = CoordinatorFactory()
    thread = services.thread_create(
        topic=topic, author=MemberFactory(), kind="discussion", title="A", body="B"
    )
    ThreadFactory(topic=topic)
    assert activity(topic).thread_count == 2
    services.post_hide(post=thread, by=coordinator, reason="Spam")
    assert (activity(topic).thread_count, activity(topic).all_thread_count) == (1, 2)
    services.post_restore(post=thread, by=coordinator)
    services.thread_move(thread=Thread.objects.get(pk=thread.pk), topic=other, by=coordinator)
    assert activity(topic).thread_count == 1
    assert activity(other).thread_count == 1
    Thread.objects.get(pk=thread.pk).delete()
    assert activity(other).thread_count == 0
    assert activity(other).latest_activity_at is None


def test_a_reply_moves_the_topics_latest_activity():
    thread = ThreadFactory(last_activity_at=timezone.now() - datetime.timedelta(days=3))
    before = activity(thread.topic).latest_activity_at
    reply = services.thread_reply(thread=thread, author=MemberFactory(), body="Hi")
    assert before < activity(thread.topic).latest_activity_at == reply.created_at


def test_topic_list_counts_hidden_threads_for_coordinators_only(client):
    topic = TopicFactory()
    ThreadFactory(topic=topic)
    ThreadFactory(topic=topic, hidden_at=timezone.now())
    TopicFactory(name="Quiet topic")
    client.force_login(MemberFactory())
    html = client.get(reverse("discussions:topic_list")).text
    assert "1 thread" in html and "0 threads" in html
    client.force_login(CoordinatorFactory())
    assert "2 threads" in client.get(reverse("discussions:topic_list")).text


# The thread page


def test_reading_a_thread_with_nothing_new_writes_no_read_marker(member_client, member):
    thread = ThreadFactory()
    member_client.get(thread.get_absolute_url())
    first = ThreadRead.objects.get(user=member, thread=thread).last_read_at
    member_client.get(thread.get_absolute_url())
    assert ThreadRead.objects.get(user=member, thread=thread).last_read_at == first
    reply = services.thread_reply(thread=thread, author=MemberFactory(), body="News")
    html = member_client.get(thread.get_absolute_url()).text
    assert "New since your last visit" in html
    assert ThreadRead.objects.get(user=member, thread=thread).last_read_at > reply.created_at
    assert "New since your last visit" not in member_client.get(thread.get_absolute_url()).text
    # A read on another day is recorded: the coordinators' pulse counts readers by month.
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=two_days_ago)
    Reply.objects.filter(thread=thread).update(created_at=two_days_ago)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    ThreadRead.objects.filter(user=member, thread=thread).update(last_read_at=yesterday)
    member_client.get(thread.get_absolute_url())
    read = ThreadRead.objects.get(user=member, thread=thread).last_read_at
    assert timezone.localdate(read) == timezone.localdate()


def test_post_bodies_are_rendered_when_saved_and_kept_on_the_row(member_client):
    thread = ThreadFactory(body="Shared **text**")
    reply = ReplyFactory(thread=thread, body="A [link](https://example.org) <script>x</script>")
    assert Thread.objects.get(pk=thread.pk).body_html == "<p>Shared <strong>text</strong></p>"
    stored = Reply.objects.get(pk=reply.pk).body_html
    assert '<a href="https://example.org" rel="nofollow noopener">link</a>' in stored
    assert "<script>" not in stored
    html = member_client.get(thread.get_absolute_url()).text
    assert "Shared <strong>text</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener">link</a>' in html
    # An edit renders again: the page shows the new text at once.
    services.post_edit(post=reply, by=reply.author, body="Now *changed*")
    assert Reply.objects.get(pk=reply.pk).body_html == "<p>Now <em>changed</em></p>"
    assert "Now <em>changed</em>" in member_client.get(thread.get_absolute_url()).text


def test_reply_action_addresses_are_the_reversed_ones():
    thread = ThreadFactory()
    replies = ReplyFactory.create_batch(2, thread=thread)
    for reply in replies:
        for name in ["thread_edit", "thread_report", "reply_answer"]:
            full = name.replace("thread_", "reply_")
            expected = reverse(
                f"discussions:{full}",
                kwargs={
                    "topic": thread.topic.slug,
                    "pk": thread.pk,
                    "slug": thread.slug,
                    "reply_id": reply.pk,
                },
            )
            assert post_url(name, thread, reply) == expected
    assert post_url("thread_edit", thread) == reverse(
        "discussions:thread_edit",
        kwargs={"topic": thread.topic.slug, "pk": thread.pk, "slug": thread.slug},
    )


# Events


def test_event_filters_are_refreshed_when_an_event_is_added(client, locmem_cache):
    EventFactory(country="MK")
    html = client.get(reverse("discussions:event_list")).text
    # The country filter's choices (">Albania<": the languages' list names Albanian).
    assert ">North Macedonia<" in html and ">Albania<" not in html
    EventFactory(country="AL")
    assert ">Albania<" in client.get(reverse("discussions:event_list"), {"x": "1"}).text


def test_event_filters_of_members_and_visitors_are_kept_apart(client, locmem_cache):
    EventFactory(country="MK", visibility="members")
    assert "North Macedonia" not in client.get(reverse("discussions:event_list")).text
    client.force_login(MemberFactory())
    assert "North Macedonia" in client.get(reverse("discussions:event_list")).text


def test_event_page_counts_its_waiting_list_and_attendance_with_the_event(
    member_client, django_assert_max_num_queries, locmem_cache
):
    upcoming = EventFactory(capacity=5)
    RegistrationFactory(event=upcoming, status="waiting")
    starts = timezone.now() - datetime.timedelta(days=2)
    past = EventFactory(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    RegistrationFactory.create_batch(2, event=past, attended=True)
    RegistrationFactory(event=past)
    with django_assert_max_num_queries(8):
        assert "1 person waiting" in member_client.get(upcoming.get_absolute_url()).text
    with django_assert_max_num_queries(8):
        assert "2 people took part." in member_client.get(past.get_absolute_url()).text


# Indexes the lists rely on


def index_names(table):
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


def test_the_lists_indexes_exist():
    assert {"thread_visible_topic_order"} <= index_names("discussions_thread")
    assert {"event_order", "event_ends"} <= index_names("discussions_event")
    reply_indexes = connection.introspection.get_constraints(
        connection.cursor(), "discussions_reply"
    )
    assert any(
        info["columns"] == ["thread_id", "created_at", "id"] for info in reply_indexes.values()
    )


# Query budgets: a member page at most 8 queries, a visitor page at most 5, at any size


def make_content(size):
    topic = TopicFactory()
    threads = ThreadFactory.create_batch(size, topic=topic)
    for thread in threads:
        ReplyFactory(thread=thread)
    long_thread = threads[0]
    ReplyFactory.create_batch(size, thread=long_thread, anonymous=True)
    past = timezone.now() - datetime.timedelta(days=3)
    events = [
        EventFactory(starts_at=past, ends_at=past + datetime.timedelta(hours=1), country="MK")
        for _ in range(size)
    ] + EventFactory.create_batch(size, country="AL")
    for event in events:
        event.topics.add(topic)
        RegistrationFactory(event=event, attended=True)
    return topic, long_thread, events


def pages(topic, thread, events):
    return {
        "topics": reverse("discussions:topic_list"),
        "threads": reverse("discussions:thread_list", args=[topic.slug]),
        "thread": thread.get_absolute_url(),
        "thread page 2": thread.get_absolute_url() + "?page=2",
        "events": reverse("discussions:event_list"),
        "past events": reverse("discussions:event_list") + "?when=past",
        "past event": events[0].get_absolute_url(),
        "upcoming event": events[-1].get_absolute_url(),
    }


@pytest.mark.parametrize("size", [2, 30])
def test_member_pages_stay_within_budget(
    member_client, django_assert_max_num_queries, locmem_cache, size
):
    for name, address in pages(*make_content(size)).items():
        with django_assert_max_num_queries(8, info=name):
            assert member_client.get(address).status_code == 200


@pytest.mark.parametrize("size", [2, 30])
def test_visitor_pages_stay_within_budget(
    client, django_assert_max_num_queries, locmem_cache, size
):
    for name, address in pages(*make_content(size)).items():
        with django_assert_max_num_queries(5, info=name):
            assert client.get(address).status_code in {200, 302}


# Fragments shared between members


def strip_tokens(html):
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_shared_fragments_render_as_the_page_would(client, locmem_cache):
    topic = TopicFactory()
    question = ThreadFactory(topic=topic, kind="question")
    ReplyFactory.create_batch(3, thread=question, anonymous=True)
    ReplyFactory(thread=question, hidden_at=timezone.now(), hidden_reason="Rude")
    client.force_login(MemberFactory())
    pages = [reverse("discussions:thread_list", args=[topic.slug]), question.get_absolute_url()]
    cold = [strip_tokens(client.get(page).text) for page in pages]
    warm = [strip_tokens(client.get(page).text) for page in pages]
    locmem_cache.clear()
    assert warm == [strip_tokens(client.get(page).text) for page in pages]
    assert cold[1] == warm[1]


def test_a_shared_fragment_never_shows_one_members_view_to_another(client, locmem_cache):
    author, other = MemberFactory(), MemberFactory()
    thread = ThreadFactory(anonymous=True, author=author)
    reply = ReplyFactory(thread=thread, anonymous=True, author=author)
    listing = reverse("discussions:thread_list", args=[thread.topic.slug])
    client.force_login(author)
    assert "A community member (you)" in client.get(listing).text
    html = client.get(thread.get_absolute_url()).text
    assert post_url("thread_edit", thread, reply) in html
    client.force_login(other)
    html = client.get(listing).text
    assert "(you)" not in html and "is-unread" in html
    html = client.get(thread.get_absolute_url()).text
    assert "(you)" not in html
    assert post_url("thread_edit", thread, reply) not in html
    assert post_url("thread_report", thread, reply) in html


def test_the_asker_gets_their_own_answer_forms(client, locmem_cache):
    asker = MemberFactory()
    question = ThreadFactory(kind="question", author=asker)
    reply = ReplyFactory(thread=question)
    client.force_login(MemberFactory())
    assert "Mark as the answer" not in client.get(question.get_absolute_url()).text
    client.force_login(asker)
    response = client.get(question.get_absolute_url())
    assert "Mark as the answer" in response.text
    token = response.text.split('name="csrfmiddlewaretoken" value="')[-1].split('"')[0]
    address = post_url("reply_answer", question, reply)
    assert client.post(address, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Thread.objects.get(pk=question.pk).answer_id == reply.pk


def test_event_texts_are_rendered_as_markdown(client, locmem_cache):
    event = EventFactory(description="We **meet**.", visibility="public")
    client.force_login(MemberFactory())
    assert "We <strong>meet</strong>." in client.get(event.get_absolute_url()).text


def test_marking_an_answer_returns_to_the_page_the_reply_is_on(client):
    asker = MemberFactory()
    question = ThreadFactory(kind="question", author=asker)
    start = timezone.now() - datetime.timedelta(days=1)
    replies = [
        ReplyFactory(thread=question, created_at=start + datetime.timedelta(minutes=i))
        for i in range(45)
    ]
    client.force_login(asker)
    first = client.post(post_url("reply_answer", question, replies[3]))
    assert first["Location"] == f"{question.get_absolute_url()}#reply-{replies[3].pk}"
    late = client.post(post_url("reply_answer", question, replies[42]))
    assert late["Location"] == f"{question.get_absolute_url()}?page=3#reply-{replies[42].pk}"
    html = client.get(late["Location"].split("#")[0]).text
    assert f'id="reply-{replies[42].pk}"' in html
