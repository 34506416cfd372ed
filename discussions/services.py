"""Workflows of the safe space and of convenings."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discussions import counters, notifications
from discussions.models import (
    Event,
    ModerationAction,
    PostRevision,
    Registration,
    Reply,
    Report,
    Subscription,
    Thread,
    ThreadRead,
    can_moderate,
    post_language_default,
)
from racop.audit import Action as AuditAction
from racop.audit import audit_record
from racop.slugs import slug_from


def _post_fields(post):
    """Return the keyword that points a revision, report or record at this post."""
    return {"thread": post} if isinstance(post, Thread) else {"reply": post}


@transaction.atomic
def thread_create(
    *, topic, author, kind, title, body, anonymous=False, chatham_house=False, language=None
) -> Thread:
    """Start a thread in a topic; its author follows it."""
    thread = Thread.objects.create(
        language=language or post_language_default(),
        topic=topic,
        author=author,
        kind=kind,
        title=title,
        slug=slug_from(title, max_length=200, fallback="thread"),
        body=body,
        anonymous=anonymous,
        chatham_house=chatham_house,
    )
    Subscription.objects.get_or_create(user=author, thread=thread)
    ThreadRead.objects.create(user=author, thread=thread, last_read_at=thread.last_activity_at)
    notifications.thread_created(thread)
    return thread


@transaction.atomic
def thread_reply(*, thread, author, body, anonymous=False, language=None) -> Reply:
    """Add a reply to an open thread and move the thread up; the author follows it."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if thread.locked or thread.hidden_at or thread.deleted_at:
        raise PermissionDenied(_("This thread is closed to new replies."))
    reply = Reply.objects.create(
        thread=thread,
        author=author,
        body=body,
        anonymous=anonymous,
        language=language or post_language_default(),
    )
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=reply.created_at)
    counters.topic_activity_touch(thread.topic_id, reply.created_at)
    Subscription.objects.get_or_create(user=author, thread=thread)
    ThreadRead.objects.update_or_create(
        user=author, thread=thread, defaults={"last_read_at": reply.created_at}
    )
    notifications.reply_posted(reply)
    return reply


def post_can_change(post, user) -> bool:
    """Return whether the user may edit or delete the post (its author, while it is shown)."""
    return post.author_id == user.pk and post.deleted_at is None and post.hidden_at is None


@transaction.atomic
def post_edit(*, post, by, body, title=None):
    """Change a post's text, keeping what it said before as a revision."""
    if not post_can_change(post, by):
        raise PermissionDenied(_("You can only edit your own posts."))
    PostRevision.objects.create(
        **_post_fields(post), title=getattr(post, "title", ""), body=post.body, edited_by=by
    )
    post.body = body
    post.edited_at = timezone.now()
    fields = ["body", "edited_at"]
    if title is not None:
        post.title = title
        fields.append("title")
    post.save(update_fields=fields)
    return post


@transaction.atomic
def post_delete(*, post, by):
    """Withdraw one's own post: it is replaced by a notice, its text kept for the record."""
    if not post_can_change(post, by):
        raise PermissionDenied(_("You can only delete your own posts."))
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
    return post


def thread_mark_answer(*, thread, reply, by):
    """Mark a reply as the answer to a question; only the asker may."""
    if thread.author_id != by.pk or thread.kind != Thread.Kind.QUESTION:
        raise PermissionDenied(_("Only the person who asked can mark the answer."))
    if reply.thread_id != thread.pk or reply.deleted_at or reply.hidden_at:
        raise ValidationError(_("This reply cannot be the answer."))
    thread.answer = None if thread.answer_id == reply.pk else reply
    thread.save(update_fields=["answer"])
    return thread


