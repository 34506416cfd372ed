from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from allauth.account.models import EmailAddress
        from allauth.account.signals import email_added
        from django.contrib.admin.models import LogEntry

        from members import data_export, site_search
        from racop import search as racop_search

        racop_search.register(site_search.people_provider)
        racop_search.register(site_search.organisations_provider)
        from members.adapters import email_added_tell_owner
        from members.models import (
            Answer,
            ApplicationEvent,
            JoinApplication,
            Membership,
            NotificationPreference,
            SurveyResponse,
        )
        from racop.models import AuditEntry

        data_export.register(EmailAddress)
        data_export.register(LogEntry)
        data_export.register(Membership)
        data_export.register(NotificationPreference)
        data_export.register(JoinApplication, user_fields=("user", "decided_by"))
        data_export.register(ApplicationEvent, user_fields=("actor",))
        data_export.register(SurveyResponse)
        # Answers point to the person through their response.
        data_export.register(Answer, user_fields=("response__user",))
        # A coordinator's own audit entries are part of their data (racop sits below members).
        data_export.register(AuditEntry, user_fields=["actor"])
        # Second factors: which kinds and when used, never their secrets.
        from allauth.mfa.models import Authenticator

        data_export.register(Authenticator, exclude=("data",))
        from members import home
        from racop import sections

        sections.register(
            sections.next_step_sources,
            sections.StepSource(name="members.surveys", steps=home.member_steps, order=30),
        )
        email_added.connect(email_added_tell_owner, dispatch_uid="members.email_added")
