"""The back office's site: its login is rate limited, every deletion is audited and every
search ignores case, accents and script.

Its front page says what needs attention (each app registers what it counts with
`attention_register()` from its admin module, so racop imports no app), then lists the
models grouped by the coordinators' tasks; the plumbing is shown to superusers only.

With STAFF_REQUIRE_2FA on, it opens only to staff with a second factor (allauth.mfa): the
others are sent to set one up. Its own login page takes a password alone, so accounts with a
second factor are refused there and sign in on the portal's login page, which asks for it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import update_wrapper
from urllib.parse import urlencode

from allauth.mfa.utils import is_mfa_enabled
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from racop.ratelimit import ratelimit


@models.CharField.register_lookup
@models.TextField.register_lookup
class FoldedContains(models.Lookup):
    """``field__folded_contains=text``: the text in the field, ignoring case, accents and
    script ("otcetnost" finds "отчетност", "seffaflik" finds "şeffaflık"), with the
    library's folding (library_fold(), library/migrations/0001_initial.py)."""

    lookup_name = "folded_contains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"library_fold({lhs}) LIKE library_fold({rhs})", (*lhs_params, *rhs_params)

    def get_db_prep_lookup(self, value, connection):
        return "%s", [f"%{connection.ops.prep_for_like_query(value)}%"]


def folded_search_field(model, name):
    """Return a search field that would be searched with icontains as folded_contains."""
    if name[:1] in "^=@":
        return name
    opts, field = model._meta, None
    for part in name.split(LOOKUP_SEP):
        try:
            field = opts.get_field("pk" if part == "pk" else part)
        except FieldDoesNotExist:
            return name  # a lookup the admin names itself, or a name Django will reject
        if field.is_relation and field.related_model:
            opts = field.related_model._meta
    if isinstance(field, (models.CharField, models.TextField)):
        return f"{name}{LOOKUP_SEP}folded_contains"
    return name


class FoldedSearchMixin:
    """Search every text field with folded_contains instead of icontains."""

    def get_search_fields(self, request):
        return [
            folded_search_field(self.model, name) for name in super().get_search_fields(request)
        ]


class AuditedDeletionsMixin:
    """Record each deletion (from the delete page or the bulk action) in the audit log."""

    def log_deletions(self, request, queryset):
        from racop.audit import Action, audit_record

        for obj in queryset:
            audit_record(actor=request.user, action=Action.DELETE, target=obj)
        return super().log_deletions(request, queryset)


class LabelledTranslationsMixin:
    """Label each language's field with the language's name: "Title [Macedonian]".

    Instead of modeltranslation's tabs, which need jQuery UI from another host: every
    field is plainly on the page, works without JavaScript, and the strict CSP holds.
    """

    def patch_translation_field(self, db_field, field, request, **kwargs):
        super().patch_translation_field(db_field, field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if language is not None and hasattr(db_field, "translated_field"):
            names = dict(settings.LANGUAGES)
            base = db_field.translated_field.verbose_name
            field.label = format_lazy("{} [{}]", base.capitalize(), names.get(language, language))


class TranslatedFieldsAdmin(LabelledTranslationsMixin, TranslationAdmin):
    """The admin of a model with translated fields: one labelled field per language."""


class TranslatedFieldsStackedInline(LabelledTranslationsMixin, TranslationStackedInline):
    """An inline of a model with translated fields, labelled per language."""


@dataclass(frozen=True)
class ObjectAction:
    """A decision a coordinator takes on one object's own page, by a button.

    run(request, obj, data) calls the app's service and returns the message saying what was
    done; it may raise ValidationError (shown with the form) or PermissionDenied.
    """

    name: str
    label: str
    run: Callable
    available: Callable = lambda obj: True
    form_class: type[forms.Form] | None = None  # what it asks: a message, a reason
    explanation: str = ""  # who is told what, shown above the form
    primary: bool = False


class ObjectActionsMixin:
    """Buttons on the change page for the object_actions, each with its own page to confirm.

    Every action works without JavaScript: the button leads to a page that asks for what
    the action needs (or only to confirm) and posts it; an action no longer possible (an
    application decided meanwhile) says so and changes nothing.
    """

    object_actions: list[ObjectAction] = []
    change_form_template = "admin/change_form_object_actions.html"

    def get_object_actions(self, request, obj):
        """Return the actions possible on obj now, for this person."""
        if obj is None or not self.has_change_permission(request, obj):
            return []
        return [action for action in self.object_actions if action.available(obj)]

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/do/<slug:action>/",
                self.admin_site.admin_view(self.object_action_view),
                name="{}_{}_object_action".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = {
            "object_actions": self.get_object_actions(request, obj),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def object_action_view(self, request, object_id, action):
        obj = self.get_object(request, unquote(object_id))
        chosen = next((a for a in self.object_actions if a.name == action), None)
        if obj is None or chosen is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[obj.pk],
            current_app=self.admin_site.name,
        )
        if not chosen.available(obj):
            self.message_user(
                request,
                _("This is no longer possible: “%(object)s” was changed meanwhile.")
                % {"object": obj},
                messages.WARNING,
            )
            return redirect(change_url)
        form_class = chosen.form_class or forms.Form
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                done = chosen.run(request, obj, form.cleaned_data)
            except PermissionDenied:
                self.message_user(request, _("You may not do this."), messages.ERROR)
                return redirect(change_url)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, done, messages.SUCCESS)
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": chosen.label,
            "subtitle": str(obj),
            "opts": self.opts,
            "original": obj,
            "change_url": change_url,
            "action": chosen,
            "form": form,
        }
        return TemplateResponse(request, "admin/object_action.html", context)


