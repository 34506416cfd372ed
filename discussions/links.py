"""Which library resources a thread links to, kept in step with its posts.

A resource page lists the threads that discuss it. Looking for its address in every post
would read the whole forum; instead each thread keeps the resources its post and visible
replies link to (Thread.linked_resources), recomputed whenever one of them changes.
"""

import re

from django.db.models.signals import post_delete, post_save

# A resource's address, with or without a language prefix or a host in front.
RESOURCE_LINK = re.compile(r"/library/([-a-zA-Z0-9_]+)/")


def linked_slugs(*bodies):
    return {slug for body in bodies for slug in RESOURCE_LINK.findall(body or "")}


def update_resource_links(thread):
    """Set the resources that the thread's post and visible replies link to."""
    from library.models import Resource

    replies = thread.replies.filter(deleted_at=None, hidden_at=None).values_list("body", flat=True)
    body = "" if thread.deleted_at else thread.body
    slugs = linked_slugs(body, *replies)
    ids = (
        list(Resource.objects.filter(slug__in=slugs).values_list("pk", flat=True)) if slugs else []
    )
    thread.linked_resources.set(ids)


def _thread_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Activity times and counters change often; only the post's own text matters here.
    if raw or (update_fields is not None and not {"body", "deleted_at"} & set(update_fields)):
        return
    update_resource_links(instance)


def _reply_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    fields = {"body", "deleted_at", "hidden_at"}
    if update_fields is not None and not fields & set(update_fields):
        return
    from discussions.models import Thread

    thread = Thread.objects.filter(pk=instance.thread_id).first()
    if thread is not None:
        update_resource_links(thread)


def connect_signals():
    from discussions.models import Reply, Thread

    post_save.connect(_thread_saved, sender=Thread, dispatch_uid="discussions.links.thread")
    post_save.connect(_reply_changed, sender=Reply, dispatch_uid="discussions.links.reply")
    post_delete.connect(_reply_changed, sender=Reply, dispatch_uid="discussions.links.reply_del")
