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
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from members import data_export
        from members.sections import organisation_sections
        from racop import pagecache, sections

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
        # Organisation pages visitors read show the rounds' notes. racop.pagecache lists its
        # public content by app label and knew these models as "pledges"; until it lists
        # "feedback" too, the app empties the visitors' page cache itself.
        for model in self.get_models():
            uid = f"pagecache:{model._meta.label_lower}"
            post_save.connect(pagecache.invalidate, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(pagecache.invalidate, sender=model, dispatch_uid=uid + ":delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    pagecache.invalidate,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}:{field.name}",
                )
