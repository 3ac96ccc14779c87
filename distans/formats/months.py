"""Months abbreviated as each language writes them in a date: "7 dec." (sv), "7. des." (nb), "7. dec." (da).

The DAY_MONTH formats use Django's "N" (its months "in Associated Press style"), whose Swedish catalogue
leaves out the full stop ("7 dec"). The project's catalogues, which take precedence over Django's, carry
the abbreviations; they are marked here, with Django's own message ids, so that makemessages keeps them."""

from django.utils.translation import pgettext_lazy

MONTHS_ABBREVIATED = {
    1: pgettext_lazy("abbrev. month", "Jan."),
    2: pgettext_lazy("abbrev. month", "Feb."),
    3: pgettext_lazy("abbrev. month", "March"),
    4: pgettext_lazy("abbrev. month", "April"),
    5: pgettext_lazy("abbrev. month", "May"),
    6: pgettext_lazy("abbrev. month", "June"),
    7: pgettext_lazy("abbrev. month", "July"),
    8: pgettext_lazy("abbrev. month", "Aug."),
    9: pgettext_lazy("abbrev. month", "Sept."),
    10: pgettext_lazy("abbrev. month", "Oct."),
    11: pgettext_lazy("abbrev. month", "Nov."),
    12: pgettext_lazy("abbrev. month", "Dec."),
}
