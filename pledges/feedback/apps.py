from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def organisation_feedback_context(request, organisation, **kwargs):
    """Return an organisation's published "what we changed" notes, in one query."""
    from pledges.feedback.models import FeedbackRound

    notes = (
        FeedbackRound.objects.loop_closed()
        .filter(organisation=organisation)
        .order_by("-loop_closed_at")[:3]
    )
    return {"notes": list(notes), "organisation": organisation}


class FeedbackConfig(AppConfig):
    name = "pledges.feedback"
    label = "feedback"
    verbose_name = _("Feedback rounds")

    def ready(self):
        from members import data_export
        from members.sections import organisation_sections
        from racop import sections

        # "Download my data" covers every row of this app that points to the person.
        data_export.register_app(self)
        sections.register(
            organisation_sections,
            sections.Section(
                name="feedback",
                template="pledges/feedback/includes/_organisation_section.html",
                context=organisation_feedback_context,
                order=15,
            ),
        )
