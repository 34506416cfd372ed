"""Fields coordinators write in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from members.models import Question, Survey


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text", "options")
