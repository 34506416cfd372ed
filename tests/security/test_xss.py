"""Known XSS payloads in every Markdown and text field: never script in the output."""

from pathlib import Path

import pytest
from django.urls import reverse

from racop.markdown import render_markdown
from tests.factories import (
    EventFactory,
    MemberFactory,
    MembershipFactory,
    PageFactory,
    ResourceFactory,
    ThreadFactory,
    TopicFactory,
)
from tests.security.html_safety import script_problems

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines()
    if line.strip()
]
ALL = "\n\n".join(PAYLOADS)


def test_the_corpus_is_large_and_the_checker_catches_each_payload_raw():
    assert len(PAYLOADS) >= 40
    caught = [p for p in PAYLOADS if script_problems(p)]
    # Raw, most payloads are dangerous; the rest are Markdown, dangerous once rendered unsafely.
    assert len(caught) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_never_renders_script(payload):
    assert script_problems(render_markdown(payload)) == []
    assert script_problems(render_markdown(f"Before\n\n{payload}\n\nafter *text*")) == []


@pytest.fixture
def reader(db):
    return MemberFactory(bio=ALL)


def assert_page_safe(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert script_problems(response.content.decode()) == [], url


def short(text, limit):
    return text.replace("\n", " ")[:limit]


def test_discussions_render_payloads_safely(client, reader):
    topic = TopicFactory(description=ALL)
    thread = ThreadFactory(topic=topic, title=short(PAYLOADS[0], 200), body=ALL)
    for payload in PAYLOADS:
        thread.replies.create(author=reader, body=payload)
    client.force_login(reader)
    assert_page_safe(client, thread.get_absolute_url())
    assert_page_safe(client, thread.get_absolute_url() + "?page=2")
    assert_page_safe(client, reverse("discussions:thread_list", args=[topic.slug]))
    assert_page_safe(client, topic.get_absolute_url())


def test_the_library_renders_payloads_safely(client, reader):
    resource = ResourceFactory(title=short(PAYLOADS[2], 200), summary=ALL, body=ALL,
                               publisher=short(PAYLOADS[4], 200))  # fmt: skip
    client.force_login(reader)
    assert_page_safe(client, resource.get_absolute_url())
    assert_page_safe(client, reverse("library:resource_list") + "?q=alert")
    assert_page_safe(client, reverse("library:resource_list") + "?q=" + PAYLOADS[0])


def test_profiles_and_organisations_render_payloads_safely(client, reader):
    membership = MembershipFactory(organisation__description=ALL)
    client.force_login(reader)
    reader.refresh_from_db()
    assert_page_safe(client, membership.organisation.get_absolute_url())
    assert_page_safe(client, reverse("members:person_detail", args=[reader.slug]))


def test_pages_and_events_render_payloads_safely(client, reader):
    page = PageFactory(slug="about", body=ALL, summary=short(ALL, 500))
    event = EventFactory(description=ALL, title=short(PAYLOADS[6], 200))
    client.force_login(reader)
    assert_page_safe(client, page.get_absolute_url())
    assert_page_safe(client, "/")
    assert_page_safe(client, event.get_absolute_url())
