import datetime

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from racop import access
from racop.i18n import content_falls_back
from racop.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render Markdown written by people as sanitised HTML."""
    return render_markdown(text)


@register.filter
def time_datetime(value, precision="seconds"):
    """Return the value of a <time datetime="…"> attribute: local time to the second, or to
    the minute with "minutes" (anonymous posts: a precise time would help match a post with
    what someone saw elsewhere). Never fractions of a second, which HTML allows only to three
    digits."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="minutes" if precision == "minutes" else "seconds")
    return value.isoformat()


@register.filter
def sees_members_content(user):
    """Whether the person sees what members see (racop.access: members and coordinators)."""
    return access.sees_members_content(user)


@register.simple_tag
def content_lang(obj, *fields):
    """Return ` lang="en"` when the fields show English for want of a translation.

    Screen readers then read the English text with English pronunciation.
    """
    if any(content_falls_back(obj, field) for field in fields):
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.inclusion_tag("includes/translation_note.html")
def translation_note(obj, *fields, inline=False):
    """Say so when any of the fields shows the English text for want of a translation.

    inline: a short note beside an item of a list (a card, a link) instead of a paragraph.
    """
    shown = any(content_falls_back(obj, field) for field in fields)
    language = translation.get_language_info(translation.get_language())
    return {"shown": shown, "language": language, "inline": inline}


# BCP 47 tags for hreflang: Serbian is written in two scripts, so both say which.
HREFLANG = {"sr": "sr-Cyrl", "sr-latn": "sr-Latn"}
# Open Graph wants language_TERRITORY.
OG_LOCALE = {
    "en": "en_GB",
    "sq": "sq_AL",
    "bs": "bs_BA",
    "hr": "hr_HR",
    "mk": "mk_MK",
    "cnr": "cnr_ME",
    "sr-latn": "sr_RS",
    "sr": "sr_RS",
    "tr": "tr_TR",
}


@register.inclusion_tag("includes/language_alternates.html", takes_context=True)
def language_alternates(context):
    """The same page in every language (rel=alternate hreflang) and the Open Graph locale.

    Only pages whose address carries the language (or is English without a prefix) have
    alternates; the address is the path alone, as a search engine should index it.
    """
    from racop.i18n import url_translate

    request = context.get("request")
    current = translation.get_language() or settings.LANGUAGE_CODE
    alternates = []
    if request is not None and request.resolver_match is not None:
        path = request.path
        for code, _name in settings.LANGUAGES:
            other = url_translate(path, code)
            if other == path and code != current:
                # translate_url gives the address back unchanged when it cannot resolve it.
                alternates = []
                break
            alternates.append(
                {"hreflang": HREFLANG.get(code, code), "href": settings.SITE_URL + other}
            )
        if alternates:
            alternates.append(
                {
                    "hreflang": "x-default",
                    "href": settings.SITE_URL + url_translate(path, settings.LANGUAGE_CODE),
                }
            )
    return {
        "alternates": alternates,
        "og_locale": OG_LOCALE.get(current, current.replace("-", "_")),
        "og_alternates": sorted({OG_LOCALE[code] for code in OG_LOCALE} - {OG_LOCALE.get(current)}),
    }


class CaptureNode(template.Node):
    # "nodelist" is what Node.get_nodes_by_type walks: {% block %}s inside stay overridable.
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # nosec B308 B703
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: render the inside once (already escaped, with
    its whitespace folded) into a variable, so the <title> block can also be og:title."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


# The one query parameter a page's address keeps in its canonical form: the page of a list.
CANONICAL_PAGE = "page"


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Return the page's own absolute address in the current language, without its query
    string (filters, searches, tracking), except ?page=N past the first page of a list."""
    request = context.get("request")
    if request is None:
        return settings.SITE_URL + "/"
    url = settings.SITE_URL + request.path
    page = request.GET.get(CANONICAL_PAGE, "")
    if page.isdigit() and int(page) > 1:
        url += f"?{CANONICAL_PAGE}={int(page)}"
    return url


@register.inclusion_tag("includes/feed_alternates.html", takes_context=True)
def feed_alternates(context):
    """<link rel="alternate"> for each feed registered (racop.feeds) as shown on this page."""
    from django.urls import NoReverseMatch, reverse

    from racop.feeds import FORMATS, feeds

    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    links = []
    if match is not None:
        for feed in feeds:
            if match.view_name not in feed.shown_on:
                continue
            kwargs = {"slug": match.kwargs.get("slug")} if feed.per_topic else {}
            for kind, name in feed.formats:
                try:
                    href = reverse(name, kwargs=kwargs)
                except NoReverseMatch:
                    continue
                label, content_type = FORMATS[kind]
                links.append(
                    {"type": content_type, "title": f"{feed.title} ({label})", "href": href}
                )
    return {"links": links}
