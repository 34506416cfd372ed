from allauth.mfa.webauthn.forms import AddWebAuthnForm, EditWebAuthnForm
from django import forms
from django.contrib.auth import password_validation
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from members.models import (
    WORKING_LANGUAGES,
    JoinApplication,
    Organisation,
    User,
)
from racop.models import Topic
from racop.uploads import validate_image_dimensions

MAX_IMAGE_BYTES = 2 * 1024 * 1024


def _topics_field(label):
    return forms.ModelMultipleChoiceField(
        queryset=Topic.objects.for_list(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=label,
    )


def _languages_field():
    return forms.MultipleChoiceField(
        choices=WORKING_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Working languages"),
    )


def _small_image(image):
    if image and getattr(image, "size", 0) > MAX_IMAGE_BYTES:
        raise forms.ValidationError(_("The image is too large: choose one under 2 MB."))
    if isinstance(image, UploadedFile):
        validate_image_dimensions(image)
    return image


class PersonForm(forms.Form):
    """Who is applying, when they have no account yet."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email"), help_text=_("We will send you a link to confirm it.")
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def ask_passwords_again(self):
        """Say why the password fields are empty when the page comes back with errors.

        A password is never sent back into the page (it would sit in the browser's history
        and caches); everything else the person typed is.
        """
        if self.data.get("password1") and "password1" not in self.errors:
            self.add_error(
                "password1",
                _("Type your password again: for your safety it is not sent back to the page."),
            )

    def clean_email(self):
        from allauth.account.models import EmailAddress

        email = self.cleaned_data["email"].lower()
        taken = (
            User.objects.filter(email__iexact=email).exists()
            or EmailAddress.objects.filter(email__iexact=email).exists()
        )
        if taken:
            raise forms.ValidationError(
                _("An account with this email address already exists: log in to apply.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Type the same password in both fields."))
        elif password1:
            user = User(
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class JoinApplicationForm(forms.ModelForm):
    """What a person tells the coordinators when applying to join."""

    topics = _topics_field(_("Topics of interest"))
    languages = _languages_field()
    join_existing = forms.BooleanField(
        required=False, label=_("Yes, ask to join this organisation")
    )
    consent = forms.BooleanField(
        label=_("I accept the code of conduct and the privacy notice."),
        error_messages={
            "required": _("To join, accept the code of conduct and the privacy notice.")
        },
    )

    class Meta:
        model = JoinApplication
        fields = [
            "applicant_kind",
            "organisation_name",
            "country",
            "city",
            "website",
            "category",
            "size",
            "position",
            "affiliation",
            "motivation",
            "topics",
            "languages",
        ]
        widgets = {
            "applicant_kind": forms.RadioSelect,
            "affiliation": forms.RadioSelect,
            "motivation": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "organisation_name": _("For organisations and networks."),
            "country": _("Where you or your organisation are based."),
            "website": _("For example https://example.org"),
        }
        error_messages = {
            "motivation": {"required": _("Tell us in a few words why you want to join.")},
            "website": {"invalid": _("Enter a full web address, such as https://example.org")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_match = None
        if self.instance.pk:
            del self.fields["consent"]
            if self.instance.existing_organisation_id:
                self.fields["join_existing"].initial = True
        self.fields["applicant_kind"].choices = JoinApplication.ApplicantKind.choices
        self.fields["affiliation"].choices = JoinApplication.Affiliation.choices

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("applicant_kind")
        name = cleaned.get("organisation_name", "").strip()
        self.instance.existing_organisation = None
        if kind and kind != JoinApplication.ApplicantKind.INDIVIDUAL:
            if not name:
                self.add_error(
                    "organisation_name", _("Give the name of your organisation or network.")
                )
            else:
                self.existing_match = Organisation.objects.matching(name).first()
        if self.existing_match:
            if cleaned.get("join_existing"):
                self.instance.existing_organisation = self.existing_match
            else:
                self.add_error(
                    "organisation_name",
                    _(
                        "“%(name)s” is already part of the community. Tick the box below to "
                        "ask to join it, or correct the name."
                    )
                    % {"name": self.existing_match.name},
                )
        return cleaned


class ProfileForm(forms.ModelForm):
    topics = _topics_field(_("Topics of interest"))
    languages = _languages_field()

    class Meta:
        model = User
        fields = ["first_name", "last_name", "country", "bio", "photo", "languages",
                  "only_my_languages", "topics", "listing"]  # fmt: skip
        widgets = {"bio": forms.Textarea(attrs={"rows": 5}), "listing": forms.RadioSelect}
        error_messages = {"first_name": {"required": _("Your first name is needed.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["listing"].choices = User.Listing.choices

    def clean_photo(self):
        return _small_image(self.cleaned_data.get("photo"))


class OrganisationForm(forms.ModelForm):
    topics = _topics_field(_("Topics"))
    languages = _languages_field()

    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "city", "website", "category", "size",
                  "description", "logo", "topics", "languages"]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "website": {"invalid": _("Enter a full web address, such as https://example.org")},
        }

    def clean_logo(self):
        return _small_image(self.cleaned_data.get("logo"))


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class DecisionForm(forms.Form):
    """What the coordinator says to the applicant with a decision."""

    message = forms.CharField(
        label=_("Message to the applicant"), widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, message_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = message_required


class DirectoryForm(forms.Form):
    """Filters of the member directory; every one optional."""

    TYPES = [
        ("", _("Organisations and networks")),
        ("organisation", _("Organisations")),
        ("network", _("Networks")),
        ("people", _("People")),
    ]

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    type = forms.ChoiceField(label=_("Show"), choices=TYPES, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.for_list(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any topic"),
    )
    language = forms.ChoiceField(
        label=_("Working language"),
        choices=[("", _("Any language")), *WORKING_LANGUAGES],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *(c for c in countries if c[0])]

    def filter_organisations(self, queryset):
        data = self.cleaned_data
        if data.get("type") in Organisation.Kind.values:
            queryset = queryset.filter(kind=data["type"])
        if data.get("q"):
            queryset = queryset.named(data["q"])
        return self._common(queryset, data)

    def filter_people(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.named(data["q"])
        return self._common(queryset, data)

    def _common(self, queryset, data):
        if data.get("country"):
            queryset = queryset.filter(country=data["country"])
        if data.get("topic"):
            queryset = queryset.filter(topics=data["topic"])
        if data.get("language"):
            queryset = queryset.filter(languages__contains=[data["language"]])
        return queryset


class SecurityKeyAddForm(AddWebAuthnForm):
    """allauth's form to add a security key, its name labelled in the person's language."""

    name = forms.CharField(label=_("Name of the key"), required=False)


class SecurityKeyEditForm(EditWebAuthnForm):
    """allauth's form to rename a security key, its name labelled in the person's language."""

    name = forms.CharField(label=_("Name of the key"))
