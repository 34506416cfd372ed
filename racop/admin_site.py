"""The back office's site: its login is rate limited and every deletion is audited."""

from django.contrib import admin

from racop.ratelimit import ratelimit


class AuditedDeletionsMixin:
    """Record each deletion (from the delete page or the bulk action) in the audit log."""

    def log_deletions(self, request, queryset):
        from racop.audit import Action, audit_record

        for obj in queryset:
            audit_record(actor=request.user, action=Action.DELETE, target=obj)
        return super().log_deletions(request, queryset)


class CommunityAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedDeletionsMixin):
            admin_class = type(admin_class.__name__, (AuditedDeletionsMixin, admin_class), {})
        return super().register(model_or_iterable, admin_class, **options)

    def login(self, request, extra_context=None):
        return ratelimit("login")(super().login)(request, extra_context)
