from django.contrib import admin

from racop.admin_site import TranslatedFieldsAdmin
from racop.models import AuditEntry, Page, Topic


@admin.register(Topic)
class TopicAdmin(TranslatedFieldsAdmin):
    list_display = ["name", "slug", "ordering"]
    list_editable = ["ordering"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Page)
class PageAdmin(TranslatedFieldsAdmin):
    list_display = ["title", "slug", "updated_at"]
    list_filter = ["updated_at"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log: coordinators read it; nobody adds, changes or deletes entries."""

    list_display = ["created_at", "actor_name", "action", "content_type", "target", "note"]
    list_filter = ["action", "content_type", "created_at"]
    search_fields = ["actor_name", "target", "note", "object_id"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "created_at", "actor", "actor_name", "action", "content_type", "object_id", "target",
        "note",
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).for_admin()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
