"""What the safe space and convenings tell members, through members.notifications.

Mentions: writing @ followed by a member's profile address name (their slug, e.g.
@ana-petrovic) in a thread or reply notifies that member.
"""

import datetime
import re

from django.conf import settings
from django.template.defaultfilters import truncatewords_html
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from discussions.calendar import calendar_for
from discussions.models import ActionItem, Event, Registration, Subscription
from discussions.reply_tokens import reply_address
from members.models import NotificationPreference, User
from members.notifications.models import Notification
from members.notifications.services import (
    conversation_headers,
    links_absolute,
    notification_send,
)
from racop import i18n
from racop.markdown import html_plain_text

Kind = NotificationPreference.Kind
MENTION = re.compile(r"(?<![\w@])@([a-z0-9][a-z0-9-]*[a-z0-9])", re.IGNORECASE)


def _reply_address(user, thread):
    """Return the member's own reply address for this thread, or None when reply by email
    is off (discussions.inbound)."""
    return reply_address(user, thread)


def mentioned_members(text: str, *, exclude=()) -> list:
    """Return the active members named as @slug in the text."""
    slugs = {slug.lower() for slug in MENTION.findall(text)}
    if not slugs:
        return []
    return list(User.objects.members().filter(slug__in=slugs).exclude(pk__in=exclude))


def _author_name(post):
    return _("A member") if post.anonymous else str(post.author)


def _words(text: str, count: int) -> str:
    """Return the first count words of text, its line breaks kept."""
    words = list(re.finditer(r"\S+", text))
    return text if len(words) <= count else text[: words[count - 1].end()] + " …"


def _post_parts(post, *, words: int) -> dict:
    """Return the post as its emails show it: the HTML rendered when it was saved and a
    readable plain text, links absolute in the recipient's language, at most words long.
    Templates call the functions when they render, inside each recipient's language."""

    def html():
        return links_absolute(post.body_html, translation.get_language())

    return {
        # The post is written in its own language, whatever the email's.
        "post_language": "" if post.language == "other" else post.language,
        # Sanitised by render_markdown when the post was saved.
        "post_html": lambda: mark_safe(truncatewords_html(html(), words)),  # nosec B308 B703
        "post_text": lambda: _words(html_plain_text(html()), words),
    }


def _thread_headers(thread) -> dict:
    """Return the headers that thread every email about one discussion in mail programs."""
    return conversation_headers(f"thread-{thread.pk}")


def _event_headers(event) -> dict:
    return conversation_headers(f"event-{event.pk}")


def _mention(post, thread, *, exclude):
    people = mentioned_members(post.body, exclude=exclude)
    notification_send(
        recipients=people,
        kind=Kind.MENTION,
        subject=lambda: _("You were mentioned in “%(title)s”") % {"title": thread.title},
        template="discussions/emails/mention.txt",
        context={
            "post": post,
            "thread": thread,
            "author": _author_name(post),
            **_post_parts(post, words=120),
        },
        url=thread.get_absolute_url(),
        reply_to=lambda user: _reply_address(user, thread),
        headers=_thread_headers(thread),
    )
    return {user.pk for user in people}


def thread_created(thread) -> None:
    """Tell topic followers about a new thread, and the members it mentions."""
    mentioned = _mention(thread, thread, exclude=[thread.author_id])
    followers = User.objects.filter(
        pk__in=Subscription.objects.filter(topic=thread.topic_id).values("user"),
        is_active=True,
    ).exclude(pk__in=[thread.author_id, *mentioned])
    notification_send(
        recipients=followers,
        kind=Kind.NEW_THREAD,
        subject=lambda: (
            _("New thread in %(topic)s: %(title)s") % {"topic": thread.topic, "title": thread.title}
        ),
        template="discussions/emails/new_thread.txt",
        context={
            "thread": thread,
            "author": _author_name(thread),
            **_post_parts(thread, words=120),
        },
        url=thread.get_absolute_url(),
        reply_to=lambda user: _reply_address(user, thread),
        headers=_thread_headers(thread),
    )


