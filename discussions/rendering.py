"""Posts' Markdown rendered once for everyone: the HTML is kept in the cache under a hash
of the text, so it is shared by every reader and an edited post simply gets a new key."""

import hashlib

from django.core.cache import cache

from racop.markdown import render_markdown

# Bump when the rendering changes (Markdown extensions, allowed tags).
VERSION = 1
SECONDS = 7 * 24 * 3600


def _key(text):
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"discussions:markdown:{VERSION}:{digest}"


def render_bodies(posts):
    """Set body_html on each post: its body rendered as sanitised HTML, from the cache when
    the same text was rendered before. One cache round trip for all the posts."""
    keys = [_key(post.body or "") for post in posts]
    found = cache.get_many(set(keys))
    missing = {}
    for post, key in zip(posts, keys, strict=True):
        html = found.get(key)
        if html is None:
            html = missing.get(key) or render_markdown(post.body)
            missing[key] = html
        post.body_html = html
    if missing:
        cache.set_many(missing, SECONDS)


def render_text(text):
    """Return one text's Markdown as sanitised HTML, shared from the cache like a post's."""
    if not text:
        return render_markdown(text)
    key = _key(text)
    html = cache.get(key)
    if html is None:
        html = render_markdown(text)
        cache.set(key, html, SECONDS)
    return html
