"""Tell people things: in the portal, and by email queued in the database."""

import datetime
import logging
import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.tasks import task
from django.template.loader import render_to_string, select_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from members.models import NotificationPreference, User
from members.notifications.models import Notification, OutgoingEmail
from racop import i18n
from racop.services import message_id, site_domain

logger = logging.getLogger(__name__)

Kind = NotificationPreference.Kind
Delivery = NotificationPreference.Delivery
# Unsubscribe scopes beyond the notification kinds.
DIGEST = "digest"
UNSUBSCRIBE_SALT = "members.notifications.unsubscribe"
MAX_ATTEMPTS = 8
BACKOFF_CAP = datetime.timedelta(hours=6)


def absolute(url: str) -> str:
    """Return the url with the site's address in front, for emails."""
    return url if "://" in url else settings.SITE_URL + url


# href="/…" or src="/…" in sanitised HTML (nh3 writes attributes in double quotes), and
# Markdown's [text](/…) and [label]: /… in the plain text; never "//host/…".
RELATIVE_HTML_LINK = re.compile(r'(\s(?:href|src)=")(/(?!/)[^"]*)(?=")')
RELATIVE_MARKDOWN_LINK = re.compile(
    r"(\]\(\s*|^\s{0,3}\[[^\]]+\]:\s*)(/(?!/)[^)\s]*)", re.MULTILINE
)


def absolute_in(url: str, language: str) -> str:
    """Return a site-relative url as the absolute address of the page in language (/mk/…);
    uploaded and static files keep their path."""
    if url.startswith((settings.MEDIA_URL, settings.STATIC_URL)):
        return absolute(url)
    return absolute(i18n.url_translate(url, language))


def links_absolute(content: str, language: str) -> str:
    """Return HTML or Markdown with its site-relative links made absolute in language, so
    they work from a mail program."""
    for pattern in (RELATIVE_HTML_LINK, RELATIVE_MARKDOWN_LINK):
        content = pattern.sub(lambda match: match[1] + absolute_in(match[2], language), content)
    return content


def conversation_headers(key: str) -> dict[str, str]:
    """Return the headers that make mail programs show every email about one conversation
    (key, e.g. "thread-12") as one thread: they all answer the same stable message id."""
    anchor = f"<{key}@{site_domain()}>"
    return {"In-Reply-To": anchor, "References": anchor}


def language_of(user, default=None) -> str:
    """Return the language to write to the person in: their saved choice, else default (e.g.
    the language of their application), else the first working language the site speaks."""
    if getattr(user, "language", ""):
        return i18n.language_of(user)
    available = {code for code, _name in settings.LANGUAGES}
    for code in [default, *(getattr(user, "languages", None) or [])]:
        if code in available:
            return code
    return settings.LANGUAGE_CODE


def writing_language(user) -> str:
    """Return the language to write to the person in: their saved choice, else the language
    of their latest application to join, else language_of's fallbacks."""
    if getattr(user, "language", ""):
        return language_of(user)
    applied_in = (
        user.join_applications.order_by("-submitted_at", "-pk")
        .values_list("language", flat=True)
        .first()
    )
    return language_of(user, default=applied_in)


def deliveries_for(users, kind) -> dict[int, str]:
    """Return {user id: delivery} for one kind, defaults filled in."""
    chosen = dict(
        NotificationPreference.objects.filter(
            user__in=[u.pk for u in users], kind=kind
        ).values_list("user_id", "delivery")
    )
    default = NotificationPreference.default_for(kind)
    return {user.pk: chosen.get(user.pk, default) for user in users}


def unsubscribe_token(user, scope: str) -> str:
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(user, scope: str) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, scope)]))


