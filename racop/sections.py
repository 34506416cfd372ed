"""Places where apps contribute blocks to site-wide pages without racop importing them.

An app registers a section in its ``AppConfig.ready()``; the home page and topic
pages render every registered section in order. Dependencies stay one-way.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable[..., dict]
    order: int = 100


home_sections: list[Section] = []
topic_sections: list[Section] = []


def register(registry: list[Section], section: Section) -> None:
    """Add a section once (ready() can run twice under the autoreloader)."""
    if all(existing.name != section.name for existing in registry):
        registry.append(section)
        registry.sort(key=lambda s: s.order)


def render_context(registry: list[Section], **kwargs) -> list[dict]:
    """Return each section's template and context for the page being shown."""
    return [{"template": s.template, **s.context(**kwargs)} for s in registry]
