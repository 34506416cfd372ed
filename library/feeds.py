from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from library.models import Resource
from racop.models import Topic

FEED_SIZE = 30


class LatestResourcesFeed(Feed):
    """Newly published public resources."""

    title = _("New in the library")
    description = _("Resources newly published in the library.")

    def link(self):
        return reverse("library:resource_list")

    def resources(self):
        return Resource.objects.published().filter(visibility=Resource.Visibility.PUBLIC)

    def items(self):
        return self.resources().for_list()[:FEED_SIZE]

    def author_name(self):
        return settings.SITE_NAME

    def author_link(self):
        return settings.SITE_URL + "/"

    def item_title(self, item):
        return item.title

    def item_author_name(self, item):
        # The publisher or author as the library records it (an organisation, or the names
        # on the work), never who suggested it; the site's name when none is recorded.
        return item.publisher or settings.SITE_NAME

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()] + [tag.name for tag in item.tags.all()]


class LatestResourcesAtomFeed(LatestResourcesFeed):
    feed_type = Atom1Feed
    subtitle = LatestResourcesFeed.description


class DevelopmentsFeed(LatestResourcesFeed):
    """News on regional and global developments."""

    title = _("Regional and global developments")
    description = _("News on accountability developments in the region and the world.")

    def link(self):
        return reverse("library:resource_list") + "?type=news"

    def resources(self):
        return super().resources().developments()


class DevelopmentsAtomFeed(DevelopmentsFeed):
    feed_type = Atom1Feed
    subtitle = DevelopmentsFeed.description


class TopicFeed(LatestResourcesFeed):
    """Newly published public resources on one topic."""

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return _("New in the library: %(topic)s") % {"topic": obj.name}

    def description(self, obj):
        return _("Resources newly published on %(topic)s.") % {"topic": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return self.resources().filter(topics=obj).for_list()[:FEED_SIZE]


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
