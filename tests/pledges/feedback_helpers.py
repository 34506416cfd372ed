"""Shared set-up for the feedback round tests: a round with three kinds of questions."""

from pledges.feedback import services
from tests.factories import FeedbackQuestionFactory, FeedbackRoundFactory


def make_round(**kwargs):
    """Return an open round with a standard scale, a choice and an open question."""
    feedback_round = FeedbackRoundFactory(**kwargs)
    FeedbackQuestionFactory(round=feedback_round, position=0)
    FeedbackQuestionFactory(
        round=feedback_round,
        position=1,
        kind="choice",
        standard="",
        texts={"en": "Which time suits you?", "mk": "Кое време ви одговара?"},
        options={"en": ["Mornings", "Evenings"], "mk": ["Наутро", "Навечер"]},
    )
    FeedbackQuestionFactory(
        round=feedback_round,
        position=2,
        kind="open",
        standard="",
        texts={"en": "What should we change?", "mk": "Што да смениме?"},
    )
    return feedback_round


def add_responses(feedback_round, scores, text="More evening sessions"):
    """Add one response per score, each also choosing and writing something."""
    scale, choice, open_question = feedback_round.questions.all()
    for index, score in enumerate(scores):
        services.feedback_respond(
            feedback_round=feedback_round,
            language="en",
            answers={scale: score, choice: index % 2, open_question: f"{text} {index}"},
        )
