from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RacopConfig(AppConfig):
    name = "racop"
    verbose_name = _("Site")

    def ready(self):
        # django-allauth's account modules import each other in a circle that resolves only
        # from this entry point; runserver imports the URLs in two threads at once, and the
        # thread that starts from allauth.account.stages fails. Import it here, once.
        import allauth.account.internal.flows  # noqa: F401
        from allauth.account.signals import user_signed_up
        from django.contrib.auth.signals import user_logged_in
        from django.db.models import fields

        from racop import cache as shared_cache
        from racop.i18n import languages_register, on_login, on_signup
        from racop.services import site_defaults_ensure

        languages_register()
        # Selects open on words in every language: Django's "- Select an option -" has no
        # Albanian, Bosnian, Croatian or Macedonian translation (Django invites this).
        fields.BLANK_CHOICE_LABEL = _("Choose an option")
        user_logged_in.connect(on_login, dispatch_uid="racop.language_on_login")
        user_signed_up.connect(on_signup, dispatch_uid="racop.language_on_signup")
        shared_cache.connect()
        from racop import search

        search.register(search.pages_provider)

        # Connected without a sender, so it runs once every app's permissions exist.
        post_migrate.connect(site_defaults_ensure, dispatch_uid="racop.site_defaults")


class CommunityAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the back office's own site."""

    default = False
    default_site = "racop.admin_site.CommunityAdminSite"
