from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from pledges.models import Answer, Assessment, Level, ReviewComment, Signature

MYSELF = "me"


class SignForm(forms.ModelForm):
    """Choose who signs (an organisation one represents, or oneself) and why."""

    signatory = forms.ChoiceField(
        label=_("Sign for"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whom you sign for.")},
    )

    class Meta:
        model = Signature
        fields = ["statement", "is_public"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["signatory"].choices = [
            (MYSELF, _("Myself, as an individual")),
            *((pk, o.name) for pk, o in self.organisations.items()),
        ]
        if len(self.organisations) == 1:
            self.fields["signatory"].initial = next(iter(self.organisations))

    def clean_statement(self):
        return self.cleaned_data["statement"].strip()

    def signing_organisation(self) -> Organisation | None:
        return self.organisations.get(self.cleaned_data["signatory"])


class SignatureFilterForm(forms.Form):
    """The wall's filters; unknown values are ignored rather than refused."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *Signature.Kind.choices],
    )

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]


class AssessmentStartForm(forms.Form):
    owner = forms.ChoiceField(label=_("Assess"), widget=forms.RadioSelect)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        error_messages={"required": _("Enter the year this assessment covers.")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["owner"].choices = [
            *((pk, o.name) for pk, o in self.organisations.items()),
            (MYSELF, _("My own practice, as an individual")),
        ]
        self.fields["owner"].initial = next(iter(self.organisations), MYSELF)
        self.fields["year"].initial = timezone.now().year
        self.fields["year"].widget.attrs["max"] = timezone.now().year + 1

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.now().year + 1:
            raise forms.ValidationError(_("The year cannot be later than next year."))
        return year

    def owner_organisation(self) -> Organisation | None:
        return self.organisations.get(self.cleaned_data["owner"])


class AssessmentSettingsForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["visibility"]
        widgets = {"visibility": forms.RadioSelect}


class AnswerForm(forms.ModelForm):
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", _("Not assessed yet")), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Answer
        fields = ["level", "evidence", "evidence_links", "next_step", "next_step_owner",
                  "next_step_due"]  # fmt: skip
        widgets = {
            "evidence": forms.Textarea(attrs={"rows": 4}),
            "evidence_links": forms.Textarea(attrs={"rows": 2}),
            "next_step": forms.Textarea(attrs={"rows": 2}),
            "next_step_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_evidence_links(self):
        lines = [line.strip() for line in self.cleaned_data["evidence_links"].splitlines()]
        validate = URLValidator(schemes=["http", "https"])
        for line in filter(None, lines):
            try:
                validate(line)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("“%(line)s” is not a web address (it should start with https://).")
                    % {"line": line}
                ) from error
        return "\n".join(filter(None, lines))


AnswerFormSet = forms.modelformset_factory(Answer, form=AnswerForm, extra=0, edit_only=True)


class PeerReviewRequestForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label=_("Reviewing organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        error_messages={
            "required": _("Choose the organisation you ask."),
            "invalid_choice": _("Choose one of the organisations in the list."),
        },
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = Organisation.objects.for_list().exclude(
            pk=assessment.organisation_id
        )


class ReviewCommentForm(forms.ModelForm):
    class Meta:
        model = ReviewComment
        fields = ["comment", "response"]
        widgets = {
            "comment": forms.Textarea(attrs={"rows": 3}),
            "response": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, side, **kwargs):
        super().__init__(*args, **kwargs)
        # Each side writes only its own column; the other is shown read-only.
        del self.fields["response" if side == "reviewer" else "comment"]


ReviewCommentFormSet = forms.modelformset_factory(
    ReviewComment, form=ReviewCommentForm, extra=0, edit_only=True
)
