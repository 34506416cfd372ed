"""Surveys: the answer form, saving answers, and the aggregated results."""

from collections import Counter, defaultdict

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from members.models import Answer, JoinApplication, Question, Survey, SurveyResponse, User
from racop.i18n import content_falls_back

RANK_PREFIX = "rank"


def shown_as(question, field, text):
    """Return text marked as English when it is the English shown for want of a translation."""
    if text and content_falls_back(question, field):
        return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, text)
    return text


class SurveyForm(forms.Form):
    """One field per question (one per option for rankings); drafts skip the required check."""

    def __init__(self, *args, questions, initial_answers=None, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.draft = draft
        initial_answers = initial_answers or {}
        for question in questions:
            required = question.required and not draft
            value = initial_answers.get(question.pk)
            labels = {
                option: shown_as(question, "options", label)
                for option, label in question.choice_labels.items()
            }
            choices = list(labels.items())
            name = f"q{question.pk}"
            if question.kind == Question.Kind.RANKING:
                ranks = [("", "–")] + [(str(n), str(n)) for n in range(1, len(choices) + 1)]
                for index, option in enumerate(question.choices):
                    field = forms.ChoiceField(
                        label=labels[option], choices=ranks, required=required
                    )
                    if value and option in value:
                        field.initial = str(value.index(option) + 1)
                    self.fields[f"{name}_{RANK_PREFIX}{index}"] = field
                continue
            if question.kind == Question.Kind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    choices=choices, widget=forms.CheckboxSelectMultiple, required=required
                )
            elif question.kind == Question.Kind.TEXT:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), required=required, max_length=4000
                )
            else:
                field = forms.ChoiceField(
                    choices=choices, widget=forms.RadioSelect, required=required
                )
            field.label = shown_as(question, "text", question.text)
            field.help_text = shown_as(question, "help_text", question.help_text)
            field.initial = value
            self.fields[name] = field

    def groups(self):
        """Return (question, bound fields) pairs in question order, for the template."""
        groups = []
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                names = [f"q{question.pk}_{RANK_PREFIX}{i}" for i in range(len(question.choices))]
            else:
                names = [f"q{question.pk}"]
            groups.append((question, [self[name] for name in names]))
        return groups

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind != Question.Kind.RANKING:
                continue
            given = {
                option: cleaned.get(f"q{question.pk}_{RANK_PREFIX}{i}")
                for i, option in enumerate(question.choices)
            }
            ranks = [rank for rank in given.values() if rank]
            if len(ranks) != len(set(ranks)):
                self.add_error(
                    f"q{question.pk}_{RANK_PREFIX}0", _("Give each option a different rank.")
                )
        return cleaned

    def answers(self):
        """Return {question id: value} for the questions answered."""
        answers = {}
        for question in self.questions:
            if question.kind == Question.Kind.RANKING:
                ranked = sorted(
                    (int(rank), option)
                    for i, option in enumerate(question.choices)
                    if (rank := self.cleaned_data.get(f"q{question.pk}_{RANK_PREFIX}{i}"))
                )
                value = [option for _rank, option in ranked]
            else:
                value = self.cleaned_data.get(f"q{question.pk}")
            if value:
                answers[question.pk] = value
        return answers


@transaction.atomic
def survey_answer(*, survey, user, answers, submit):
    """Save the person's answers as a draft, or submit them; allowed while the survey is open."""
    if not survey.is_open:
        raise PermissionDenied
    response, _created = SurveyResponse.objects.get_or_create(survey=survey, user=user)
    response.answers.exclude(question_id__in=answers).delete()
    for question_id, value in answers.items():
        Answer.objects.update_or_create(
            response=response, question_id=question_id, defaults={"value": value}
        )
    if submit:
        response.submitted_at = timezone.now()
    response.save()
    return response


def survey_audience_size(survey):
    """Return how many people were invited to answer."""
    count = User.objects.members().count()
    if survey.audience == Survey.Audience.MEMBERS_AND_APPLICANTS:
        count += (
            JoinApplication.objects.open().filter(user__member_since__isnull=True).values("user")
            .distinct().count()
        )  # fmt: skip
    return count


def survey_results(survey):
    """Return the response rate and, per question, counts and percentages or texts."""
    questions = list(survey.questions.all())
    answers = defaultdict(list)
    for question_id, value in Answer.objects.filter(
        response__survey=survey, response__submitted_at__isnull=False
    ).values_list("question_id", "value"):
        answers[question_id].append(value)
    responses = survey.responses.filter(submitted_at__isnull=False).count()
    invited = survey_audience_size(survey)
    results = []
    for question in questions:
        values = answers[question.pk]
        result = {"question": question, "answered": len(values), "rows": [], "texts": []}
        if question.kind == Question.Kind.TEXT:
            result["texts"] = values
        elif question.kind == Question.Kind.RANKING:
            # Borda count: first of n options scores n points, last scores 1.
            points = Counter()
            for ranking in values:
                for position, option in enumerate(ranking):
                    points[option] += len(question.choices) - position
            top = max(points.values(), default=0)
            labels = question.choice_labels
            result["rows"] = [
                _row(labels[option], points[option], top, unit="points")
                for option in sorted(question.choices, key=lambda o: -points[o])
            ]
        else:
            counts = Counter()
            for value in values:
                counts.update(value if isinstance(value, list) else [value])
            labels = question.choice_labels
            result["rows"] = [_row(labels[c], counts[c], len(values)) for c in question.choices]
        for index, row in enumerate(result["rows"]):
            row["y"] = index * 10 + 1
        result["chart_height"] = len(result["rows"]) * 10
        results.append(result)
    return {
        "responses": responses,
        "invited": invited,
        "rate": round(100 * responses / invited) if invited else 0,
        "questions": results,
    }


def _row(label, count, total, unit="answers"):
    percent = round(100 * count / total) if total else 0
    return {"label": label, "count": count, "percent": percent, "unit": unit}
