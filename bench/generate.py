"""Fill a separate database with realistic RACoP data at scale, for the benchmarks.

    .venv/bin/python bench/generate.py --database-url postgres://postgres@127.0.0.1:5432/racop_bench
    .venv/bin/python bench/generate.py --scale 0.1 ...   # a tenth of the size

Full size: 2,000 organisations, 10,000 people, 200,000 library resources, 50,000 threads
with 500,000 replies, 5,000 events with registrations, signatures and two years of
self-assessments for every signed organisation. Rows go in with bulk inserts in large
batches, never one save per row. The database is dropped and created anew.
"""

import argparse
import os
import random
import sys
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FULL = {
    "organisations": 2_000,
    "people": 10_000,
    "resources": 200_000,
    "threads": 50_000,
    "replies": 500_000,
    "events": 5_000,
}
# One thread always carries this many replies, so its page can be measured.
LONG_THREAD_REPLIES = 500
BATCH = 5_000
# Benchmark accounts (password for all generated people).
PASSWORD = "bench-member-2026"
MEMBER_EMAIL = "member0@bench.example.org"
COORDINATOR_EMAIL = "coordinator@bench.example.org"

COUNTRIES = ["AL", "BA", "HR", "XK", "ME", "MK", "RS", "TR"]
CITIES = {
    "AL": ["Tirana", "Shkodër", "Durrës", "Vlorë"],
    "BA": ["Sarajevo", "Banja Luka", "Mostar", "Tuzla"],
    "HR": ["Zagreb", "Split", "Rijeka", "Osijek"],
    "XK": ["Prishtina", "Prizren", "Peja", "Gjakova"],
    "ME": ["Podgorica", "Nikšić", "Bar", "Cetinje"],
    "MK": ["Skopje", "Tetovo", "Bitola", "Štip"],
    "RS": ["Belgrade", "Novi Sad", "Niš", "Kragujevac"],
    "TR": ["Istanbul", "Ankara", "İzmir", "Diyarbakır"],
}
FIRST = [
    "Ana",
    "Arben",
    "Besa",
    "Dragan",
    "Elira",
    "Emina",
    "Fatmir",
    "Goran",
    "Hana",
    "Ilir",
    "Ivana",
    "Jelena",
    "Kemal",
    "Lejla",
    "Marko",
    "Mila",
    "Nikola",
    "Nora",
    "Petar",
    "Rina",
    "Sanja",
    "Selin",
    "Tamara",
    "Teuta",
    "Vesna",
    "Zeynep",
    "Zoran",
    "Ajla",
    "Blerta",
    "Dino",
]
LAST = [
    "Hoxha",
    "Kovačević",
    "Petrović",
    "Krasniqi",
    "Jovanović",
    "Dimitrovski",
    "Berisha",
    "Horvat",
    "Yılmaz",
    "Marković",
    "Gashi",
    "Nikolić",
    "Stojanovski",
    "Begić",
    "Popović",
    "Kaya",
    "Shehu",
    "Babić",
    "Ristić",
    "Demiri",
    "Ilić",
    "Vuković",
]
ORG_WORDS = [
    "Civic",
    "Initiative",
    "Centre",
    "Youth",
    "Network",
    "Forum",
    "Women",
    "Rights",
    "Transparency",
    "Democracy",
    "Development",
    "Association",
    "Foundation",
    "Institute",
    "Alliance",
    "Watch",
    "Action",
    "Community",
    "Green",
    "Roma",
    "Media",
    "Open",
    "Society",
    "Local",
    "Rural",
    "Citizens",
    "Policy",
    "Research",
]
# Words weighted by how often they appear: common ones everywhere, rare ones almost nowhere.
COMMON = [
    "accountability",
    "transparency",
    "civil",
    "society",
    "organisations",
    "members",
    "community",
    "practice",
    "feedback",
    "learning",
    "governance",
    "participation",
    "reporting",
    "standard",
    "commitments",
    "partners",
    "donors",
    "citizens",
    "dialogue",
]
TOPICAL = [
    "budget",
    "monitoring",
    "gender",
    "equality",
    "youth",
    "environment",
    "climate",
    "anticorruption",
    "procurement",
    "media",
    "freedom",
    "legislation",
    "advocacy",
    "volunteers",
    "grassroots",
    "funding",
    "capacity",
    "evaluation",
    "safeguarding",
    "inclusion",
    "disability",
    "migration",
    "elections",
    "municipal",
    "philanthropy",
    "ethics",
    "integrity",
    "complaints",
    "whistleblowing",
    "resilience",
    "networks",
    "coalition",
    "strategy",
    "planning",
    "društvo",
    "odgovornost",
    "zajednica",
    "llogaridhënie",
    "shoqëria",
    "отчетност",
    "заедница",
    "hesap",
    "topluluk",
]
RARE = ["ombudsperson", "sociocracy", "kvorum", "prespa", "beneficiaries-charter"]
TYPES = ["guide", "toolkit", "case_study", "research", "policy", "template", "media", "news"]
RES_LANGS = ["en", "sq", "bs", "hr", "mk", "cnr", "sr", "tr"]
TOPIC_NAMES = [
    "Dynamic accountability",
    "Feedback and listening",
    "Transparency and open data",
    "Governance and ethics",
    "Partnerships and networks",
    "Enabling environment",
    "Gender equality",
    "Youth participation",
    "Climate and environment",
    "Fundraising and resources",
    "Digital tools",
    "Advocacy",
]


