from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library import services
from library.models import Resource


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to each person who suggested one of them"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=2000,
    )


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "type",
        "status",
        "visibility",
        "featured",
        "scope",
        "year",
        "added_by",
        "published_at",
        "created_at",
    ]
    list_filter = [
        "status",
        "type",
        "visibility",
        "featured",
        "scope",
        "topics",
        "year",
        "created_at",
    ]
    list_select_related = ["added_by"]
    search_fields = ["title", "slug", "summary", "publisher", "url", "added_by__email"]
    autocomplete_fields = ["topics", "added_by"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "updated_at"]
    actions = ["publish", "reject", "archive", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "type", "summary", "body", "url", "file"]}),
        (
            _("Description"),
            {"fields": ["publisher", "year", "languages", "scope", "countries", "commitments"]},
        ),
        (_("Classification"), {"fields": ["topics", "tags"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "visibility",
                    "featured",
                    "review_note",
                    "added_by",
                    "published_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "countries":
            kwargs["widget"] = forms.SelectMultiple(attrs={"size": 10})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("added_by")

    def save_model(self, request, obj, form, change):
        publishing = "status" in form.changed_data and obj.status == Resource.Status.PUBLISHED
        if publishing and change:
            # Publish through the service so the member who suggested it hears about it.
            obj.status = form.initial["status"]
            super().save_model(request, obj, form, change)
            services.resource_publish(resource=obj)
            return
        if obj.status == Resource.Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        if obj.added_by is None:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected resources"))
    def publish(self, request, queryset):
        for resource in queryset.select_related("added_by"):
            services.resource_publish(resource=resource)
        self.message_user(
            request,
            ngettext("%d resource published.", "%d resources published.", len(queryset))
            % len(queryset),
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline the selected suggestions, with a reason"))
    def reject(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for resource in queryset.select_related("added_by"):
                services.resource_reject(resource=resource, reason=form.cleaned_data["reason"])
            self.message_user(
                request,
                ngettext("%d suggestion declined.", "%d suggestions declined.", len(queryset))
                % len(queryset),
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Decline suggestions"),
            "opts": self.model._meta,
            "resources": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/library/resource/reject.html", context)

    @admin.action(description=_("Archive the selected resources"))
    def archive(self, request, queryset):
        count = services.resources_archive(resources=queryset)
        self.message_user(request, _("%(count)d archived.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Feature the selected resources"))
    def feature(self, request, queryset):
        count = services.resources_feature(resources=queryset, featured=True)
        self.message_user(request, _("%(count)d featured.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Stop featuring the selected resources"))
    def unfeature(self, request, queryset):
        count = services.resources_feature(resources=queryset, featured=False)
        self.message_user(
            request, _("%(count)d no longer featured.") % {"count": count}, messages.SUCCESS
        )
