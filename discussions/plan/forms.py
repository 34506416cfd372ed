from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.plan.models import Champion, Proposal, ProposalComment
from discussions.plan.services import TRIAGE_LABELS
from members.models import User
from pledges.models import Commitment
from racop.models import Topic


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "kind", "description", "offer", "topics", "commitments"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "offer": forms.Textarea(attrs={"rows": 4}),
            "topics": forms.CheckboxSelectMultiple,
            "commitments": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "topics": _("The topics it serves."),
            "commitments": _("The commitments of the Global Standard it serves."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.for_list()
        self.fields["commitments"].queryset = Commitment.objects.for_list()


class CommentForm(forms.ModelForm):
    class Meta:
        model = ProposalComment
        fields = ["body"]
        labels = {"body": _("Your comment")}
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class TriageForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=list(TRIAGE_LABELS.items()), widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note to the proposer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when it needs work or is declined."),
    )
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Proposal.objects.none(),
        required=False,
        empty_label=_("No merge"),
        help_text=_("Only for a merge: the proposal that takes over the supports."),
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Proposal.objects.exclude(pk=proposal.pk)
            .filter(status__in=[Proposal.Status.OPEN, Proposal.Status.NEEDS_WORK, "accepted"])
            .order_by("title")
        )

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision in {"needs-work", "decline"} and not data.get("note", "").strip():
            self.add_error("note", _("Tell the proposer what it needs or why it is declined."))
        if decision == "merge" and not data.get("into"):
            self.add_error("into", _("Choose the proposal to merge into."))
        return data


class ChampionForm(forms.ModelForm):
    class Meta:
        model = Champion
        fields = ["user", "topic", "commitment", "reason"]
        labels = {"user": _("Member"), "reason": _("Why this person")}
        help_texts = {
            "topic": _("Choose a topic or a commitment, not both."),
            "commitment": _("Choose a topic or a commitment, not both."),
        }
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.members().order_by("last_name", "first_name")
        self.fields["topic"].queryset = Topic.objects.for_list()
        self.fields["commitment"].queryset = Commitment.objects.for_list()

    def clean(self):
        data = super().clean()
        if bool(data.get("topic")) == bool(data.get("commitment")):
            self.add_error("topic", _("Choose a topic or a commitment, not both."))
        return data

    def validate_constraints(self, exclude=None):
        # The service reports a duplicate nomination next to the form.
        return None


class AskChampionForm(forms.Form):
    role = forms.ChoiceField(
        label=_("I would like you to"),
        choices=[("host", _("Host an activity")), ("review", _("Review something"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
