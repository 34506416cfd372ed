"""Markdown written by people, rendered to HTML that is safe to show."""

import markdown as md
import nh3
from django.conf import settings
from django.utils.safestring import mark_safe

ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> str:
    """Return sanitised HTML for Markdown text; links get rel=nofollow noopener."""
    html = md.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=settings.MARKDOWN_ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    # nh3 keeps only the allowed tags, attributes and URL schemes.
    return mark_safe(clean)  # nosec B308 B703