@dataclass(frozen=True)
class Attention:
    """Something on the front page that needs a coordinator: a count and where to act."""

    key: str
    model: str  # "app_label.modelname": shown to those who may view it
    label: Callable[[int], str]  # the sentence for a count, e.g. ngettext
    count: Callable[[], dict]  # one query: {"count": n} and, when known, "oldest"
    query: Callable[[], dict]  # the changelist's filter showing exactly those rows
    order: int = 100


attention_items: list[Attention] = []


def attention_register(item: Attention) -> None:
    """Add an item to the front page once (admin modules may be imported twice)."""
    if all(existing.key != item.key for existing in attention_items):
        attention_items.append(item)
        attention_items.sort(key=lambda i: i.order)


# The models grouped by what coordinators do with them; anything not named here (a new
# app's models) is listed under "Other", so nothing disappears by being forgotten.
MODEL_GROUPS = [
    (
        "members",
        _("Members and applications"),
        ["members.joinapplication", "members.user", "members.organisation",
         "members.membership", "account.emailaddress", "members.applicationevent",
         "members.notificationpreference", "mfa.authenticator", "auth.group"],
    ),
    ("library", _("Library"), ["library.resource", "library.collection", "library.source"]),
    (
        "discussions",
        _("Discussions and events"),
        ["discussions.report", "discussions.thread", "discussions.reply",
         "discussions.moderationaction", "discussions.subscription", "discussions.event",
         "discussions.registration", "discussions.actionitem"],
    ),
    (
        "pledge",
        _("Pledge and accountability"),
        ["pledges.pledgeversion", "pledges.signature", "pledges.commitment",
         "pledges.assessment", "pledges.peerreview", "feedback.feedbackround",
         "feedback.feedbackresponse"],
    ),
    (
        "plan",
        _("Action plan"),
        ["plan.proposal", "plan.support", "plan.proposalcomment", "plan.planperiod",
         "plan.planitem", "plan.champion"],
    ),
    (
        "communication",
        _("Communication and surveys"),
        ["notifications.newsletter", "notifications.outgoingemail",
         "notifications.notification", "members.survey", "members.question",
         "members.surveyresponse", "members.answer"],
    ),
    ("site", _("Site pages and records"), ["racop.topic", "racop.page", "racop.auditentry"]),
]  # fmt: skip

# Records the software keeps for itself: out of a coordinator's sight, superusers keep them.
PLUMBING = {
    "discussions.threadread",
    "discussions.postrevision",
    "discussions.inboundemail",
    "notifications.digestlog",
    "notifications.newsletterdelivery",
    "django_tasks_database.dbtaskresult",
    "sites.site",
    "taggit.tag",
    "taggit.taggeditem",
}


