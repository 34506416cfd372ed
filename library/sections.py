"""The library's blocks on the home page and on topic pages (two queries each)."""

from django.db.models import F

from library.models import Resource
from racop.sections import Section

HOME_SIZE = 4


def home_latest(request, **kwargs):
    """Return featured resources first, then the newest."""
    resources = (
        Resource.objects.published()
        .visible_to(request.user)
        .exclude(type=Resource.Type.NEWS)
        .for_cards()
        .order_by("-featured", F("published_at").desc(nulls_last=True))
    )
    return {"resources": list(resources[:HOME_SIZE])}


def home_developments(request, **kwargs):
    news = Resource.objects.published().visible_to(request.user).developments().for_cards()
    return {"resources": list(news[:HOME_SIZE])}


def topic_resources(request, topic, **kwargs):
    resources = Resource.objects.published().visible_to(request.user).filter(topics=topic)
    return {"resources": list(resources.for_cards()[:6]), "topic": topic}


def related_resources(request, resource, **kwargs):
    """Return up to four resources sharing the most topics and tags with this one."""
    related = (
        Resource.objects.published()
        .visible_to(request.user)
        .related_to(resource)
        .prefetch_related("topics")[:4]
    )
    return {"resources": list(related)}


# Blocks other apps add to a resource's page (the threads that mention it): an app registers
# with racop.sections.register(resource_sections, Section(...)) from its AppConfig.ready();
# the context callable receives request and resource, in a constant number of queries.
resource_sections: list[Section] = []
