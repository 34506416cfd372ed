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


# A person's name shows on the Pledge wall when they signed for themself.
SIGNATORY_FIELDS = {"first_name", "last_name", "anonymised_at"}


def signatory_renamed(sender, instance, update_fields=None, **kwargs):
    """Forget the shared wall when a person who signed changes or removes their name."""
    from pledges.models import Signature
    from racop import pagecache

    if update_fields is not None and not SIGNATORY_FIELDS & set(update_fields):
        return
    if Signature.objects.filter(user=instance).exists():
        pagecache.invalidate()


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from members import data_export

        post_save.connect(
            signatory_renamed, sender=settings.AUTH_USER_MODEL, dispatch_uid="pledges:signatory"
        )

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

        sections.register(
            sections.home_sections,
            sections.Section(
                name="pledge",
                template="pledges/includes/_home_pledge.html",
                context=home_pledge_context,
                order=20,
                shared=True,
            ),
        )
