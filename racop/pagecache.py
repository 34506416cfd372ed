"""A short-lived cache of whole pages for visitors who are not logged in.

Only requests without a session or messages cookie are served from it, and only
responses that are the same for every such visitor are stored: HTML, 200, GET, no cookie
set, no CSRF token used, not marked private. The cache is shared by every app server
(Redis in production). A page is stored with the generations of every area of content
(racop.cache) and served only while they are current, so any change to content is seen
by the next visitor; otherwise an entry lives a minute at most.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from racop import cache as shared_cache

CACHE_CONTROL_SEPARATOR = re.compile(r"\s*,\s*")


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
            [
                "pagecache",
                shared_cache.release(),
                self.language(request),
                request.get_host(),
                request.get_full_path(),
            ]
        )

    def __call__(self, request):
        with shared_cache.request_scope():
            return self.serve(request)

    def serve(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = self.key(request)
        areas = sorted(shared_cache.AREAS)
        # The page and the generations of every area, in one round trip.
        found = cache.get_many([*shared_cache.generation_keys(areas), key])
        current = shared_cache.generations(areas, found)
        stored, response = found.get(key) or (None, None)
        if response is not None and stored == current:
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
