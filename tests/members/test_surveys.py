import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Answer, SurveyResponse
from members.surveys import survey_results
from tests.factories import (
    JoinApplicationFactory,
    MemberFactory,
    QuestionFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    survey = SurveyFactory(slug="expectations", title="Expectations and priorities")
    QuestionFactory(survey=survey, text="Preferred format?", kind="single", required=True,
                    ordering=1)  # fmt: skip
    QuestionFactory(survey=survey, text="Topics?", kind="multiple", options="Trust\nPower\nMoney",
                    ordering=2)  # fmt: skip
    QuestionFactory(survey=survey, text="Useful?", kind="scale", options="", ordering=3)
    QuestionFactory(survey=survey, text="Rank these", kind="ranking",
                    options="Trainings\nExchanges\nToolkits", ordering=4)  # fmt: skip
    QuestionFactory(survey=survey, text="What can you offer?", kind="text", options="",
                    ordering=5)  # fmt: skip
    return survey


def fields(survey):
    q = {question.text: question.pk for question in survey.questions.all()}
    return q


def full_answers(survey, **overrides):
    q = fields(survey)
    data = {
        f"q{q['Preferred format?']}": "Hybrid",
        f"q{q['Topics?']}": ["Trust", "Money"],
        f"q{q['Useful?']}": "4",
        f"q{q['Rank these']}_rank0": "2",
        f"q{q['Rank these']}_rank1": "1",
        f"q{q['Rank these']}_rank2": "3",
        f"q{q['What can you offer?']}": "A toolkit",
    }
    return {**data, **overrides}


URL = "/surveys/expectations/"


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 302), ("applicant", 403), ("member", 200), ("representative", 200),
     ("coordinator", 200)],
)  # fmt: skip
def test_who_may_answer(as_role, survey, role, status):
    assert as_role(role).get(URL).status_code == status


def test_applicants_answer_when_invited(client, applicant, survey):
    JoinApplicationFactory(user=applicant)
    client.force_login(applicant)
    assert client.get(URL).status_code == 403
    survey.audience = "applicants"
    survey.save()
    assert client.get(URL).status_code == 200


def test_unknown_survey_is_404_for_members(member_client):
    assert member_client.get("/surveys/nope/").status_code == 404


def test_member_answers_once_and_changes_answers(client, member, survey):
    client.force_login(member)
    response = client.post(URL, full_answers(survey))
    assert response.status_code == 302
    answer = SurveyResponse.objects.get(user=member)
    assert answer.submitted_at
    values = {a.question.text: a.value for a in answer.answers.select_related("question")}
    assert values["Topics?"] == ["Trust", "Money"]
    assert values["Rank these"] == ["Exchanges", "Trainings", "Toolkits"]
    assert values["Useful?"] == "4"

    q = fields(survey)
    client.post(URL, full_answers(survey, **{f"q{q['Preferred format?']}": "Online"}))
    assert SurveyResponse.objects.filter(user=member).count() == 1
    changed = Answer.objects.get(response__user=member, question_id=q["Preferred format?"])
    assert changed.value == "Online"
    html = client.get(URL).content.decode()
    assert re.search(r'value="Online"[^>]*checked', html)
    assert not re.search(r'value="Hybrid"[^>]*checked', html)


def test_draft_keeps_partial_answers_without_required_check(client, member, survey):
    client.force_login(member)
    q = fields(survey)
    response = client.post(URL, {f"q{q['What can you offer?']}": "Half an idea", "save_draft": "1"})
    assert response.status_code == 302
    saved = SurveyResponse.objects.get(user=member)
    assert saved.submitted_at is None
    assert saved.answers.get().value == "Half an idea"
    assert "Half an idea" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("Preferred format?", "", "required"), ("Preferred format?", "Carrier pigeon", "valid choice"),
     ("Useful?", "9", "valid choice")],
)  # fmt: skip
def test_bad_answers_are_explained_and_kept(client, member, survey, field, value, message):
    client.force_login(member)
    q = fields(survey)
    response = client.post(URL, full_answers(survey, **{f"q{q[field]}": value}))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[f"q{q[field]}"])
    assert "A toolkit" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_ranking_needs_different_ranks(client, member, survey):
    client.force_login(member)
    q = fields(survey)
    data = full_answers(survey, **{f"q{q['Rank these']}_rank0": "1"})
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "different rank" in response.content.decode()


def test_closed_survey_takes_no_answers(client, member, survey):
    survey.opens_at = timezone.now() - timezone.timedelta(days=10)
    survey.closes_at = timezone.now() - timezone.timedelta(days=1)
    survey.save()
    client.force_login(member)
    response = client.post(URL, full_answers(survey))
    assert response.status_code == 200
    assert "not open" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def answer_as(person, survey, **overrides):
    from members.surveys import SurveyForm, survey_answer

    form = SurveyForm(full_answers(survey, **overrides), questions=list(survey.questions.all()))
    assert form.is_valid(), form.errors
    survey_answer(survey=survey, user=person, answers=form.answers(), submit=True)


def test_results_count_and_percentages(survey):
    MemberFactory.create_batch(2)
    q = fields(survey)
    answer_as(MemberFactory(), survey)
    answer_as(MemberFactory(), survey, **{f"q{q['Preferred format?']}": "Online"})
    results = survey_results(survey)
    assert results["responses"] == 2 and results["invited"] == 4 and results["rate"] == 50
    by_text = {r["question"].text: r for r in results["questions"]}
    rows = {
        row["label"]: (row["count"], row["percent"]) for row in by_text["Preferred format?"]["rows"]
    }
    assert rows == {"Online": (1, 50), "In person": (0, 0), "Hybrid": (1, 50)}
    assert by_text["Rank these"]["rows"][0]["label"] == "Exchanges"
    assert by_text["What can you offer?"]["texts"] == ["A toolkit", "A toolkit"]


@pytest.mark.parametrize(
    ("role", "published", "status"),
    [("visitor", False, 302), ("member", False, 404), ("member", True, 200),
     ("applicant", True, 404), ("coordinator", False, 200)],
)  # fmt: skip
def test_who_sees_results(as_role, survey, role, published, status):
    survey.results_published = published
    survey.save()
    assert (
        as_role(role).get(reverse("members:survey_results", args=["expectations"])).status_code
        == status
    )


@pytest.mark.parametrize("size", [2, 12])
def test_results_and_answer_pages_have_flat_query_counts(
    coordinator_client, coordinator, survey, django_assert_max_num_queries, size
):
    for _ in range(size):
        answer_as(MemberFactory(), survey)
    # Two of them read the coordinator's permissions, once a request (racop.access).
    with django_assert_max_num_queries(10):
        response = coordinator_client.get(reverse("members:survey_results", args=["expectations"]))
    assert response.status_code == 200
    assert "<svg" in response.content.decode()
    answer_as(coordinator, survey)
    with django_assert_max_num_queries(10):
        assert coordinator_client.get(URL).status_code == 200


def test_admin_exports_answers_as_csv(coordinator_client, survey, member):
    answer_as(member, survey)
    response = coordinator_client.post(
        reverse("admin:members_survey_changelist"),
        {"action": "export_csv", "_selected_action": [survey.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["survey", "response", "submitted", "question", "answer"]
    assert [
        rows[2][0],
        rows[2][3],
        rows[2][4],
    ] == ["Expectations and priorities", "Topics?", "Trust; Money"]
    assert member.email not in response.content.decode()


def test_open_surveys_are_listed_on_my_account(member_client, survey):
    assert survey.get_absolute_url() in member_client.get("/me/").content.decode()
