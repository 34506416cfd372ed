"""Macedonian: "3 ноември 2026, 10:00", the month in small letters, no dot after the day."""

from django.conf.locale.mk.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
