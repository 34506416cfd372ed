"""Fields coordinators write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from discussions.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
