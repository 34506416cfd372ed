"""<time datetime="…"> values: to the second at most (never microseconds, which HTML does not
allow past three digits), and to the minute for anonymous posts."""

import datetime
import re
import zoneinfo
from collections import deque
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from discussions.models import Reply, Thread
from members.demo import DEMO_ACCOUNTS
from members.models import User
from racop.templatetags.racop import time_datetime

TIME = re.compile(r'<time\b[^>]*\bdatetime="([^"]*)"')
HREF = re.compile(r'href="(/[^"]*)"')
# A date, or a local date and time to the minute or the second with its offset.
VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z))?$")
LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
SKIPPED = ("/admin/", "/accounts/logout", "/static/", "/media/", "/inbound/", "/healthz")


def test_the_filter_drops_fractions_and_keeps_the_local_offset(settings):
    settings.TIME_ZONE = "Europe/Skopje"
    moment = datetime.datetime(2026, 11, 27, 14, 6, 49, 259124, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("Europe/Skopje")):
        assert time_datetime(moment) == "2026-11-27T15:06:49+01:00"
        assert time_datetime(moment, "minutes") == "2026-11-27T15:06+01:00"
    assert time_datetime(datetime.date(2026, 11, 27)) == "2026-11-27"
    assert time_datetime(None) == ""


def _links(html):
    for href in HREF.findall(html):
        path = urldefrag(href.replace("&amp;", "&"))[0]
        if urlsplit(path).query:
            continue  # filters and pages of lists: the same posts again
        if path.startswith(LANGUAGE_PREFIXES) or path.startswith(SKIPPED):
            continue
        if path.endswith((".ics", ".xml", ".csv", ".svg", ".png", ".pdf", ".txt", "/feed/")):
            continue
        yield path


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_no_page_of_the_demo_has_a_time_finer_than_a_second(client):
    call_command("seed_demo", stdout=StringIO())
    client.force_login(User.objects.get(email=DEMO_ACCOUNTS["member"][0]))
    start = ["/", "/discussions/", "/events/", "/library/", "/pledge/", "/notifications/"]
    seen, queue, values = set(start), deque(start), {}
    while queue and len(seen) < 150:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for value in TIME.findall(html):
            values.setdefault(value, path)
        for link in _links(html):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    wrong = {value: path for value, path in values.items() if not VALID.match(value)}
    assert not wrong, list(wrong.items())[:10]
    pages = set(values.values())
    assert len(values) >= 20 and any("/discussions/" in path for path in pages), len(values)

    # Anonymous posts: their time is given to the minute only.
    anonymous = [*Thread.objects.filter(anonymous=True), *Reply.objects.filter(anonymous=True)]
    assert anonymous, "the demo has anonymous posts"
    for post in anonymous:
        thread = post if isinstance(post, Thread) else post.thread
        html = client.get(thread.get_absolute_url()).content.decode()
        local = timezone.localtime(post.created_at)
        assert f'datetime="{local.isoformat(timespec="minutes")}"' in html, post
        assert local.isoformat(timespec="seconds") not in html, post
