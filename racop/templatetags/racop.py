from django import template

from racop.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render Markdown written by people as sanitised HTML."""
    return render_markdown(text)
