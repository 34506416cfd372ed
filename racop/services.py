from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site
from django.core.mail.message import make_msgid

COORDINATORS_GROUP = "Coordinators"
# The apps whose data coordinators curate in the admin.
COORDINATED_APPS = [
    "racop", "members", "notifications", "pledges", "feedback", "library", "discussions", "plan",
    "taggit", "account", "sites",
]  # fmt: skip
# Static pages every community has; coordinators write them in the admin.
STATIC_PAGES = {
    "about": "About the community",
    "concept-note": "Concept note",
    "code-of-conduct": "Code of conduct",
    "privacy": "Privacy notice",
}


def site_domain() -> str:
    """Return the host name of the site's address (SITE_URL), e.g. for message ids."""
    return (urlparse(settings.SITE_URL).hostname or "localhost").lower()


def message_id() -> str:
    """Return a new email Message-ID on the site's domain, not the server's host name."""
    return make_msgid(domain=site_domain())


def site_defaults_ensure(sender=None, **kwargs):
    """Make sure the site record, static pages and Coordinators group exist (after migrate).

    Runs after every migrate and flush, so a new or emptied database is never without them.
    """
    from racop.models import Page

    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"name": settings.SITE_NAME, "domain": urlparse(settings.SITE_URL).netloc},
    )
    for slug, title in STATIC_PAGES.items():
        Page.objects.get_or_create(slug=slug, defaults={"title": title})
    group, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=COORDINATED_APPS))
