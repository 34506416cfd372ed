"""Every chart of the demo, in every language, draws: each number an SVG attribute holds is
a number a browser reads (a decimal comma, "260,0", breaks a chart)."""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from discussions.plan.models import PlanPeriod
from members.demo import DEMO_ACCOUNTS
from members.models import Organisation, Survey, User
from pledges.feedback.models import FeedbackRound

pytestmark = pytest.mark.django_db

NUMBER = r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:e-?\d+)?"
ONE = re.compile(rf"^{NUMBER}(?:%|px|em|rem)?$")
POINTS = re.compile(rf"^\s*(?:{NUMBER},{NUMBER}\s*)+$")
VIEWBOX = re.compile(rf"^{NUMBER}(?:[ ,]\s*{NUMBER}){{3}}$")
PATH = re.compile(rf"^(?:\s*[MmLlHhVvZzAaCcQqSsTt]|\s*,?\s*{NUMBER})+\s*$")
NUMERIC = {
    "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "width",
    "height", "stroke-width", "font-size", "opacity", "fill-opacity", "offset",
}  # fmt: skip


class _Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.charts = 0
        self.elements = 0
        self.wrong = []

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth += 1
            self.charts += 1
        if not self.depth:
            return
        self.elements += 1
        for name, value in attrs:
            value = (value or "").strip()
            if name in NUMERIC and not ONE.match(value):
                self.wrong.append(f'<{tag} {name}="{value}">')
            elif name == "points" and not POINTS.match(value):
                self.wrong.append(f'<{tag} points="{value}">')
            elif name == "viewbox" and not VIEWBOX.match(value):
                self.wrong.append(f'<{tag} viewBox="{value}">')
            elif name == "d" and not PATH.match(value):
                self.wrong.append(f'<{tag} d="{value}">')
            elif name == "transform" and re.search(r"\d,\d", value.replace(", ", " ")):
                self.wrong.append(f'<{tag} transform="{value}">')

    def handle_endtag(self, tag):
        if tag == "svg":
            self.depth -= 1


def charts(html):
    parser = _Charts()
    parser.feed(html)
    return parser


def test_the_check_finds_a_decimal_comma_and_accepts_numbers():
    assert charts('<svg viewBox="0 0 10 10"><line x1="260,0" y1="1.5"></svg>').wrong == [
        '<line x1="260,0">'
    ]
    assert charts('<svg><polygon points="1,2 3,4,5"></svg>').wrong
    assert charts('<svg><rect width="12,5%"></svg>').wrong
    good = charts('<svg viewBox="0 0 320 200"><polygon points="1.5,2 3,4"><rect x="2" width="50%">')
    assert good.wrong == [] and good.charts == 1


def _chart_pages():
    """Every page of the demo that draws a chart, with who may see it."""
    pages = [
        ("visitor", reverse("pledges:pledge_detail")),
        ("visitor", reverse("pledges:accountability")),
        ("coordinator", reverse("pledges:accountability")),
    ]
    for organisation in Organisation.objects.filter(assessments__isnull=False).distinct():
        url = reverse("pledges:organisation_accountability", args=[organisation.slug])
        pages.append(("coordinator", url))
    for period in PlanPeriod.objects.all():
        pages.append(("coordinator", reverse("plan:plan_progress", args=[period.slug])))
    for survey in Survey.objects.all():
        pages.append(("coordinator", reverse("members:survey_results", args=[survey.slug])))
    for feedback_round in FeedbackRound.objects.all():
        representative = (
            User.objects.filter(memberships__organisation=feedback_round.organisation)
            .filter(memberships__role="representative")
            .first()
        )
        if representative:
            pages.append((representative, feedback_round.get_absolute_url()))
    return pages


@override_settings(DEBUG=True)
def test_every_chart_of_the_demo_draws_in_every_language(client):
    call_command("seed_demo", stdout=StringIO())
    coordinator = User.objects.get(email=DEMO_ACCOUNTS["coordinator"][0])
    drawn = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            pages = _chart_pages()
        for who, url in pages:
            client.logout()
            if who == "coordinator":
                client.force_login(coordinator)
            elif who != "visitor":
                client.force_login(who)
            response = client.get(url)
            assert response.status_code == 200, (language, url)
            found = charts(response.content.decode())
            assert found.wrong == [], (language, url, found.wrong[:5])
            if found.charts:
                drawn.add(url.removeprefix(f"/{language}").split("/")[1])
    # The walk reached the Pledge wall, the radar, the plan, the surveys and feedback rounds.
    assert {"pledge", "accountability", "plan", "surveys", "feedback"} <= drawn, drawn