def unsubscribe_read(token: str):
    """Return (user, scope) from a signed token, or None when it is forged or the user is gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    scope = data.get("s")
    if user is None or scope not in {*Kind.values, DIGEST}:
        return None
    return user, scope


@transaction.atomic
def unsubscribe(*, user, scope: str) -> None:
    """Stop the emails of one kind (or the digest) for the person."""
    if scope == DIGEST:
        user.digest_frequency = User.DigestFrequency.OFF
        user.save(update_fields=["digest_frequency"])
        return
    NotificationPreference.objects.update_or_create(
        user=user, kind=scope, defaults={"delivery": Delivery.NEVER}
    )


def scope_label(scope: str) -> str:
    return _("Digests") if scope == DIGEST else str(Kind(scope).label)


def render_email(*, user, template: str, context: dict, scope: str, reason: str):
    """Return (text, html, headers) with the site's name, the reason and an unsubscribe link,
    in the active language: the HTML part's lang and the Content-Language header say which."""
    unsubscribe = unsubscribe_url(user, scope) if user else ""
    language = translation.get_language() or settings.LANGUAGE_CODE
    full = {
        "LANGUAGE_CODE": language,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "recipient": user,
        "reason": reason,
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("notifications:notification_preferences")),
        **context,
    }
    body = render_to_string(template, full)
    html_template = select_template(
        [template.removesuffix(".txt") + ".html", "members/notifications/email/base.html"]
    )
    html = html_template.render(
        # The text is escaped first; linebreaks and urlize only add their own tags.
        {**full, "body_html": mark_safe(linebreaks(urlize(escape(body.strip()))))}  # nosec B308 B703
    )
    text = render_to_string("members/notifications/email/base.txt", {**full, "body": body})
    headers = {"Content-Language": language}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return text, html, headers


def email_person(*, user, subject, template: str, context, reason, language=None) -> None:
    """Queue a one-off email to a person, outside the notification kinds: plain text and
    HTML, the site's name, why they got it and an unsubscribe link, in their language.

    context may be a function without arguments, so addresses in it are built in the
    recipient's language (e.g. /mk/plan/…).
    """
    if not user.email:
        return
    with translation.override(language_of(user, default=language)):
        text, html, headers = render_email(
            user=user,
            template=template,
            context=context() if callable(context) else context,
            scope="",
            reason=str(reason),
        )
        email_queue(
            to=user.email,
            subject=f"[{settings.SITE_SHORT_NAME}] {subject}",
            text=text,
            html=html,
            headers=headers,
            user=user,
        )


def email_coordinators(*, subject, template, context, headers=None):
    """Queue an email to the coordinators' address, in the coordinators' language
    (COORDINATORS_LANGUAGE), whoever's action caused it.

    subject may be lazy or a function without arguments, and context a function, so both
    are made in that language, links included (/mk/admin/…).
    """
    with translation.override(settings.COORDINATORS_LANGUAGE):
        text, html, rendered = render_email(
            user=None,
            template=template,
            context=context() if callable(context) else context,
            scope="",
            reason=_("You receive this at the coordinators' address of the site."),
        )
        title = str(subject() if callable(subject) else subject)
        email_queue(
            to=settings.SITE_CONTACT_EMAIL,
            subject=f"[{settings.SITE_SHORT_NAME}] {title}",
            text=text,
            html=html,
            headers={**rendered, **(headers or {})},
        )


def one_line(text) -> str:
    """Return header text on one line: mail refuses a line break in a header, and an email
    whose subject held one (a thread's title, a person's name) would never leave the queue."""
    return " ".join(str(text).split())


def email_queue(
    *,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    headers: dict | None = None,
    user=None,
    kind: str = "",
    reply_to: str | None = None,
    attachments: Iterable[tuple[str, str, str]] = (),
) -> OutgoingEmail:
    """Store an email and send it from the task worker once the transaction commits; its
    Message-ID is made now, so a retry sends the same message."""
    email = OutgoingEmail.objects.create(
        to=to,
        subject=one_line(subject)[:300],
        text=text,
        html=html,
        headers={"Message-ID": message_id(), **(headers or {})},
        user=user,
        kind=kind,
        reply_to=reply_to or "",
        attachments=[
            {"filename": name, "content": content, "mimetype": mimetype}
            for name, content, mimetype in attachments
        ],
    )

    transaction.on_commit(lambda: _enqueue(deliver_email, email.pk))
    return email


def _enqueue(task, pk, *, run_after=None):
    """Hand the email to the task backend; if that fails, send_queued_emails picks it up."""
    try:
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return
            task = task.using(run_after=run_after)
        task.enqueue(pk)
    except Exception:
        logger.exception("Could not enqueue email %s; it stays queued.", pk)


def backoff(attempts: int) -> datetime.timedelta:
    """Return how long to wait after the given number of failed attempts."""
    return min(datetime.timedelta(minutes=2 ** (attempts - 1)), BACKOFF_CAP)


