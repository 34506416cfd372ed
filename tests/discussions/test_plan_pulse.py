"""The community pulse counts what happened, on known data."""

import datetime

import pytest
from django.utils import timezone

from discussions.models import ThreadRead
from discussions.plan.pulse import community_pulse, month_starts
from members.models import SurveyResponse
from tests.factories import (
    JoinApplicationFactory,
    MemberFactory,
    ProposalFactory,
    ReplyFactory,
    SupportFactory,
    SurveyFactory,
    ThreadFactory,
)

pytestmark = pytest.mark.django_db


def test_month_starts_cover_a_year_ending_this_month():
    months = month_starts(datetime.date(2026, 3, 15))
    assert months[0] == datetime.date(2025, 4, 1) and months[-1] == datetime.date(2026, 3, 1)
    assert len(months) == 12


def test_pulse_counts_on_known_data():
    now = timezone.now()
    poster = MemberFactory(country="MK")
    reader = MemberFactory(country="AL")
    dormant = MemberFactory(country="AL", member_since=now - datetime.timedelta(days=200))
    thread = ThreadFactory(author=poster)
    ThreadRead.objects.create(user=reader, thread=thread, last_read_at=now)
    ReplyFactory(thread=thread, author=dormant, created_at=now - datetime.timedelta(days=100))
    JoinApplicationFactory()
    survey = SurveyFactory()
    SurveyResponse.objects.create(survey=survey, user=poster, submitted_at=now)
    SurveyResponse.objects.create(survey=survey, user=reader)  # a draft: not counted
    proposal = ProposalFactory(proposer=reader)
    SupportFactory(proposal=proposal, user=poster)

    pulse = community_pulse()

    assert pulse.member_count == 3
    assert pulse.active[-1] == 2
    earlier = (timezone.localdate() - datetime.timedelta(days=100)).replace(day=1)
    assert pulse.active[pulse.months.index(earlier)] == 1
    assert pulse.inactive_count == 1 and pulse.inactive_share == 33
    assert pulse.active_by_country == [("Albania", 1), ("North Macedonia", 1)]
    assert pulse.new_members[-1] == 2
    assert pulse.applications[-1] == 1
    assert dict(pulse.proposals_by_status)["Open for support"] == 1
    assert [p.support_count for p in pulse.top_proposals] == [1]
    assert pulse.surveys[0]["submitted"] == 1 and pulse.surveys[0]["rate"] == 33


def test_pulse_page_shows_counts_not_people(coordinator_client):
    reader = MemberFactory(first_name="Secretive", last_name="Reader")
    ThreadRead.objects.create(user=reader, thread=ThreadFactory(), last_read_at=timezone.now())
    html = coordinator_client.get("/plan/pulse/").content.decode()
    assert "Community pulse" in html and "<svg" in html
    assert "Secretive" not in html
    csv = coordinator_client.get("/plan/pulse.csv").content.decode()
    assert "Active members" in csv and "Secretive" not in csv
