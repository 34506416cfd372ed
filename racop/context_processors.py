from django.conf import settings


def site(request):
    """Expose the community's configured identity to every template."""
    return {
        "community": {
            "name": settings.SITE_NAME,
            "short_name": settings.SITE_SHORT_NAME,
            "operator": settings.SITE_OPERATOR,
            "operator_url": settings.SITE_OPERATOR_URL,
            "contact_email": settings.SITE_CONTACT_EMAIL,
        }
    }
