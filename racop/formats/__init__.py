"""Date and number formats per language (FORMAT_MODULE_PATH), and the month names they use.

Django's catalogs capitalise month names where the language does not (sq, mk, hr), leave
out the form after a day (Serbian writes "3. novembra", not "3. novembar") and abbreviate
some in English ("Aug" for avgust). The formats read F for a month alone ("novembar
2026."), E for a month after a day ("3. novembra 2026.") and M for a chart's axis ("avg");
the names below put all three in the portal's catalogs, which Django reads before its own.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MONTHS = (
    _("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
    _("July"), _("August"), _("September"), _("October"), _("November"), _("December"),
)  # fmt: skip
MONTHS_AFTER_A_DAY = (
    pgettext_lazy("alt. month", "January"), pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"), pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"), pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"), pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"), pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"), pgettext_lazy("alt. month", "December"),
)  # fmt: skip
MONTHS_ABBREVIATED = (
    _("jan"), _("feb"), _("mar"), _("apr"), _("may"), _("jun"),
    _("jul"), _("aug"), _("sep"), _("oct"), _("nov"), _("dec"),
)  # fmt: skip
