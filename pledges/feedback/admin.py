"""Coordinators curate rounds; the answers themselves stay out of the back office.

Responses are listed with counts only: an organisation that did not share its results keeps
them to itself, and no screen here can tie an answer to a person.
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from pledges.feedback.models import FeedbackQuestion, FeedbackResponse, FeedbackRound


class FeedbackQuestionInline(admin.TabularInline):
    model = FeedbackQuestion
    fields = ["position", "kind", "standard", "texts", "options"]
    extra = 0


@admin.register(FeedbackRound)
class FeedbackRoundAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "opens_on",
        "closes_on",
        "response_count",
        "loop_closed_at",
        "share_with_coordinators",
    ]
    list_filter = [
        "opens_on",
        "share_with_coordinators",
        ("loop_closed_at", admin.EmptyFieldListFilter),
    ]
    search_fields = ["title", "audience", "organisation__name"]
    autocomplete_fields = ["organisation", "created_by"]
    readonly_fields = ["token", "created_at", "evidence_for"]
    inlines = [FeedbackQuestionInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("organisation")
            .annotate(response_total=Count("responses"))
        )

    @admin.display(description=_("responses"), ordering="response_total")
    def response_count(self, obj):
        return obj.response_total


@admin.register(FeedbackResponse)
class FeedbackResponseAdmin(admin.ModelAdmin):
    """Read-only counts per round and language; the answers are never shown here."""

    list_display = ["round", "language", "submitted_on"]
    list_filter = ["language", "submitted_on"]
    search_fields = ["round__title", "round__organisation__name"]
    autocomplete_fields = ["round"]
    fields = ["round", "language", "submitted_on"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("round__organisation")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
