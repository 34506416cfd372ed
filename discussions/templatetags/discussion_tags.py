from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def byline(post, user):
    """Name the author, unless they posted as a community member: only coordinators see who."""
    if not post.anonymous:
        return str(post.author)
    if user.is_authenticated and user.is_staff:
        return _("A community member (%(name)s, shown to coordinators only)") % {
            "name": post.author
        }
    if user.is_authenticated and user.pk == post.author_id:
        return _("A community member (you)")
    return _("A community member")


@register.simple_tag
def post_url(name, thread, reply=None):
    """Return the address of an action on a thread or on one of its replies."""
    kwargs = {"topic": thread.topic.slug, "pk": thread.pk, "slug": thread.slug}
    if reply is not None:
        kwargs["reply_id"] = reply.pk
        name = name.replace("thread_", "reply_")
    return reverse(f"discussions:{name}", kwargs=kwargs)
