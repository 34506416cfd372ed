from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from discussions.models import (
    POST_LANGUAGES,
    ActionItem,
    Event,
    Report,
    Thread,
    post_language_default,
)
from members.models import User
from racop.models import Topic

ANONYMOUS_HELP = _(
    "Other members will not see your name on this post. The coordinators can see it, "
    "only to keep the space safe."
)
LANGUAGE_HELP = _("The language you write in, so members can find posts they read.")


def language_field():
    """Return the post's language field, set to the language the author reads the site in.

    Left out (as by an older form), the post takes the author's interface language.
    """
    return forms.ChoiceField(
        label=_("Language of the post"),
        choices=POST_LANGUAGES,
        initial=post_language_default,
        required=False,
        help_text=LANGUAGE_HELP,
    )


class ThreadForm(forms.ModelForm):
    language = language_field()

    class Meta:
        model = Thread
        fields = ["title", "body", "language", "anonymous", "chatham_house"]
        labels = {"anonymous": _("Post as “a community member”")}
        help_texts = {
            "body": _(
                "Markdown: **bold**, _italic_, [a link](https://example.org), > a quote. "
                "Mention a member with @ and the name in their profile address, e.g. "
                "@ana-petrovic: they are notified."
            ),
            "anonymous": ANONYMOUS_HELP,
            "chatham_house": _(
                "Replies may be used, but nobody may reveal who said what or where they work."
            ),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


class LessonsLearnedForm(forms.Form):
    """The guided form of a lessons-learned thread; its parts become one Markdown body."""

    SECTIONS = [
        ("context", _("Context")),
        ("what_happened", _("What happened")),
        ("what_changed", _("What we changed")),
        ("takeaways", _("What others can take from it")),
    ]

    title = forms.CharField(label=_("Title"), max_length=200)
    context = forms.CharField(
        label=_("Context"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Where and when, what you were trying to do."),
    )
    what_happened = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What did not go as planned, and why you think so."),
    )
    what_changed = forms.CharField(
        label=_("What we changed"), widget=forms.Textarea(attrs={"rows": 4})
    )
    takeaways = forms.CharField(
        label=_("What others can take from it"), widget=forms.Textarea(attrs={"rows": 4})
    )
    language = language_field()
    anonymous = forms.BooleanField(
        label=_("Post as “a community member”"), required=False, help_text=ANONYMOUS_HELP
    )
    chatham_house = forms.BooleanField(
        label=_("Chatham House Rule"),
        required=False,
        help_text=ThreadForm.Meta.help_texts["chatham_house"],
    )

    def body(self):
        return "\n\n".join(
            f"## {label}\n\n{self.cleaned_data[name].strip()}" for name, label in self.SECTIONS
        )


class ThreadEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}), help_text=_("Markdown.")
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=ThreadForm.Meta.help_texts["body"],
    )
    language = language_field()
    anonymous = forms.BooleanField(
        label=_("Post as “a community member”"), required=False, help_text=ANONYMOUS_HELP
    )


class ReplyEditForm(forms.Form):
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), help_text=_("Markdown.")
    )


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason"]
        labels = {"reason": _("Why should the coordinators look at this post?")}
        help_texts = {"reason": _("Only the coordinators read reports.")}
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}


class EventOutcomeForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["outcome_summary", "decisions"]
        widgets = {
            "outcome_summary": forms.Textarea(attrs={"rows": 8}),
            "decisions": forms.Textarea(attrs={"rows": 6}),
        }


class ActionItemForm(forms.ModelForm):
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=User.objects.members().order_by("first_name"),
        required=False,
        empty_label=_("Nobody yet"),
    )

    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_date", "status"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}


ActionItemFormSet = forms.inlineformset_factory(
    Event, ActionItem, form=ActionItemForm, extra=2, can_delete=True
)


class ThreadModerationForm(forms.Form):
    """A coordinator's action on a thread from its page, always with a reason."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hide from members")
        SHOW = "show", _("Show to members again")
        LOCK = "lock", _("Lock")
        UNLOCK = "unlock", _("Unlock")
        PIN = "pin", _("Pin to the top of the topic")
        UNPIN = "unpin", _("Unpin")
        MOVE = "move", _("Move to another topic")

    action = forms.ChoiceField(choices=Action.choices, widget=forms.HiddenInput)
    topic = forms.ModelChoiceField(
        label=_("Move to"), queryset=Topic.objects.none(), required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Recorded with your name in the audit log; members do not see it."),
    )

    def __init__(self, *args, thread, **kwargs):
        super().__init__(*args, **kwargs)
        self.thread = thread
        self.fields["topic"].queryset = Topic.objects.exclude(pk=thread.topic_id)

    def clean(self):
        data = super().clean()
        if data.get("action") == self.Action.MOVE and not data.get("topic"):
            self.add_error("topic", _("Choose the topic to move the thread to."))
        return data
