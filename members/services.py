"""Workflows of the members app: applications and their review, accounts."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from members import notify
from members.models import (
    ApplicationEvent,
    JoinApplication,
    Membership,
    NotificationPreference,
    Organisation,
    User,
)
from racop.access import is_coordinator
from racop.audit import Action as AuditAction
from racop.audit import audit_record

APPLICATION_SUBJECTS = {
    ApplicationEvent.Action.SUBMITTED: gettext_lazy("We received your application"),
    ApplicationEvent.Action.APPROVED: gettext_lazy("Welcome: your application was approved"),
    ApplicationEvent.Action.NEEDS_INFO: gettext_lazy("Your application: more information needed"),
    ApplicationEvent.Action.DECLINED: gettext_lazy("Your application was not approved"),
}


def _notify_applicant(application, *, action, message=""):
    notify.notification_send(
        recipients=[application.user],
        kind=NotificationPreference.Kind.APPLICATION,
        subject=APPLICATION_SUBJECTS[action],
        template="members/email/application_decision.txt",
        context={
            "application": application,
            "action": action,
            "message": message,
            # Lazy, so the link is built in the recipient's language (/mk/join/status/).
            "status_url": format_lazy(
                "{}{}", settings.SITE_URL, reverse_lazy("members:application_status")
            ),
        },
        url=reverse("members:application_status"),
        language=application.language,
    )


def can_review(user, application):
    """Return whether user may decide on the application."""
    if not user.is_authenticated:
        return False
    if is_coordinator(user):
        return True
    organisation = application.existing_organisation
    return organisation is not None and organisation.is_represented_by(user)


@transaction.atomic
def application_submit(*, user, application, topics):
    """Record a new application by user and tell the coordinators."""
    application.user = user
    application.consented_at = timezone.now()
    application.language = translation.get_language() or settings.LANGUAGE_CODE
    application.save()
    application.topics.set(topics)
    ApplicationEvent.objects.create(
        application=application, actor=user, action=ApplicationEvent.Action.SUBMITTED
    )
    _notify_applicant(application, action=ApplicationEvent.Action.SUBMITTED)
    notify.email_coordinators(
        subject=gettext_lazy("New application to join"),
        template="members/email/application_submitted.txt",
        # Built in the coordinators' language, the back office's address too (/mk/admin/…).
        context=lambda: {
            "application": application,
            "admin_url": settings.SITE_URL
            + reverse("admin:members_joinapplication_change", args=[application.pk]),
        },
    )
    return application


@transaction.atomic
def application_update(*, application, by, topics):
    """Save the applicant's changes; an answer to a question puts it back in the queue."""
    if not application.is_editable:
        raise PermissionDenied
    application.status = JoinApplication.Status.PENDING
    application.save()
    application.topics.set(topics)
    ApplicationEvent.objects.create(
        application=application, actor=by, action=ApplicationEvent.Action.EDITED
    )
    return application


AUDITED_DECISIONS = {
    ApplicationEvent.Action.APPROVED: AuditAction.APPROVE,
    ApplicationEvent.Action.NEEDS_INFO: AuditAction.REQUEST_INFO,
    ApplicationEvent.Action.DECLINED: AuditAction.DECLINE,
}


def _decide(application, *, by, status, action, message):
    if not can_review(by, application):
        raise PermissionDenied
    application.status = status
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
    ApplicationEvent.objects.create(
        application=application, actor=by, action=action, message=message
    )
    audit_record(actor=by, action=AUDITED_DECISIONS[action], target=application, note=message)
    _notify_applicant(application, action=action, message=message)


@transaction.atomic
def application_approve(*, application, by, message=""):
    """Approve: the person becomes a member, of a new or an existing organisation."""
    if not can_review(by, application):
        raise PermissionDenied
    JoinApplication.objects.select_for_update().filter(pk=application.pk).first()
    application.refresh_from_db()
    if application.status == JoinApplication.Status.APPROVED:
        return application
    user = application.user
    user.make_member()
    if application.existing_organisation_id:
        Membership.objects.get_or_create(
            user=user,
            organisation=application.existing_organisation,
            defaults={"role": Membership.Role.STAFF, "position": application.position},
        )
    elif application.is_for_organisation:
        organisation = Organisation.objects.create(
            name=application.organisation_name,
            kind=application.applicant_kind,
            country=application.country,
            city=application.city,
            website=application.website,
            category=application.category,
            size=application.size,
            languages=application.languages,
        )
        organisation.topics.set(application.topics.all())
        Membership.objects.create(
            user=user,
            organisation=organisation,
            role=Membership.Role.REPRESENTATIVE,
            position=application.position,
        )
    if not user.country:
        user.country = application.country
    if not user.languages:
        user.languages = application.languages
    user.save(update_fields=["country", "languages"])
    if not user.topics.exists():
        user.topics.set(application.topics.all())
    _decide(
        application,
        by=by,
        status=JoinApplication.Status.APPROVED,
        action=ApplicationEvent.Action.APPROVED,
        message=message,
    )
    return application


@transaction.atomic
def application_request_info(*, application, by, message):
    """Ask the applicant for more information; they can edit the application again."""
    _decide(
        application,
        by=by,
        status=JoinApplication.Status.NEEDS_INFO,
        action=ApplicationEvent.Action.NEEDS_INFO,
        message=message,
    )
    return application


@transaction.atomic
def application_decline(*, application, by, message=""):
    """Decline the application, with the reason the applicant will read."""
    _decide(
        application,
        by=by,
        status=JoinApplication.Status.DECLINED,
        action=ApplicationEvent.Action.DECLINED,
        message=message,
    )
    return application


@transaction.atomic
def account_anonymise(*, user):
    """Remove the person's personal data; what they wrote stays, as a former member's."""
    if user.photo:
        user.photo.delete(save=False)
    user.first_name = user.last_name = user.email = user.bio = ""
    user.country = ""
    user.languages = []
    user.username = user.slug = f"former-member-{user.pk}"
    user.listing = User.Listing.MEMBERS
    user.is_active = user.is_staff = user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.topics.clear()
    EmailAddress.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    user.notifications.all().delete()
    user.memberships.all().delete()
    user.join_applications.all().delete()
    user.groups.clear()
    return user
