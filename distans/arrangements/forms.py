from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from distans.arrangements.abroad import abroad_zone
from distans.arrangements.models import DecisionKind, Location, Status
from distans.core import places
from distans.core.errors import DomainError
from distans.core.forms import DAY_STEPS, DateField, WorkdaysField
from distans.org.forms import MAX_UNITS_IN_SELECT
from distans.org.models import Country, Unit

PATTERNS = [("flexible", _("Flexible days, agreed week by week")), ("fixed", _("Fixed weekdays"))]


class RequestForm(forms.Form):
    days_per_week = forms.TypedChoiceField(
        label=_("Days a week"), choices=DAY_STEPS, coerce=Decimal, initial="2"
    )
    pattern = forms.ChoiceField(
        label=_("Which days"), choices=PATTERNS, widget=forms.RadioSelect, initial="flexible"
    )
    weekdays = WorkdaysField(label=_("Fixed weekdays"))
    location = forms.ChoiceField(
        label=_("Place of work"), choices=Location.choices, widget=forms.RadioSelect, initial=Location.HOME
    )
    abroad_country = forms.ChoiceField(
        label=_("Country abroad"), required=False, choices=lambda: [("", "–"), *places.country_choices()]
    )
    # The chosen country's zones are offered (`__init__`, and the live panel's answer as the country
    # changes); `clean` checks that the zone is one of them.
    time_zone = forms.CharField(label=_("Time zone abroad"), required=False, widget=forms.Select)
    start_date = DateField(label=_("Start"))
    end_date = DateField(
        label=_("End"),
        required=False,
        help_text=_("Leave empty for an arrangement until further notice."),
    )
    trial = forms.BooleanField(label=_("Start with a trial period"), required=False)
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Briefly, why and how it suits your work. No health details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].widget.choices = self._time_zones()

    def _time_zones(self) -> list[tuple[str, str]]:
        """The chosen country's time zones in words; a country with one has it chosen by itself."""
        zones = places.zone_choices(self["abroad_country"].value() or "")
        if len(zones) == 1:
            return zones
        return [("", "–" if zones else str(_("Choose the country first"))), *zones]

    def clean(self):
        data = super().clean()
        if data.get("location") == Location.ABROAD:
            self._clean_abroad(data)
        else:
            data["abroad_country"], data["time_zone"] = "", ""
        if data.get("pattern") == "flexible":
            data["weekdays"] = []
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("The end cannot be before the start."))
        return data

    def _clean_abroad(self, data) -> None:
        try:
            data["time_zone"] = abroad_zone(data.get("abroad_country") or "", data.get("time_zone") or "")
        except DomainError as error:
            if error.field not in self.errors:  # the country's own error (not in the list) says it already
                self.add_error(error.field, error.message)

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "days_per_week": data["days_per_week"],
            "flexible": data["pattern"] == "flexible",
            "weekdays": sorted(data["weekdays"]),
            "location": data["location"],
            "abroad_country": data["abroad_country"],
            "time_zone": data["time_zone"],
            "start_date": data["start_date"],
            "end_date": data.get("end_date"),
            "trial": data["trial"],
            "motivation": data["motivation"].strip(),
        }

    @classmethod
    def initial_from(cls, request) -> dict:
        return {
            "days_per_week": str(request.days_per_week),
            "pattern": "flexible" if request.flexible else "fixed",
            "weekdays": request.weekdays,
            "location": request.location,
            "abroad_country": request.abroad_country,
            "time_zone": places.current_zone(request.time_zone),
            "start_date": request.start_date,
            "end_date": request.end_date,
            "trial": request.trial,
            "motivation": request.motivation,
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject or return the request."),
    )
    days_per_week = forms.TypedChoiceField(
        label=_("Changed days a week"),
        choices=[("", "–"), *DAY_STEPS],
        coerce=Decimal,
        required=False,
        empty_value=None,
    )
    weekdays = WorkdaysField(label=_("Changed fixed weekdays"))
    round = forms.IntegerField(widget=forms.HiddenInput)
    step = forms.IntegerField(widget=forms.HiddenInput)

    def changes(self) -> dict:
        data = self.cleaned_data
        changes = {}
        if data.get("days_per_week") is not None:
            changes["days_per_week"] = data["days_per_week"]
        if data.get("weekdays"):
            changes["weekdays"] = sorted(data["weekdays"])
            changes["flexible"] = False
        return changes


class OverviewFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Country of employment"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.order_by("name"), required=False, empty_label=_("All units")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if Unit.objects.count() > MAX_UNITS_IN_SELECT:  # as in the directory: from links only
            self.fields["unit"].widget = forms.HiddenInput()
        self.fields["status"].choices = [("", _("All")), *Status.choices]
        self.fields["country"].choices = [("", _("All")), *Country.choices]
