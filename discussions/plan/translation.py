"""Fields coordinators write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from discussions.plan.models import PlanItem, PlanPeriod


@register(PlanPeriod)
class PlanPeriodTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(PlanItem)
class PlanItemTranslation(TranslationOptions):
    fields = ("title", "description")
