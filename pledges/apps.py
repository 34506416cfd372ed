from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def home_pledge_context(request, **kwargs):
    """Return the home page's Pledge block: how many signed, in one query."""
    from pledges.models import Signature

    return {"totals": Signature.objects.public().totals()}


def organisation_pledge_context(request, organisation, **kwargs):
    """Return an organisation page's pledge status, in one query."""
    from pledges.models import Signature

    signature = (
        Signature.objects.active().for_organisation(organisation).select_related("version").first()
    )
    return {"signature": signature, "organisation": organisation}


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from members import data_export

        # "Download my data" covers every row of this app that points to the person.
        data_export.register_app(self)
        from members.sections import organisation_sections
        from racop import sections

        sections.register(
            organisation_sections,
            sections.Section(
                name="pledge",
                template="pledges/includes/_organisation_section.html",
                context=organisation_pledge_context,
                order=10,
            ),
        )

        from pledges import home

        sections.register(
            sections.next_step_sources,
            sections.StepSource(name="pledges", steps=home.member_steps, order=10),
        )
        sections.register(
            sections.member_home_sections,
            sections.Section(
                name="pledges.reviews",
                template="pledges/includes/_member_home_reviews.html",
                context=home.home_reviews,
                order=10,
            ),
        )
        sections.register(
            sections.home_sections,
            sections.Section(
                name="pledge",
                template="pledges/includes/_home_pledge.html",
                context=home_pledge_context,
                order=20,
                areas=("pledge",),
            ),
        )
