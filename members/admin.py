from allauth.account.models import EmailAddress
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, Min, OuterRef, Prefetch
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter

from members import services
from members.forms import DecisionForm
from members.models import (
    Answer,
    ApplicationEvent,
    JoinApplication,
    Membership,
    NotificationPreference,
    Organisation,
    Question,
    Survey,
    SurveyResponse,
    User,
)
from racop.admin_site import (
    Attention,
    ObjectAction,
    ObjectActionsMixin,
    TranslatedFieldsAdmin,
    TranslatedFieldsStackedInline,
    attention_register,
)
from racop.audit import audit_export
from racop.csv_export import csv_response

attention_register(
    Attention(
        key="applications",
        model="members.joinapplication",
        label=lambda n: (
            ngettext(
                "%(count)d application waiting for a decision",
                "%(count)d applications waiting for a decision",
                n,
            )
            % {"count": n}
        ),
        count=lambda: JoinApplication.objects.filter(
            status=JoinApplication.Status.PENDING
        ).aggregate(count=Count("pk"), oldest=Min("submitted_at")),
        query=lambda: {"status__exact": JoinApplication.Status.PENDING},
        order=10,
    )
)


def dated_csv_response(name, header, rows):
    """Return rows as a CSV file download named after name and today."""
    return csv_response(f"{name}-{timezone.localdate():%Y-%m-%d}.csv", header, rows)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["email", "first_name", "last_name", "member_since", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_active", "member_since", "listing", ("country", CountryFilter),
                   "language", "groups"]  # fmt: skip
    search_fields = ["email", "first_name", "last_name", "username"]
    ordering = ["email"]
    inlines = [MembershipInline]
    autocomplete_fields = ["topics"]
    actions = ["export_csv"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Community"), {"fields": ["member_since", "anonymised_at"]}),
        (
            _("Profile"),
            {"fields": ["slug", "country", "bio", "photo", "languages", "topics", "listing"]},
        ),
        (_("Language of the site and emails"), {"fields": ["language"]}),
    ]

    @admin.action(description=_("Export selected people as CSV"))
    def export_csv(self, request, queryset):
        people = queryset.prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))
        ).order_by("last_name", "first_name")
        header = [_("first name"), _("last name"), _("email"), _("country"), _("member since"),
                  _("organisations"), _("working languages"), _("listed")]  # fmt: skip
        rows = (
            [
                person.first_name,
                person.last_name,
                person.email,
                person.country.code,
                person.member_since.isoformat() if person.member_since else "",
                "; ".join(
                    f"{m.organisation.name} ({m.get_role_display()})"
                    for m in person.memberships.all()
                ),
                " ".join(person.languages),
                person.get_listing_display(),
            ]
            for person in people
        )
        audit_export(request=request, queryset=queryset)
        return dated_csv_response("people", header, rows)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "category", "country", "city", "created_at"]
    list_filter = ["kind", "category", "size", ("country", CountryFilter)]
    search_fields = ["name", "city", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["topics"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "position", "created_at"]
    list_filter = ["role", "organisation__country"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_select_related = ["user", "organisation"]


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "actor", "message"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


def _decided(service):
    """Return an object action's run: the decision through its service, and what was done."""

    def run(request, application, data):
        service(application=application, by=request.user, message=data["message"])
        return _("%(application)s: %(status)s. The applicant was emailed.") % {
            "application": application,
            "status": application.get_status_display(),
        }

    return run


def _is_open(application):
    return application.status in (JoinApplication.Status.PENDING, JoinApplication.Status.NEEDS_INFO)


class OptionalMessage(DecisionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, message_required=False, **kwargs)


APPLICANT_TOLD = _(
    "The applicant receives your message by email, in the language they applied in, and it "
    "is recorded with the application."
)


@admin.register(JoinApplication)
class JoinApplicationAdmin(ObjectActionsMixin, admin.ModelAdmin):
    object_actions = [
        ObjectAction(
            "approve",
            _("Approve"),
            _decided(services.application_approve),
            _is_open,
            OptionalMessage,
            APPLICANT_TOLD,
            primary=True,
        ),
        ObjectAction(
            "request-info",
            _("Ask for more information"),
            _decided(services.application_request_info),
            lambda application: application.status == JoinApplication.Status.PENDING,
            DecisionForm,
            APPLICANT_TOLD,
        ),
        ObjectAction(
            "decline",
            _("Decline"),
            _decided(services.application_decline),
            _is_open,
            DecisionForm,
            APPLICANT_TOLD,
        ),
    ]
    # Status first and few columns, so the list fits a laptop's screen beside the navigation
    # and the filters; how they join and their relation to the network are filters.
    list_display = ["user", "status", "organisation_label", "country", "email_verified",
                    "submitted_on"]  # fmt: skip
    list_filter = ["status", "applicant_kind", "affiliation", ("country", CountryFilter),
                   "submitted_at"]  # fmt: skip
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation_name",
                     "existing_organisation__name", "motivation"]  # fmt: skip
    autocomplete_fields = ["user", "existing_organisation", "topics"]
    readonly_fields = ["status", "submitted_at", "decided_at", "decided_by", "consented_at"]
    date_hierarchy = "submitted_at"
    inlines = [ApplicationEventInline]
    actions = ["approve", "request_info", "decline", "export_csv"]

    def get_queryset(self, request):
        verified = EmailAddress.objects.filter(user=OuterRef("user"), verified=True)
        return super().get_queryset(request).for_admin().annotate(email_verified=Exists(verified))

    @admin.display(description=_("email confirmed"), boolean=True, ordering="email_verified")
    def email_verified(self, application):
        return application.email_verified

    @admin.display(description=_("submitted"), ordering="submitted_at")
    def submitted_on(self, application):
        return date_format(timezone.localtime(application.submitted_at), "DATE_FORMAT")

    @admin.display(description=_("organisation"), ordering="organisation_name")
    def organisation_label(self, application):
        return application.organisation_label

    def _decide(self, request, queryset, *, service, title, message_required):
        """Ask for the message to the applicants, then apply the decision to each."""
        queryset = queryset.open()
        if not queryset:
            self.message_user(
                request, _("Only pending applications can be decided on."), messages.WARNING
            )
            return None
        form = DecisionForm(
            request.POST if "apply" in request.POST else None, message_required=message_required
        )
        if form.is_valid():
            for application in queryset:
                try:
                    service(application=application, by=request.user,
                            message=form.cleaned_data["message"])  # fmt: skip
                except PermissionDenied:
                    self.message_user(request, _("You may not decide on this."), messages.ERROR)
                    return None
            count = len(queryset)
            self.message_user(
                request,
                ngettext(
                    "%(count)d application decided; the applicant was emailed.",
                    "%(count)d applications decided; the applicants were emailed.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "applications": queryset,
            "form": form,
            "action": request.POST.get("action"),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/members/joinapplication/decision.html", context)

    @admin.action(description=_("Approve selected applications"))
    def approve(self, request, queryset):
        return self._decide(request, queryset, service=services.application_approve,
                            title=_("Approve applications"), message_required=False)  # fmt: skip

    @admin.action(description=_("Ask for more information"))
    def request_info(self, request, queryset):
        return self._decide(request, queryset, service=services.application_request_info,
                            title=_("Ask for more information"), message_required=True)  # fmt: skip

    @admin.action(description=_("Decline selected applications"))
    def decline(self, request, queryset):
        return self._decide(request, queryset, service=services.application_decline,
                            title=_("Decline applications"), message_required=True)  # fmt: skip

    @admin.action(description=_("Export selected applications as CSV"))
    def export_csv(self, request, queryset):
        header = [_("submitted"), _("status"), _("first name"), _("last name"), _("email"),
                  _("joining as"), _("organisation"), _("country"), _("website"),
                  _("relation to the coordinating network"), _("motivation"),
                  _("working languages"), _("topics")]  # fmt: skip
        rows = (
            [
                a.submitted_at.isoformat(),
                a.get_status_display(),
                a.user.first_name,
                a.user.last_name,
                a.user.email,
                a.get_applicant_kind_display(),
                a.organisation_label,
                a.country.code,
                a.website,
                a.get_affiliation_display(),
                a.motivation,
                " ".join(a.languages),
                "; ".join(topic.name for topic in a.topics.all()),
            ]
            for a in queryset.prefetch_related("topics").order_by("submitted_at")
        )
        audit_export(request=request, queryset=queryset)
        return dated_csv_response("applications", header, rows)


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(admin.ModelAdmin):
    list_display = ["application", "action", "actor", "created_at"]
    list_filter = ["action", "created_at"]
    search_fields = ["application__user__email", "actor__email", "message"]
    autocomplete_fields = ["application", "actor"]
    list_select_related = ["application__user", "actor"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]


class QuestionInline(TranslatedFieldsStackedInline):
    model = Question
    extra = 1
    fields = ["ordering", "text", "help_text", "kind", "options", "required"]


@admin.register(Survey)
class SurveyAdmin(TranslatedFieldsAdmin):
    list_display = ["title", "audience", "opens_at", "closes_at", "results_published",
                    "results_link"]  # fmt: skip
    list_filter = ["audience", "results_published", "opens_at"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [QuestionInline]
    actions = ["export_csv"]

    @admin.display(description=_("results"))
    def results_link(self, survey):
        url = reverse("members:survey_results", args=[survey.slug])
        return format_html('<a href="{}">{}</a>', url, _("See the results"))

    @admin.action(description=_("Export answers of selected surveys as CSV"))
    def export_csv(self, request, queryset):
        answers = (
            Answer.objects.filter(
                response__survey__in=queryset, response__submitted_at__isnull=False
            )
            .select_related("response__survey", "response__user", "question")
            .order_by("response__survey", "response__pk", "question__ordering", "question__pk")
        )
        header = [_("survey"), _("response"), _("submitted"), _("question"), _("answer")]
        rows = (
            [
                answer.response.survey.title,
                answer.response.pk,
                answer.response.submitted_at.isoformat(),
                answer.question.text,
                "; ".join(answer.value) if isinstance(answer.value, list) else answer.value,
            ]
            for answer in answers
        )
        audit_export(request=request, queryset=queryset)
        return dated_csv_response("survey-answers", header, rows)


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "value"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")


@admin.register(SurveyResponse)
class SurveyResponseAdmin(admin.ModelAdmin):
    list_display = ["survey", "user", "submitted_at", "updated_at"]
    list_filter = ["survey", "submitted_at"]
    search_fields = ["survey__title", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["survey", "user"]
    list_select_related = ["survey", "user"]
    inlines = [AnswerInline]


@admin.register(Question)
class QuestionAdmin(TranslatedFieldsAdmin):
    list_display = ["text", "survey", "kind", "required", "ordering"]
    list_filter = ["kind", "required", "survey"]
    search_fields = ["text", "survey__title"]
    autocomplete_fields = ["survey"]
    list_select_related = ["survey"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "response", "value"]
    list_filter = ["question__survey", "question__kind"]
    search_fields = ["question__text", "response__user__email"]
    autocomplete_fields = ["question", "response"]
    list_select_related = ["question", "response__survey", "response__user"]
