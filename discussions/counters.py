"""Counters kept on rows so lists need not count: a thread's replies, a topic's threads.

Every change that can move a counter goes through a model save or delete (signals below)
or a service that calls these functions itself; each function recounts from the rows, so
a counter is right again after any call, whatever it was before.
"""

from django.db.models import Count, Max, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.db.models.signals import post_delete, post_save

# A reply members see: neither withdrawn by its author nor hidden by the coordinators.
VISIBLE_REPLY = Q(deleted_at__isnull=True, hidden_at__isnull=True)


def thread_reply_count_refresh(thread_id):
    """Recount the replies members see in the thread."""
    from discussions.models import Reply, Thread

    count = Reply.objects.filter(VISIBLE_REPLY, thread_id=thread_id).count()
    Thread.objects.filter(pk=thread_id).update(reply_count=count)


def topic_activity_refresh(*topic_ids):
    """Recount the threads of each topic and find when it was last active."""
    from discussions.models import Thread, TopicActivity

    topic_ids = {pk for pk in topic_ids if pk is not None}
    if not topic_ids:
        return
    visible = Q(hidden_at__isnull=True)
    rows = {
        row["topic_id"]: row
        for row in Thread.objects.filter(topic_id__in=topic_ids)
        .order_by()
        .values("topic_id")
        .annotate(
            thread_count=Count("pk", filter=visible),
            latest_activity_at=Max("last_activity_at", filter=visible),
            all_thread_count=Count("pk"),
            all_latest_activity_at=Max("last_activity_at"),
        )
    }
    empty = {
        "thread_count": 0,
        "latest_activity_at": None,
        "all_thread_count": 0,
        "all_latest_activity_at": None,
    }
    TopicActivity.objects.bulk_create(
        [
            TopicActivity(topic_id=pk, **{name: rows.get(pk, empty)[name] for name in empty})
            for pk in sorted(topic_ids)
        ],
        update_conflicts=True,
        unique_fields=["topic"],
        update_fields=list(empty),
    )


def topic_activity_touch(topic_id, when):
    """Move the topic's latest activity to when, if later: a reply in an open thread (which
    members see, since hidden threads take no replies). Cheaper than a recount."""
    from discussions.models import TopicActivity

    moved = TopicActivity.objects.filter(topic_id=topic_id).update(
        latest_activity_at=Greatest(Coalesce("latest_activity_at", Value(when)), Value(when)),
        all_latest_activity_at=Greatest(
            Coalesce("all_latest_activity_at", Value(when)), Value(when)
        ),
    )
    if not moved:
        topic_activity_refresh(topic_id)


def refresh_all():
    """Recount every thread's replies and every topic's threads (after a bulk load)."""
    from django.db import connection

    from racop.models import Topic

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE discussions_thread t SET reply_count = (SELECT count(*) FROM "
            "discussions_reply r WHERE r.thread_id = t.id AND r.deleted_at IS NULL "
            "AND r.hidden_at IS NULL)"
        )
    topic_activity_refresh(*Topic.objects.values_list("pk", flat=True))


# What each model's save can change, by the fields saved (None: every field).
THREAD_FIELDS = {"topic", "topic_id", "hidden_at", "last_activity_at"}
REPLY_FIELDS = {"deleted_at", "hidden_at"}


def _touches(update_fields, fields):
    return update_fields is None or bool(fields & set(update_fields))


def _thread_saved(sender, instance, created, update_fields, raw=False, **kwargs):
    if raw or not (created or _touches(update_fields, THREAD_FIELDS)):
        return
    topic_activity_refresh(instance.topic_id, getattr(instance, "_loaded_topic_id", None))
    instance._loaded_topic_id = instance.topic_id


def _thread_deleted(sender, instance, **kwargs):
    topic_activity_refresh(instance.topic_id)


def _reply_saved(sender, instance, created, update_fields, raw=False, **kwargs):
    if raw or not (created or _touches(update_fields, REPLY_FIELDS)):
        return
    thread_reply_count_refresh(instance.thread_id)


def _reply_deleted(sender, instance, **kwargs):
    thread_reply_count_refresh(instance.thread_id)


def connect_signals():
    from discussions.models import Reply, Thread

    uid = "discussions.counters"
    post_save.connect(_thread_saved, sender=Thread, dispatch_uid=uid + ":thread-save")
    post_delete.connect(_thread_deleted, sender=Thread, dispatch_uid=uid + ":thread-delete")
    post_save.connect(_reply_saved, sender=Reply, dispatch_uid=uid + ":reply-save")
    post_delete.connect(_reply_deleted, sender=Reply, dispatch_uid=uid + ":reply-delete")
