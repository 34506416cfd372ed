"""Places where apps contribute blocks to site-wide pages without racop importing them.

An app registers a section in its ``AppConfig.ready()``; the home page and topic
pages render every registered section in order. Dependencies stay one-way.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

# How long a shared section's HTML is kept; any change to public content empties it sooner.
SHARED_SECONDS = 300


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable[..., dict]
    order: int = 100
    # True when the block is the same for everyone in the same audience (visitors, or
    # members): then it is rendered once and shared from the cache.
    shared: bool = False


home_sections: list[Section] = []
topic_sections: list[Section] = []


def register(registry: list[Section], section: Section) -> None:
    """Add a section once (ready() can run twice under the autoreloader)."""
    if all(existing.name != section.name for existing in registry):
        registry.append(section)
        registry.sort(key=lambda s: s.order)


def audience(user) -> str:
    return "members" if user.is_authenticated and (user.is_member or user.is_staff) else "public"


def render_context(registry: list[Section], **kwargs) -> list[dict]:
    """Return each section's template and context for the page being shown; shared sections
    come as ready HTML, from the cache when it has them."""
    from racop import pagecache

    request = kwargs["request"]
    shared = [s for s in registry if s.shared]
    keys = {}
    if shared:
        objects = ",".join(
            f"{name}={getattr(value, 'pk', value)}"
            for name, value in sorted(kwargs.items())
            if name != "request"
        )
        prefix = ":".join(
            [
                "section",
                str(pagecache.version()),
                translation.get_language() or "",
                audience(request.user),
                objects,
            ]
        )
        keys = {s.name: f"{prefix}:{s.name}" for s in shared}
    found = cache.get_many(list(keys.values())) if keys else {}
    result = []
    for s in registry:
        if not s.shared:
            result.append({"template": s.template, **s.context(**kwargs)})
            continue
        html = found.get(keys[s.name])
        if html is None:
            context = {"section": {"template": s.template, **s.context(**kwargs)}}
            html = render_to_string(s.template, context, request=request)
            cache.set(keys[s.name], html, SHARED_SECONDS)
        result.append({"template": s.template, "html": html})
    return result
