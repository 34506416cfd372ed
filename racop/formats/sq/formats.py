"""Albanian: "3 nëntor 2026, 10:00". Django's lack a date-and-time format (so English's
"N j, Y, P" showed) and write the time "5.00.PM"."""

from django.conf.locale.sq.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
