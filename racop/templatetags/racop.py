from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from racop import access
from racop.i18n import content_falls_back
from racop.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render Markdown written by people as sanitised HTML."""
    return render_markdown(text)


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
