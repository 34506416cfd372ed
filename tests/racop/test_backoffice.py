"""The back office's front page, its groups, and its pages under the site's strict CSP."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from discussions import services as discussion_services
from library.models import Resource
from members.models import JoinApplication
from members.notifications.models import OutgoingEmail
from tests.factories import (
    CoordinatorFactory,
    EventFactory,
    JoinApplicationFactory,
    ReplyFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def attention(client):
    """Return the front page's "needs attention" items: {key: (text, link)}."""
    html = client.get(reverse("admin:index")).content.decode()
    items = re.findall(
        r'<li class="attention-(\w+)[^"]*">\s*<a href="([^"]+)">([^<]+)</a>\s*(.*?)</li>',
        html,
        re.S,
    )
    return {key: (text, url.replace("&amp;", "&"), rest) for key, url, text, rest in items}


def fill(size):
    """Make size of each thing that needs attention, and as many that do not."""
    long_ago = timezone.now() - datetime.timedelta(days=9)
    for n in range(size):
        JoinApplicationFactory(submitted_at=long_ago + datetime.timedelta(hours=n))
        JoinApplicationFactory(status=JoinApplication.Status.APPROVED)
        ResourceFactory(status=Resource.Status.IN_REVIEW)
        ResourceFactory(link_status=404, link_checked_at=timezone.now())
        ResourceFactory(link_status=200, link_checked_at=timezone.now())
        reply = ReplyFactory()
        discussion_services.post_report(post=reply, reporter=reply.thread.author, reason="Rude")
        EventFactory(starts_at=timezone.now() + datetime.timedelta(days=2))
        EventFactory(starts_at=timezone.now() + datetime.timedelta(days=20))
        email = {"to": "a@example.org", "subject": "s", "text": "t"}
        OutgoingEmail.objects.create(**email, attempts=2, status=OutgoingEmail.Status.FAILED)
        OutgoingEmail.objects.create(
            **email, attempts=1, status=OutgoingEmail.Status.SENT, sent_at=timezone.now()
        )


def test_front_page_counts_what_needs_attention_and_links_to_exactly_those(coordinator_client):
    fill(3)
    items = attention(coordinator_client)
    assert items["applications"][0] == "3 applications waiting for a decision"
    assert "the oldest waits for 1\xa0week, 2\xa0days" in items["applications"][2]
    assert items["suggestions"][0] == "3 suggested resources to curate"
    assert items["reports"][0] == "3 open reports"
    assert items["broken_links"][0] == "3 resources with a broken link"
    assert items["emails"][0] == "3 emails failing to send"
    assert items["events"][0] == "3 events in the next seven days"
    # Each link opens the list showing exactly the rows counted.
    for key, (text, url, _rest) in items.items():
        listed = coordinator_client.get(url)
        assert listed.status_code == 200, key
        count = int(text.split()[0])
        assert listed.context["cl"].result_count == count, key


def test_front_page_says_nothing_waits_with_zero_counts(coordinator_client):
    items = attention(coordinator_client)
    assert items["applications"][0] == "0 applications waiting for a decision"
    assert "oldest" not in items["applications"][2]


@pytest.mark.parametrize("size", [1, 6])
def test_front_page_queries_do_not_grow_with_the_data(
    coordinator_client, django_assert_max_num_queries, locmem_cache, size
):
    fill(size)
    # 11 today: session, person, permissions, one aggregate per item; none per row.
    with django_assert_max_num_queries(12):
        coordinator_client.get(reverse("admin:index"))


def test_models_are_grouped_by_task_and_plumbing_is_for_superusers_only(client):
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    html = client.get(reverse("admin:index")).content.decode()
    groups = re.findall(r'<a href="/admin/#group-[^"]+" class="section">([^<]+)</a>', html)
    assert groups[:3] == ["Members and applications", "Library", "Discussions and events"]
    assert "Plumbing" not in groups
    for plumbing in ["threadread", "postrevision", "digestlog", "inboundemail", "site"]:
        assert f'class="model-{plumbing}' not in html
    # The navigation beside every page is grouped the same way.
    changelist = client.get(reverse("admin:library_resource_changelist")).content.decode()
    assert "Members and applications" in changelist
    assert "model-threadread" not in changelist

    boss = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(boss)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Plumbing" in html
    assert 'class="model-threadread' in html


def test_members_do_not_see_the_front_page(member_client):
    response = member_client.get(reverse("admin:index"))
    assert response.status_code == 302


class ResourcesAndScripts(HTMLParser):
    """Collect what a page loads and any inline script."""

    def __init__(self):
        super().__init__()
        self.urls, self.inline_scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href") if tag in ("script", "link", "img", "iframe") else ("src",):
            if attrs.get(name):
                self.urls.append(attrs[name])
        self._in_script = tag == "script" and not attrs.get("src")
        for name in attrs:
            assert not name.startswith("on"), f"inline handler {name} on <{tag}>"

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip()[:80])

    def handle_endtag(self, tag):
        self._in_script = False


def admin_pages():
    """Return the add page and the change page (when a row exists) of every registered model."""
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        yield reverse("admin:{}_{}_add".format(*info))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            yield reverse("admin:{}_{}_change".format(*info), args=[row.pk])
        yield reverse("admin:{}_{}_changelist".format(*info))


def test_no_admin_page_loads_from_another_host_or_runs_inline_script(client, settings):
    boss = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(boss)
    JoinApplicationFactory()
    ReplyFactory()
    EventFactory()
    checked = 0
    for url in [reverse("admin:index"), *admin_pages()]:
        response = client.get(url)
        assert response.status_code in (200, 403), url
        if response.status_code != 200:
            continue
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        page = ResourcesAndScripts()
        page.feed(response.content.decode())
        outside = [u for u in page.urls if re.match(r"^(https?:)?//", u)]
        assert outside == [], (url, outside)
        assert page.inline_scripts == [], (url, page.inline_scripts)
        checked += 1
    assert checked > 100


def test_translated_fields_are_each_labelled_with_their_language(coordinator_client):
    html = coordinator_client.get(reverse("admin:discussions_event_add")).content.decode()
    labels = re.findall(r'<label[^>]*for="id_title_[^"]*"[^>]*>([^<]*)</label>', html)
    assert labels[:2] == ["Title [English]:", "Title [Albanian]:"]
    assert "Title [Macedonian]:" in labels and "Title [Serbian (Cyrillic)]:" in labels
    assert len(set(labels)) == 9
    assert "jquery-ui" not in html and "tabbed_translation_fields" not in html
