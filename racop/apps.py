from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RacopConfig(AppConfig):
    name = "racop"
    verbose_name = _("Site")

    def ready(self):
        from racop import pagecache
        from racop.services import site_defaults_ensure

        pagecache.connect_signals()

        # Connected without a sender, so it runs once every app's permissions exist.
        post_migrate.connect(site_defaults_ensure, dispatch_uid="racop.site_defaults")
