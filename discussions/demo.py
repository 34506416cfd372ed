"""Demo threads, replies, a report, and convenings past and upcoming."""

import datetime

from django.utils import timezone

from discussions import counters
from discussions.demo_translations import EVENTS as EVENT_TRANSLATIONS
from discussions.models import ActionItem, Event, Registration, Reply, Report, Thread
from members.models import User
from racop.demo_translations import translations_from_english
from racop.models import Topic
from racop.slugs import slug_from

# topic slug, kind, title, author email, anonymous, chatham house, body, replies
THREADS = [
    (
        "failures-lessons-learned",
        Thread.Kind.LESSONS,
        "Our first public annual report: nobody read it",
        "elena.stojanovska@example.org",
        False,
        False,
        """## Context

We published our first full annual report in 2024: 48 pages, in English and Macedonian.

## What happened

It was downloaded 31 times, mostly by donors. The people we work with never saw it.

## What we changed

This year we printed a two-page summary, read it out at three community meetings and
asked what was missing. People asked about salaries and how we choose our projects.

## What others can take from it

Ask the people you serve what they want to know before you write the report.""",
        [
            ("arta.hoxha@example.org", False, "Same here. The two-page summary is a great idea."),
            ("member@example.org", False, "Did you publish salary ranges in the end?"),
            ("elena.stojanovska@example.org", False, "Yes, as ranges per position."),
        ],
    ),
    (
        "failures-lessons-learned",
        Thread.Kind.DISCUSSION,
        "A complaints mechanism that backfired",
        "amir.hadzic@example.org",
        True,
        True,
        "We opened an anonymous complaints line and the first complaints were about a "
        "partner's staff member. We did not know how to handle it without exposing the "
        "person who complained. How did others deal with this?",
        [
            ("ivana.horvat@example.org", False, "We agreed a protocol with partners first."),
            ("jelena.petrovic@example.org", True, "We had the same problem; talk to us."),
        ],
    ),
    (
        "localisation-of-accountability",
        Thread.Kind.QUESTION,
        "Feedback forms in Romani: has anyone done it?",
        "senad.ramadani@example.org",
        False,
        False,
        "We want to ask the families we work with for feedback in their language. "
        "Has anyone translated feedback forms into Romani, and did oral feedback work better?",
        [
            ("lejla.mehmedovic@example.org", False, "Oral feedback worked far better for us."),
            ("blerim.krasniqi@example.org", False, "We have a Romani form: I can share it."),
        ],
    ),
    (
        "civic-space-resilience",
        Thread.Kind.DISCUSSION,
        "Responding to the new 'foreign agents' draft laws",
        "jelena.petrovic@example.org",
        False,
        True,
        "Several governments in the region are discussing laws modelled on foreign agents "
        "registers. Let us collect what each country's coalition is doing.",
        [
            ("marko.vujovic@example.org", False, "In Montenegro we published our funding."),
            ("zeynep.aydin@example.org", False, "Transparency first, before we are forced."),
        ],
    ),
    (
        "transparency-finances-governance",
        Thread.Kind.DISCUSSION,
        "Publishing board minutes: how much is too much?",
        "member@example.org",
        False,
        False,
        "We decided to publish our board minutes. What do you leave out, and why?",
        [("ivana.horvat@example.org", False, "Personal data about staff, nothing else.")],
    ),
    (
        "communications-legitimacy-public-trust",
        Thread.Kind.QUESTION,
        "How do you explain foreign funding to a sceptical public?",
        "marko.vujovic@example.org",
        False,
        False,
        "Every time we publish our donors, the comments are about foreign influence. "
        "What wording has worked for you?",
        [("arta.hoxha@example.org", False, "Lead with what the money changed locally.")],
    ),
    (
        "dynamic-accountability-in-practice",
        Thread.Kind.DISCUSSION,
        "Examples wanted: a decision you changed after listening",
        "lejla.mehmedovic@example.org",
        False,
        False,
        "For the community's collection of examples: tell us about one decision your "
        "organisation changed because the people you serve asked for it.",
        [("member@example.org", False, "We moved our office hours to evenings.")],
    ),
    (
        "shifting-power",
        Thread.Kind.DISCUSSION,
        "Community members on our board: first year",
        "zeynep.aydin@example.org",
        True,
        False,
        "We gave two seats on our board to people from the neighbourhoods we work in. "
        "It has been harder and better than we expected. Happy to answer questions.",
        [("senad.ramadani@example.org", False, "How did you choose them?")],
    ),
]


def _day(days, hour, minute=0):
    now = timezone.localtime()
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return moment + datetime.timedelta(days=days)


