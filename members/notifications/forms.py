from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import NotificationPreference, User


class NotificationPreferencesForm(forms.Form):
    """One delivery choice per kind of activity, and how often digests come."""

    digest_frequency = forms.ChoiceField(
        label=_("Send digests"), choices=User.DigestFrequency.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = dict(user.notification_preferences.values_list("kind", "delivery"))
        self.fields["digest_frequency"].initial = user.digest_frequency
        for kind, label in NotificationPreference.Kind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=NotificationPreference.Delivery.choices,
                initial=chosen.get(kind, NotificationPreference.default_for(kind)),
            )

    def deliveries(self):
        return {kind: self.cleaned_data[kind] for kind in NotificationPreference.Kind.values}
