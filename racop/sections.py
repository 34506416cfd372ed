"""Places where apps contribute blocks to site-wide pages without racop importing them.

An app registers a section in its ``AppConfig.ready()``; the home page and topic
pages render every registered section in order. Dependencies stay one-way.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from racop import cache as shared_cache


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable[..., dict]
    order: int = 100
    # The areas of content it shows (racop.cache), when the block is the same for everyone
    # of the same audience: then it is rendered once and shared until they change.
    areas: tuple = ()


home_sections: list[Section] = []
topic_sections: list[Section] = []


def register(registry: list[Section], section: Section) -> None:
    """Add a section once (ready() can run twice under the autoreloader)."""
    if all(existing.name != section.name for existing in registry):
        registry.append(section)
        registry.sort(key=lambda s: s.order)


def render_context(registry: list[Section], **kwargs) -> list[dict]:
    """Return each section's template and context for the page being shown; shared sections
    come as ready HTML, from the cache when it has them (one round trip for all)."""
    request = kwargs["request"]
    # The objects the page is about (a topic, a resource) are part of the key.
    objects = tuple(
        (name, getattr(value, "pk", value))
        for name, value in sorted(kwargs.items())
        if name != "request"
    )

    def render(section):
        context = {"section": {"template": section.template, **section.context(**kwargs)}}
        return render_to_string(section.template, context, request=request)

    shared = shared_cache.shared_parts(
        [
            shared_cache.Part(
                f"section:{s.name}", lambda s=s: render(s), tuple(s.areas), key=objects
            )
            for s in registry
            if s.areas
        ],
        user=request.user,
    )
    return [
        {"template": s.template, "html": shared[f"section:{s.name}"]}
        if s.areas
        else {"template": s.template, **s.context(**kwargs)}
        for s in registry
    ]


# The member's home (the home page once logged in as a member): blocks of what is theirs
# (their events, the replies waiting for them, their proposals). Personal, so never shared:
# a section here must have no areas, and its context callable receives request and uses a
# fixed number of queries, whatever the person's amount of data.
member_home_sections: list[Section] = []


@dataclass(frozen=True)
class Step:
    """One thing a member should do next, with why it matters and the one button that does it.

    A step with no url is waiting for an earlier one (its why says which)."""

    name: str
    title: str
    why: str
    action: str = ""
    url: str = ""
    order: int = 100
    done: bool = False


@dataclass(frozen=True)
class StepSource:
    """An app's contribution to a member's next steps: steps(request) returns its Steps
    (none when they do not apply to the person), in a fixed number of queries."""

    name: str
    steps: Callable[..., list[Step]]
    order: int = 100


next_step_sources: list[StepSource] = []


def next_steps(request) -> list[Step]:
    """Return every app's next steps for the person, in order."""
    steps = [step for source in next_step_sources for step in source.steps(request=request)]
    return sorted(steps, key=lambda step: step.order)
