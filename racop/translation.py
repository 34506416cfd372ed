"""Fields coordinators write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from racop.models import Page, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
