"""Parts of a page that many readers see alike, rendered once and shared from the cache.

A fragment's key is a hash of everything the fragment shows (its "facts"), with the
language and time zone it is shown in: two readers get the same HTML only when it would be
the same anyway, and a change to anything shown is a new key, so nothing needs emptying.
A fragment holds no per-person secret (no CSRF token): those parts are rendered live.
The source of the templates is part of the key too, so a deploy that changes them starts
afresh; a change in Python that alters the HTML without showing in the facts (an address's
pattern, say) needs VERSION bumped, or lasts at most SECONDS.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone, translation

VERSION = 1
SECONDS = 3600

_sources = {}


def _source_hash(names):
    """Return a hash of the templates' source (read once per process)."""
    if names not in _sources:
        digest = hashlib.sha256()
        for name in names:
            digest.update(get_template(name).template.source.encode())
        _sources[names] = digest.hexdigest()
    return _sources[names]


def render_many(template_name, items, includes=()):
    """Return the HTML of the template for each (facts, context) item, in order.

    Fragments found in the cache are used as they are; the others are rendered with their
    context (no request: the template gets only what the facts describe) and kept.
    includes names the templates the template includes, whose source the key covers too.
    """
    template = get_template(template_name)
    scope = (
        VERSION,
        _source_hash((template_name, *includes)),
        translation.get_language(),
        timezone.get_current_timezone_name(),
    )
    keys = [
        "discussions:fragment:" + hashlib.sha256(repr((scope, facts)).encode()).hexdigest()
        for facts, _context in items
    ]
    found = cache.get_many(set(keys)) if keys else {}
    missing = {}
    html = []
    for (_facts, context), key in zip(items, keys, strict=True):
        fragment = found.get(key) or missing.get(key)
        if fragment is None:
            fragment = missing[key] = template.render(context)
        html.append(fragment)
    if missing:
        cache.set_many(missing, SECONDS)
    return html