def thread_mark_read(*, thread, user):
    """Remember that the member has read the thread as it is now."""
    ThreadRead.objects.bulk_create(
        [ThreadRead(user=user, thread=thread, last_read_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "thread"],
        update_fields=["last_read_at"],
    )


def subscription_toggle(*, user, thread=None, topic=None) -> bool:
    """Follow a thread or topic, or stop following it; return whether the user follows it."""
    subscription = Subscription.objects.filter(user=user, thread=thread, topic=topic).first()
    if subscription:
        subscription.delete()
        return False
    Subscription.objects.create(user=user, thread=thread, topic=topic)
    return True


def post_report(*, post, reporter, reason) -> Report:
    """Report a post to the coordinators."""
    return Report.objects.create(**_post_fields(post), reporter=reporter, reason=reason)


AUDITED_MODERATION = {
    ModerationAction.Action.HIDE: AuditAction.HIDE,
    ModerationAction.Action.RESTORE: AuditAction.RESTORE,
    ModerationAction.Action.DISMISS: AuditAction.DISMISS,
    ModerationAction.Action.LOCK: AuditAction.LOCK,
    ModerationAction.Action.UNLOCK: AuditAction.UNLOCK,
    ModerationAction.Action.PIN: AuditAction.PIN,
    ModerationAction.Action.UNPIN: AuditAction.UNPIN,
    ModerationAction.Action.MOVE: AuditAction.MOVE,
}


def _record(action, *, by, thread=None, reply=None, report=None, reason=""):
    if action in AUDITED_MODERATION:
        target = reply or thread or report
        audit_record(actor=by, action=AUDITED_MODERATION[action], target=target, note=reason)
    return ModerationAction.objects.create(
        action=action, moderator=by, thread=thread, reply=reply, report=report, reason=reason
    )


@transaction.atomic
def post_hide(*, post, by, reason, report=None):
    """Hide a post from members, keeping it; close the reports about it."""
    post.hidden_at = timezone.now()
    post.hidden_reason = reason
    post.save(update_fields=["hidden_at", "hidden_reason"])
    post.reports.filter(status=Report.Status.OPEN).update(
        status=Report.Status.HIDDEN, resolved_by=by, resolved_at=timezone.now()
    )
    _record(ModerationAction.Action.HIDE, by=by, report=report, reason=reason, **_post_fields(post))
    return post


@transaction.atomic
def post_restore(*, post, by, reason=""):
    """Show a hidden post again."""
    post.hidden_at = None
    post.hidden_reason = ""
    post.save(update_fields=["hidden_at", "hidden_reason"])
    _record(ModerationAction.Action.RESTORE, by=by, reason=reason, **_post_fields(post))
    return post


@transaction.atomic
def report_dismiss(*, report, by):
    """Close a report without acting on the post."""
    report.status = Report.Status.DISMISSED
    report.resolved_by = by
    report.resolved_at = timezone.now()
    report.save(update_fields=["status", "resolved_by", "resolved_at"])
    _record(ModerationAction.Action.DISMISS, by=by, report=report, **_post_fields(report.post))
    return report


@transaction.atomic
def thread_lock(*, thread, by, locked=True, reason=""):
    """Close a thread to replies, or open it again."""
    thread.locked = locked
    thread.save(update_fields=["locked"])
    action = ModerationAction.Action.LOCK if locked else ModerationAction.Action.UNLOCK
    _record(action, by=by, thread=thread, reason=reason)
    return thread


@transaction.atomic
def thread_pin(*, thread, by, pinned=True, reason=""):
    """Keep a thread at the top of its topic, or stop."""
    thread.pinned = pinned
    thread.save(update_fields=["pinned"])
    action = ModerationAction.Action.PIN if pinned else ModerationAction.Action.UNPIN
    _record(action, by=by, thread=thread, reason=reason)
    return thread


@transaction.atomic
def thread_moderate(*, thread, by, action, reason, topic=None):
    """Apply a coordinator's action on a thread's page: hide, show, lock, pin or move it."""
    if not can_moderate(by):
        raise PermissionDenied
    if action == "hide":
        return post_hide(post=thread, by=by, reason=reason)
    if action == "show":
        return post_restore(post=thread, by=by, reason=reason)
    if action in ("lock", "unlock"):
        return thread_lock(thread=thread, by=by, locked=action == "lock", reason=reason)
    if action in ("pin", "unpin"):
        return thread_pin(thread=thread, by=by, pinned=action == "pin", reason=reason)
    if action == "move":
        return thread_move(thread=thread, topic=topic, by=by, reason=reason)
    raise ValueError(action)


@transaction.atomic
def thread_move(*, thread, topic, by, reason=""):
    """Move a thread to another topic."""
    reason = f"{thread.topic} → {topic}" + (f": {reason}" if reason else "")
    thread.topic = topic
    thread.save(update_fields=["topic"])
    _record(ModerationAction.Action.MOVE, by=by, thread=thread, reason=reason)
    return thread


# Convenings


@transaction.atomic
def event_outcome_record(*, event_form, action_items):
    """Save an event's outcome and its action items together."""
    event = event_form.save()
    action_items.save()
    return event


@transaction.atomic
def event_register(*, event, user) -> Registration:
    """Give the member a seat, or a place on the waiting list when the event is full.

    The event row is locked, so two people taking the last seat at once get one seat.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.registration_is_open():
        raise ValidationError(_("Registration for this event is closed."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration and registration.status != Registration.Status.CANCELLED:
        return registration
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    full = event.capacity is not None and taken >= event.capacity
    status = Registration.Status.WAITING if full else Registration.Status.REGISTERED
    if registration:
        registration.status = status
        registration.created_at = timezone.now()
        registration.save(update_fields=["status", "created_at", "updated_at"])
    else:
        registration = Registration.objects.create(event=event, user=user, status=status)
    if status == Registration.Status.REGISTERED:
        notifications.registration_confirmed(registration)
    return registration


@transaction.atomic
def event_cancel(*, event, user):
    """Give up a seat or a waiting place; return whom a freed seat went to, if anyone."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return None
    had_seat = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    if had_seat:
        waiting = (
            event.registrations.filter(status=Registration.Status.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if waiting:
            waiting.status = Registration.Status.REGISTERED
            waiting.save(update_fields=["status", "updated_at"])
            notifications.registration_promoted(waiting)
            return waiting
    return None
