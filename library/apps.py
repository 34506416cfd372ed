from django.apps import AppConfig
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext_lazy as _


def keywords_refresh(sender, instance, action, **kwargs):
    """Keep a resource's searchable keywords in step with its tags and topics."""
    from library.models import Resource

    if isinstance(instance, Resource) and action in {"post_add", "post_remove", "post_clear"}:
        instance.refresh_keywords()


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from library.digest import digest_resources
        from members import data_export
        from members.notifications.digest import digest_part_register

        # "Download my data" covers every row of this app that points to the person.
        data_export.register_app(self)
        digest_part_register("library.resources", digest_resources)
        from library import site_search
        from racop import search as racop_search

        racop_search.register(site_search.provider)
        from taggit.models import Tag, TaggedItem

        from library import sections as library_sections
        from library.models import Resource
        from racop import cache as shared_cache
        from racop import sections
        from racop.feeds import Feed, feed_register

        feed_register(
            Feed(
                name="library.latest",
                # The titles and descriptions of library/feeds.py's feeds.
                title=_("New in the library"),
                description=_("Resources newly published in the library."),
                formats=(("atom", "library:feed_atom"), ("rss", "library:feed_rss")),
                shown_on=("home", "feed_list"),
                order=10,
            )
        )
        feed_register(
            Feed(
                name="library.developments",
                title=_("Regional and global developments"),
                description=_("News on accountability developments in the region and the world."),
                formats=(
                    ("atom", "library:developments_atom"),
                    ("rss", "library:developments_rss"),
                ),
                shown_on=("home", "feed_list"),
                order=20,
            )
        )
        feed_register(
            Feed(
                name="library.topic",
                title=_("New in the library, by topic"),
                description=_("Resources newly published on one topic."),
                formats=(("atom", "library:topic_atom"), ("rss", "library:topic_rss")),
                per_topic=True,
                shown_on=("topic_detail",),
                order=30,
            )
        )
        # Tags are the library's: writing them changes what its pages show.
        shared_cache.watch("library", Tag, TaggedItem)

        m2m_changed.connect(
            keywords_refresh, sender=Resource.topics.through, dispatch_uid="library.topics"
        )
        m2m_changed.connect(keywords_refresh, sender=TaggedItem, dispatch_uid="library.tags")
        sections.register(
            sections.home_sections,
            sections.Section(
                name="library.developments",
                template="library/includes/_home_developments.html",
                context=library_sections.home_developments,
                order=30,
                areas=("library", "site"),
            ),
        )
        sections.register(
            sections.home_sections,
            sections.Section(
                name="library.latest",
                template="library/includes/_home_latest.html",
                context=library_sections.home_latest,
                order=40,
                areas=("library", "site"),
            ),
        )
        sections.register(
            sections.topic_sections,
            sections.Section(
                name="library.topic",
                template="library/includes/_topic_resources.html",
                context=library_sections.topic_resources,
                order=10,
                areas=("library", "site"),
            ),
        )
        sections.register(
            library_sections.resource_sections,
            sections.Section(
                name="library.related",
                template="library/includes/_related_resources.html",
                context=library_sections.related_resources,
                order=50,
                areas=("library", "site"),
            ),
        )
