"""The community's pulse for coordinators: counts only, never one person's habits.

"Active" means a member did at least one of these in the month: read a thread,
started a thread or replied, registered for an event, submitted a survey, proposed,
supported or commented on a plan proposal. Reading is known only from the thread read
markers, which keep the *latest* read per thread: a member who read a thread in March
and again in May counts as a reader in May only. That undercounts earlier months;
there is no other record of reading, on purpose.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from discussions.models import Registration, Reply, Thread, ThreadRead
from discussions.plan.models import Proposal, ProposalComment, Support
from members.models import JoinApplication, Survey, SurveyResponse, User

MONTHS = 12
INACTIVE_DAYS = 90
TOP_PROPOSALS = 10
SURVEYS = 10

# model, the person field, the date field, what the activity is called
ACTIVITY_SOURCES = [
    (ThreadRead, "user", "last_read_at", _("read a thread")),
    (Thread, "author", "created_at", _("started a thread")),
    (Reply, "author", "created_at", _("replied")),
    (Registration, "user", "created_at", _("registered for an event")),
    (SurveyResponse, "user", "submitted_at", _("answered a survey")),
    (Proposal, "proposer", "created_at", _("proposed an activity")),
    (Support, "user", "created_at", _("supported a proposal")),
    (ProposalComment, "author", "created_at", _("commented on a proposal")),
]


def month_starts(today: datetime.date, count: int = MONTHS) -> list[datetime.date]:
    """Return the first days of the last `count` months, oldest first, this month last."""
    months = [today.replace(day=1)]
    while len(months) < count:
        months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
    return months[::-1]


def _per_month(queryset, date_field, months):
    counts = dict.fromkeys(months, 0)
    rows = (
        queryset.filter(**{f"{date_field}__date__gte": months[0]})
        .annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[timezone.localdate(row["month"])] = row["n"]
    return [counts.get(month, 0) for month in months]


@dataclass
class Pulse:
    months: list[datetime.date]
    applications: list[int]
    new_members: list[int]
    active: list[int]
    active_by_country: list[tuple[str, int]]
    member_count: int
    inactive_count: int
    proposals_by_status: list[tuple[str, int]]
    top_proposals: list = field(default_factory=list)
    surveys: list = field(default_factory=list)

    @property
    def inactive_share(self) -> int:
        """Return the percentage of members not active for 90 days."""
        return round(100 * self.inactive_count / self.member_count) if self.member_count else 0


def community_pulse(today: datetime.date | None = None) -> Pulse:
    """Return the monthly and per-country counts of the pulse page, in a fixed number of queries."""
    today = today or timezone.localdate()
    months = month_starts(today)
    recent = today - datetime.timedelta(days=INACTIVE_DAYS)
    members = User.objects.members()

    active_by_month = defaultdict(set)
    recently_active = {}
    for model, person, date_field, _label in ACTIVITY_SOURCES:
        rows = (
            model.objects.filter(
                **{
                    f"{date_field}__date__gte": min(months[0], recent),
                    f"{person}__member_since__isnull": False,
                    f"{person}__is_active": True,
                }
            )
            .annotate(month=TruncMonth(date_field))
            .values_list(f"{person}_id", f"{person}__country", "month")
            .annotate(latest=Max(date_field))
            .order_by()
        )
        for user_id, country, month, when in rows:
            active_by_month[timezone.localdate(month).replace(day=1)].add(user_id)
            if timezone.localdate(when) >= recent:
                recently_active[user_id] = country

    per_country = defaultdict(int)
    for country in recently_active.values():
        per_country[country] += 1
    country_names = dict(countries)
    active_by_country = sorted(
        ((str(country_names.get(code, _("Not given"))), n) for code, n in per_country.items()),
        key=lambda row: (-row[1], row[0]),
    )
    member_count = members.count()

    statuses = dict(
        Proposal.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    surveys = Survey.objects.annotate(
        submitted=Count("responses", filter=Q(responses__submitted_at__isnull=False))
    ).order_by("-opens_at")[:SURVEYS]
    return Pulse(
        months=months,
        applications=_per_month(JoinApplication.objects.all(), "submitted_at", months),
        new_members=_per_month(members, "member_since", months),
        active=[len(active_by_month.get(month, ())) for month in months],
        active_by_country=active_by_country,
        member_count=member_count,
        inactive_count=member_count - len(recently_active),
        proposals_by_status=[
            (str(label), statuses.get(value, 0)) for value, label in Proposal.Status.choices
        ],
        top_proposals=list(Proposal.objects.open().for_list()[:TOP_PROPOSALS]),
        surveys=[
            {
                "survey": survey,
                "submitted": survey.submitted,
                "rate": round(100 * survey.submitted / member_count) if member_count else 0,
            }
            for survey in surveys
        ],
    )
