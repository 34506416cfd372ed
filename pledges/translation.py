"""Fields coordinators write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from pledges.models import Commitment, PledgeVersion


@register(PledgeVersion)
class PledgeVersionTranslation(TranslationOptions):
    fields = ("title", "text", "why_it_matters", "changes")


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "guiding_questions")
