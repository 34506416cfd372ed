"""Events' working languages: free text ("English, Albanian", "engleski", "EN/MK") becomes
a list of language codes. Words it cannot read are kept: they are added to the event's
description, so nothing a coordinator wrote is lost."""

import re

from django.db import migrations, models

import library.models

# How the languages are written in English, in the region's languages, and as codes.
NAMES = {
    "en": ["en", "eng", "english", "anglisht", "anglishte", "engleski", "англиски", "енглески",
           "ingilizce", "angleški", "inglese"],
    "sq": ["sq", "al", "alb", "albanian", "shqip", "shqipe", "albanski", "албански",
           "arnavutça"],
    "bs": ["bs", "ba", "bosnian", "bosnjak", "boshnjakisht", "boshnjake", "bosanski", "босански",
           "boşnakça"],
    "hr": ["hr", "croatian", "kroatisht", "kroate", "hrvatski", "хрватски", "hırvatça"],
    "mk": ["mk", "mkd", "macedonian", "maqedonisht", "maqedonase", "makedonski", "македонски",
           "makedonca"],
    "cnr": ["cnr", "me", "montenegrin", "malazezisht", "malazeze", "crnogorski", "црногорски",
            "karadağca"],
    "sr": ["sr", "rs", "srb", "serbian", "serbisht", "serbe", "srpski", "српски", "sırpça"],
    "tr": ["tr", "tur", "turkish", "turqisht", "turke", "turski", "турски", "türkçe"],
    "rom": ["rom", "romani", "romanes", "romisht", "romski", "ромски", "romanca"],
    "fr": ["fr", "french", "frëngjisht", "francuski", "француски", "fransızca"],
    "de": ["de", "german", "gjermanisht", "njemački", "nemački", "германски", "немачки",
           "almanca"],
}  # fmt: skip
CODES_OF = {name: [code] for code, names in NAMES.items() for name in names} | {
    "bcs": ["bs", "hr", "sr"],
    "bhs": ["bs", "hr", "sr"],
    "bcms": ["bs", "cnr", "hr", "sr"],
    "bhsc": ["bs", "hr", "sr", "cnr"],
}
# Between languages: commas, slashes and the words for "and" and "with interpretation".
SEPARATORS = re.compile(
    r"[,;/&+|()\n]|\b(?:and|dhe|i|и|ve|или|or|ili|with|me|со|sa|interpretation|përkthim"
    r"|prevod|превод|translation|simultaneous|language|languages|jezik|jezici)\b",
    re.IGNORECASE,
)


def codes_of(text):
    """Return (codes in order, the words not understood)."""
    codes, unknown = [], []
    for word in SEPARATORS.split(text or ""):
        # Turkish capital İ lower-cases to i and a combining dot.
        word = (word or "").strip(" .-–:").lower().replace("i\u0307", "i")
        if not word:
            continue
        found = CODES_OF.get(word)
        if found is None:
            unknown.append(word)
        codes += [code for code in found or [] if code not in codes]
    return codes, unknown


def text_to_codes(apps, schema_editor):
    Event = apps.get_model("discussions", "Event")
    # Only the columns used: the model's state may name columns another migration of the
    # same level (0011_search) adds or removes in either order.
    fields = ["pk", "languages_text", "languages", "description", "description_en"]
    for event in Event.objects.exclude(languages_text="").only(*fields):
        codes, unknown = codes_of(event.languages_text)
        event.languages = codes
        fields = ["languages"]
        if unknown:
            # The description in the default language (django-modeltranslation's column),
            # which every language without its own falls back to, and the plain column.
            for name in ("description", "description_en"):
                text = f"{getattr(event, name) or ''}\n\n{event.languages_text}".strip()
                setattr(event, name, text)
                fields.append(name)
        event.save(update_fields=fields)


def codes_to_text(apps, schema_editor):
    Event = apps.get_model("discussions", "Event")
    for event in Event.objects.exclude(languages=[]).only("pk", "languages", "languages_text"):
        event.languages_text = ", ".join(event.languages)
        event.save(update_fields=["languages_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0010_reply_address_and_held_replies"),
    ]

    operations = [
        migrations.RenameField("event", "languages", "languages_text"),
        migrations.AddField(
            model_name="event",
            name="languages",
            field=library.models.ChoiceArrayField(
                base_field=models.CharField(
                    choices=[
                        ("sq", "Albanian"),
                        ("bs", "Bosnian"),
                        ("hr", "Croatian"),
                        ("mk", "Macedonian"),
                        ("cnr", "Montenegrin"),
                        ("sr", "Serbian"),
                        ("tr", "Turkish"),
                        ("rom", "Romani"),
                        ("en", "English"),
                        ("fr", "French"),
                        ("de", "German"),
                    ],  # fmt: skip
                    max_length=8,
                ),
                blank=True,
                default=list,
                verbose_name="working languages",
            ),
        ),
        migrations.RunPython(text_to_codes, codes_to_text),
        migrations.RemoveField("event", "languages_text"),
    ]
