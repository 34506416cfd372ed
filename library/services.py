from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from library.models import Resource


def resource_unique_slug(title: str) -> str:
    """Return a slug for the title that no resource uses yet."""
    base = slugify(title, allow_unicode=False)[:200] or "resource"
    taken = set(Resource.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _email(*, to: str, subject: str, template: str, context: dict) -> None:
    """Send an email once the transaction commits."""
    body = render_to_string(template, {"site_url": settings.SITE_URL, **context})
    transaction.on_commit(
        partial(send_mail, f"[{settings.SITE_SHORT_NAME}] {subject}", body, None, [to])
    )


@transaction.atomic
def resource_suggest(*, user, form) -> Resource:
    """Save a member's suggestion for review and tell the coordinators."""
    resource = form.save(commit=False)
    resource.slug = resource_unique_slug(resource.title)
    resource.status = Resource.Status.IN_REVIEW
    resource.added_by = user
    resource.save()
    form.save_m2m()
    resource.tags.set(form.cleaned_data["tags"])
    _email(
        to=settings.SITE_CONTACT_EMAIL,
        subject=_("A resource was suggested: %(title)s") % {"title": resource.title},
        template="library/email/suggestion_received.txt",
        context={"resource": resource, "user": user},
    )
    return resource


@transaction.atomic
def resource_publish(*, resource: Resource) -> None:
    """Publish a resource; tell the member who suggested it."""
    was_suggestion = resource.status == Resource.Status.IN_REVIEW
    resource.publish()
    if was_suggestion and resource.added_by and resource.added_by.email:
        _email(
            to=resource.added_by.email,
            subject=_("Your suggestion is in the library"),
            template="library/email/suggestion_published.txt",
            context={"resource": resource},
        )


@transaction.atomic
def resource_reject(*, resource: Resource, reason: str) -> None:
    """Decline a suggestion with a reason the member who suggested it receives."""
    resource.status = Resource.Status.REJECTED
    resource.review_note = reason
    resource.save(update_fields=["status", "review_note", "updated_at"])
    if resource.added_by and resource.added_by.email:
        _email(
            to=resource.added_by.email,
            subject=_("About your suggestion: %(title)s") % {"title": resource.title},
            template="library/email/suggestion_rejected.txt",
            context={"resource": resource},
        )


def resources_archive(*, resources) -> int:
    """Archive resources; return how many."""
    return resources.update(status=Resource.Status.ARCHIVED)


def resources_feature(*, resources, featured: bool) -> int:
    """Feature resources on the home page, or stop; return how many."""
    return resources.update(featured=featured)
