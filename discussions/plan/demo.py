"""Demo action plan: proposals in every state, a current and a past plan, two champions."""

import datetime

from django.db.models import Q
from django.utils import timezone

from discussions.models import ActionItem, Event, Thread
from discussions.plan import services
from discussions.plan.demo_translations import PLAN as PLAN_TRANSLATIONS
from discussions.plan.models import (
    Champion,
    PlanItem,
    PlanPeriod,
    Proposal,
    ProposalComment,
    Support,
)
from library.models import Resource
from members.models import Organisation, User
from pledges.models import Commitment
from racop.demo_translations import translations_from_english
from racop.models import Topic

# title, kind, status, proposer, topic slugs, commitment numbers, supporters, note
PROPOSALS = [
    (
        "Translate the feedback-mechanisms toolkit into Albanian and Macedonian",
        Proposal.Kind.TRANSLATION,
        Proposal.Status.ACCEPTED,
        "arta.hoxha@example.org",
        ["localisation-of-accountability"],
        [7],
        ["member@example.org", "elira.kola@example.org", "elena.stojanovska@example.org"],
        "",
    ),
    (
        "A peer exchange on publishing salaries and budgets",
        Proposal.Kind.PEER_EXCHANGE,
        Proposal.Status.OPEN,
        "elena.stojanovska@example.org",
        ["transparency-finances-governance"],
        [9],
        ["amir.hadzic@example.org", "ivana.horvat@example.org"],
        "",
    ),
    (
        "Working group on safeguarding complainants",
        Proposal.Kind.WORKING_GROUP,
        Proposal.Status.NEEDS_WORK,
        "amir.hadzic@example.org",
        ["failures-lessons-learned"],
        [8],
        ["jelena.petrovic@example.org"],
        "Who would take part, and how often would the group meet?",
    ),
    (
        "Webinar on salary transparency",
        Proposal.Kind.CONVENING,
        Proposal.Status.MERGED,
        "ivana.horvat@example.org",
        ["transparency-finances-governance"],
        [],
        ["member@example.org", "amir.hadzic@example.org"],
        "Very close to the peer exchange on salaries and budgets: merged there.",
    ),
    (
        "A regional billboard campaign on civic space",
        Proposal.Kind.CAMPAIGN,
        Proposal.Status.DECLINED,
        "blerim.krasniqi@example.org",
        ["civic-space-resilience"],
        [],
        [],
        "Beyond the community's budget this year; a social media campaign could work.",
    ),
    (
        "Short guide: accountability reporting for small grassroots groups",
        Proposal.Kind.RESOURCE,
        Proposal.Status.OPEN,
        "member@example.org",
        ["dynamic-accountability-in-practice"],
        [11],
        ["lejla.mehmedovic@example.org"],
        "",
    ),
]

WHY = (
    "Members asked for this in the expectations survey: it answers a need many of us share, "
    "and it is small enough to do this year."
)
OFFER = "I can draft the first version and gather two or three organisations to test it."

# title, status, months from the period start, length in months, reason
ITEMS = [
    ("Quarterly online exchange on feedback mechanisms", PlanItem.Status.IN_PROGRESS, 1, 10, ""),
    ("Regional convening on accountability under pressure", PlanItem.Status.PLANNED, 6, 1, ""),
    ("Lessons-learned space for members", PlanItem.Status.DONE, 0, 2, ""),
    (
        "Mapping of donors' accountability requirements",
        PlanItem.Status.DROPPED,
        2,
        4,
        "Another network published the same mapping in March; we link to it instead.",
    ),
]


def _date(start, months):
    year, month = divmod(start.month - 1 + months, 12)
    return start.replace(year=start.year + year, month=month + 1, day=1)


def _periods():
    this_year = timezone.localdate().year
    current, _ = PlanPeriod.objects.get_or_create(
        slug=str(this_year),
        defaults={
            "name": f"Action plan {this_year}",
            "starts_on": datetime.date(this_year, 1, 1),
            "summary": "Agreed with the members at the first regional convening and open "
            "to new proposals all year.",
            "summary_is_public": True,
        },
    )
    past, _ = PlanPeriod.objects.get_or_create(
        slug=str(this_year - 1),
        defaults={
            "name": f"Action plan {this_year - 1}",
            "starts_on": datetime.date(this_year - 1, 1, 1),
            "summary": "The community's first plan.",
        },
    )
    return current, past


