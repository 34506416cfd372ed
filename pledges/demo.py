"""Demo Pledge versions, signatures, self-assessments and one peer review."""

from datetime import timedelta

from django.utils import timezone

from members.models import Membership, Organisation, User
from pledges import demo_translations
from pledges.models import (
    Answer,
    Assessment,
    Commitment,
    PeerReview,
    PledgeVersion,
    ReviewComment,
    Signature,
)
from racop.demo_translations import translations_fill

PLEDGE_V1 = """\
We, civil-society organisations, networks and activists, join this community of practice
to strengthen the accountability and transparency of our own actions.

We commit to:

1. **Hold ourselves to account** against the 12 commitments of the Global Standard for CSO
   Accountability, and assess our practice every year with evidence.
2. **Put people first**: let the people we work with shape our decisions and tell us when we
   fall short, and act on what they tell us.
3. **Be open** about who we are, how we are funded, how we decide and what we achieve.
4. **Learn together**: share successful mechanisms, and share failure and lessons learned in a
   safe space.
5. **Keep each other accountable**, with solidarity, as civic space shrinks.
"""

PLEDGE_V2 = (
    PLEDGE_V1
    + """6. **Shift power**: work as equals with partners and grassroots communities, and make
   accountability people-led, not donor-led.
"""
)

WHY = """\
Accountability can be a lever for change. When civic space shrinks, public trust is our
strongest protection, and it is earned by being transparent and responsive. Signing the Pledge
is a public promise, and the yearly self-assessment with peer review turns it into practice.
"""

STATEMENTS = [
    "We want the people we serve to hold us to the same standard we ask of governments.",
    "Transparency about our funding is how we answer those who question our legitimacy.",
    "",
    "Learning from our peers' failures saves us from repeating them.",
    "",
]

EVIDENCE = [
    "Annual report and audited accounts published on our website.",
    "Feedback boxes and a complaints procedure in every community centre.",
    "A staff policy reviewed with staff representatives last spring.",
    "Board minutes summarised publicly after each meeting.",
]


def _levels(seed: int, year_offset: int) -> list[int]:
    """Return believable levels for 12 commitments: improving a little each year."""
    return [
        min(3, (seed + number * 7) % 3 + year_offset * ((number + seed) % 2))
        for number in range(1, 13)
    ]


def translations_seed(v1, v2):
    """Give the demo Pledge versions and the 12 commitments their text in every language."""
    for language, pledge in demo_translations.PLEDGE.items():
        common = {"title": pledge["title"], "why_it_matters": pledge["why"]}
        for version, values in [
            (v1, {**common, "text": pledge["text"]}),
            (
                v2,
                {**common, "text": pledge["text"] + pledge["sixth"], "changes": pledge["changes"]},
            ),
        ]:
            changed = translations_fill(version, language, values)
            if changed:
                version.save(update_fields=changed)
    commitments = list(Commitment.objects.order_by("number"))
    for commitment in commitments:
        changed = []
        for language, rows in demo_translations.COMMITMENTS.items():
            if commitment.number <= len(rows):
                title, summary = rows[commitment.number - 1]
                changed += translations_fill(
                    commitment, language, {"title": title, "summary": summary}
                )
        if changed:
            commitment.save(update_fields=changed)


