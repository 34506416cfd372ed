"""Feedback round pages: who may see what, bad input, and flat query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Membership
from pledges.feedback.models import FeedbackQuestion, FeedbackRound
from tests.factories import (
    AssessmentFactory,
    FeedbackRoundFactory,
    MembershipFactory,
)
from tests.pledges.feedback_helpers import add_responses, make_round

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "staff", "representative", "coordinator"]


@pytest.fixture
def staff(organisation):
    """A member of the organisation who is not one of its representatives."""
    return MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user


@pytest.fixture
def feedback_round(organisation):
    return make_round(organisation=organisation)


# The dashboard


@pytest.mark.parametrize("role", ROLES)
def test_home_is_public_and_shows_each_role_what_it_may(as_role, role, feedback_round):
    response = as_role(role).get(reverse("feedback:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Start a feedback round" in html) == (role == "representative")
    assert (feedback_round.title in html) == (role in {"representative", "coordinator"})
    assert ("Participation across the community" in html) == (role == "coordinator")


@pytest.mark.parametrize("size", [1, 8])
def test_home_query_count_is_flat(client, coordinator, django_assert_max_num_queries, size):
    for _ in range(size):
        add_responses(make_round(loop_closed_at=timezone.now(), what_we_change="x"), [5])
    client.force_login(coordinator)
    # Two of them read the coordinator's permissions, once a request (racop.access).
    with django_assert_max_num_queries(10):
        assert client.get(reverse("feedback:home")).status_code == 200


# Building a round


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("member", 403), ("staff", 403), ("representative", 200)],
)
def test_only_representatives_start_rounds(as_role, role, status, organisation):
    assert as_role(role).get(reverse("feedback:round_create")).status_code == status


def test_coordinator_who_represents_nobody_cannot_start_a_round(as_role):
    assert as_role("coordinator").get(reverse("feedback:round_create")).status_code == 403


def _round_data(organisation, **overrides):
    today = timezone.localdate()
    data = {
        "organisation": organisation.pk,
        "title": "Spring round",
        "audience": "Parents in our Tetovo programme",
        "languages": ["en", "mk"],
        "main_language": "mk",
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=14)).isoformat(),
    }
    data.update(overrides)
    return data


def test_representative_creates_a_round(as_role, organisation):
    response = as_role("representative").post(
        reverse("feedback:round_create"), _round_data(organisation)
    )
    feedback_round = FeedbackRound.objects.get()
    assert response.url == reverse("feedback:round_questions", args=[feedback_round.pk])
    assert feedback_round.languages == ["mk", "en"]
    assert feedback_round.organisation == organisation


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"closes_on": "2020-01-01"}, "closes_on", "close on or after"),
        ({"languages": []}, "languages", "This field is required"),
        ({"languages": ["xx"]}, "languages", "Select a valid choice"),
        ({"title": ""}, "title", "This field is required"),
        ({"opens_on": "yesterday"}, "opens_on", "Enter a valid date"),
    ],
)
def test_round_builder_bad_input(as_role, organisation, overrides, field, message):
    data = _round_data(organisation, **overrides)
    response = as_role("representative").post(reverse("feedback:round_create"), data)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert "Parents in our Tetovo programme" in response.content.decode()
    assert not FeedbackRound.objects.exists()


def test_representative_cannot_create_for_another_organisation(as_role, organisation):
    other = MembershipFactory().organisation
    response = as_role("representative").post(reverse("feedback:round_create"), _round_data(other))
    assert response.status_code == 400
    assert not FeedbackRound.objects.exists()


def _questions_data(rows):
    data = {
        "questions-TOTAL_FORMS": str(len(rows)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "5",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"questions-{index}-{key}"] = value
    return data


GOOD_QUESTIONS = [
    {"kind": "scale", "standard": "listen"},
    {
        "kind": "choice",
        "text_en": "Which time suits you?",
        "options_en": "Mornings\nEvenings",
        "text_mk": "Кое време ви одговара?",
        "options_mk": "Наутро\nНавечер",
    },
    {"kind": "open", "text_en": "What should we change?"},
]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("member", 404),
        ("staff", 404),
        ("coordinator", 404),
        ("representative", 200),
    ],
)
def test_question_page_permissions(as_role, role, status, organisation):
    feedback_round = FeedbackRoundFactory(organisation=organisation)
    url = reverse("feedback:round_questions", args=[feedback_round.pk])
    assert as_role(role).get(url).status_code == status


def test_representative_writes_questions_in_two_languages(as_role, organisation):
    feedback_round = FeedbackRoundFactory(organisation=organisation, languages=["en", "mk"])
    url = reverse("feedback:round_questions", args=[feedback_round.pk])
    response = as_role("representative").post(url, _questions_data(GOOD_QUESTIONS))
    assert response.status_code == 302
    scale, choice, open_question = feedback_round.questions.all()
    assert scale.standard == "listen" and scale.kind == "scale"
    assert choice.options == {"en": ["Mornings", "Evenings"], "mk": ["Наутро", "Навечер"]}
    assert choice.text_in("mk") == "Кое време ви одговара?"
    assert open_question.text_in("mk") == "What should we change?"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (GOOD_QUESTIONS[:1], "between 2 and 5 questions"),
        ([{"kind": "open", "text_en": "Q"}] * 6, "between 2 and 5 questions"),
        ([{"kind": "scale", "standard": "listen"}] * 2, "each standard question only once"),
        ([GOOD_QUESTIONS[0], {"kind": "open", "text_en": ""}], "Write the question in English"),
        ([GOOD_QUESTIONS[0], {"kind": "choice", "text_en": "Q", "options_en": "Only"}], "two"),
        ([GOOD_QUESTIONS[0], {"kind": "open", "standard": "respect"}], "scale from 0 to 10"),
        (
            [
                GOOD_QUESTIONS[0],
                {"kind": "choice", "text_en": "Q", "options_en": "A\nB", "options_mk": "А"},
            ],
            "as many choices",
        ),
    ],
)
def test_question_builder_bad_input(as_role, organisation, rows, message):
    feedback_round = FeedbackRoundFactory(organisation=organisation, languages=["en", "mk"])
    url = reverse("feedback:round_questions", args=[feedback_round.pk])
    response = as_role("representative").post(url, _questions_data(rows))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not feedback_round.questions.exists()


def test_questions_are_frozen_once_people_answered(as_role, feedback_round):
    add_responses(feedback_round, [5])
    url = reverse("feedback:round_questions", args=[feedback_round.pk])
    response = as_role("representative").post(url, _questions_data(GOOD_QUESTIONS[:2]))
    assert response.status_code == 302
    assert feedback_round.questions.count() == 3


@pytest.mark.parametrize("size", [1, 4])
def test_question_page_query_count_is_flat(
    as_role, organisation, django_assert_max_num_queries, size
):
    feedback_round = FeedbackRoundFactory(organisation=organisation)
    for _ in range(size):
        FeedbackQuestion.objects.create(round=feedback_round, texts={"en": "Q"}, kind="open")
    client = as_role("representative")
    with django_assert_max_num_queries(8):
        assert (
            client.get(reverse("feedback:round_questions", args=[feedback_round.pk])).status_code
            == 200
        )


# Results


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 404),
        ("member", 404),
        ("staff", 404),
        ("coordinator", 200),
        ("representative", 200),
    ],
)
def test_results_permissions(as_role, role, status, feedback_round):
    assert as_role(role).get(feedback_round.get_absolute_url()).status_code == status


def test_results_show_counts_only_below_five_answers(as_role, feedback_round):
    add_responses(feedback_round, [10, 9, 3, 6], text="Secret story")
    html = as_role("representative").get(feedback_round.get_absolute_url()).content.decode()
    assert "4 answers so far" in html
    assert "Fewer than 5 people answered" in html
    assert "Secret story" not in html
    assert "Net score" not in html
    assert reverse("feedback:round_csv", args=[feedback_round.pk]) not in html


def test_results_show_net_score_chart_and_open_answers_from_five(as_role, feedback_round):
    add_responses(feedback_round, [10, 9, 8, 7, 6], text="Evening please")
    html = as_role("representative").get(feedback_round.get_absolute_url()).content.decode()
    assert '<strong class="net-score">20</strong>' in html
    assert "<svg" in html and "feedback-positive" in html
    assert "Evening please 0" in html
    assert "2 positive, 2 neutral, 1 negative" in html


def test_coordinator_sees_counts_only_when_the_organisation_did_not_share(as_role, feedback_round):
    add_responses(feedback_round, [10, 9, 8, 7, 6], text="Evening please")
    client = as_role("coordinator")
    html = client.get(feedback_round.get_absolute_url()).content.decode()
    assert "5 answers so far" in html
    assert "did not share its answers" in html
    assert "Evening please" not in html
    assert client.get(reverse("feedback:round_csv", args=[feedback_round.pk])).status_code == 404
    feedback_round.share_with_coordinators = True
    feedback_round.save()
    assert "Evening please" in client.get(feedback_round.get_absolute_url()).content.decode()


def test_median_appears_only_with_five_organisations(as_role, feedback_round):
    add_responses(feedback_round, [10, 10, 10, 10, 10])
    for _ in range(3):
        add_responses(make_round(), [0, 0, 0, 0, 0])
    client = as_role("representative")
    html = client.get(feedback_round.get_absolute_url()).content.decode()
    assert "Community median" not in html
    assert "once at least 5 organisations" in html
    add_responses(make_round(), [9, 9, 9, 9, 9])
    html = client.get(feedback_round.get_absolute_url()).content.decode()
    assert "Community median: -100 (from 5 organisations" in html


@pytest.mark.parametrize("size", [5, 30])
def test_results_query_count_is_flat(as_role, feedback_round, django_assert_max_num_queries, size):
    add_responses(feedback_round, [size % 11] * size)
    AssessmentFactory(organisation=feedback_round.organisation)
    client = as_role("representative")
    with django_assert_max_num_queries(16):
        assert client.get(feedback_round.get_absolute_url()).status_code == 200


def test_csv_lists_answers_from_five_and_refuses_before(as_role, feedback_round):
    client = as_role("representative")
    url = reverse("feedback:round_csv", args=[feedback_round.pk])
    add_responses(feedback_round, [1, 2, 3, 4], text="=HYPERLINK()")
    assert client.get(url).status_code == 404
    add_responses(feedback_round, [9])
    response = client.get(url)
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert len(lines) == 6
    assert "'=HYPERLINK() 0" in response.content.decode()
    assert "Evenings" in response.content.decode()


@pytest.mark.parametrize("role", ["visitor", "member", "staff", "coordinator"])
def test_qr_code_is_for_representatives(as_role, role, feedback_round):
    url = reverse("feedback:round_qr", args=[feedback_round.pk])
    assert as_role(role).get(url).status_code in {302, 404}


def test_qr_code_is_an_svg_of_the_public_link(as_role, feedback_round):
    response = as_role("representative").get(reverse("feedback:round_qr", args=[feedback_round.pk]))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")
    assert b"<svg" in response.content


# Closing the loop and evidence


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("member", 404),
        ("staff", 404),
        ("coordinator", 404),
        ("representative", 200),
    ],
)
def test_closing_note_permissions(as_role, role, status, feedback_round):
    url = reverse("feedback:round_loop", args=[feedback_round.pk])
    assert as_role(role).get(url).status_code == status


def test_publishing_without_a_change_is_refused(as_role, feedback_round):
    url = reverse("feedback:round_loop", args=[feedback_round.pk])
    response = as_role("representative").post(
        url, {"what_we_heard": "You said we are late.", "what_we_change": "", "publish": "on"}
    )
    assert response.status_code == 400
    assert "Say what you are changing" in response.content.decode()
    assert "You said we are late." in response.content.decode()
    feedback_round.refresh_from_db()
    assert not feedback_round.loop_is_closed


def test_published_note_shows_on_public_and_organisation_pages(as_role, feedback_round, client):
    as_role("representative").post(
        reverse("feedback:round_loop", args=[feedback_round.pk]),
        {"what_we_heard": "Too late", "what_we_change": "We open **at eight**.", "publish": "on"},
    )
    client.logout()
    public = client.get(feedback_round.get_public_url()).content.decode()
    assert "<strong>at eight</strong>" in public
    organisation_page = client.get(feedback_round.organisation.get_absolute_url()).content.decode()
    assert "We listened: what we changed" in organisation_page
    assert "<strong>at eight</strong>" in organisation_page


def test_attaching_evidence(as_role, feedback_round, commitments):
    assessment = AssessmentFactory(organisation=feedback_round.organisation)
    responsive = next(c for c in commitments if c.slug == "responsive-decision-making")
    client = as_role("representative")
    url = reverse("feedback:round_evidence", args=[feedback_round.pk])
    client.post(url, {"assessment": assessment.pk, "commitment": responsive.pk})
    assert feedback_round.evidence_for.get().commitment == responsive
    other = AssessmentFactory()
    justice = commitments[0]
    response = client.post(url, {"assessment": other.pk, "commitment": justice.pk}, follow=True)
    assert "Choose one of your self-assessments" in response.content.decode()
    assert feedback_round.evidence_for.count() == 1


@pytest.mark.parametrize("role", ["visitor", "member", "staff", "coordinator"])
def test_only_representatives_attach_evidence(as_role, role, feedback_round, commitments):
    assessment = AssessmentFactory(organisation=feedback_round.organisation)
    url = reverse("feedback:round_evidence", args=[feedback_round.pk])
    response = as_role(role).post(
        url, {"assessment": assessment.pk, "commitment": commitments[4].pk}
    )
    assert response.status_code in {302, 404}
    assert not feedback_round.evidence_for.exists()


def test_blank_question_blocks_are_skipped(as_role, organisation):
    feedback_round = FeedbackRoundFactory(organisation=organisation, languages=["en"])
    url = reverse("feedback:round_questions", args=[feedback_round.pk])
    client = as_role("representative")
    page = client.get(url)
    formset = page.context["formset"]
    assert (formset.initial_form_count(), formset.total_form_count()) == (0, 3)
    rows = [*GOOD_QUESTIONS[::2], {"kind": "scale"}]
    response = client.post(url, _questions_data(rows))
    assert response.status_code == 302
    assert feedback_round.questions.count() == 2
