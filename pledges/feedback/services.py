"""Feedback round workflows and the arithmetic of their results."""

import hashlib
import statistics
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from pledges.feedback.models import (
    MIN_ORGANISATIONS,
    MIN_RESPONSES,
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackResponse,
    FeedbackRound,
)
from pledges.models import Answer

# Flood guard: how many answers one network address may send to one round per window.
FLOOD_LIMIT = 10
FLOOD_WINDOW = 60 * 60


def net_score(scores: list[int]) -> int | None:
    """Return the share of 9–10 minus the share of 0–6, in whole percent (None without scores)."""
    if not scores:
        return None
    promoters = sum(1 for score in scores if score >= 9)
    detractors = sum(1 for score in scores if score <= 6)
    return round(100 * (promoters - detractors) / len(scores))


def sentiment(score: int) -> str:
    """Sort a score into positive (9–10), neutral (7–8) or negative (0–6)."""
    if score >= 9:
        return "positive"
    return "neutral" if score >= 7 else "negative"


@transaction.atomic
def feedback_round_create(*, organisation, by, **fields) -> FeedbackRound:
    """Create a round for the organisation; questions are added next."""
    return FeedbackRound.objects.create(organisation=organisation, created_by=by, **fields)


@transaction.atomic
def feedback_questions_save(*, feedback_round, questions: list[dict]) -> None:
    """Replace the round's questions (only while nobody has answered)."""
    feedback_round.questions.all().delete()
    FeedbackQuestion.objects.bulk_create(
        FeedbackQuestion(round=feedback_round, position=position, **question)
        for position, question in enumerate(questions)
    )


@transaction.atomic
def feedback_respond(*, feedback_round, language, answers: dict) -> FeedbackResponse:
    """Store one anonymous response: {question: score, choice index or text}."""
    response = FeedbackResponse.objects.create(round=feedback_round, language=language)
    rows = []
    for question, value in answers.items():
        if value in (None, ""):
            continue
        row = FeedbackAnswer(response=response, question=question)
        if question.kind == FeedbackQuestion.Kind.SCALE:
            row.score = int(value)
        elif question.kind == FeedbackQuestion.Kind.CHOICE:
            row.choice = int(value)
        else:
            row.text = value
        rows.append(row)
    FeedbackAnswer.objects.bulk_create(rows)
    return response


@transaction.atomic
def feedback_loop_close(*, feedback_round, what_we_heard, what_we_change, publish) -> None:
    """Save the "what you told us / what we are changing" note, published or as a draft."""
    feedback_round.what_we_heard = what_we_heard
    feedback_round.what_we_change = what_we_change
    if publish and not feedback_round.loop_closed_at:
        feedback_round.loop_closed_at = timezone.now()
    elif not publish:
        feedback_round.loop_closed_at = None
    feedback_round.save(update_fields=["what_we_heard", "what_we_change", "loop_closed_at"])


@transaction.atomic
def feedback_evidence_attach(*, feedback_round, assessment, commitment) -> Answer:
    """Attach the round to the assessment's answer for the commitment (creating the answer)."""
    answer, _created = Answer.objects.get_or_create(assessment=assessment, commitment=commitment)
    feedback_round.evidence_for.add(answer)
    return answer


def flood_key(*, feedback_round, address: str) -> str:
    """Return a cache key from a salted hash of the address: the address itself is never kept."""
    # The salt changes every day, so yesterday's keys cannot be matched with today's.
    salt = f"{settings.SECRET_KEY}:{timezone.localdate().isoformat()}:{feedback_round.token}"
    digest = hashlib.sha256(f"{salt}:{address}".encode()).hexdigest()
    return f"feedback-flood:{digest}"


def flood_allows(*, feedback_round, address: str) -> bool:
    """Count one answer from the address; False once it sent too many within the window."""
    key = flood_key(feedback_round=feedback_round, address=address)
    cache.add(key, 0, FLOOD_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, FLOOD_WINDOW)
        count = 1
    return count <= FLOOD_LIMIT


