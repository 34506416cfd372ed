"""The library's blocks on the home page and on topic pages (two queries each)."""

from library.models import Resource

HOME_SIZE = 4


def home_latest(request, **kwargs):
    resources = (
        Resource.objects.published()
        .visible_to(request.user)
        .exclude(type=Resource.Type.NEWS)
        .for_list()
    )
    return {"resources": list(resources[:HOME_SIZE])}


def home_developments(request, **kwargs):
    news = Resource.objects.published().visible_to(request.user).developments().for_list()
    return {"resources": list(news[:HOME_SIZE])}


def topic_resources(request, topic, **kwargs):
    resources = Resource.objects.published().visible_to(request.user).filter(topics=topic)
    return {"resources": list(resources.for_list()[:6]), "topic": topic}
