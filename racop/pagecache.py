"""A short-lived cache of whole pages for visitors who are not logged in.

Only requests without a session or messages cookie are served from it, and only
responses that are the same for every such visitor are stored: HTML, 200, GET, no cookie
set, no CSRF token used, not marked private. The cache is shared by every app server
(Redis in production) and emptied as a whole, by bumping a version, whenever content a
visitor can see is saved or deleted; otherwise an entry lives a minute at most.
"""

import re

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

VERSION_KEY = "pagecache:version"
CACHE_CONTROL_SEPARATOR = re.compile(r"\s*,\s*")
# Content that appears on pages visitors read. Read markers, sessions, notifications and the
# like change on every member's visit and would empty the cache for nothing.
PUBLIC_MODELS = {
    "racop": None,
    "library": None,
    "pledges": None,
    "members": {"organisation", "membership"},
    "discussions": {"event", "registration", "actionitem"},
    "taggit": None,
    "flatpages": None,
    "sites": None,
}


def version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def remember(name, compute, seconds=300):
    """Return compute() for public content, kept until it changes or for a few minutes."""
    key = f"remember:{version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def invalidate(**kwargs):
    """Forget every cached page: content a visitor can see has changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _is_public(model) -> bool:
    meta = model._meta
    if meta.app_label not in PUBLIC_MODELS:
        return False
    names = PUBLIC_MODELS[meta.app_label]
    return names is None or meta.model_name in names


def connect_signals():
    for model in apps.get_models():
        if _is_public(model):
            uid = f"pagecache:{model._meta.label_lower}"
            post_save.connect(invalidate, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(invalidate, sender=model, dispatch_uid=uid + ":delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache:m2m")


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_public(type(instance)):
        invalidate()


class VisitorPageCacheMiddleware:
    """Serve visitors' pages from the shared cache.

    Placed after LanguagePreferenceMiddleware, which still sends a first-time visitor to
    their language's address when the page comes from the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.VISITOR_PAGE_CACHE_SECONDS

    def cacheable_request(self, request):
        return (
            self.seconds > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path_info.startswith(("/admin/", "/accounts/", "/bench/"))
        )

    def key(self, request):
        return ":".join(
            [
                "pagecache",
                str(version()),
                translation.get_language() or "",
                request.get_host(),
                request.get_full_path(),
            ]
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = self.key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self.storable(request, response):
            cache.set(key, response, self.seconds)
        return response

    @staticmethod
    def storable(request, response):
        cache_control = {
            part.split("=")[0].strip().lower()
            for part in CACHE_CONTROL_SEPARATOR.split(response.get("Cache-Control", ""))
        }
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not cache_control & {"private", "no-store", "no-cache"}
        )
