"""Every form of the project, fed hostile text: no crash, no script, errors shown, input kept.

Runs 200 examples per form when CI is set (tests/security/conftest.py), 25 otherwise.
"""

from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.utils.html import escape
from hypothesis import given

from discussions import forms as discussion_forms
from discussions.plan import forms as plan_forms
from library import forms as library_forms
from members import forms as member_forms
from members.models import Organisation
from members.notifications import forms as notification_forms
from pledges import forms as pledge_forms
from pledges.feedback import forms as feedback_forms
from tests.factories import (
    FeedbackQuestionFactory,
    MemberFactory,
    ProposalFactory,
    ThreadFactory,
)
from tests.security.hostile import hostile_text
from tests.security.html_safety import script_problems

NULL_MESSAGE = "Null characters are not allowed."


def _member():
    return {"user": MemberFactory()}


def _reviewer():
    return {"side": "reviewer"}


def _reviewed():
    return {"side": "reviewed"}


def _organisations():
    return {"organisations": Organisation.objects.all()}


def _thread():
    return {"thread": ThreadFactory()}


def _proposal():
    return {"proposal": ProposalFactory()}


def _open_question():
    question = FeedbackQuestionFactory(kind="open", standard="", texts={"en": "What changed?"})
    return {"questions": [question], "language": "en"}


# The modules whose forms are listed below (a new forms module belongs here too).
MODULES = (
    discussion_forms, plan_forms, library_forms, member_forms, notification_forms, pledge_forms,
    feedback_forms,
)  # fmt: skip


def form_name(module, name):
    """Return "discussions.ThreadForm", "discussions.plan.ProposalForm", ..."""
    return f"{module.__name__.removesuffix('.forms')}.{name}"


# name (":variant" when one form is tried in several ways): (form class, a function
# returning its keyword arguments)
FORMS = {
    "discussions.ThreadForm": (discussion_forms.ThreadForm, dict),
    "discussions.LessonsLearnedForm": (discussion_forms.LessonsLearnedForm, dict),
    "discussions.ThreadEditForm": (discussion_forms.ThreadEditForm, dict),
    "discussions.ReplyForm": (discussion_forms.ReplyForm, dict),
    "discussions.ReplyEditForm": (discussion_forms.ReplyEditForm, dict),
    "discussions.ReportForm": (discussion_forms.ReportForm, dict),
    "discussions.EventOutcomeForm": (discussion_forms.EventOutcomeForm, dict),
    "discussions.ActionItemForm": (discussion_forms.ActionItemForm, dict),
    "discussions.ThreadModerationForm": (discussion_forms.ThreadModerationForm, _thread),
    "library.ResourceSuggestForm": (library_forms.ResourceSuggestForm, dict),
    "library.ResourceImportForm": (library_forms.ResourceImportForm, dict),
    "members.PersonForm": (member_forms.PersonForm, dict),
    "members.JoinApplicationForm": (member_forms.JoinApplicationForm, dict),
    "members.ProfileForm": (member_forms.ProfileForm, dict),
    "members.OrganisationForm": (member_forms.OrganisationForm, dict),
    "members.DeleteAccountForm": (member_forms.DeleteAccountForm, _member),
    "members.DecisionForm": (member_forms.DecisionForm, dict),
    "members.DirectoryForm": (member_forms.DirectoryForm, dict),
    "pledges.SignForm": (pledge_forms.SignForm, _organisations),
    "pledges.AnswerForm": (pledge_forms.AnswerForm, dict),
    "pledges.ReviewCommentForm:reviewer": (
        pledge_forms.ReviewCommentForm,
        lambda: {"side": "reviewer"},
    ),
    "pledges.ReviewCommentForm:reviewed": (
        pledge_forms.ReviewCommentForm,
        lambda: {"side": "reviewed"},
    ),
    "discussions.plan.ProposalForm": (plan_forms.ProposalForm, dict),
    "discussions.plan.CommentForm": (plan_forms.CommentForm, dict),
    "discussions.plan.TriageForm": (plan_forms.TriageForm, _proposal),
    "discussions.plan.ChampionForm": (plan_forms.ChampionForm, dict),
    "discussions.plan.AskChampionForm": (plan_forms.AskChampionForm, dict),
    "pledges.feedback.RoundForm": (feedback_forms.RoundForm, _organisations),
    "pledges.feedback.QuestionForm": (
        feedback_forms.QuestionForm,
        lambda: {"languages": ["en", "sq"]},
    ),
    "pledges.feedback.ResponseForm": (feedback_forms.ResponseForm, _open_question),
    "pledges.feedback.LoopForm": (feedback_forms.LoopForm, dict),
}
# Forms without free text: checkboxes and choices only, or a file (tests/security/test_uploads.py).
# allauth's WebAuthn forms, relabelled: adding needs a browser's signed answer to a security
# key's challenge and renaming a key registered that way, which generated input cannot make;
# their only text is the key's name, escaped wherever it shows.
NEEDS_A_SECURITY_KEY = {"members.SecurityKeyAddForm", "members.SecurityKeyEditForm"}
WITHOUT_TEXT = {
    "library.ImportUploadForm", "pledges.AssessmentSettingsForm",
    "pledges.AssessmentStartForm", "pledges.PeerReviewRequestForm", "pledges.SignatureFilterForm",
    "members.notifications.NotificationPreferencesForm", "pledges.feedback.EvidenceForm",
}  # fmt: skip


def text_fields(form):
    """Return the names of the fields a person types text into."""
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput)
    ]


def test_every_form_of_the_project_is_listed():
    declared = {
        form_name(module, name)
        for module in MODULES
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, forms.BaseForm)
        and value.__module__ == module.__name__
    }
    listed = {name.split(":")[0] for name in FORMS}
    assert declared - listed == WITHOUT_TEXT | NEEDS_A_SECURITY_KEY


def test_every_forms_module_is_checked():
    root = Path(settings.BASE_DIR)
    apps = [
        path for path in root.iterdir() if (path / "__init__.py").exists() and path.name != "tests"
    ]
    found = {
        ".".join(path.relative_to(root).with_suffix("").parts)
        for app in apps
        for path in app.rglob("forms.py")
    }
    assert found == {module.__name__ for module in MODULES}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(FORMS))
def test_hostile_text_never_breaks_a_form(name, settings):
    # A fast hasher: DeleteAccountForm checks the password on every example.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    form_class, make_kwargs = FORMS[name]
    kwargs = make_kwargs()
    fields = text_fields(form_class(**kwargs))
    assert fields, f"{name} has no text field"

    @given(text=hostile_text())
    def run(text):
        data = dict.fromkeys(fields, text)
        form = form_class(data=data, **kwargs)
        valid = form.is_valid()
        html = form.as_div()
        assert script_problems(html) == []
        assert "<script>alert" not in html
        if "\x00" in text:
            assert not valid
            assert NULL_MESSAGE in html or form.errors
        for field in fields:
            if field in form.errors:
                assert form.errors[field]  # a message the person can read next to the field
            widget = form.fields[field].widget
            if not isinstance(widget, forms.PasswordInput):
                assert escape(text) in html, f"{field} lost the input"

    run()
