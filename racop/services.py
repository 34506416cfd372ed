from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site

COORDINATORS_GROUP = "Coordinators"
# The apps whose data coordinators curate in the admin.
COORDINATED_APPS = [
    "racop", "members", "pledges", "library", "discussions", "taggit", "account", "sites",
]  # fmt: skip


def coordinators_grant_permissions(sender=None, **kwargs):
    """Give the Coordinators group every permission on the community's own data."""
    group = Group.objects.filter(name=COORDINATORS_GROUP).first()
    if group is None:
        return
    permissions = Permission.objects.filter(content_type__app_label__in=COORDINATED_APPS)
    group.permissions.add(*permissions)


def site_sync(sender=None, **kwargs):
    """Name the sites-framework record after the configured community (used in emails)."""
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"name": settings.SITE_NAME, "domain": urlparse(settings.SITE_URL).netloc},
    )
