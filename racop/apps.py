from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RacopConfig(AppConfig):
    name = "racop"
    verbose_name = _("Site")

    def ready(self):
        from racop.services import site_defaults_ensure

        # Connected without a sender, so it runs once every app's permissions exist.
        post_migrate.connect(site_defaults_ensure, dispatch_uid="racop.site_defaults")

        from members import data_export
        from racop.models import AuditEntry

        # A coordinator's own audit entries are part of their data.
        data_export.register(AuditEntry, user_fields=["actor"])


class CommunityAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the back office's own site."""

    default = False
    default_site = "racop.admin_site.CommunityAdminSite"
