"""Key journeys of the safe space and convenings in a real browser (headless Chromium)."""

import pytest
from playwright.sync_api import expect

from discussions import services
from discussions.models import Thread
from tests.factories import EventFactory, MemberFactory, RegistrationFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/")


def test_member_previews_posts_and_replies_as_a_community_member(page, member, password):
    topic = TopicFactory(name="Failures and lessons")
    log_in(page, member, password)
    page.get_by_role("link", name="Discussions").first.click()
    page.get_by_role("link", name="Failures and lessons").click()
    page.get_by_role("link", name="Start a discussion").click()
    page.get_by_label("Title").fill("What went wrong with our survey")
    page.get_by_label("Body").fill("We asked **too many** questions.")
    page.get_by_role("button", name="Preview").click()
    assert page.locator(".preview strong").inner_text() == "too many"
    assert page.get_by_label("Title").input_value() == "What went wrong with our survey"
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url(f"**/discussions/{topic.slug}/*-what-went-wrong-with-our-survey/")
    expect(page.get_by_role("heading", name="What went wrong with our survey")).to_be_visible()

    page.get_by_label("Your reply").fill("And nobody answered the last page.")
    page.get_by_label("Post as “a community member”").check()
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_load_state()
    reply = page.locator(".reply").last
    assert "And nobody answered the last page." in reply.inner_text()
    assert "A community member (you)" in reply.inner_text()
    assert Thread.objects.get().replies.get().anonymous


def test_member_joins_the_waiting_list_and_gets_the_freed_seat(page, member, password):
    event = EventFactory(title="Small workshop", capacity=1)
    first = RegistrationFactory(event=event, user=MemberFactory()).user
    log_in(page, member, password)
    page.goto("/events/")
    page.get_by_role("link", name="Small workshop").click()
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_text("you are on the waiting list").first).to_be_visible()
    assert "secret-room" not in page.content()
    services.event_cancel(event=event, user=first)
    page.reload()
    expect(page.get_by_text("You are registered.").first).to_be_visible()
    expect(page.get_by_role("link", name="https://meet.example.org/secret-room")).to_be_visible()
