"""The slugs the portal makes from titles and names: readable Latin in every language.

Django's slugify keeps only what decomposes into ASCII, so a Cyrillic title became
`resource`, `resource-2`…, and letters with no decomposition (Turkish ı, đ) vanished.
Cyrillic is written the way Serbian and Macedonian readers write it in Latin letters.
"""

from django.utils.text import slugify

# Lower-case letters only: the text is lower-cased first. Serbian and Macedonian Cyrillic,
# then the letters of the region's Latin alphabets that do not decompose into a base letter
# and an accent (ë, ş, č… do, and slugify handles them).
TRANSLITERATION = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "gj", "е": "e",
    "ж": "z", "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj",
    "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "ћ": "c", "ќ": "kj", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz",
    "ш": "s",
    # Other Cyrillic alphabets a title may quote (Bulgarian, Russian, Ukrainian).
    "й": "j", "ё": "e", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "щ": "sht", "ъ": "",
    "ь": "", "є": "je", "і": "i", "ї": "ji", "ґ": "g",
    "đ": "dj", "ı": "i", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
    "þ": "th",
}  # fmt: skip
_TABLE = str.maketrans(TRANSLITERATION)


def slug_from(text: str, *, max_length: int | None = None, fallback: str = "") -> str:
    """Return an ASCII slug for text, Cyrillic transliterated; fallback when none is left."""
    slug = slugify((text or "").lower().translate(_TABLE))
    if max_length is not None:
        slug = slug[:max_length].rstrip("-")
    return slug or fallback
