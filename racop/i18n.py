"""Languages Django does not ship, and the language a person reads.

Montenegrin (`cnr`) has no catalog in Django or allauth. Its own strings come from
locale/cnr (and allauth's from racop/locale_allauth/cnr); Django's and the other installed
apps' strings fall back to Serbian Latin (Django's made ijekavian: racop/ijekavian.py),
which Montenegrin readers read without effort (and Bosnian to Croatian where an app
has no Bosnian catalog).
"""

import gettext as gettext_module
from urllib.parse import urlsplit

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.urls import translate_url
from django.utils import translation

# Locale → the locale whose catalogs stand in where a catalog is missing: Django and
# allauth ship none for Montenegrin, and allauth none for Bosnian; django-countries
# ships Turkish country names as tr_TR.
FALLBACK_LOCALES = {"cnr": "sr_Latn", "bs": "hr", "tr": "tr_TR"}

EXTRA_LANG_INFO = {
    "cnr": {"bidi": False, "code": "cnr", "name": "Montenegrin", "name_local": "Crnogorski"},
}


def languages_register():
    """Add the languages Django does not know and their catalog fallbacks."""
    from django.utils.translation import trans_real

    LANG_INFO.update(EXTRA_LANG_INFO)
    if getattr(trans_real.DjangoTranslation._new_gnu_trans, "racop_fallback", False):
        return
    original = trans_real.DjangoTranslation._new_gnu_trans

    def _new_gnu_trans(self, localedir, use_null_fallback=True):
        locale = self._DjangoTranslation__locale
        fallback = FALLBACK_LOCALES.get(locale)
        if fallback is None:
            return original(self, localedir, use_null_fallback)
        # gettext returns the first catalog found: the language's own in locale/,
        # the fallback's in Django's and the installed apps' locale folders.
        return gettext_module.translation(
            domain=self.domain,
            localedir=localedir,
            languages=[locale, fallback],
            fallback=use_null_fallback,
        )

    _new_gnu_trans.racop_fallback = True
    trans_real.DjangoTranslation._new_gnu_trans = _new_gnu_trans


def language_of(user, default=None) -> str:
    """Return the language a person reads their emails in: their choice, else the default."""
    codes = dict(settings.LANGUAGES)
    for language in (getattr(user, "language", ""), default):
        if language in codes:
            return language
    return settings.LANGUAGE_CODE


def on_login(sender, request, user, **kwargs):
    """After login, show the site in the member's saved language (see the middleware)."""
    if user.language and request is not None:
        request.racop_login_language = user.language


def on_signup(sender, request, user, **kwargs):
    """Remember the language a person signed up in."""
    language = translation.get_language()
    if not user.language and language in dict(settings.LANGUAGES):
        user.language = language
        user.save(update_fields=["language"])


def url_translate(url: str, language: str) -> str:
    """Return the same page's address in language; url may carry another language's prefix.

    Django's translate_url resolves with the active language, which cannot read
    /mk/… while English is active, so resolve in the language of url's own prefix.
    """
    own = translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE
    with translation.override(own):
        return translate_url(url, language)


def content_falls_back(obj, field: str, language: str | None = None) -> bool:
    """Return whether obj's field shows the English text for want of a translation."""
    from modeltranslation.utils import build_localized_fieldname

    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
        return False
    own = getattr(obj, build_localized_fieldname(field, language), None)
    english = getattr(obj, build_localized_fieldname(field, settings.LANGUAGE_CODE), None)
    return not own and bool(english)


# A working language a person reads → the site languages written in it (Serbian in
# either script; Montenegrin, Bosnian, Croatian and Serbian readers read each other's).
READS = {"sr": {"sr", "sr-latn"}}


def languages_read(user) -> set[str]:
    """Return the site languages the person reads: their working languages and the site's.

    Empty when the person has not asked to see only content in the languages they read.
    """
    if not getattr(user, "only_my_languages", False):
        return set()
    codes = set(dict(settings.LANGUAGES))
    read = {user.language} if user.language else set()
    for language in user.languages:
        read |= READS.get(language, {language})
    return read & codes
