"""Serbian (Cyrillic): the month after a day is in the genitive, "3. новембра 2026."."""

from django.conf.locale.sr.formats import *  # noqa: F403

DATE_FORMAT = "j. E Y."
DATETIME_FORMAT = "j. E Y. H:i"
MONTH_DAY_FORMAT = "j. E"
