"""Parts of the Pledge pages that are the same for every reader, computed once and shared.

Each part is kept in the cache under the public-content version of racop.pagecache, so
saving any pledge, signature, assessment or organisation forgets them all; otherwise a part
lives a few minutes. The language is part of every key. Never put one member's data here.
"""

from django.core.cache import cache
from django.utils import translation

from racop import pagecache
from racop.sections import SHARED_SECONDS


def prefix() -> str:
    """Return the start of every key for the current public-content version and language."""
    return f"remember:{pagecache.version()}:pledges:{translation.get_language() or ''}"


def shared(parts: dict, seconds: int = SHARED_SECONDS, *, start: str | None = None) -> dict:
    """Return {name: compute()} for each of parts ({name: compute}), reading the cache once
    and computing only what it does not hold. start: a prefix() already read."""
    start = start or prefix()
    keys = {name: f"{start}:{name}" for name in parts}
    found = cache.get_many(list(keys.values()))
    result, computed = {}, {}
    for name, compute in parts.items():
        value = found.get(keys[name])
        if value is None:
            value = compute()
            computed[keys[name]] = value
        result[name] = value
    if computed:
        cache.set_many(computed, seconds)
    return result
