"""Bosnian: "3. novembra 2026. 10:00" (Django's wrote "3. novembar. 2026. 10:00 CET")."""

from django.conf.locale.bs.formats import *  # noqa: F403

DATE_FORMAT = "j. E Y."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j. E Y. H:i"
YEAR_MONTH_FORMAT = "F Y."
MONTH_DAY_FORMAT = "j. E"
SHORT_DATE_FORMAT = "j.m.Y."
SHORT_DATETIME_FORMAT = "j.m.Y. H:i"