def _threads():
    emails = {email for t in THREADS for email in [t[3]] + [r[0] for r in t[7]]}
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    topics = Topic.objects.in_bulk([t[0] for t in THREADS], field_name="slug")
    created = 0
    for index, (topic, kind, title, author, anonymous, chatham, body, replies) in enumerate(
        THREADS
    ):
        if topic not in topics or author not in people:
            continue
        thread, is_new = Thread.objects.get_or_create(
            topic=topics[topic],
            title=title,
            defaults={
                "kind": kind,
                "slug": slug_from(title, max_length=60),
                "body": body,
                "author": people[author],
                "anonymous": anonymous,
                "chatham_house": chatham,
                "pinned": index == 0,
                "created_at": timezone.now() - datetime.timedelta(days=10 - index),
            },
        )
        if not is_new:
            continue
        created += 1
        last = thread.created_at
        for position, (email, reply_anonymous, text) in enumerate(replies, start=1):
            last = thread.created_at + datetime.timedelta(hours=position * 5)
            Reply.objects.create(
                thread=thread,
                author=people[email],
                anonymous=reply_anonymous,
                body=text,
                created_at=last,
            )
        Thread.objects.filter(pk=thread.pk).update(last_activity_at=last)
        counters.topic_activity_refresh(thread.topic_id)
    reporter = people.get("member@example.org")
    reported = Reply.objects.filter(thread__title=THREADS[3][2]).order_by("pk").last()
    if reporter and reported:
        Report.objects.get_or_create(
            reply=reported,
            reporter=reporter,
            defaults={"reason": "This could identify a coalition member; please check."},
        )
    return created


# slug, title, format, days from today, hour, hours long, zone, venue, city, country,
# capacity, visibility, topic slugs, description
EVENTS = [
    (
        "regional-convening-skopje-2026",
        "Regional convening: accountability under pressure",
        Event.Format.IN_PERSON,
        -40,
        10,
        7,
        "Europe/Skopje",
        ("Hotel Arka", "Bitpazarska 90"),
        "Skopje",
        "MK",
        40,
        Event.Visibility.PUBLIC,
        ["civic-space-resilience", "dynamic-accountability-in-practice"],
        "The community's first regional convening: what dynamic accountability means for "
        "organisations under pressure.",
    ),
    (
        "online-exchange-feedback-mechanisms",
        "Online exchange: feedback mechanisms that people use",
        Event.Format.ONLINE,
        12,
        14,
        2,
        "Europe/Belgrade",
        ("", ""),
        "",
        "",
        None,
        Event.Visibility.PUBLIC,
        ["shifting-power", "localisation-of-accountability"],
        "Three members show the feedback mechanisms they run and what changed because of them.",
    ),
    (
        "skopje-workshop-transparent-finances",
        "Workshop in Skopje: transparent finances in practice",
        Event.Format.HYBRID,
        33,
        9,
        8,
        "Europe/Skopje",
        ("Macedonian Centre for Civil Society Cooperation", "Ulica Makedonija 11"),
        "Skopje",
        "MK",
        3,
        Event.Visibility.MEMBERS,
        ["transparency-finances-governance"],
        "A hands-on workshop: publish a one-page budget your constituents understand. "
        "Small group, so there is a waiting list.",
    ),
]

OUTCOME = """Thirty-two participants from seven countries agreed that accountability to the
people they serve comes before reporting to donors, and that the community should collect
practical examples rather than write another framework."""

DECISIONS = """- Launch a members-only space to talk about failures and lessons learned.
- Hold a quarterly online exchange on feedback mechanisms.
- Draft the action plan with the members before the next convening."""


def _events():
    topics = Topic.objects.in_bulk(field_name="slug")
    people = list(User.objects.members().filter(is_staff=False).order_by("email")[:6])
    member = User.objects.filter(email="member@example.org").first()
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    created = 0
    for entry in EVENTS:
        slug, title, fmt, days, hour, hours, zone, venue, city, country = entry[:10]
        capacity, visibility, topic_slugs, description = entry[10:]
        starts = _day(days, hour)
        event, is_new = Event.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "format": fmt,
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=hours),
                "time_zone": zone,
                "venue_name": venue[0],
                "venue_address": venue[1],
                "city": city,
                "country": country,
                "online_url": "https://meet.example.org/racop" if fmt != "in-person" else "",
                "languages": ["en", "mk"],
                "capacity": capacity,
                "visibility": visibility,
                "description": description,
                "registration_closes_at": starts - datetime.timedelta(days=2),
            },
        )
        changed = translations_from_english(event, ["title", "description"], EVENT_TRANSLATIONS)
        if changed:
            event.save(update_fields=changed)
        if not is_new:
            continue
        created += 1
        event.topics.set([topics[s] for s in topic_slugs if s in topics])
        if coordinator:
            event.organisers.add(coordinator)
        attendees = [p for p in [member, *people] if p]
        for position, person in enumerate(attendees):
            full = capacity is not None and position >= capacity
            Registration.objects.create(
                event=event,
                user=person,
                status=Registration.Status.WAITING if full else Registration.Status.REGISTERED,
                attended=days < 0,
                created_at=timezone.now() - datetime.timedelta(hours=len(attendees) - position),
            )
        if days < 0:
            event.outcome_summary = OUTCOME
            event.decisions = DECISIONS
            event.save(update_fields=["outcome_summary", "decisions"])
            owners = attendees or [None]
            for position, (text, due, status) in enumerate(
                [
                    ("Open the lessons-learned space", -20, ActionItem.Status.DONE),
                    ("Organise the first online exchange", 12, ActionItem.Status.IN_PROGRESS),
                    ("Circulate a first draft of the action plan", 45, ActionItem.Status.OPEN),
                ]
            ):
                ActionItem.objects.create(
                    event=event,
                    text=text,
                    owner=owners[position % len(owners)],
                    due_date=(timezone.localdate() + datetime.timedelta(days=due)),
                    status=status,
                )
    return created


def seed():
    """Create demo threads with replies, a report, and three convenings; return a summary."""
    threads = _threads()
    events = _events()
    return f"{threads} threads, {events} events created"