def _proposals(people, current, coordinator):
    topics = Topic.objects.in_bulk(field_name="slug")
    commitments = Commitment.objects.in_bulk(field_name="number")
    created = {}
    for title, kind, _status, proposer, topic_slugs, numbers, supporters, _note in PROPOSALS:
        if proposer not in people:
            continue
        proposal, new = Proposal.objects.get_or_create(
            title=title,
            defaults={
                "kind": kind,
                "proposer": people[proposer],
                "description": WHY,
                "offer": OFFER,
            },
        )
        created[title] = proposal
        if not new:
            continue
        proposal.topics.set([topics[s] for s in topic_slugs if s in topics])
        proposal.commitments.set([commitments[n] for n in numbers if n in commitments])
        for email in supporters:
            if email in people:
                Support.objects.get_or_create(proposal=proposal, user=people[email])
        ProposalComment.objects.create(
            proposal=proposal,
            author=people.get("member@example.org", people[proposer]),
            body="Count me in: we could host one session.",
        )
    if coordinator is None:
        return len(created)
    for title, _kind, status, _p, _t, _c, _s, note in PROPOSALS:
        proposal = created.get(title)
        if proposal is None or proposal.status != Proposal.Status.OPEN:
            continue
        if status == Proposal.Status.ACCEPTED:
            item = services.proposal_accept(proposal=proposal, by=coordinator, period=current)
            item.status = PlanItem.Status.IN_PROGRESS
            item.starts_on = _date(current.starts_on, 3)
            item.ends_on = _date(current.starts_on, 9)
            item.save()
            item.resources.set(
                Resource.objects.published().filter(
                    Q(title__icontains="feedback") | Q(title__icontains="toolkit")
                )[:2]
            )
        elif status == Proposal.Status.MERGED:
            target = created["A peer exchange on publishing salaries and budgets"]
            services.proposal_merge(proposal=proposal, into=target, by=coordinator, note=note)
        elif status == Proposal.Status.NEEDS_WORK:
            services.proposal_needs_work(proposal=proposal, by=coordinator, note=note)
        elif status == Proposal.Status.DECLINED:
            services.proposal_decline(proposal=proposal, by=coordinator, note=note)
    return len(created)


def _items(current, past, people):
    topics = list(Topic.objects.for_list()[:4])
    events = list(Event.objects.order_by("starts_at")[:3])
    resources = list(Resource.objects.published().order_by("pk")[:4])
    threads = list(Thread.objects.order_by("pk")[:2])
    organisation = Organisation.objects.order_by("pk").first()
    owner = people.get("elena.stojanovska@example.org")
    created = 0
    for index, (title, status, start, months, reason) in enumerate(ITEMS):
        item, new = PlanItem.objects.get_or_create(
            period=current,
            title=title,
            defaults={
                "status": status,
                "starts_on": _date(current.starts_on, start),
                "ends_on": _date(current.starts_on, start + months) - datetime.timedelta(days=1),
                "dropped_reason": reason,
                "owner_user": owner if index % 2 else None,
                "owner_organisation": None if index % 2 else organisation,
                "description": "Agreed at the regional convening.",
            },
        )
        if not new:
            continue
        created += 1
        if topics:
            item.topics.set([topics[index % len(topics)]])
        if events:
            item.events.set([events[index % len(events)]])
        if resources:
            item.resources.set([resources[index % len(resources)]])
        if threads and status == PlanItem.Status.DONE:
            item.threads.set(threads)
    first = current.items.filter(title=ITEMS[0][0]).first()
    if first:
        ActionItem.objects.filter(
            text="Organise the first online exchange", plan_item__isnull=True
        ).update(plan_item=first)
    PlanItem.objects.get_or_create(
        period=past,
        title="Launch the community portal",
        defaults={
            "status": PlanItem.Status.DONE,
            "starts_on": past.starts_on,
            "ends_on": _date(past.starts_on, 6),
            "owner_organisation": organisation,
        },
    )
    return created


def _champions(people, coordinator):
    topic = Topic.objects.filter(slug="failures-lessons-learned").first()
    commitment = Commitment.objects.filter(number=7).first()
    rows = [
        ("elena.stojanovska@example.org", {"topic": topic}, "Shared our first lessons openly."),
        ("arta.hoxha@example.org", {"commitment": commitment}, "Runs feedback circles monthly."),
    ]
    created = 0
    for email, subject, reason in rows:
        if email not in people or not all(subject.values()):
            continue
        _, new = Champion.objects.get_or_create(
            user=people[email],
            **subject,
            defaults={
                "reason": reason,
                "nominated_by": people.get("member@example.org"),
                "status": Champion.Status.CONFIRMED,
                "decided_by": coordinator,
            },
        )
        created += new
    return created


def _translations(current, past):
    """Give the demo plan's periods and items their text in every language (empty ones)."""
    for period in (current, past):
        changed = translations_from_english(
            period, ["name", "summary"], PLAN_TRANSLATIONS, year=period.slug
        )
        if changed:
            period.save(update_fields=changed)
    for item in PlanItem.objects.filter(period__in=[current, past]):
        changed = translations_from_english(item, ["title", "description"], PLAN_TRANSLATIONS)
        if changed:
            item.save(update_fields=changed)


def seed():
    """Create the demo plan; return a summary."""
    people = {user.email: user for user in User.objects.members()}
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    if not people:
        return ""
    current, past = _periods()
    proposals = _proposals(people, current, coordinator)
    items = _items(current, past, people)
    champions = _champions(people, coordinator)
    _translations(current, past)
    return f"{proposals} proposals, {items} plan items, {champions} champions"
