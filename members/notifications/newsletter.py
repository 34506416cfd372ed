"""Newsletters: each member of the audience gets one email, once, in their language."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.models import NotificationPreference, User
from members.notifications.models import Newsletter, NewsletterDelivery
from members.notifications.services import (
    email_queue,
    language_of,
    links_absolute,
    render_email,
)
from racop.markdown import render_markdown


def newsletter_recipients(newsletter: Newsletter):
    """Return the members of the newsletter's audience who did not turn newsletters off."""
    people = (
        User.objects.members()
        .exclude(email="")
        .exclude(
            notification_preferences__kind=NotificationPreference.Kind.NEWSLETTER,
            notification_preferences__delivery=NotificationPreference.Delivery.NEVER,
        )
    )
    audience = Newsletter.Audience
    if newsletter.audience == audience.COUNTRY:
        people = people.filter(country=newsletter.country.upper())
    elif newsletter.audience == audience.TOPIC:
        people = people.filter(topics=newsletter.topic_id)
    elif newsletter.audience == audience.TYPE:
        people = people.filter(memberships__organisation__kind=newsletter.organisation_kind)
    return people.distinct().order_by("pk")


def newsletter_render(newsletter: Newsletter, *, user, language: str):
    """Return (subject, text, html, headers) of the newsletter for one person, its links
    absolute and in the person's language (a Markdown link to /plan/ opens /mk/plan/)."""
    subject, body = newsletter.version_for(language)
    translated = language == newsletter.language or any(
        version.language == language for version in newsletter.translations.all()
    )
    body = links_absolute(body, language)
    with translation.override(language):
        text, html, headers = render_email(
            user=user,
            template="members/notifications/email/newsletter.txt",
            context={
                "body": body,
                "body_markdown": render_markdown(body),
                # The words of an untranslated newsletter are in its own language.
                "body_language": "" if translated else newsletter.language,
            },
            scope=NotificationPreference.Kind.NEWSLETTER,
            reason=_("You receive this newsletter as a member of %(site)s.")
            % {"site": settings.SITE_NAME},
        )
    return f"[{settings.SITE_SHORT_NAME}] {subject}", text, html, headers


def newsletter_preview(newsletter: Newsletter, *, user, language: str | None = None) -> str:
    """Return the HTML part as a person would see it."""
    return newsletter_render(newsletter, user=user, language=language or newsletter.language)[2]


def newsletter_send_test(newsletter: Newsletter, *, user) -> None:
    """Send the newsletter to the coordinator alone."""
    subject, text, html, headers = newsletter_render(
        newsletter, user=user, language=language_of(user)
    )
    email_queue(
        to=user.email,
        subject=_("[Test] ") + subject,
        text=text,
        html=html,
        headers=headers,
        user=user,
        kind=NotificationPreference.Kind.NEWSLETTER,
    )


def newsletter_send(*, newsletter: Newsletter, limit: int | None = None) -> int:
    """Queue the newsletter for everyone in the audience not yet reached; return how many.

    Each person is queued in its own transaction with a unique delivery row, so a send that
    stops half way can be run again and reaches each person exactly once.
    """
    if newsletter.sending_started_at is None:
        Newsletter.objects.filter(pk=newsletter.pk).update(sending_started_at=timezone.now())
    pending = newsletter_recipients(newsletter).exclude(
        newsletter_deliveries__newsletter=newsletter
    )
    newsletter = Newsletter.objects.prefetch_related("translations").get(pk=newsletter.pk)
    queued = 0
    for user in pending.iterator():
        if limit is not None and queued >= limit:
            return queued
        language = language_of(user)
        subject, text, html, headers = newsletter_render(newsletter, user=user, language=language)
        try:
            with transaction.atomic():
                delivery = NewsletterDelivery.objects.create(newsletter=newsletter, user=user)
                delivery.email = email_queue(
                    to=user.email,
                    subject=subject,
                    text=text,
                    html=html,
                    headers=headers,
                    user=user,
                    kind=NotificationPreference.Kind.NEWSLETTER,
                )
                delivery.save(update_fields=["email"])
        except IntegrityError:
            continue  # another run reached this person first
        queued += 1
    Newsletter.objects.filter(pk=newsletter.pk).update(sent_at=timezone.now())
    return queued
