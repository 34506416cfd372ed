"""The library's part of the members' digest (members.notifications.digest)."""

from library.models import Resource


def digest_resources(user, *, since, now, limit):
    """Return the resources published since, which the person may see; all of them are new."""
    resources = list(
        Resource.objects.published()
        .visible_to(user)
        .filter(published_at__gt=since)
        .order_by("-published_at")[:limit]
    )
    return {"resources": resources}, len(resources)