def words(rng, n):
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.35:
            out.append(rng.choice(COMMON))
        elif roll < 0.99995:
            out.append(rng.choice(TOPICAL))
        else:
            out.append(rng.choice(RARE))
    return out


def sentence(rng, n):
    text = " ".join(words(rng, n))
    return text[0].upper() + text[1:] + "."


def embedded_url(name="racop_bench"):
    """Return the URL of a database beside the project's in the embedded PostgreSQL."""
    from racop.embedded_db import _server

    return _server().get_uri(name)


def recreate_database(url):
    params = conninfo_to_dict(url)
    name = params.pop("dbname")
    with psycopg.connect(make_conninfo(**params, dbname="postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", help="default: a database 'racop_bench' in the embedded PostgreSQL"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="1 = full size, 0.1 = a tenth")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    sizes = {key: max(1, int(value * args.scale)) for key, value in FULL.items()}
    args.database_url = args.database_url or embedded_url()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "racop.settings")
    # Generation needs only the database; the server under test runs with production settings.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    started = time.monotonic()
    recreate_database(args.database_url)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    generate(sizes, random.Random(args.seed))
    from django.db import connection

    connection.ensure_connection()
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"done in {time.monotonic() - started:.0f} s: {sizes}")


def _secondary_indexes(table):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT "
            "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [table],
        )
        return cursor.fetchall()


class indexes_dropped:
    """Drop a table's secondary indexes while rows go in, and build them once at the end."""

    def __init__(self, table):
        self.table = table

    def __enter__(self):
        from django.db import connection

        self.indexes = _secondary_indexes(self.table)
        with connection.cursor() as cursor:
            for name, _definition in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')

    def __exit__(self, *exc):
        from django.db import connection

        with connection.cursor() as cursor:
            for _name, definition in self.indexes:
                cursor.execute(definition)


def bulk(model, rows, label):
    """Insert model instances in large batches."""
    started = time.monotonic()
    with indexes_dropped(model._meta.db_table):
        for start in range(0, len(rows), BATCH):
            model.objects.bulk_create(rows[start : start + BATCH], batch_size=BATCH)
    print(f"  {label}: {len(rows):,} in {time.monotonic() - started:.1f} s", flush=True)


