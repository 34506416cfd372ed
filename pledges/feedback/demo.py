"""Demo feedback rounds: two organisations listening over time, and peers for the median."""

import random
from datetime import timedelta

from django.utils import timezone

from members.models import Membership, Organisation
from pledges.feedback.models import (
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackResponse,
    FeedbackRound,
    Standard,
)
from pledges.models import Answer, Assessment

OPEN_ANSWERS = [
    "The staff are kind, but the centre is closed when we finish work.",
    "Please tell us earlier when the schedule changes.",
    "My daughter likes the reading group very much.",
    "We would like a session in Albanian as well.",
    "Sometimes we wait a long time and nobody explains why.",
    "Thank you for asking us.",
    "More activities on Saturdays, please.",
]

LOOP = {
    "heard": (
        "Most of you find our staff respectful, but many said the opening hours do not fit "
        "working parents and that schedule changes reach you too late."
    ),
    "change": (
        "- From next month the centre stays open until 19:00 on Tuesdays and Thursdays.\n"
        "- Schedule changes go out by SMS at least three days ahead.\n"
        "- We will ask you again in three months whether this helped."
    ),
}

MK = {
    Standard.LISTEN: "Дали чувствувате дека ве слушаме?",
    Standard.RECOMMEND: "Колку е веројатно да нè препорачате на пријател или сосед?",
}


def _round(organisation, by, title, audience, opens_on, languages, closed_loop=False):
    feedback_round, made = FeedbackRound.objects.get_or_create(
        organisation=organisation,
        title=title,
        defaults={
            "audience": audience,
            "languages": languages,
            "opens_on": opens_on,
            "closes_on": opens_on + timedelta(days=28),
            "created_by": by,
            "share_with_coordinators": True,
        },
    )
    if not made:
        return feedback_round, False
    questions = [
        FeedbackQuestion(
            round=feedback_round,
            position=0,
            standard=Standard.LISTEN,
            texts={"mk": MK[Standard.LISTEN]} if "mk" in languages else {},
        ),
        FeedbackQuestion(
            round=feedback_round,
            position=1,
            standard=Standard.RECOMMEND,
            texts={"mk": MK[Standard.RECOMMEND]} if "mk" in languages else {},
        ),
        FeedbackQuestion(
            round=feedback_round,
            position=2,
            kind=FeedbackQuestion.Kind.CHOICE,
            texts={"en": "Which time suits you best?", "mk": "Кое време ви одговара најмногу?"},
            options={
                "en": ["Mornings", "Afternoons", "Evenings", "Saturdays"],
                "mk": ["Наутро", "Попладне", "Навечер", "Сабота"],
            },
        ),
        FeedbackQuestion(
            round=feedback_round,
            position=3,
            kind=FeedbackQuestion.Kind.OPEN,
            texts={
                "en": "What should we change first?",
                "mk": "Што треба прво да смениме?",
            },
        ),
    ]
    FeedbackQuestion.objects.bulk_create(questions)
    return feedback_round, True


def _answers(feedback_round, count, mood, seed):
    """Add count anonymous responses whose scores centre on mood (0–10)."""
    chance = random.Random(seed)
    questions = list(feedback_round.questions.all())
    for _number in range(count):
        language = chance.choice(feedback_round.languages)
        response = FeedbackResponse.objects.create(
            round=feedback_round,
            language=language,
            submitted_on=feedback_round.opens_on + timedelta(days=chance.randint(0, 20)),
        )
        rows = []
        for question in questions:
            answer = FeedbackAnswer(response=response, question=question)
            if question.kind == FeedbackQuestion.Kind.SCALE:
                answer.score = max(0, min(10, round(chance.gauss(mood, 2))))
            elif question.kind == FeedbackQuestion.Kind.CHOICE:
                answer.choice = chance.randrange(4)
            elif chance.random() < 0.6:
                answer.text = chance.choice(OPEN_ANSWERS)
            else:
                continue
            rows.append(answer)
        FeedbackAnswer.objects.bulk_create(rows)


def seed():
    """Create rounds for six organisations; two ran three rounds and closed the loop."""
    representatives = {
        m.organisation_id: m.user
        for m in Membership.objects.filter(role=Membership.Role.REPRESENTATIVE).select_related(
            "user"
        )
    }
    organisations = list(Organisation.objects.filter(pk__in=representatives).order_by("name"))[:6]
    today = timezone.localdate()
    made_rounds = 0
    for index, organisation in enumerate(organisations):
        by = representatives[organisation.pk]
        languages = ["mk", "en"] if index % 2 == 0 else ["en", "sq"]
        rounds = 3 if index < 2 else 1
        for number in range(rounds):
            opens_on = today - timedelta(days=90 * (rounds - number) - 10)
            if number == rounds - 1 and index < 2:
                # The latest round of the two busy organisations is still open.
                opens_on = today - timedelta(days=7)
            feedback_round, made = _round(
                organisation,
                by,
                f"Community centre feedback, round {number + 1}",
                "Parents in our Tetovo programme" if index == 0 else "People using our services",
                opens_on,
                languages,
            )
            if not made:
                continue
            made_rounds += 1
            mood = 5 + number + index % 3
            _answers(feedback_round, 8 + 3 * number, mood, seed=index * 10 + number)
            if index < 2 and number == 0:
                feedback_round.what_we_heard = LOOP["heard"]
                feedback_round.what_we_change = LOOP["change"]
                feedback_round.loop_closed_at = timezone.now() - timedelta(days=40)
                feedback_round.save()
                assessment = Assessment.objects.filter(organisation=organisation).first()
                if assessment:
                    answer = Answer.objects.filter(
                        assessment=assessment, commitment__slug="people-driven-work"
                    ).first()
                    if answer:
                        feedback_round.evidence_for.add(answer)
    _keep_one_round_open(today)
    return f"{made_rounds} feedback rounds" if made_rounds else ""


def _keep_one_round_open(today):
    """However long ago the demo was seeded, one round stays open for anyone to answer."""
    if FeedbackRound.objects.filter(opens_on__lte=today, closes_on__gte=today).exists():
        return
    latest = FeedbackRound.objects.order_by("-opens_on", "-pk").first()
    if latest:
        FeedbackRound.objects.filter(pk=latest.pk).update(
            opens_on=min(latest.opens_on, today), closes_on=today + timedelta(days=21)
        )


def demo_links():
    """Addresses seed_demo prints: a round a visitor can answer without an account."""
    today = timezone.localdate()
    open_round = (
        FeedbackRound.objects.filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("pk")
        .first()
    )
    return {"Answer a feedback round": open_round.get_public_url()} if open_round else {}
