"""The back office of the action plan: triage, the plan's items and champions."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from discussions.plan import services
from discussions.plan.models import (
    Champion,
    PlanItem,
    PlanPeriod,
    Proposal,
    ProposalComment,
    Support,
)
from racop.admin_site import TranslatedFieldsAdmin


class SupportInline(admin.TabularInline):
    model = Support
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]
    extra = 0
    can_delete = False


class CommentInline(admin.TabularInline):
    model = ProposalComment
    fields = ["author", "body", "created_at"]
    autocomplete_fields = ["author"]
    extra = 0


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "proposer", "status", "support_count", "created_at"]
    list_filter = ["status", "kind", "topics"]
    search_fields = ["title", "description", "proposer__email", "proposer__last_name"]
    autocomplete_fields = ["proposer", "topics", "commitments", "merged_into"]
    readonly_fields = ["status", "merged_into", "decided_by", "decided_at"]
    date_hierarchy = "created_at"
    inlines = [SupportInline, CommentInline]
    actions = ["accept", "decline"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("proposer")
            .annotate(support_count=Count("supports"))
        )

    @admin.display(description=_("supporters"), ordering="support_count")
    def support_count(self, obj):
        return obj.support_count

    def _each(self, request, queryset, decide, done):
        count = 0
        for proposal in queryset:
            try:
                decide(proposal)
                count += 1
            except ValidationError as error:
                self.message_user(request, f"{proposal}: {error.messages[0]}", messages.ERROR)
        if count:
            self.message_user(request, done(count), messages.SUCCESS)

    @admin.action(description=_("Accept into the current plan (the proposers are told)"))
    def accept(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda p: services.proposal_accept(proposal=p, by=request.user),
            lambda n: ngettext("%d proposal accepted.", "%d proposals accepted.", n) % n,
        )

    @admin.action(description=_("Decline as outside this plan's scope (the proposers are told)"))
    def decline(self, request, queryset):
        self._each(
            request,
            queryset,
            lambda p: services.proposal_decline(
                proposal=p, by=request.user, note=str(_("It falls outside this plan's scope."))
            ),
            lambda n: ngettext("%d proposal declined.", "%d proposals declined.", n) % n,
        )


@admin.register(Support)
class SupportAdmin(admin.ModelAdmin):
    list_display = ["proposal", "user", "created_at"]
    search_fields = ["proposal__title", "user__email"]
    autocomplete_fields = ["proposal", "user"]
    list_filter = ["proposal__status"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposal", "user")


@admin.register(ProposalComment)
class ProposalCommentAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at"]
    search_fields = ["body", "proposal__title", "author__email"]
    autocomplete_fields = ["proposal", "author"]
    list_filter = ["created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposal", "author")


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    fields = ["title", "status", "starts_on", "ends_on", "owner_user", "owner_organisation"]
    autocomplete_fields = ["owner_user", "owner_organisation"]
    show_change_link = True
    extra = 0


@admin.register(PlanPeriod)
class PlanPeriodAdmin(TranslatedFieldsAdmin):
    list_display = ["name", "starts_on", "ends_on", "summary_is_public"]
    list_filter = ["summary_is_public"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PlanItemInline]


@admin.register(PlanItem)
class PlanItemAdmin(TranslatedFieldsAdmin):
    list_display = ["title", "period", "status", "starts_on", "ends_on", "owner_user"]
    list_filter = ["period", "status", "topics"]
    list_editable = ["status"]
    search_fields = ["title", "description"]
    autocomplete_fields = [
        "period",
        "proposal",
        "topics",
        "owner_user",
        "owner_organisation",
        "events",
        "resources",
        "threads",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("period", "owner_user")


@admin.register(Champion)
class ChampionAdmin(admin.ModelAdmin):
    list_display = ["user", "topic", "commitment", "status", "nominated_by", "created_at"]
    list_filter = ["status", "topic", "commitment"]
    search_fields = ["user__email", "user__last_name", "reason"]
    autocomplete_fields = ["user", "topic", "commitment", "nominated_by"]
    readonly_fields = ["decided_by"]
    actions = ["confirm", "turn_down"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("user", "topic", "commitment", "nominated_by")
        )

    @admin.action(description=_("Confirm the selected champions"))
    def confirm(self, request, queryset):
        champions = list(queryset.exclude(status=Champion.Status.CONFIRMED))
        for champion in champions:
            services.champion_decide(champion=champion, by=request.user, confirm=True)
        self.message_user(
            request,
            ngettext("%(count)d champion confirmed.", "%(count)d champions confirmed.",
                     len(champions)) % {"count": len(champions)},
            messages.SUCCESS,
        )  # fmt: skip

    @admin.action(description=_("Do not confirm the selected nominations"))
    def turn_down(self, request, queryset):
        champions = list(queryset.exclude(status=Champion.Status.DECLINED))
        for champion in champions:
            services.champion_decide(champion=champion, by=request.user, confirm=False)
        self.message_user(
            request,
            ngettext("%(count)d nomination turned down.", "%(count)d nominations turned down.",
                     len(champions)) % {"count": len(champions)},
            messages.SUCCESS,
        )  # fmt: skip
