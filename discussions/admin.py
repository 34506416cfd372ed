import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Min
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from discussions import services
from discussions.models import (
    ActionItem,
    Event,
    InboundEmail,
    ModerationAction,
    PostRevision,
    Registration,
    Reply,
    Report,
    Subscription,
    Thread,
    ThreadRead,
    validate_time_zone,
)
from racop.admin_site import (
    Attention,
    ObjectAction,
    ObjectActionsMixin,
    TranslatedFieldsAdmin,
    attention_register,
)
from racop.audit import audit_export
from racop.csv_export import csv_download
from racop.models import Topic


def _this_week():
    """Return today and the day a week later: "this week" is the coming seven days."""
    today = timezone.localdate()
    return today, today + datetime.timedelta(days=7)


attention_register(
    Attention(
        key="reports",
        model="discussions.report",
        label=lambda n: (
            ngettext("%(count)d open report", "%(count)d open reports", n) % {"count": n}
        ),
        count=lambda: Report.objects.open().aggregate(count=Count("pk"), oldest=Min("created_at")),
        query=lambda: {"status__exact": Report.Status.OPEN},
        order=30,
    )
)
attention_register(
    Attention(
        key="events",
        model="discussions.event",
        label=lambda n: (
            ngettext(
                "%(count)d event in the next seven days",
                "%(count)d events in the next seven days",
                n,
            )
            % {"count": n}
        ),
        count=lambda: Event.objects.filter(
            starts_at__date__gte=_this_week()[0], starts_at__date__lt=_this_week()[1]
        ).aggregate(count=Count("pk")),
        query=lambda: {
            "starts_at__date__gte": _this_week()[0].isoformat(),
            "starts_at__date__lt": _this_week()[1].isoformat(),
        },
        order=60,
    )
)


class RevisionInline(admin.TabularInline):
    model = PostRevision
    fields = ["created_at", "edited_by", "title", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class HideReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding"),
        max_length=300,
        help_text=_("Shown to coordinators; members see that the post was hidden."),
    )


def hide_with_reason(modeladmin, request, queryset, posts, initial=""):
    """Ask the coordinator for a reason, then hide the posts; return a page while asking."""
    form = HideReasonForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        count = 0
        for post, report in posts:
            if post.hidden_at is None:
                count += 1
            services.post_hide(
                post=post, by=request.user, reason=form.cleaned_data["reason"], report=report
            )
        modeladmin.message_user(
            request,
            ngettext("%(count)d post hidden.", "%(count)d posts hidden.", count) % {"count": count},
            messages.SUCCESS,
        )
        return None
    if not form.is_bound:
        form = HideReasonForm(initial={"reason": initial})
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Hide posts"),
        "form": form,
        "objects": queryset,
        "action": request.POST.get("action"),
        "opts": modeladmin.model._meta,
    }
    return TemplateResponse(request, "admin/discussions/hide_reason.html", context)


