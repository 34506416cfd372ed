"""Parts of the Pledge pages that are the same for every reader, computed once and shared.

Each part is kept in the cache under the public-content version of racop.pagecache, so
saving any pledge, signature, assessment or organisation forgets them all; otherwise a part
lives a few minutes. The language is part of every key. Never put one member's data here.
"""

from django.utils import translation

from racop import pagecache
from racop.sections import SHARED_SECONDS


def shared(parts: dict, seconds: int = SHARED_SECONDS) -> dict:
    """Return {name: compute()} for each of parts ({name: compute}), reading the cache once
    and computing only what it does not hold (racop.pagecache.remember_many), per language."""
    prefix = f"pledges:{translation.get_language() or ''}"
    found = pagecache.remember_many(
        {f"{prefix}:{name}": compute for name, compute in parts.items()}, seconds
    )
    return {name: found[f"{prefix}:{name}"] for name in parts}
