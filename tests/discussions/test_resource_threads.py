"""A library resource's page lists the threads that link to it, for members only."""

import pytest

from tests.factories import ReplyFactory, ResourceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource():
    return ResourceFactory(title="Feedback toolkit")


def test_members_see_threads_that_link_to_the_resource(client, member, resource):
    linked = ThreadFactory(title="We tried the toolkit", body=f"See {resource.get_absolute_url()}")
    in_reply = ReplyFactory(body=f"Also [this]({resource.get_absolute_url()})").thread
    unrelated = ThreadFactory(title="Unrelated thread")
    client.force_login(member)
    html = client.get(resource.get_absolute_url()).content.decode()
    assert "Discussed in" in html
    assert linked.get_absolute_url() in html
    assert in_reply.get_absolute_url() in html
    assert unrelated.get_absolute_url() not in html


@pytest.mark.parametrize("role", ["visitor", "applicant"])
def test_outsiders_do_not_see_the_safe_space_threads(client, request, role, resource):
    thread = ThreadFactory(title="Members-only talk", body=resource.get_absolute_url())
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    html = client.get(resource.get_absolute_url()).content.decode()
    assert thread.title not in html
    assert "Discussed in" not in html


def test_hidden_and_deleted_replies_do_not_count(client, member, resource):
    from django.utils import timezone

    reply = ReplyFactory(body=resource.get_absolute_url(), hidden_at=timezone.now())
    client.force_login(member)
    assert (
        reply.thread.get_absolute_url()
        not in client.get(resource.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("size", [1, 12])
def test_resource_page_query_count_is_flat_with_mentions(
    client, member, resource, locmem_cache, django_assert_max_num_queries, size
):
    for _ in range(size):
        ReplyFactory(body=resource.get_absolute_url())
    client.force_login(member)
    with django_assert_max_num_queries(8):
        assert client.get(resource.get_absolute_url()).status_code == 200


def linked(resource):
    return list(resource.linked_threads.values_list("title", flat=True))


def test_links_follow_edits_hiding_restoring_and_deleting(coordinator, resource):
    from discussions import services

    thread = ThreadFactory(title="Budgets", body="Nothing linked yet.")
    reply = ReplyFactory(
        thread=thread, body=f"Try https://racop.example.org{resource.get_absolute_url()}"
    )
    assert linked(resource) == ["Budgets"]
    services.post_hide(post=reply, by=coordinator, reason="Off topic")
    assert linked(resource) == []
    services.post_restore(post=reply, by=coordinator)
    assert linked(resource) == ["Budgets"]
    services.post_delete(post=reply, by=reply.author)
    assert linked(resource) == []
    services.post_edit(post=thread, by=thread.author, body=f"See {resource.get_absolute_url()}")
    assert linked(resource) == ["Budgets"]
    services.post_edit(post=thread, by=thread.author, body="Changed my mind.")
    assert linked(resource) == []


def test_a_link_in_another_language_counts(resource):
    ThreadFactory(title="На македонски", body=f"Видете /mk/library/{resource.slug}/ тука.")
    assert linked(resource) == ["На македонски"]


def test_addresses_that_are_no_resource_link_nothing(resource):
    ThreadFactory(title="Suggestions", body="Send yours at /library/suggest/ please.")
    assert linked(resource) == []
