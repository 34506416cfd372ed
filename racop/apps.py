from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RacopConfig(AppConfig):
    name = "racop"
    verbose_name = _("Site")

    def ready(self):
        from racop.services import coordinators_grant_permissions, site_sync

        post_migrate.connect(coordinators_grant_permissions, dispatch_uid="racop.coordinators")
        post_migrate.connect(site_sync, dispatch_uid="racop.site")
