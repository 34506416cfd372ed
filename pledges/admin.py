from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pledges import services
from pledges.models import (
    Answer,
    Assessment,
    Commitment,
    PeerReview,
    PledgeVersion,
    ReviewComment,
    Signature,
)
from racop.admin_site import TranslatedFieldsAdmin


@admin.register(PledgeVersion)
class PledgeVersionAdmin(TranslatedFieldsAdmin):
    list_display = ["number", "title", "published_at", "created_at"]
    list_filter = ["published_at"]
    search_fields = ["title", "text"]
    readonly_fields = ["published_at"]
    actions = ["publish"]

    @admin.action(description=_("Publish and invite signatories to renew"))
    def publish(self, request, queryset):
        for version in queryset.order_by("number"):
            try:
                invited = services.pledge_version_publish(version=version)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.WARNING)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "%(version)s published; %(count)d signatory invited to renew.",
                        "%(version)s published; %(count)d signatories invited to renew.",
                        invited,
                    )
                    % {"version": version, "count": invited},
                    messages.SUCCESS,
                )


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "user", "country", "version", "is_public",
                    "signed_at", "withdrawn_at"]  # fmt: skip
    list_filter = ["version", "is_public", "country", ("withdrawn_at", admin.EmptyFieldListFilter)]
    search_fields = ["organisation__name", "user__email", "user__first_name", "user__last_name",
                     "statement"]  # fmt: skip
    autocomplete_fields = ["organisation", "user", "signed_by"]
    readonly_fields = ["renewed_as"]
    date_hierarchy = "signed_at"
    actions = ["withdraw"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("version", "organisation", "user")

    @admin.action(description=_("Withdraw the selected signatures"))
    def withdraw(self, request, queryset):
        count = 0
        for signature in queryset.active().select_related("organisation"):
            services.signature_withdraw(signature=signature, user=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d signature withdrawn.", "%(count)d signatures withdrawn.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Commitment)
class CommitmentAdmin(TranslatedFieldsAdmin):
    list_display = ["number", "title", "cluster", "slug"]
    list_filter = ["cluster"]
    search_fields = ["title", "summary", "description"]
    prepopulated_fields = {"slug": ["title"]}


class AnswerInline(admin.StackedInline):
    model = Answer
    extra = 0
    can_delete = False
    fields = ["commitment", "level", "evidence", "evidence_links", "next_step",
              "next_step_owner", "next_step_due"]  # fmt: skip
    readonly_fields = ["commitment"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("commitment")


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "user", "year", "status", "visibility",
                    "submitted_at"]  # fmt: skip
    list_filter = ["year", "status", "visibility", "organisation__country"]
    search_fields = ["organisation__name", "user__email", "user__last_name"]
    autocomplete_fields = ["organisation", "user", "created_by"]
    inlines = [AnswerInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "user")


class ReviewCommentInline(admin.TabularInline):
    model = ReviewComment
    extra = 0
    fields = ["commitment", "comment", "response"]
    readonly_fields = ["commitment"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("commitment")


@admin.register(PeerReview)
class PeerReviewAdmin(admin.ModelAdmin):
    list_display = ["__str__", "reviewer", "created_at", "reviewer_done_at", "reviewed_done_at"]
    list_filter = [
        "assessment__year",
        ("reviewer_done_at", admin.EmptyFieldListFilter),
        ("reviewed_done_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["reviewer__name", "assessment__organisation__name"]
    autocomplete_fields = ["assessment", "reviewer", "requested_by"]
    inlines = [ReviewCommentInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("reviewer", "assessment__organisation", "assessment__user")
        )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # Pairing by a coordinator: the same workflow as a member's request (rows, email).
        created = services.peer_review_request(
            assessment=obj.assessment, reviewer=obj.reviewer, user=request.user
        )
        obj.pk, obj.created_at, obj.requested_by = created.pk, created.created_at, request.user
