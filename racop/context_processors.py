from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, reverse
from django.utils import translation

# The addresses the header and footer link to, by name (and arguments); an app that is
# not installed simply has no link.
LINKS = {
    "home": ("home", ()),
    "search": ("search", ()),
    "library": ("library:resource_list", ()),
    "discussions": ("discussions:topic_list", ()),
    "events": ("discussions:event_list", ()),
    "plan": ("plan:plan", ()),
    "pledge": ("pledges:pledge_detail", ()),
    "members": ("members:directory", ()),
    "about": ("page_detail", ("about",)),
    "concept_note": ("page_detail", ("concept-note",)),
    "code_of_conduct": ("page_detail", ("code-of-conduct",)),
    "privacy": ("page_detail", ("privacy",)),
    "feeds": ("feed_list", ()),
    "login": ("account_login", ()),
    "logout": ("account_logout", ()),
    "join": ("members:join", ()),
    "me": ("members:me", ()),
    "notifications": ("notifications:me_notifications", ()),
    "emails": ("account_email", ()),
    "password": ("account_change_password", ()),
    "two_factor": ("mfa_index", ()),
    "admin": ("admin:index", ()),
    "pulse": ("plan:pulse", ()),
    "set_language": ("set_language", ()),
}


@lru_cache(maxsize=32)
def site_links(language):
    """Return the header's and footer's addresses in one language, worked out once."""
    links = {}
    with translation.override(language):
        for key, (name, args) in LINKS.items():
            try:
                links[key] = reverse(name, args=args)
            except NoReverseMatch:
                links[key] = ""
        links["languages"] = [
            {
                **translation.get_language_info(code),
                "code": code,
                "choose": reverse("language_choose", args=[code]),
            }
            for code, _name in settings.LANGUAGES
        ]
    return links


def _forget_links(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "INSTALLED_APPS"}:
        site_links.cache_clear()


setting_changed.connect(_forget_links, dispatch_uid="racop.context_processors.links")


def site(request):
    """Expose the community's configured identity and the site's main links."""
    return {
        "community": {
            "name": settings.SITE_NAME,
            "short_name": settings.SITE_SHORT_NAME,
            "operator": settings.SITE_OPERATOR,
            "operator_url": settings.SITE_OPERATOR_URL,
            "contact_email": settings.SITE_CONTACT_EMAIL,
        },
        "links": site_links(translation.get_language() or settings.LANGUAGE_CODE),
    }
