"""Blocks other apps add to an organisation's page (its pledge, its accountability status).

An app registers with ``racop.sections.register(organisation_sections, Section(...))`` from
its ``AppConfig.ready()``; the context callable receives ``request`` and ``organisation``
and must use a constant number of queries.
"""

from racop.sections import Section

organisation_sections: list[Section] = []

# Blocks other apps add to the person's own account page (/me/): what is waiting for them.
# The context callable receives request, in a constant number of queries.
me_sections: list[Section] = []

# Extras other apps show on a person in the directory and on their profile (a champion's
# topics, say): each registers a callable returning a Prefetch (with to_attr) and a template
# that receives `person`. Prefetches keep the directory's query count constant.
person_prefetches: list = []
person_badges: list[str] = []


def register_person_extra(prefetch, template: str) -> None:
    """Add a prefetch and the badge template that shows it, once."""
    if template not in person_badges:
        person_prefetches.append(prefetch)
        person_badges.append(template)