def reply_posted(reply) -> None:
    """Tell the thread's followers about a reply (once each), and the members it mentions."""
    thread = reply.thread
    mentioned = _mention(reply, thread, exclude=[reply.author_id])
    followers = User.objects.filter(
        pk__in=Subscription.objects.filter(thread=thread).values("user"), is_active=True
    ).exclude(pk__in=[reply.author_id, *mentioned])
    notification_send(
        recipients=followers,
        kind=Kind.REPLY,
        subject=lambda: _("New reply in “%(title)s”") % {"title": thread.title},
        template="discussions/emails/reply.txt",
        context={
            "reply": reply,
            "thread": thread,
            "author": _author_name(reply),
            **_post_parts(reply, words=200),
        },
        url=thread.get_absolute_url() + f"#reply-{reply.pk}",
        reply_to=lambda user: _reply_address(user, thread),
        headers=_thread_headers(thread),
    )


class _SiteRequest:
    """Enough of a request for calendar_for, outside a request."""

    def get_host(self):
        return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]

    def build_absolute_uri(self, path):
        return settings.SITE_URL + path


def event_ics(event) -> tuple[str, str, str]:
    """Return the event as an .ics attachment (filename, content, type)."""
    content = calendar_for([event], _SiteRequest()).to_ical().decode()
    return (f"{event.slug}.ics", content, "text/calendar")


def registration_confirmed(registration) -> None:
    """Confirm a seat, with the event for the member's calendar."""
    event = registration.event
    notification_send(
        recipients=[registration.user],
        kind=Kind.REGISTRATION,
        subject=lambda: _("You are registered: %(event)s") % {"event": event.title},
        template="discussions/emails/registration.txt",
        context={"event": event, "promoted": False},
        url=event.get_absolute_url(),
        attachments=[event_ics(event)],
        headers=_event_headers(event),
    )


def registration_promoted(registration) -> None:
    """Tell a member on the waiting list that a seat is now theirs."""
    event = registration.event
    notification_send(
        recipients=[registration.user],
        kind=Kind.WAITLIST,
        subject=lambda: _("A seat is yours: %(event)s") % {"event": event.title},
        template="discussions/emails/registration.txt",
        context={"event": event, "promoted": True},
        url=event.get_absolute_url(),
        attachments=[event_ics(event)],
        headers=_event_headers(event),
    )


def _in_every_language(url: str) -> list[str]:
    """Return the page's address in each of the site's languages."""
    return [i18n.url_translate(url, code) for code, _name in settings.LANGUAGES]


def reminders_send(*, now=None) -> int:
    """Remind registered members of events starting tomorrow and owners of items due tomorrow.

    Run once a day (manage.py send_reminders); return how many reminders were made.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    count = 0
    events = Event.objects.filter(starts_at__date=tomorrow).prefetch_related("registrations")
    for event in events:
        people = User.objects.filter(
            pk__in=event.registrations.filter(status=Registration.Status.REGISTERED).values("user")
        ).exclude(  # already reminded: the command may run twice a day
            pk__in=Notification.objects.filter(
                kind=Kind.EVENT_REMINDER,
                # Each notification links to the event in its reader's language (/mk/events/…).
                url__in=_in_every_language(event.get_absolute_url()),
                created_at__gte=now - datetime.timedelta(hours=20),
            ).values("user")
        )
        count += len(
            notification_send(
                recipients=people,
                kind=Kind.EVENT_REMINDER,
                subject=lambda event=event: _("Tomorrow: %(event)s") % {"event": event.title},
                template="discussions/emails/reminder.txt",
                context={"event": event},
                url=event.get_absolute_url(),
                attachments=[event_ics(event)],
                headers=_event_headers(event),
            )
        )
    items = (
        ActionItem.objects.filter(due_date=tomorrow, owner__isnull=False)
        .exclude(status=ActionItem.Status.DONE)
        .select_related("owner", "event")
    )
    for item in items:
        if Notification.objects.filter(
            user=item.owner,
            kind=Kind.ACTION_DUE,
            subject__contains=item.text,
            created_at__gte=now - datetime.timedelta(hours=20),
        ).exists():
            continue
        count += len(
            notification_send(
                recipients=[item.owner],
                kind=Kind.ACTION_DUE,
                subject=lambda item=item: _("Due tomorrow: %(item)s") % {"item": item.text},
                template="discussions/emails/action_due.txt",
                context={"item": item, "event": item.event},
                url=item.event.get_absolute_url(),
                headers=_event_headers(item.event),
            )
        )
    return count
