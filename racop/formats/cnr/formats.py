"""Montenegrin dates and numbers: Django ships no locale for it; write them as Serbian Latin."""

from django.conf.locale.sr_Latn.formats import *  # noqa: F403