def seed():
    """Create two Pledge versions, signatures, two years of assessments and a peer review."""
    now = timezone.now()
    v1, _ = PledgeVersion.objects.get_or_create(
        number=1,
        defaults={
            "title": "Pledge for joint action on accountability",
            "text": PLEDGE_V1,
            "why_it_matters": WHY,
            "published_at": now - timedelta(days=400),
        },
    )
    v2, _ = PledgeVersion.objects.get_or_create(
        number=2,
        defaults={
            "title": "Pledge for joint action on accountability",
            "text": PLEDGE_V2,
            "why_it_matters": WHY,
            "changes": "Adds a sixth commitment: shifting power to partners and communities.",
            "published_at": now - timedelta(days=30),
        },
    )
    translations_seed(v1, v2)

    representatives = {
        m.organisation_id: m.user
        for m in Membership.objects.filter(role=Membership.Role.REPRESENTATIVE).select_related(
            "user"
        )
    }
    organisations = list(Organisation.objects.filter(pk__in=representatives).order_by("name"))
    # Most organisations sign; the last two have not yet, so the wall is believable.
    signed = organisations[:-2]
    created = 0
    for index, organisation in enumerate(signed):
        if Signature.objects.filter(organisation=organisation).exists():
            continue
        Signature.objects.create(
            version=v1 if index % 3 == 0 else v2,
            organisation=organisation,
            signed_by=representatives[organisation.pk],
            country=str(organisation.country),
            statement=STATEMENTS[index % len(STATEMENTS)],
            signed_at=now - timedelta(days=300 - index * 20),
        )
        created += 1
    individuals = User.objects.members().filter(
        email__in=[
            "goran.nikolic@example.org",
            "dafina.berisha@example.org",
            "nikola.jovanovic@example.org",
        ]
    )
    for person in individuals:
        if Signature.objects.filter(user=person).exists():
            continue
        organisation = person.memberships.select_related("organisation").first()
        Signature.objects.create(
            version=v2,
            user=person,
            signed_by=person,
            country=str(organisation.organisation.country) if organisation else "RS",
            statement="I sign as an activist: accountability starts with each of us.",
            signed_at=now - timedelta(days=20),
        )
        created += 1

    commitments = list(Commitment.objects.for_list())
    assessed = signed[:7]
    this_year = now.year
    assessments = {}
    for index, organisation in enumerate(assessed):
        for offset, year in enumerate([this_year - 1, this_year]):
            assessment, made = Assessment.objects.get_or_create(
                organisation=organisation,
                year=year,
                defaults={
                    "created_by": representatives[organisation.pk],
                    "status": Assessment.Status.SUBMITTED,
                    "visibility": [Assessment.Visibility.PUBLIC, Assessment.Visibility.MEMBERS][
                        index % 2
                    ],
                    "submitted_at": now - timedelta(days=365 * (1 - offset) + 10),
                },
            )
            assessments[organisation.pk, year] = assessment
            if made:
                levels = _levels(index, offset)
                Answer.objects.bulk_create(
                    Answer(
                        assessment=assessment,
                        commitment=commitment,
                        level=levels[commitment.number - 1],
                        evidence=EVIDENCE[(index + commitment.number) % len(EVIDENCE)],
                        next_step="Involve community representatives in the yearly planning."
                        if commitment.number in (5, 11)
                        else "",
                        next_step_owner="Programme director"
                        if commitment.number in (5, 11)
                        else "",
                        next_step_due=(now + timedelta(days=120)).date()
                        if commitment.number in (5, 11)
                        else None,
                    )
                    for commitment in commitments
                )

    if len(assessed) >= 2:
        reviewed = assessments[assessed[0].pk, this_year]
        review, made = PeerReview.objects.get_or_create(
            assessment=reviewed,
            reviewer=assessed[1],
            defaults={
                "requested_by": representatives[assessed[0].pk],
                "reviewer_done_at": now - timedelta(days=3),
                "reviewed_done_at": now - timedelta(days=1),
            },
        )
        if made:
            ReviewComment.objects.bulk_create(
                ReviewComment(
                    review=review,
                    commitment=commitment,
                    comment="Strong evidence; consider publishing the complaints you received."
                    if commitment.number == 8
                    else "",
                    response="Agreed: we will publish a yearly complaints summary."
                    if commitment.number == 8
                    else "",
                )
                for commitment in commitments
            )
    return (
        f"2 pledge versions, {created} signatures, "
        f"{len(assessments)} self-assessments, 1 peer review"
    )
