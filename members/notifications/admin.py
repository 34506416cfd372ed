from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members.models import NotificationPreference
from members.notifications import services
from members.notifications.models import (
    DigestLog,
    Newsletter,
    NewsletterDelivery,
    NewsletterTranslation,
    Notification,
    OutgoingEmail,
)
from members.notifications.newsletter import (
    newsletter_preview,
    newsletter_recipients,
    newsletter_send_test,
)
from members.notifications.tasks import send_newsletter
from racop.admin_site import Attention, attention_register

attention_register(
    Attention(
        key="emails",
        model="notifications.outgoingemail",
        label=lambda n: (
            ngettext("%(count)d email failing to send", "%(count)d emails failing to send", n)
            % {"count": n}
        ),
        # Failed for good, or failed at least once and waiting for its next attempt.
        count=lambda: OutgoingEmail.objects.filter(sent_at__isnull=True, attempts__gte=1).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        ),
        query=lambda: {"sent_at__isnull": "True", "attempts__gte": "1"},
        order=50,
    )
)


# A notification's kind is one of the preferences' kinds: shown by its name, not its code.
KIND_NAMES = dict(NotificationPreference.Kind.choices)


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return NotificationPreference.Kind.choices

    def queryset(self, request, queryset):
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "kind_name", "created_at", "read_at"]
    list_filter = [KindFilter, "created_at", "read_at"]
    search_fields = ["subject", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]

    @admin.display(description=_("kind"), ordering="kind")
    def kind_name(self, notification):
        return KIND_NAMES.get(notification.kind, notification.kind)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["subject", "to", "kind", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["to", "subject", "last_error"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]
    readonly_fields = ["attempts", "last_error", "sent_at", "created_at"]
    actions = ["retry"]

    @admin.action(description=_("Send again now"))
    def retry(self, request, queryset):
        count = services.emails_retry(emails=queryset)
        self.message_user(
            request,
            ngettext("%(count)d email queued again.", "%(count)d emails queued again.", count)
            % {"count": count},
        )


@admin.register(DigestLog)
class DigestLogAdmin(admin.ModelAdmin):
    list_display = ["user", "sent_at", "items"]
    list_filter = ["sent_at"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]


class NewsletterTranslationInline(admin.StackedInline):
    model = NewsletterTranslation
    extra = 0


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["subject", "audience", "created_at", "sent_at", "delivered", "preview_link"]
    list_filter = ["audience", "sent_at", "created_at"]
    search_fields = ["subject", "body"]
    autocomplete_fields = ["topic", "created_by"]
    readonly_fields = ["created_by", "sending_started_at", "sent_at"]
    inlines = [NewsletterTranslationInline]
    actions = ["send_test", "send_to_audience"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(delivery_count=Count("deliveries"))

    @admin.display(description=_("delivered to"))
    def delivered(self, newsletter):
        return newsletter.delivery_count

    @admin.display(description=_("preview"))
    def preview_link(self, newsletter):
        url = reverse("admin:notifications_newsletter_preview", args=[newsletter.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    def save_model(self, request, obj, form, change):
        if not obj.created_by_id:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview),
                name="notifications_newsletter_preview",
            ),
            *super().get_urls(),
        ]

    def preview(self, request, pk):
        newsletter = get_object_or_404(Newsletter.objects.prefetch_related("translations"), pk=pk)
        if not self.has_view_permission(request, newsletter):
            raise PermissionDenied
        language = request.GET.get("language") or newsletter.language
        context = {
            **self.admin_site.each_context(request),
            "title": _("Preview: %(subject)s") % {"subject": newsletter.subject},
            "newsletter": newsletter,
            "html": newsletter_preview(newsletter, user=request.user, language=language),
            "recipients": newsletter_recipients(newsletter).count(),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/notifications/newsletter_preview.html", context)

    @admin.action(description=_("Send a test to myself"))
    def send_test(self, request, queryset):
        for newsletter in queryset.prefetch_related("translations"):
            newsletter_send_test(newsletter, user=request.user)
        self.message_user(
            request, _("The test was queued to %(email)s.") % {"email": request.user.email}
        )

    @admin.action(description=_("Send to its audience (each member once)"))
    def send_to_audience(self, request, queryset):
        for newsletter in queryset:
            send_newsletter.enqueue(newsletter.pk)
        self.message_user(
            request,
            _("Sending started; members already reached are skipped."),
            messages.SUCCESS,
        )


@admin.register(NewsletterDelivery)
class NewsletterDeliveryAdmin(admin.ModelAdmin):
    list_display = ["newsletter", "user", "created_at", "email"]
    list_filter = ["newsletter", "created_at"]
    search_fields = ["user__email", "newsletter__subject"]
    autocomplete_fields = ["newsletter", "user", "email"]
    list_select_related = ["newsletter", "user", "email"]
