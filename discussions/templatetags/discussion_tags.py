from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from racop.access import is_coordinator

register = template.Library()

REPLY_PLACEHOLDER = 987654321987654321


@register.simple_tag
def byline(post, user):
    """Name the author, unless they posted as a community member: only coordinators see who."""
    if not post.anonymous:
        return str(post.author)
    if is_coordinator(user):
        return _("A community member (%(name)s, shown to coordinators only)") % {
            "name": post.author
        }
    if user.is_authenticated and user.pk == post.author_id:
        return _("A community member (you)")
    return _("A community member")


@register.simple_tag
def post_url(name, thread, reply=None):
    """Return the address of an action on a thread or on one of its replies."""
    if reply is not None:
        name = name.replace("thread_", "reply_")
    # A page shows the same few actions for many replies: each address is built once per
    # thread and name, with a placeholder where the reply's number goes.
    urls = thread.__dict__.setdefault("_post_urls", {})
    url = urls.get(name)
    if url is None:
        kwargs = {"topic": thread.topic.slug, "pk": thread.pk, "slug": thread.slug}
        if reply is not None:
            kwargs["reply_id"] = REPLY_PLACEHOLDER
        url = urls[name] = reverse(f"discussions:{name}", kwargs=kwargs)
    if reply is None:
        return url
    # The reply's number is the last number in the address.
    start, _placeholder, end = url.rpartition(str(REPLY_PLACEHOLDER))
    return f"{start}{reply.pk}{end}"
