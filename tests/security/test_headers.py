"""Every page kind carries the security headers; HTML pages have no inline script or style."""

import re

import pytest
from django.urls import reverse

from members.notifications.services import unsubscribe_token
from tests.factories import (
    EventFactory,
    FeedbackQuestionFactory,
    FeedbackRoundFactory,
    MemberFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    ProposalFactory,
    ResourceFactory,
    ThreadFactory,
    TopicFactory,
)

STRICT_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
# Inline scripts, except data blocks (JSON-LD), which browsers never run.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE
)
NONCE = re.compile(r"\bnonce=")


def assert_html_headers(response):
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in STRICT_REFERRERS
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    for tag in INLINE_SCRIPT.findall(html):
        # An inline script is allowed only with the page's nonce.
        assert NONCE.search(tag), tag
    assert not re.search(r"<[^>]+\sstyle=", html), "inline style attribute"
    assert not re.search(r"<[^>]+\son[a-z]+=", html, re.IGNORECASE), "inline event handler"


@pytest.fixture
def content(db):
    topic = TopicFactory(slug="governance")
    feedback_round = FeedbackRoundFactory()
    FeedbackQuestionFactory(round=feedback_round)
    FeedbackQuestionFactory(round=feedback_round, standard="respect")
    period = PlanPeriodFactory(summary_is_public=True)
    PlanItemFactory(period=period).topics.add(topic)
    return {
        "topic": topic,
        "resource": ResourceFactory(),
        "thread": ThreadFactory(topic=topic),
        "event": EventFactory(),
        "feedback_round": feedback_round,
        "period": period,
        "proposal": ProposalFactory(),
        "reader": MemberFactory(),
    }


def html_pages(content):
    thread = content["thread"]
    return {
        "home": ("visitor", "/"),
        "list": ("visitor", reverse("library:resource_list")),
        "search": ("visitor", reverse("library:resource_list") + "?q=budget"),
        "detail": ("visitor", content["resource"].get_absolute_url()),
        "topic": ("visitor", content["topic"].get_absolute_url()),
        "form": ("visitor", reverse("members:join")),
        "member form": (
            "member",
            reverse("discussions:thread_create", args=[thread.topic.slug, "discussion"]),
        ),
        "member detail": ("member", thread.get_absolute_url()),
        "me": ("member", reverse("members:me")),
        "admin": ("coordinator", reverse("admin:index")),
        "admin list": ("coordinator", reverse("admin:racop_auditentry_changelist")),
        "admin login": ("visitor", reverse("admin:login")),
        "login": ("visitor", reverse("account_login")),
        "signup": ("visitor", reverse("account_signup")),
        "password reset": ("visitor", reverse("account_reset_password")),
        "404": ("visitor", "/there-is-no-such-page-anywhere/"),
        "403": ("member", reverse("admin:index")),
        "event": ("member", content["event"].get_absolute_url()),
        # Pages of the apps merged later: plan, charts (inline SVG), token pages, notifications.
        "plan": ("member", reverse("plan:plan")),
        "plan charts": (
            "visitor",
            reverse("plan:plan_progress", args=[content["period"].slug]),
        ),
        "proposal": ("member", content["proposal"].get_absolute_url()),
        "pulse": ("coordinator", reverse("plan:pulse")),
        "feedback answer": ("visitor", content["feedback_round"].get_public_url()),
        "feedback results": ("coordinator", content["feedback_round"].get_absolute_url()),
        "notifications": ("member", reverse("notifications:me_notifications")),
        "unsubscribe": (
            "visitor",
            reverse(
                "notifications:unsubscribe", args=[unsubscribe_token(content["reader"], "reply")]
            ),
        ),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "home", "list", "search", "detail", "topic", "form", "member form", "member detail",
        "me", "admin", "admin list", "admin login", "login", "signup", "password reset", "404",
        "403", "event", "plan", "plan charts", "proposal", "pulse", "feedback answer",
        "feedback results", "notifications", "unsubscribe",
    ],
)  # fmt: skip
def test_every_html_page_kind_carries_the_security_headers(client, content, kind, request):
    role, url = html_pages(content)[kind]
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get(url)
    assert response.status_code in {200, 302, 404}, (kind, response.status_code)
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert "text/html" in response["Content-Type"]
    assert_html_headers(response)


def test_the_429_page_carries_the_security_headers(client, db, settings):
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"searching": "1/m"}
    url = reverse("library:resource_list") + "?q=again"
    client.get(url)
    response = client.get(url)
    assert response.status_code == 429
    assert_html_headers(response)


@pytest.mark.parametrize(
    "name,args",
    [
        ("library:feed_rss", []),
        ("library:feed_atom", []),
        ("discussions:events_ics", []),
        ("pledges:signatures_json", []),
        ("pledges:signatures_csv", []),
        ("healthz", []),
    ],
)
def test_feeds_calendars_and_data_files_are_not_sniffed(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "text/html" not in response["Content-Type"]


def test_the_member_data_export_is_not_sniffed(member_client):
    response = member_client.get(reverse("members:me_data"))
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("application/json")


def test_the_feedback_qr_code_and_plan_csv_are_not_sniffed(client, representative):
    organisation = representative.memberships.get().organisation
    feedback_round = FeedbackRoundFactory(organisation=organisation)
    period = PlanPeriodFactory()
    client.force_login(representative)
    for url in (
        reverse("feedback:round_qr", args=[feedback_round.pk]),
        reverse("plan:plan_csv", args=[period.slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "text/html" not in response["Content-Type"]
        assert "Content-Security-Policy" in response.headers


def test_the_coordinators_radar_export_is_not_sniffed(coordinator_client):
    response = coordinator_client.get(reverse("pledges:radar_csv"))
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