@contextmanager
def triggers_off(table):
    """Load without the table's own triggers (the library's facet counts): counted once
    afterwards with library_facet_recount()."""
    with _cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    try:
        yield
    finally:
        with _cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def copy(model, columns, rows, label):
    """Stream rows (tuples in the order of columns) with COPY: the fastest way in."""
    from django.db import connection

    started = time.monotonic()
    table = model._meta.db_table
    count = 0
    with indexes_dropped(table), triggers_off(table), connection.cursor() as cursor:
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(statement) as stream:
            for row in rows:
                stream.write_row(row)
                count += 1
    print(f"  {label}: {count:,} in {time.monotonic() - started:.1f} s", flush=True)


def generate(sizes, rng):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django.utils.html import escape
    from django.utils.text import slugify
    from taggit.models import Tag, TaggedItem

    from discussions import counters
    from discussions.models import Event, Registration, Reply, Thread
    from library.models import Resource
    from members.models import Membership, Organisation, User, name_key
    from pledges.models import Answer, Assessment, Commitment, PledgeVersion, Signature
    from racop.markdown import render_markdown
    from racop.models import Topic

    now = timezone.now()
    password = make_password(PASSWORD)

    topics = [
        Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name, "ordering": i})[0]
        for i, name in enumerate(TOPIC_NAMES)
    ]
    version, _ = PledgeVersion.objects.get_or_create(
        number=1,
        defaults={
            "title": "The RACoP Pledge",
            "text": "We commit to be accountable and transparent.",
            "published_at": now - timedelta(days=800),
        },
    )
    commitments = list(Commitment.objects.order_by("number"))

    print("organisations and people", flush=True)
    organisations = []
    for i in range(sizes["organisations"]):
        country = COUNTRIES[i % len(COUNTRIES)]
        name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_WORDS)} {rng.choice(CITIES[country])} {i}"
        organisations.append(
            Organisation(
                name=name,
                name_key=name_key(name),
                slug=f"org-{i}",
                country=country,
                city=rng.choice(CITIES[country]),
                description=sentence(rng, 30),
                category="association",
                size="6-20",
                languages=[rng.choice(RES_LANGS)],
            )
        )
    bulk(Organisation, organisations, "organisations")
    organisations = list(Organisation.objects.order_by("pk"))

    people = []
    for i in range(sizes["people"]):
        country = COUNTRIES[i % len(COUNTRIES)]
        email = MEMBER_EMAIL if i == 0 else f"member{i}@bench.example.org"
        people.append(
            User(
                username=email,
                email=email,
                password=password,
                first_name=rng.choice(FIRST),
                last_name=rng.choice(LAST),
                slug=f"person-{i}",
                country=country,
                bio=sentence(rng, 20),
                languages=[rng.choice(RES_LANGS)],
                listing="public" if i % 3 == 0 else "members",
                member_since=now - timedelta(days=rng.randint(1, 900)),
                date_joined=now - timedelta(days=900),
            )
        )
    people.append(
        User(
            username=COORDINATOR_EMAIL,
            email=COORDINATOR_EMAIL,
            password=password,
            first_name="Bench",
            last_name="Coordinator",
            slug="bench-coordinator",
            is_staff=True,
            member_since=now - timedelta(days=900),
        )
    )
    bulk(User, people, "people")
    people = list(User.objects.filter(email__endswith="@bench.example.org").order_by("pk"))
    coordinator = people[-1]
    coordinator.groups.add(Group.objects.get_or_create(name="Coordinators")[0])
    members = people[:-1]
    bulk(
        EmailAddress,
        [EmailAddress(user=p, email=p.email, verified=True, primary=True) for p in people],
        "verified email addresses",
    )
    memberships = []
    for i, person in enumerate(members):
        if i % 5 == 4:
            continue  # individuals
        org = organisations[i % len(organisations)]
        role = "representative" if i < len(organisations) else "staff"
        memberships.append(Membership(user=person, organisation=org, role=role))
    bulk(Membership, memberships, "memberships")

    print("library", flush=True)
    tag_names = sorted(set(TOPICAL) | {f"{a}-{b}" for a in TOPICAL[:20] for b in TOPICAL[:20]})
    Tag.objects.bulk_create(
        [
            Tag(name=n, slug=slugify(n, allow_unicode=False) or f"tag-{i}")
            for i, n in enumerate(tag_names)
        ],
        ignore_conflicts=True,
    )
    tags = list(Tag.objects.all())
    chosen = {}

    def resource_rows():
        for i in range(sizes["resources"]):
            title = " ".join(words(rng, rng.randint(4, 9))).capitalize()[:200]
            kw_topics = rng.sample(topics, rng.randint(1, 2))
            kw_tags = rng.sample(tags, rng.randint(1, 3))
            chosen[i] = ([t.pk for t in kw_topics], [t.pk for t in kw_tags])
            published = now - timedelta(minutes=i)
            yield (
                title,
                f"{slugify(title)[:180]}-{i}",
                sentence(rng, 25),
                "\n\n".join(sentence(rng, 40) for _ in range(3)),
                rng.choice(TYPES),
                rng.sample(RES_LANGS, rng.randint(1, 2)),
                rng.choice(["regional", "global", "countries"]),
                rng.sample(COUNTRIES, rng.randint(1, 2)),
                rng.choice(ORG_WORDS) + " " + rng.choice(ORG_WORDS),
                rng.randint(2010, 2026),
                sorted(rng.sample(range(1, 13), rng.randint(0, 3))),
                f"https://example.org/resources/{i}",
                "",
                "public" if i % 5 else "members",
                "published" if i % 20 else "draft",
                i % 997 == 0,
                "",
                " ".join([t.name for t in kw_topics] + [t.name for t in kw_tags]),
                "",
                "",  # not harvested: no key nor digest of a source
                "",
                published,
                published,
                published,
            )

    copy(
        Resource,
        [
            "title",
            "slug",
            "summary",
            "body",
            "type",
            "languages",
            "scope",
            "countries",
            "publisher",
            "year",
            "commitments",
            "url",
            "file",
            "visibility",
            "status",
            "featured",
            "review_note",
            "keywords",
            "link_error",
            "source_key",
            "source_digest",
            "published_at",
            "created_at",
            "updated_at",
        ],
        resource_rows(),
        "resources",
    )
    ids = {
        int(slug.rsplit("-", 1)[1]): pk
        for pk, slug in Resource.objects.values_list("pk", "slug").iterator(chunk_size=20_000)
    }
    content_type = ContentType.objects.get_for_model(Resource)
    copy(
        Resource.topics.through,
        ["resource_id", "topic_id"],
        ((ids[i], t) for i, (topic_ids, _) in chosen.items() for t in topic_ids),
        "resource topics",
    )
    copy(
        TaggedItem,
        ["object_id", "content_type_id", "tag_id"],
        ((ids[i], content_type.pk, t) for i, (_, tag_ids) in chosen.items() for t in tag_ids),
        "resource tags",
    )
    with _cursor() as cursor:
        cursor.execute("SELECT library_facet_recount()")
        cursor.execute("SELECT library_words_recount()")

    print("discussions", flush=True)
    threads = []
    for i in range(sizes["threads"]):
        title = sentence(rng, rng.randint(4, 9))[:-1]
        created = now - timedelta(minutes=10 * i + 1)
        threads.append(
            Thread(
                topic=topics[i % len(topics)],
                kind="discussion" if i % 4 else "question",
                title=title[:200],
                slug=slugify(title)[:190] or "thread",
                body=(body := "\n\n".join(sentence(rng, 30) for _ in range(2))),
                body_html=render_markdown(body),
                author=members[rng.randrange(len(members))],
                anonymous=i % 50 == 0,
                created_at=created,
                last_activity_at=created,
            )
        )
    bulk(Thread, threads, "threads")
    thread_ids = list(Thread.objects.order_by("pk").values_list("pk", flat=True))
    long_thread = thread_ids[0]
    member_ids = [m.pk for m in members]

    def reply_rows():
        for i in range(sizes["replies"]):
            thread_id = long_thread if i < LONG_THREAD_REPLIES else rng.choice(thread_ids)
            text = sentence(rng, rng.randint(10, 60))
            yield (
                thread_id,
                text,
                f"<p>{escape(text)}</p>",  # what render_markdown makes of one sentence
                rng.choice(member_ids),
                i % 40 == 0,
                now - timedelta(seconds=i),
                "",
                "en",
            )

    copy(
        Reply,
        [
            "thread_id",
            "body",
            "body_html",
            "author_id",
            "anonymous",
            "created_at",
            "hidden_reason",
            "language",
        ],
        reply_rows(),
        "replies",
    )
    with _cursor() as cursor:
        cursor.execute(
            "UPDATE discussions_thread t SET last_activity_at = r.latest FROM (SELECT "
            "thread_id, max(created_at) latest FROM discussions_reply GROUP BY thread_id) r "
            "WHERE r.thread_id = t.id"
        )
    # Rows loaded in bulk fire no signals: recount the counters the lists read.
    counters.refresh_all()

    print("events", flush=True)
    events = []
    for i in range(sizes["events"]):
        starts = now + timedelta(days=rng.randint(-700, 120), hours=rng.randint(8, 16))
        title = (
            f"{rng.choice(['Peer exchange', 'Webinar', 'Regional convening', 'Workshop'])}: "
            + (sentence(rng, 5)[:-1])
        )
        events.append(
            Event(
                title=title[:200],
                slug=f"{slugify(title)[:180]}-{i}",
                format=rng.choice(["online", "in-person", "hybrid"]),
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                time_zone="Europe/Belgrade",
                city=rng.choice(CITIES[rng.choice(COUNTRIES)]),
                online_url="https://meet.example.org/racop",
                description=sentence(rng, 60),
                capacity=rng.choice([None, 30, 60]),
                visibility="public" if i % 3 else "members",
            )
        )
    bulk(Event, events, "events")
    event_ids = list(Event.objects.order_by("pk").values_list("pk", flat=True))
    registrations = []
    for event_id in event_ids:
        for person in rng.sample(members, min(len(members), rng.randint(5, 30))):
            registrations.append(
                Registration(event_id=event_id, user=person, status="registered", created_at=now)
            )
    bulk(Registration, registrations, "registrations")

    print("pledge and self-assessments", flush=True)
    signed = organisations[: int(len(organisations) * 0.75)]
    reps = {m.organisation_id: m.user_id for m in memberships if m.role == "representative"}
    signatures = [
        Signature(
            version=version,
            organisation=org,
            signed_by_id=reps.get(org.pk, members[0].pk),
            country=org.country,
            statement=sentence(rng, 15),
            is_public=True,
            signed_at=now - timedelta(days=rng.randint(1, 700)),
        )
        for org in signed
    ]
    bulk(Signature, signatures, "signatures")
    year = now.year
    assessments = [
        Assessment(
            organisation=org,
            year=y,
            status="submitted",
            visibility="members",
            created_by_id=reps.get(org.pk, members[0].pk),
            submitted_at=now - timedelta(days=365 * (year - y)),
        )
        for org in signed
        for y in (year - 1, year)
    ]
    bulk(Assessment, assessments, "assessments")
    answers = [
        Answer(
            assessment=a,
            commitment=c,
            level=rng.randint(0, 3),
            evidence=sentence(rng, 12),
        )
        for a in Assessment.objects.all()
        for c in commitments
    ]
    bulk(Answer, answers, "assessment answers")


def _cursor():
    from django.db import connection

    return connection.cursor()


if __name__ == "__main__":
    main()
