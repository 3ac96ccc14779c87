"""The period and unit of "Does it work?", from the address (?from=&to=&unit=) so a report can be linked."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from distans.core.forms import DateField
from distans.org.models import Unit

# Weeks before this one and after it that the report shows when no period is chosen: the last quarter
# as it went and the next four weeks as planned.
WEEKS_BACK, WEEKS_AHEAD = 12, 4
LONGEST_DAYS = 366
# Above this many units the unit is typed by its code: a drop-down of thousands helps nobody.
MOST_UNITS_IN_LIST = 300


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    monday = today - datetime.timedelta(days=today.weekday())
    return (
        monday - datetime.timedelta(weeks=WEEKS_BACK),
        monday + datetime.timedelta(weeks=WEEKS_AHEAD + 1, days=-1),
    )


class EffectFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Everyone you follow"),
        help_text=_("With the units under it."),
    )

    def __init__(self, data, *, units, today: datetime.date):
        start, end = default_period(today)
        super().__init__({"from": start, "to": end, **data.dict()} if data is not None else None)
        self.fields["from"] = DateField(label=_("From"))
        self.fields["to"] = DateField(label=_("To"))
        self.order_fields(["from", "to", "unit"])
        field = self.fields["unit"]
        field.queryset = units.order_by("name")  # type: ignore[attr-defined]  # a ModelChoiceField
        if units.count() > MOST_UNITS_IN_LIST:
            field.widget = forms.TextInput()
            field.help_text = _("The unit's code, with the units under it.")

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end:
            if end < start:
                self.add_error("to", _("The end comes before the start."))
            elif (end - start).days >= LONGEST_DAYS:
                self.add_error("to", _("Choose a period of at most a year."))
        return data
