from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "discussions"
    verbose_name = _("Discussions")

    def ready(self):
        from discussions import counters, digest, links
        from members import data_export
        from members.notifications.digest import digest_part_register

        counters.connect_signals()
        links.connect_signals()
        from discussions import site_search
        from racop import search as racop_search

        racop_search.register(site_search.discussions_provider)
        racop_search.register(site_search.events_provider)

        # "Download my data" covers every row of this app that points to the person.
        data_export.register_app(self)
        digest_part_register("discussions.threads", digest.digest_threads)
        digest_part_register("discussions.events", digest.digest_events)
        digest_part_register("discussions.action_items", digest.digest_action_items)
        from discussions import sections as discussion_sections
        from library.sections import resource_sections
        from members.sections import me_sections
        from racop import sections
        from racop.feeds import Feed, feed_register

        feed_register(
            Feed(
                name="discussions.events",
                title=_("Events calendar"),
                description=_(
                    "Every public event, to add to a calendar app: it keeps itself up to date."
                ),
                formats=(("ical", "discussions:events_ics"),),
                shown_on=("feed_list",),
                order=40,
            )
        )
        sections.register(
            me_sections,
            sections.Section(
                name="discussions.action_items",
                template="discussions/includes/_my_action_items.html",
                context=discussion_sections.my_action_items,
                order=30,
            ),
        )
        sections.register(
            sections.next_step_sources,
            sections.StepSource(
                name="discussions", steps=discussion_sections.member_steps, order=50
            ),
        )
        for name, context, order in (
            ("my_events", discussion_sections.home_my_events, 20),
            ("new_replies", discussion_sections.home_new_replies, 30),
            ("action_items", discussion_sections.home_action_items, 40),
        ):
            sections.register(
                sections.member_home_sections,
                sections.Section(
                    name=f"discussions.{name}",
                    template=f"discussions/includes/_member_home_{name}.html",
                    context=context,
                    order=order,
                ),
            )
        sections.register(
            resource_sections,
            sections.Section(
                name="discussions.resource_threads",
                template="discussions/includes/_resource_threads.html",
                context=discussion_sections.resource_threads,
                order=30,
            ),
        )
        sections.register(
            sections.home_sections,
            sections.Section(
                name="discussions.upcoming_events",
                template="discussions/includes/_home_events.html",
                context=discussion_sections.home_events,
                order=30,
                areas=("events", "site"),
            ),
        )
        sections.register(
            sections.topic_sections,
            sections.Section(
                name="discussions.topic",
                template="discussions/includes/_topic_discussions.html",
                context=discussion_sections.topic_discussions,
                order=30,
            ),
        )
