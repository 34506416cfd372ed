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
