"""Response headers Django's SecurityMiddleware does not set, and the visitor's language."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers

from racop.i18n import url_translate

# Nothing here needs the camera, microphone, location or payment APIs.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class LanguagePreferenceMiddleware:
    """Send people to their language's pages; after login, to the member's saved language.

    On a first visit (no language cookie) to an English page, a browser that prefers
    another of the site's languages is redirected to that language's address, and the
    cookie records it, so choosing English later in the footer sticks. Only HTML pages
    are redirected: feeds, calendars and files keep answering at their address.
    Placed after LocaleMiddleware and AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        saved = getattr(request, "racop_login_language", None)
        if saved:
            return _language_remember(response, saved, redirect=response.status_code in (301, 302))
        if self._is_first_visit(request, response):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and user.language:
                preferred = user.language
            else:
                preferred = translation.get_language_from_request(request)
            target = request.get_full_path()
            if preferred != settings.LANGUAGE_CODE:
                target = url_translate(target, preferred)
            if target != request.get_full_path():
                redirect = _language_remember(HttpResponseRedirect(target), preferred)
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        return response

    @staticmethod
    def _is_first_visit(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and not translation.get_language_from_path(request.path_info)
        )


def _language_remember(response, language, *, redirect=False):
    """Set the language cookie; point a redirect at the same page in that language."""
    if redirect and response.get("Location"):
        response["Location"] = url_translate(response["Location"], language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
