"""Places where apps contribute blocks to site-wide pages without racop importing them.

An app registers a section in its ``AppConfig.ready()``; the home page and topic
pages render every registered section in order. Dependencies stay one-way.
"""

from collections.abc import Callable
from dataclasses import dataclass

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
    come as ready HTML, from the cache when it has them (one round trip for all)."""
    from racop import pagecache

    request = kwargs["request"]
    objects = ",".join(
        f"{name}={getattr(value, 'pk', value)}"
        for name, value in sorted(kwargs.items())
        if name != "request"
    )
    prefix = ":".join(
        ["section", translation.get_language() or "", audience(request.user), objects]
    )

    def render(section):
        context = {"section": {"template": section.template, **section.context(**kwargs)}}
        return render_to_string(section.template, context, request=request)

    shared = pagecache.remember_many(
        {f"{prefix}:{s.name}": (lambda s=s: render(s)) for s in registry if s.shared},
        SHARED_SECONDS,
    )
    return [
        {"template": s.template, "html": shared[f"{prefix}:{s.name}"]}
        if s.shared
        else {"template": s.template, **s.context(**kwargs)}
        for s in registry
    ]
