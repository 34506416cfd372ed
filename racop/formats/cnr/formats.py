"""Montenegrin dates and numbers: Django ships no locale for it; written as Serbian Latin."""

from racop.formats.sr_Latn.formats import *  # noqa: F403
