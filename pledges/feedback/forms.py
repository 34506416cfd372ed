from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pledges.feedback.models import (
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    FeedbackQuestion,
    FeedbackRound,
    Standard,
)
from pledges.models import Assessment, Commitment

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# The commitments a feedback round can be evidence for.
EVIDENCE_COMMITMENTS = ["people-driven-work", "responsive-decision-making"]


class RoundForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("Organisation"), empty_label=_("Choose an organisation")
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Respondents choose among these on the round's page."),
    )
    main_language = forms.ChoiceField(
        label=_("Main language"),
        choices=settings.LANGUAGES,
        help_text=_("The page opens in it; questions need wording in it."),
    )

    class Meta:
        model = FeedbackRound
        fields = [
            "organisation",
            "title",
            "audience",
            "languages",
            "main_language",
            "opens_on",
            "closes_on",
            "share_with_coordinators",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if self.instance.pk:
            del self.fields["organisation"]

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The round must close on or after the day it opens."))
        main, languages = data.get("main_language"), data.get("languages")
        if main and languages is not None:
            # The main language first: the round's languages[0] is its default.
            data["languages"] = [main, *(code for code in languages if code != main)]
        return data


class QuestionForm(forms.Form):
    # An initial value, so a block left as it came counts as unchanged and is skipped.
    kind = forms.ChoiceField(
        label=_("Kind of question"),
        choices=FeedbackQuestion.Kind,
        initial=FeedbackQuestion.Kind.SCALE,
    )
    standard = forms.ChoiceField(
        label=_("Standard question"),
        choices=[("", _("None: I write my own")), *Standard.choices],
        required=False,
        help_text=_("Scored 0–10 and worded the same everywhere, so you can compare with peers."),
    )

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = languages
        for code in languages:
            name = LANGUAGE_NAMES.get(code, code)
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Wording in %(language)s") % {"language": name},
                max_length=300,
                required=False,
                help_text=_("For a standard question, leave empty to use its common wording."),
            )
            self.fields[f"options_{code}"] = forms.CharField(
                label=_("Choices in %(language)s") % {"language": name},
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                help_text=_("For a choice: one option per line."),
            )

    def clean(self):
        data = super().clean()
        kind, standard = data.get("kind"), data.get("standard")
        first = self.languages[0]
        if standard and kind != FeedbackQuestion.Kind.SCALE:
            self.add_error("kind", _("A standard question is a scale from 0 to 10."))
        if not standard and not data.get(f"text_{first}"):
            self.add_error(
                f"text_{first}",
                _("Write the question in %(language)s, or pick a standard question.")
                % {"language": LANGUAGE_NAMES.get(first, first)},
            )
        if kind == FeedbackQuestion.Kind.CHOICE:
            counts = {}
            for code in self.languages:
                lines = [line.strip() for line in data.get(f"options_{code}", "").splitlines()]
                counts[code] = len([line for line in lines if line])
            if counts[first] < 2:
                self.add_error(f"options_{first}", _("Give at least two choices, one per line."))
            for code, count in counts.items():
                if count and count != counts[first]:
                    self.add_error(
                        f"options_{code}", _("Give as many choices as in the first language.")
                    )
        return data

    def as_question(self) -> dict:
        """Return the model fields for this form's question."""
        data = self.cleaned_data
        texts = {code: data[f"text_{code}"] for code in self.languages if data[f"text_{code}"]}
        options = {}
        if data["kind"] == FeedbackQuestion.Kind.CHOICE:
            for code in self.languages:
                lines = [line.strip() for line in data[f"options_{code}"].splitlines()]
                if any(lines):
                    options[code] = [line for line in lines if line]
        return {
            "kind": data["kind"],
            "standard": data["standard"],
            "texts": texts,
            "options": options,
        }


class BaseQuestionFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        kept = [
            form for form in self.forms if form.has_changed() and not self._should_delete_form(form)
        ]
        standards = [form.cleaned_data["standard"] for form in kept]
        standards = [standard for standard in standards if standard]
        if len(standards) != len(set(standards)):
            raise ValidationError(_("Ask each standard question only once."))
        if not MIN_QUESTIONS <= len(kept) <= MAX_QUESTIONS:
            raise ValidationError(
                _("A round has between %(min)s and %(max)s questions.")
                % {"min": MIN_QUESTIONS, "max": MAX_QUESTIONS}
            )

    def questions(self) -> list[dict]:
        return [
            form.as_question()
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form)
        ]


def question_formset(existing: int):
    """Return a formset class with empty blocks (skipped when left as they are) after existing."""
    blanks = max(MIN_QUESTIONS - existing, 0) + (1 if existing < MAX_QUESTIONS else 0)
    return forms.formset_factory(
        QuestionForm,
        formset=BaseQuestionFormSet,
        extra=blanks,
        max_num=MAX_QUESTIONS,
        can_delete=True,
    )


def question_initial(question) -> dict:
    initial = {"kind": question.kind, "standard": question.standard}
    for code, text in question.texts.items():
        initial[f"text_{code}"] = text
    for code, options in question.options.items():
        initial[f"options_{code}"] = "\n".join(options)
    return initial


class ResponseForm(forms.Form):
    """The public answer form, built from the round's questions in the respondent's language."""

    def __init__(self, *args, questions, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {}
        for question in questions:
            name = f"q{question.pk}"
            label = question.text_in(language)
            if question.kind == FeedbackQuestion.Kind.SCALE:
                field = forms.TypedChoiceField(
                    label=label,
                    choices=[(str(value), str(value)) for value in range(11)],
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect(attrs={"class": "scale"}),
                    required=False,
                    help_text=_("0 means not at all, 10 means completely."),
                )
            elif question.kind == FeedbackQuestion.Kind.CHOICE:
                field = forms.TypedChoiceField(
                    label=label,
                    choices=list(enumerate(question.options_in(language))),
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                    required=False,
                )
            else:
                field = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=2000,
                    required=False,
                    help_text=_("Please do not write your name or anything that identifies you."),
                )
            self.fields[name] = field
            self.questions[name] = question

    def clean(self):
        data = super().clean()
        if not self.errors and all(value in (None, "") for value in data.values()):
            raise ValidationError(_("Answer at least one question."))
        return data

    def answers(self) -> dict:
        return {self.questions[name]: value for name, value in self.cleaned_data.items()}


class LoopForm(forms.ModelForm):
    publish = forms.BooleanField(
        label=_("Publish it on the round's page and our organisation's page"), required=False
    )

    class Meta:
        model = FeedbackRound
        fields = ["what_we_heard", "what_we_change"]
        widgets = {
            "what_we_heard": forms.Textarea(attrs={"rows": 6}),
            "what_we_change": forms.Textarea(attrs={"rows": 6}),
        }

    def clean(self):
        data = super().clean()
        if data.get("publish") and not data.get("what_we_change"):
            self.add_error("what_we_change", _("Say what you are changing before publishing."))
        return data


class EvidenceForm(forms.Form):
    assessment = forms.ModelChoiceField(
        queryset=None, label=_("Self-assessment"), empty_label=_("Choose a self-assessment")
    )
    commitment = forms.ModelChoiceField(
        queryset=Commitment.objects.filter(slug__in=EVIDENCE_COMMITMENTS).order_by("number"),
        label=_("Commitment"),
        empty_label=_("Choose a commitment"),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].queryset = Assessment.objects.filter(
            organisation=organisation
        ).order_by("-year")