def round_results(feedback_round, questions, *, reveal=True) -> dict:
    """Return counts per question and, past the small-numbers threshold, the answers' shape.

    With reveal=False (a coordinator looking at results the organisation did not share) only
    the counts come back, whatever the number of answers.
    """
    total = feedback_round.responses.count()
    rows = list(
        FeedbackAnswer.objects.filter(question__round=feedback_round).values_list(
            "question_id", "score", "choice", "text"
        )
    )
    language = feedback_round.languages[0]
    enough = reveal and total >= MIN_RESPONSES
    results = []
    for question in questions:
        mine = [row for row in rows if row[0] == question.pk]
        item = {"question": question, "answered": len(mine), "kind": question.kind}
        if enough and question.kind == FeedbackQuestion.Kind.SCALE:
            scores = [row[1] for row in mine]
            counts = Counter(scores)
            item["net_score"] = net_score(scores)
            item["groups"] = Counter(sentiment(score) for score in scores)
            item["distribution"] = [
                {"label": str(value), "count": counts.get(value, 0), "kind": sentiment(value)}
                for value in range(11)
            ]
        elif enough and question.kind == FeedbackQuestion.Kind.CHOICE:
            counts = Counter(row[2] for row in mine)
            item["distribution"] = [
                {"label": label, "count": counts.get(index, 0), "kind": "choice"}
                for index, label in enumerate(question.options_in(language))
            ]
        elif enough:
            # Sorted by wording, not by arrival, so the order tells nothing about who wrote what.
            item["texts"] = sorted(row[3] for row in mine)
        results.append(item)
    return {"total": total, "enough": enough, "questions": results}


def community_medians(standards: set[str]) -> dict[str, dict]:
    """Return {standard: {median, organisations}} over each organisation's latest net score."""
    if not standards:
        return {}
    rows = (
        FeedbackAnswer.objects.filter(
            question__standard__in=standards, score__isnull=False, question__round__isnull=False
        )
        .values_list(
            "question__standard", "question__round__organisation_id", "question__round_id", "score"
        )
        .order_by("question__round__closes_on")
    )
    per_round: dict[tuple, list[int]] = {}
    for standard, organisation, round_id, score in rows:
        per_round.setdefault((standard, organisation, round_id), []).append(score)
    latest: dict[tuple, int] = {}
    for (standard, organisation, _round), scores in per_round.items():
        if len(scores) >= MIN_RESPONSES:
            latest[(standard, organisation)] = net_score(scores)
    medians = {}
    for standard in standards:
        values = [score for (code, _org), score in latest.items() if code == standard]
        medians[standard] = {
            "organisations": len(values),
            "median": statistics.median(values) if len(values) >= MIN_ORGANISATIONS else None,
        }
    return medians


def organisation_trend(organisation, standards: set[str]) -> dict[str, list[dict]]:
    """Return {standard: [{round, net_score}]} across the organisation's rounds, oldest first."""
    rows = (
        FeedbackAnswer.objects.filter(
            question__round__organisation=organisation,
            question__standard__in=standards,
            score__isnull=False,
        )
        .values_list("question__standard", "question__round_id", "question__round__title", "score")
        .order_by("question__round__opens_on", "question__round_id")
    )
    grouped: dict[str, dict[int, dict]] = {}
    for standard, round_id, title, score in rows:
        entry = grouped.setdefault(standard, {}).setdefault(
            round_id, {"title": title, "scores": []}
        )
        entry["scores"].append(score)
    return {
        standard: [
            {"title": entry["title"], "net_score": net_score(entry["scores"])}
            for entry in by_round.values()
            if len(entry["scores"]) >= MIN_RESPONSES
        ]
        for standard, by_round in grouped.items()
    }


def participation() -> dict:
    """Return how many organisations ran rounds and closed the loop, and total responses."""
    numbers = FeedbackRound.objects.participation()
    numbers["responses"] = FeedbackResponse.objects.count()
    return numbers


def response_counts(rounds) -> dict[int, int]:
    """Return {round id: responses} for the rounds, in one query."""
    return dict(
        FeedbackResponse.objects.filter(round__in=rounds)
        .order_by()
        .values_list("round")
        .annotate(count=Count("pk"))
    )
