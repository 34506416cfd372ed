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
from typing import NamedTuple

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


class Fragment(NamedTuple):
    """A template to render with a context; facts: everything the HTML shows."""

    template: str
    facts: tuple
    context: dict
    # The templates it includes, whose source the key covers too.
    includes: tuple = ()


def _key(fragment):
    scope = (
        VERSION,
        _source_hash((fragment.template, *fragment.includes)),
        translation.get_language(),
        timezone.get_current_timezone_name(),
    )
    digest = hashlib.sha256(repr((scope, fragment.facts)).encode()).hexdigest()
    return f"discussions:fragment:{digest}"


def render_many(fragments, prepare=None):
    """Return the HTML of each fragment, in order, with one cache round trip.

    Fragments found in the cache are used as they are; the others are rendered with their
    context (no request: the template gets only what the facts describe) and kept.
    prepare, if given, is called once with the contexts about to be rendered.
    """
    keys = [_key(fragment) for fragment in fragments]
    found = cache.get_many(set(keys)) if keys else {}
    todo = {key: fragment for fragment, key in zip(fragments, keys, strict=True)}
    todo = {key: fragment for key, fragment in todo.items() if key not in found}
    if todo and prepare:
        prepare([fragment.context for fragment in todo.values()])
    missing = {
        key: get_template(fragment.template).render(fragment.context)
        for key, fragment in todo.items()
    }
    if missing:
        cache.set_many(missing, SECONDS)
    return [found.get(key) or missing[key] for key in keys]
