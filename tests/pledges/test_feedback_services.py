"""Feedback rounds: arithmetic, the small-numbers rule, the median rule and anonymity."""

import pytest
from django.core.cache import cache
from django.db import IntegrityError, connection

from pledges.feedback import services
from pledges.feedback.models import (
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackResponse,
    FeedbackRound,
)
from pledges.models import Answer
from tests.factories import AssessmentFactory, FeedbackRoundFactory
from tests.pledges.feedback_helpers import add_responses, make_round

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 9, 8, 7, 6], 20),  # 2 positive, 2 neutral, 1 negative of 5: 40 % − 20 %
        ([0, 0, 0, 10], -50),
        ([9, 9, 9], 100),
        ([7, 8], 0),
        ([3, 9, 10, 5, 6, 9, 7, 10, 2, 8], 0),  # 4 of 10 positive, 4 of 10 negative
        ([], None),
    ],
)
def test_net_score_is_share_of_nine_and_ten_minus_share_of_zero_to_six(scores, expected):
    assert services.net_score(scores) == expected


def test_sentiment_groups():
    assert [services.sentiment(s) for s in (0, 6, 7, 8, 9, 10)] == [
        "negative",
        "negative",
        "neutral",
        "neutral",
        "positive",
        "positive",
    ]


def test_fewer_than_five_responses_give_counts_only():
    feedback_round = make_round()
    add_responses(feedback_round, [10, 9, 3, 6])
    results = services.round_results(feedback_round, list(feedback_round.questions.all()))
    assert results["total"] == 4
    assert not results["enough"]
    for item in results["questions"]:
        assert item["answered"] == 4
        assert "texts" not in item and "distribution" not in item and "net_score" not in item


def test_five_responses_show_distribution_net_score_and_open_answers():
    feedback_round = make_round()
    add_responses(feedback_round, [10, 9, 8, 7, 6])
    scale, choice, open_question = services.round_results(
        feedback_round, list(feedback_round.questions.all())
    )["questions"]
    assert scale["net_score"] == 20
    assert [bar["count"] for bar in scale["distribution"]] == [0] * 6 + [1, 1, 1, 1, 1]
    assert [bar["count"] for bar in choice["distribution"]] == [3, 2]
    assert [bar["label"] for bar in choice["distribution"]] == ["Mornings", "Evenings"]
    # Sorted by wording, not by when they arrived.
    assert open_question["texts"] == sorted(open_question["texts"])
    assert len(open_question["texts"]) == 5


def _organisations_asking_listen(count, scores=(10, 10, 9, 5, 8)):
    rounds = []
    for _index in range(count):
        feedback_round = make_round()
        add_responses(feedback_round, list(scores))
        rounds.append(feedback_round)
    return rounds


def test_median_hidden_with_four_organisations():
    _organisations_asking_listen(4)
    medians = services.community_medians({"listen"})
    assert medians["listen"] == {"organisations": 4, "median": None}


def test_median_shown_with_five_organisations():
    rounds = _organisations_asking_listen(4)
    low = make_round()
    add_responses(low, [0, 1, 2, 3, 4])
    medians = services.community_medians({"listen"})
    # Four organisations at 40, one at −100: the median is 40.
    assert medians["listen"] == {"organisations": 5, "median": 40}
    assert len(rounds) == 4


def test_round_with_too_few_answers_does_not_count_towards_the_median():
    _organisations_asking_listen(4)
    small = make_round()
    add_responses(small, [1, 2])
    assert services.community_medians({"listen"})["listen"]["median"] is None


def test_trend_lists_net_scores_per_round_oldest_first():
    first = make_round(title="Spring")
    first.opens_on = first.opens_on.replace(year=first.opens_on.year - 1)
    first.save()
    add_responses(first, [0, 0, 10, 10, 10])
    second = make_round(title="Autumn", organisation=first.organisation)
    add_responses(second, [10, 10, 10, 10, 10])
    trend = services.organisation_trend(first.organisation, {"listen"})
    assert trend["listen"] == [
        {"title": "Spring", "net_score": 20},
        {"title": "Autumn", "net_score": 100},
    ]


def test_flood_guard_allows_the_limit_then_refuses(settings):
    cache.clear()
    feedback_round = FeedbackRoundFactory()
    allowed = [
        services.flood_allows(feedback_round=feedback_round, address="203.0.113.9")
        for _ in range(services.FLOOD_LIMIT)
    ]
    assert all(allowed)
    assert not services.flood_allows(feedback_round=feedback_round, address="203.0.113.9")
    # Another network, or another round, is counted apart.
    assert services.flood_allows(feedback_round=feedback_round, address="198.51.100.7")
    assert services.flood_allows(feedback_round=FeedbackRoundFactory(), address="203.0.113.9")


def test_flood_key_never_contains_the_address():
    feedback_round = FeedbackRoundFactory()
    key = services.flood_key(feedback_round=feedback_round, address="203.0.113.9")
    assert "203.0.113.9" not in key
    assert key != services.flood_key(feedback_round=feedback_round, address="203.0.113.10")


PERSONAL = {"user", "ip", "address", "agent", "user_agent", "email", "session", "cookie", "name"}


@pytest.mark.parametrize("model", [FeedbackResponse, FeedbackAnswer])
def test_answer_tables_hold_no_personal_data(model):
    columns = {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), model._meta.db_table
        )
    }
    assert not any(word in column for column in columns for word in PERSONAL), columns
    related = {field.related_model for field in model._meta.get_fields() if field.is_relation}
    assert related <= {FeedbackRound, FeedbackQuestion, FeedbackResponse, FeedbackAnswer}


def test_responses_keep_a_day_not_a_time():
    feedback_round = make_round()
    add_responses(feedback_round, [5])
    response = FeedbackResponse.objects.get()
    assert type(response.submitted_on).__name__ == "date"


def test_score_above_ten_is_refused_by_the_database():
    feedback_round = make_round()
    response = FeedbackResponse.objects.create(round=feedback_round, language="en")
    with pytest.raises(IntegrityError):
        FeedbackAnswer.objects.create(
            response=response, question=feedback_round.questions.first(), score=11
        )


def test_closing_the_loop_publishes_and_unpublishes():
    feedback_round = FeedbackRoundFactory()
    services.feedback_loop_close(
        feedback_round=feedback_round, what_we_heard="Late", what_we_change="Earlier", publish=True
    )
    assert FeedbackRound.objects.loop_closed().get() == feedback_round
    services.feedback_loop_close(
        feedback_round=feedback_round, what_we_heard="Late", what_we_change="Earlier", publish=False
    )
    assert not FeedbackRound.objects.loop_closed().exists()


def test_attach_as_evidence_creates_the_commitment_answer(commitments):
    feedback_round = FeedbackRoundFactory()
    assessment = AssessmentFactory(organisation=feedback_round.organisation)
    people_driven = next(c for c in commitments if c.slug == "people-driven-work")
    answer = services.feedback_evidence_attach(
        feedback_round=feedback_round, assessment=assessment, commitment=people_driven
    )
    assert Answer.objects.get() == answer
    assert list(answer.feedback_rounds.all()) == [feedback_round]


def test_participation_counts_organisations_and_closed_loops():
    first = FeedbackRoundFactory()
    FeedbackRoundFactory(organisation=first.organisation)
    FeedbackRoundFactory(loop_closed_at="2026-01-01T10:00Z", what_we_change="x")
    add_responses(make_round(), [1])
    numbers = services.participation()
    assert numbers == {
        "organisations": 3,
        "rounds": 4,
        "closed": 1,
        "closed_rounds": 1,
        "responses": 1,
    }
