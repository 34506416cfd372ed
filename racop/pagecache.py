"""A short-lived cache of whole pages for visitors who are not logged in.

Only requests without a session or messages cookie are served from it, and only
responses that are the same for every such visitor are stored: HTML, 200, GET, no cookie
set, no CSRF token used, not marked private. The cache is shared by every app server
(Redis in production) and emptied as a whole, by bumping a version, whenever content a
visitor can see is saved or deleted; otherwise an entry lives a minute at most.
"""

import re
from contextvars import ContextVar

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


# The version read once per request (set up by VisitorPageCacheMiddleware for every
# request); outside a request (commands, tasks) it is read each time.
_request_memo = ContextVar("pagecache_request_memo", default=None)


def version() -> int:
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    current = cache.get_or_set(VERSION_KEY, 1, None)
    if memo is not None:
        memo["version"] = current
    return current


def remember(name, compute, seconds=300):
    """Return compute() for public content, kept until it changes or for a few minutes."""
    return remember_many({name: compute}, seconds)[name]


def remember_many(parts, seconds=300):
    """Return {name: compute()} for parts ({name: compute}) like remember(), reading the
    cache once and computing and storing only what it does not hold."""
    if not parts:
        return {}
    current = version()
    keys = {name: f"remember:{current}:{name}" for name in parts}
    found = cache.get_many(list(keys.values()))
    result, computed = {}, {}
    for name, compute in parts.items():
        value = found.get(keys[name])
        if value is None:
            value = compute()
            computed[keys[name]] = value
        result[name] = value
    if computed:
        cache.set_many(computed, seconds)
    return result


def invalidate(**kwargs):
    """Forget every cached page: content a visitor can see has changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
    memo = _request_memo.get()
    if memo is not None:
        memo.pop("version", None)


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
    """Serve visitors' pages from the shared cache, before most of the middleware runs.

    Placed right after GZipMiddleware: a page served from the cache skips sessions, locale,
    CSRF, authentication and the rest, and carries the headers they had set when it was
    stored. The language is the address's (English without a prefix, as LocaleMiddleware
    decides with i18n_patterns). A first-time visitor whom LanguagePreferenceMiddleware
    would send to another language's address is never served from here. An entry is
    stored with the cache's version and read with it in one round trip.
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
            and not self.would_redirect(request)
        )

    @staticmethod
    def language(request):
        return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE

    @staticmethod
    def would_redirect(request):
        """Whether LanguagePreferenceMiddleware may send this visitor to another language."""
        return (
            settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and not translation.get_language_from_path(request.path_info)
            and translation.get_language_from_request(request) != settings.LANGUAGE_CODE
        )

    def key(self, request):
        return ":".join(
            ["pagecache", self.language(request), request.get_host(), request.get_full_path()]
        )

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.serve(request)
        finally:
            _request_memo.reset(token)

    def serve(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = self.key(request)
        found = cache.get_many([VERSION_KEY, key])
        current = found.get(VERSION_KEY)
        if current is None:
            current = version()
        _request_memo.get()["version"] = current
        stored_version, response = found.get(key) or (None, None)
        if response is not None and stored_version == current:
            return response
        response = self.get_response(request)
        if self.storable(request, response):
            cache.set(key, (current, response), self.seconds)
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