def email_deliver(pk: int) -> str:
    """Try to send one queued email; on failure keep it for a later attempt. Return its status."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            # Gone, already handled, or being sent by another worker right now.
            return email.status if email else "skipped"
        message = EmailMultiAlternatives(
            one_line(email.subject),
            email.text,
            settings.DEFAULT_FROM_EMAIL,
            [email.to],
            # Emails queued before they had one get a Message-ID on the site's domain too.
            headers={"Message-ID": message_id(), **email.headers},
            reply_to=[email.reply_to] if email.reply_to else None,
        )
        if email.html:
            message.attach_alternative(email.html, "text/html")
        for attachment in email.attachments:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        email.attempts += 1
        try:
            message.send()
        except Exception as error:
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
            else:
                email.next_attempt_at = timezone.now() + backoff(email.attempts)
            email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            logger.warning("Email %s failed (attempt %s): %s", pk, email.attempts, error)
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            email.save(update_fields=["attempts", "last_error", "status", "sent_at"])
    if email.status == OutgoingEmail.Status.QUEUED:
        _enqueue(deliver_email, pk, run_after=email.next_attempt_at)
    return email.status


@task
def deliver_email(pk: int) -> str:
    """Send one queued email, or schedule its next attempt (run by `manage.py db_worker`)."""
    return email_deliver(pk)


def emails_send_due() -> int:
    """Send every queued email whose time has come; return how many were tried."""
    pks = list(OutgoingEmail.objects.due().order_by("next_attempt_at").values_list("pk", flat=True))
    for pk in pks:
        email_deliver(pk)
    return len(pks)


def emails_retry(*, emails) -> int:
    """Queue failed or waiting emails again, now."""
    pks = list(emails.exclude(status=OutgoingEmail.Status.SENT).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=pks).update(
        status=OutgoingEmail.Status.QUEUED, next_attempt_at=timezone.now()
    )

    for pk in pks:
        transaction.on_commit(lambda pk=pk: _enqueue(deliver_email, pk))
    return len(pks)


@transaction.atomic
def notification_send(
    *,
    recipients: Iterable,
    kind: str,
    subject,
    template: str,
    context: dict,
    url: str = "",
    attachments: Iterable[tuple[str, str, str]] = (),
    reply_to: str | Callable | None = None,
    language: str | None = None,
    headers: dict | None = None,
) -> list[Notification]:
    """Tell each recipient once: a notification in the portal, and an email if they want it now.

    subject may be lazy or a function without arguments: it is rendered in each recipient's
    language. reply_to is an address or a function of the recipient returning one (or None).
    headers are added to each email (e.g. conversation_headers to thread them).
    """
    people = list({user.pk: user for user in recipients if user and user.is_active}.values())
    if not people:
        return []
    deliveries = deliveries_for(people, kind)
    attachments = tuple(attachments)
    created = []
    for user in people:
        delivery = deliveries[user.pk]
        if delivery == Delivery.NEVER:
            continue
        chosen = language_of(user, default=language)
        with translation.override(chosen):
            link = i18n.url_translate(url, chosen) if url.startswith("/") else url
            title = str(subject() if callable(subject) else subject)
            created.append(Notification(user=user, kind=kind, subject=title[:300], url=link))
            if delivery != Delivery.IMMEDIATELY or not user.email:
                continue
            text, html, rendered = render_email(
                user=user,
                template=template,
                context={"url": absolute(link) if link else "", **context},
                scope=kind,
                reason=_("You receive this because you chose to hear at once about: %(kind)s.")
                % {"kind": Kind(kind).label},
            )
            address = reply_to(user) if callable(reply_to) else reply_to
            email_queue(
                to=user.email,
                subject=f"[{settings.SITE_SHORT_NAME}] {title}",
                text=text,
                html=html,
                headers={**rendered, **(headers or {})},
                user=user,
                kind=kind,
                reply_to=address,
                attachments=attachments,
            )
    Notification.objects.bulk_create(created)
    User.objects.filter(pk__in=[n.user_id for n in created]).update(
        unread_notifications=F("unread_notifications") + 1
    )
    return created


def notification_open(*, notification) -> None:
    """Mark a notification read."""
    if notification.read_at is None:
        updated = Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        if updated:
            User.objects.filter(pk=notification.user_id).update(
                unread_notifications=Greatest(F("unread_notifications") - 1, 0)
            )


@transaction.atomic
def notifications_mark_all_read(*, user) -> None:
    """Mark all of the person's notifications read."""
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    User.objects.filter(pk=user.pk).update(unread_notifications=0)


def notification_preferences_set(*, user, deliveries, digest_frequency):
    """Store how the person wants to hear about each kind of activity."""
    with transaction.atomic():
        for kind, delivery in deliveries.items():
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )
        user.digest_frequency = digest_frequency
        user.save(update_fields=["digest_frequency"])