class HideShowActions:
    """Moderation actions shared by threads and replies; each calls a service."""

    @admin.action(description=_("Hide the selected posts from members"))
    def hide(self, request, queryset):
        return hide_with_reason(self, request, queryset, [(post, None) for post in queryset])

    @admin.action(description=_("Show the selected hidden posts again"))
    def restore(self, request, queryset):
        posts = list(queryset.filter(hidden_at__isnull=False))
        for post in posts:
            services.post_restore(post=post, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d post shown again.", "%(count)d posts shown again.", len(posts))
            % {"count": len(posts)},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False


@admin.register(Thread)
class ThreadAdmin(HideShowActions, admin.ModelAdmin):
    list_display = [
        "title", "topic", "kind", "author", "anonymous", "pinned", "locked", "hidden_at",
        "last_activity_at",
    ]  # fmt: skip
    list_filter = ["topic", "kind", "language", "pinned", "locked", "anonymous", "chatham_house"]
    search_fields = ["title", "body", "author__email", "author__last_name"]
    autocomplete_fields = ["topic"]
    raw_id_fields = ["answer"]
    # Flags change only through the recorded actions; the author is never reassigned.
    readonly_fields = [
        "author", "anonymous", "pinned", "locked", "created_at", "edited_at", "deleted_at",
        "hidden_at", "hidden_reason", "last_activity_at",
    ]  # fmt: skip
    inlines = [RevisionInline]
    actions = ["hide", "restore", "lock", "unlock", "pin", "unpin"]
    date_hierarchy = "last_activity_at"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic", "author")

    def save_model(self, request, obj, form, change):
        if change and "topic" in form.changed_data:
            new_topic = obj.topic
            obj.topic = Topic.objects.get(pk=form.initial["topic"])
            services.thread_move(thread=obj, topic=new_topic, by=request.user)
        super().save_model(request, obj, form, change)

    def _each(self, request, threads, change, message):
        """Apply change to each thread; say how many changed (those already so are skipped)."""
        threads = list(threads)
        for thread in threads:
            change(thread)
        self.message_user(
            request, message(len(threads)) % {"count": len(threads)}, messages.SUCCESS
        )

    @admin.action(description=_("Lock the selected threads"))
    def lock(self, request, queryset):
        self._each(
            request,
            queryset.filter(locked=False),
            lambda thread: services.thread_lock(thread=thread, by=request.user),
            lambda n: ngettext("%(count)d thread locked.", "%(count)d threads locked.", n),
        )

    @admin.action(description=_("Unlock the selected threads"))
    def unlock(self, request, queryset):
        self._each(
            request,
            queryset.filter(locked=True),
            lambda thread: services.thread_lock(thread=thread, by=request.user, locked=False),
            lambda n: ngettext("%(count)d thread unlocked.", "%(count)d threads unlocked.", n),
        )

    @admin.action(description=_("Pin the selected threads"))
    def pin(self, request, queryset):
        self._each(
            request,
            queryset.filter(pinned=False),
            lambda thread: services.thread_pin(thread=thread, by=request.user),
            lambda n: ngettext("%(count)d thread pinned.", "%(count)d threads pinned.", n),
        )

    @admin.action(description=_("Unpin the selected threads"))
    def unpin(self, request, queryset):
        self._each(
            request,
            queryset.filter(pinned=True),
            lambda thread: services.thread_pin(thread=thread, by=request.user, pinned=False),
            lambda n: ngettext("%(count)d thread unpinned.", "%(count)d threads unpinned.", n),
        )


@admin.register(Reply)
class ReplyAdmin(HideShowActions, admin.ModelAdmin):
    list_display = ["__str__", "thread", "author", "anonymous", "created_at", "hidden_at"]
    list_filter = ["language", "anonymous", "created_at"]
    search_fields = ["body", "thread__title", "author__email", "author__last_name"]
    autocomplete_fields = ["thread"]
    readonly_fields = [
        "author", "anonymous", "created_at", "edited_at", "deleted_at", "hidden_at",
        "hidden_reason",
    ]  # fmt: skip
    inlines = [RevisionInline]
    actions = ["hide", "restore"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("thread", "author")


def _hide_reported(request, report, data):
    services.post_hide(post=report.post, by=request.user, reason=data["reason"], report=report)
    return _("The post is hidden from members; the report is closed.")


def _dismiss(request, report, data):
    services.report_dismiss(report=report, by=request.user)
    return _("The report is dismissed; the post stays as it is.")


class ReportHideForm(HideReasonForm):
    """The reason for hiding a reported post, the report's own reason to start from."""


@admin.register(Report)
class ReportAdmin(ObjectActionsMixin, admin.ModelAdmin):
    """The moderation queue: open reports first; a report's page shows the post itself."""

    list_display = ["__str__", "status", "post_excerpt", "reason", "reporter", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["reason", "thread__title", "thread__body", "reply__body"]
    # A report is a record of what a member said about a post: nothing in it is edited.
    fields = ["reported_post", "post_link", "reason", "reporter", "created_at", "status",
              "resolved_by", "resolved_at"]  # fmt: skip
    readonly_fields = fields
    actions = ["hide_post", "lock_thread", "dismiss"]
    object_actions = [
        ObjectAction(
            "hide",
            _("Hide the post"),
            _hide_reported,
            lambda report: report.status == Report.Status.OPEN,
            ReportHideForm,
            _(
                "The post is hidden from members. Its text is kept, and the action is recorded "
                "with your name and reason."
            ),
            primary=True,
        ),
        ObjectAction(
            "dismiss",
            _("Dismiss the report"),
            _dismiss,
            lambda report: report.status == Report.Status.OPEN,
            explanation=_("The report is closed and the post stays as it is."),
        ),
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("reported post"))
    def reported_post(self, report):
        post = report.post
        title = format_html("<p><strong>{}</strong></p>", post.title) if report.thread_id else ""
        # An anonymous post stays anonymous here too.
        author = _("A community member") if post.anonymous else str(post.author)
        when = date_format(timezone.localtime(post.created_at), "DATETIME_FORMAT")
        return format_html(
            '{}<div class="reported-text">{}</div><p class="help">{} · {}</p>',
            title,
            post.body_rendered,
            author,
            when,
        )

    @admin.display(description=_("in its thread"))
    def post_link(self, report):
        post = report.reply or report.thread
        url, thread = post.get_absolute_url(), report.reply.thread if report.reply_id else post
        return format_html(
            '<a href="{}">{}</a>', url, _("See it in “%(thread)s”") % {"thread": thread.title}
        )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("thread__topic", "reply__thread__topic", "reporter", "resolved_by")
            .order_by("-status", "-created_at")
        )

    @admin.display(description=_("post"))
    def post_excerpt(self, report):
        return report.post.body[:120]

    @admin.action(description=_("Hide the reported posts"))
    def hide_post(self, request, queryset):
        reports = list(queryset)
        initial = reports[0].reason[:300] if len(reports) == 1 else ""
        return hide_with_reason(
            self, request, queryset, [(report.post, report) for report in reports], initial
        )

    @admin.action(description=_("Lock the threads of the reported posts"))
    def lock_thread(self, request, queryset):
        threads = {report.thread or report.reply.thread for report in queryset}
        threads = [thread for thread in threads if not thread.locked]
        for thread in threads:
            services.thread_lock(thread=thread, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d thread locked.", "%(count)d threads locked.", len(threads))
            % {"count": len(threads)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Dismiss the selected reports"))
    def dismiss(self, request, queryset):
        count = 0
        for report in queryset.open():
            services.report_dismiss(report=report, by=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d report dismissed.", "%(count)d reports dismissed.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "moderator", "thread", "reply", "reason"]
    list_filter = ["action", "created_at"]
    search_fields = ["reason", "thread__title", "moderator__email"]
    autocomplete_fields = ["thread", "reply", "report", "moderator"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("moderator", "thread", "reply")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PostRevision)
class PostRevisionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "edited_by", "thread", "reply", "title"]
    list_filter = ["created_at"]
    search_fields = ["title", "body", "edited_by__email"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("edited_by", "thread", "reply")


@admin.register(ThreadRead)
class ThreadReadAdmin(ReadOnlyAdmin):
    list_display = ["thread", "user", "last_read_at"]
    list_filter = ["last_read_at"]
    search_fields = ["thread__title", "user__email"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("thread", "user")


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "thread", "topic", "created_at"]
    list_filter = ["topic"]
    search_fields = ["user__email", "thread__title"]
    autocomplete_fields = ["user", "thread", "topic"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "thread", "topic")


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = ["user", "status", "attended", "created_at"]
    autocomplete_fields = ["user"]
    extra = 0


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    fields = ["text", "owner", "due_date", "status", "plan_item"]
    autocomplete_fields = ["owner", "plan_item"]
    extra = 1


@admin.register(Event)
class EventAdmin(TranslatedFieldsAdmin):
    list_display = ["title", "format", "starts_at", "time_zone", "city", "country", "visibility"]
    list_filter = ["format", "visibility", "country", "topics"]
    search_fields = ["title", "description", "city", "venue_name"]
    autocomplete_fields = ["topics", "organisers"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    inlines = [RegistrationInline, ActionItemInline]
    actions = ["export_participants"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "format", "visibility", "topics", "organisers"]}),
        (
            _("When"),
            {
                "fields": ["time_zone", "starts_at", "ends_at"],
                "description": _("Times are in the event's time zone."),
            },
        ),
        (
            _("Where"),
            {"fields": ["venue_name", "venue_address", "city", "country", "online_url"]},
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "languages",
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                ]
            },
        ),
        (_("Description"), {"fields": ["description"]}),
        (_("After the event"), {"fields": ["outcome_summary", "decisions"]}),
    ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Times are typed and shown in the event's own time zone, not the server's.
        zone = request.POST.get("time_zone") or (
            Event.objects.filter(pk=object_id).values_list("time_zone", flat=True).first()
            if object_id and object_id.isdigit()
            else None
        )
        try:
            validate_time_zone(zone)
        except ValidationError:
            zone = settings.TIME_ZONE
        with timezone.override(zone):
            return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Export the participants as CSV"))
    def export_participants(self, request, queryset):
        response, writer = csv_download("participants.csv")
        writer.writerow(
            [_("event"), _("name"), _("email"), _("organisations"), _("status"), _("attended")]
        )
        registrations = (
            Registration.objects.filter(event__in=queryset)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("event", "user")
            .prefetch_related("user__memberships__organisation")
            .order_by("event__starts_at", "status", "created_at")
        )
        for registration in registrations:
            organisations = "; ".join(
                m.organisation.name for m in registration.user.memberships.all()
            )
            writer.writerow(
                [
                    registration.event.title,
                    str(registration.user),
                    registration.user.email,
                    organisations,
                    registration.get_status_display(),
                    registration.attended,
                ]
            )
        audit_export(request=request, queryset=queryset, what="participants")
        return response


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "attended", "created_at"]
    list_filter = ["status", "attended", "event"]
    list_editable = ["attended"]
    search_fields = ["event__title", "user__email", "user__last_name"]
    autocomplete_fields = ["event", "user"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "user")


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["text", "event", "owner", "due_date", "status", "plan_item"]
    list_filter = ["status", "event"]
    list_editable = ["status"]
    search_fields = ["text", "event__title", "owner__email"]
    autocomplete_fields = ["event", "owner", "plan_item"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "owner", "plan_item")


@admin.register(InboundEmail)
class InboundEmailAdmin(admin.ModelAdmin):
    """What arrived at the reply addresses and what became of it; kept as a record."""

    list_display = [
        "received_at", "sender", "user", "thread", "outcome", "authenticated", "bounced"
    ]  # fmt: skip
    list_filter = ["outcome", "authenticated", "bounced"]
    search_fields = ["message_id", "sender", "user__email", "thread__title"]
    autocomplete_fields = ["user", "thread"]
    date_hierarchy = "received_at"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "thread")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
