from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "discussions.plan"
    label = "plan"
    verbose_name = _("Action plan")

    def ready(self):
        from discussions.plan import sections as plan_sections
        from discussions.plan import site_search
        from members import data_export
        from members.sections import register_person_extra
        from racop import search as racop_search
        from racop import sections

        racop_search.register(site_search.provider)

        # "Download my data" covers every row of this app that points to the person.
        data_export.register_app(self)
        register_person_extra(
            plan_sections.person_championships, "discussions/plan/includes/_person_champion.html"
        )
        sections.register(
            sections.member_home_sections,
            sections.Section(
                name="plan.my_proposals",
                template="discussions/plan/includes/_member_home_proposals.html",
                context=plan_sections.home_my_proposals,
                order=50,
            ),
        )
        sections.register(
            sections.topic_sections,
            sections.Section(
                name="discussions.topic_champions",
                template="discussions/plan/includes/_topic_champions.html",
                context=plan_sections.topic_champions,
                order=35,
            ),
        )
