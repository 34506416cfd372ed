"""Fields coordinators write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from library.models import Collection


@register(Collection)
class CollectionTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
