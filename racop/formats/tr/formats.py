"""Turkish: "3 Kasım 2026 10:00", without the day's leading zero; short dates "03.11.2026"."""

from django.conf.locale.tr.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