def second_factor_missing(user) -> bool:
    """Tell whether the back office must send this person to set up two-factor sign-in."""
    return (
        settings.STAFF_REQUIRE_2FA and user.is_active and user.is_staff and not is_mfa_enabled(user)
    )


class PasswordOnlyLoginForm(AdminAuthenticationForm):
    """The admin's login: a password alone, so only for accounts without a second factor."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if is_mfa_enabled(user):
            raise ValidationError(
                _(
                    "This account signs in with two-factor authentication: log in on the "
                    "site’s login page, then open the back office."
                ),
                code="second_factor",
            )


def _label(model_dict):
    return model_dict["model"]._meta.label_lower


class CommunityAdminSite(admin.AdminSite):
    index_template = "admin/community_index.html"
    login_form = PasswordOnlyLoginForm

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedDeletionsMixin):
            admin_class = type(admin_class.__name__, (AuditedDeletionsMixin, admin_class), {})
        if not issubclass(admin_class, FoldedSearchMixin):
            admin_class = type(admin_class.__name__, (FoldedSearchMixin, admin_class), {})
        return super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view, cacheable=False):
        """Send staff without a second factor to set one up (logging out stays open)."""
        checked = super().admin_view(view, cacheable)
        if view == self.logout:
            return checked

        def inner(request, *args, **kwargs):
            if second_factor_missing(request.user):
                messages.warning(
                    request,
                    _(
                        "The back office asks for two-factor authentication. Set up an "
                        "authenticator app or a security key, then open the back office again."
                    ),
                )
                return redirect("mfa_index")
            return checked(request, *args, **kwargs)

        return update_wrapper(inner, checked)

    def login(self, request, extra_context=None):
        return ratelimit("login")(super().login)(request, extra_context)

    def get_app_list(self, request, app_label=None):
        """Return the models by task; the plumbing only for superusers."""
        apps = super().get_app_list(request, app_label)
        if not request.user.is_superuser:
            for app in apps:
                app["models"] = [m for m in app["models"] if _label(m) not in PLUMBING]
            apps = [app for app in apps if app["models"]]
        if app_label is not None:
            return apps
        models = {_label(m): m for app in apps for m in app["models"]}
        index = reverse("admin:index", current_app=self.name)
        groups = []
        for slug, name, labels in [*MODEL_GROUPS, ("plumbing", _("Plumbing"), sorted(PLUMBING))]:
            members = [models.pop(label) for label in labels if label in models]
            if members:
                groups.append(_group(slug, name, members, index))
        if models:
            groups.append(_group("other", _("Other"), list(models.values()), index))
        return groups

    def attention(self, request):
        """Return what needs attention that this person may act on, each with its link."""
        rows = []
        for item in attention_items:
            app_label, model_name = item.model.split(".")
            model_admin = next(
                (
                    model_admin
                    for model, model_admin in self._registry.items()
                    if model._meta.label_lower == item.model
                ),
                None,
            )
            if model_admin is None or not model_admin.has_view_permission(request):
                continue
            try:
                url = reverse(f"admin:{app_label}_{model_name}_changelist", current_app=self.name)
            except NoReverseMatch:
                continue
            found = item.count()
            rows.append(
                {
                    "key": item.key,
                    "count": found["count"],
                    "text": item.label(found["count"]),
                    "oldest": found.get("oldest"),
                    "url": f"{url}?{urlencode(item.query())}",
                }
            )
        return rows

    def index(self, request, extra_context=None):
        extra_context = {
            "attention": self.attention(request),
            # One list per group, so each is its own section with an anchor to link to.
            "groups": [[group] for group in self.get_app_list(request)],
            **(extra_context or {}),
        }
        return super().index(request, extra_context)


def _group(slug, name, models, index):
    return {
        "name": name,
        "app_label": slugify(slug),
        "app_url": f"{index}#group-{slug}",
        "has_module_perms": True,
        "models": models,
    }
