import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from distans.core.forms import time_zone_choices
from distans.core.weekdays import WEEKDAYS, WORKDAYS
from distans.org.models import Site
from distans.planning import rules
from distans.planning.models import AwayReason, DayKind, Where

DAY_CHOICES = [*DayKind.choices, ("usual", _("As usual"))]


class DayForm(forms.Form):
    date = forms.DateField()
    kind = forms.ChoiceField(choices=DAY_CHOICES)
    site = forms.ModelChoiceField(queryset=Site.objects.all(), required=False)
    away_reason = forms.ChoiceField(choices=[("", "–"), *AwayReason.choices], required=False)
    country = forms.CharField(max_length=60, required=False)


class PatternForm(forms.Form):
    valid_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    site = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Site.objects.order_by("name"),
        required=False,
        help_text=_("Empty means your own site."),
    )
    work_start = forms.TimeField(
        label=_("Working day starts"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    work_end = forms.TimeField(label=_("Working day ends"), widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, pattern_days=None, **kwargs):
        super().__init__(*args, **kwargs)
        for number, label in WEEKDAYS:
            self.fields[f"day{number}"] = forms.ChoiceField(
                label=label,
                choices=Where.choices,
                initial=(pattern_days or ("office",) * 5 + ("off",) * 2)[number],
            )

    def clean(self):
        data = super().clean()
        if data.get("work_start") and data.get("work_end") and data["work_start"] >= data["work_end"]:
            self.add_error("work_end", _("The working day must end after it starts."))
        return data

    def days(self) -> list[str]:
        return [self.cleaned_data[f"day{number}"] for number, _label in WEEKDAYS]


class UnitSettingsForm(forms.Form):
    office_weekdays = forms.TypedMultipleChoiceField(
        label=_("Team office days"),
        choices=WORKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The days the team meets at the office."),
    )
    office_dates = forms.CharField(
        label=_("Extra team office dates"),
        required=False,
        max_length=500,
        help_text=_("Dates as YYYY-MM-DD, separated by commas, for example 2027-01-14."),
    )
    reachable_from = forms.TimeField(
        label=_("Reachable from"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    reachable_to = forms.TimeField(
        label=_("Reachable until"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    meeting_note = forms.CharField(
        label=_("Meeting times"),
        max_length=200,
        required=False,
        help_text=_("For example: team meeting Tuesdays 09:00."),
    )
    duty_name = forms.CharField(
        label=_("Duty"), max_length=60, required=False, help_text=_("For example: shared mailbox, telephone.")
    )
    duty_weekdays = forms.TypedMultipleChoiceField(
        label=_("Duty days"),
        choices=WORKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    duty_start = forms.TimeField(
        label=_("Duty from"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    duty_end = forms.TimeField(
        label=_("Duty until"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    duty_time_zone = forms.ChoiceField(
        label=_("In the time zone"), choices=time_zone_choices, required=False, initial="Europe/Stockholm"
    )
    duty_min_people = forms.IntegerField(
        label=_("People needed for the duty"), min_value=1, max_value=50, required=False
    )

    def __init__(self, *args, settings=None, **kwargs):
        settings = settings or {}
        duty = (settings.get("duties") or [{}])[0]
        coverage = settings.get("coverage") or {}
        initial = {
            "office_weekdays": settings.get("office_weekdays", []),
            "office_dates": ", ".join(settings.get("office_dates") or []),
            "reachable_from": settings.get("reachable_from"),
            "reachable_to": settings.get("reachable_to"),
            "meeting_note": settings.get("meeting_note", ""),
            "duty_name": duty.get("name", ""),
            "duty_weekdays": duty.get("weekdays", []),
            "duty_start": duty.get("start"),
            "duty_end": duty.get("end"),
            "duty_time_zone": duty.get("time_zone", "Europe/Stockholm"),
            "duty_min_people": duty.get("min_people"),
        }
        super().__init__(*args, initial=initial, **kwargs)
        for number, label in WORKDAYS:
            rule = coverage.get(str(number)) or {}
            self.fields[f"min_people_{number}"] = forms.IntegerField(
                label=_("%(day)s: at least this many on site") % {"day": label},
                min_value=0,
                max_value=1000,
                required=False,
                initial=rule.get("min_people"),
            )
            self.fields[f"min_share_{number}"] = forms.IntegerField(
                label=_("%(day)s: at least this share on site (%%)") % {"day": label},
                min_value=0,
                max_value=100,
                required=False,
                initial=rule.get("min_share"),
            )

    def clean(self):
        data = super().clean()
        if data.get("duty_name"):
            for name in ("duty_weekdays", "duty_start", "duty_end", "duty_time_zone", "duty_min_people"):
                if not data.get(name):
                    self.add_error(name, _("Needed for the duty."))
            if data.get("duty_start") and data.get("duty_end") and data["duty_start"] >= data["duty_end"]:
                self.add_error("duty_end", _("The duty must end after it starts."))
        if (
            data.get("reachable_from")
            and data.get("reachable_to")
            and data["reachable_from"] >= data["reachable_to"]
        ):
            self.add_error("reachable_to", _("The reachable hours must end after they start."))
        return data

    def clean_office_dates(self) -> list[str]:
        dates = []
        for part in self.cleaned_data["office_dates"].replace(";", ",").split(","):
            if not part.strip():
                continue
            try:
                dates.append(datetime.date.fromisoformat(part.strip()).isoformat())
            except ValueError as error:
                raise forms.ValidationError(
                    _("%(value)s is not a date; write it as YYYY-MM-DD.") % {"value": part.strip()}
                ) from error
        return sorted(set(dates))

    def values(self) -> dict:
        data = self.cleaned_data
        coverage = {}
        for number, _label in WORKDAYS:
            people, share = data.get(f"min_people_{number}") or 0, data.get(f"min_share_{number}") or 0
            if people or share:
                coverage[str(number)] = {"min_people": people, "min_share": share}
        duties = []
        if data.get("duty_name"):
            duties.append(
                {
                    "name": data["duty_name"],
                    "weekdays": sorted(data["duty_weekdays"]),
                    "start": data["duty_start"].strftime("%H:%M"),
                    "end": data["duty_end"].strftime("%H:%M"),
                    "time_zone": data["duty_time_zone"],
                    "min_people": data["duty_min_people"],
                }
            )
        return {
            "office_weekdays": sorted(data["office_weekdays"]),
            "office_dates": data["office_dates"],
            "coverage": coverage,
            "duties": duties,
            "reachable_from": data.get("reachable_from"),
            "reachable_to": data.get("reachable_to"),
            "meeting_note": data.get("meeting_note", ""),
        }


class PlannerForm(forms.Form):
    week = forms.CharField(
        label=_("Week"), max_length=8, help_text=_("As year and ISO week, for example 2027-W02.")
    )
    choose_office_day = forms.BooleanField(
        label=_("Let the planner choose the team office day"), required=False
    )
    time_limit = forms.IntegerField(
        label=_("Time to search (seconds)"), min_value=2, max_value=60, initial=10
    )
    preferences = forms.IntegerField(
        label=_("Weight: preferred and unwanted days"), min_value=0, max_value=10, initial=3
    )
    colocation = forms.IntegerField(
        label=_("Weight: the team at the office on the same days"), min_value=0, max_value=10, initial=2
    )
    fairness = forms.IntegerField(
        label=_("Weight: nobody always gets the unwanted days"), min_value=0, max_value=10, initial=2
    )
    stability = forms.IntegerField(
        label=_("Weight: few changes from today"), min_value=0, max_value=10, initial=1
    )
    balance = forms.IntegerField(
        label=_("Weight: an even load on the office"), min_value=0, max_value=10, initial=1
    )

    def clean_week(self):
        try:
            return rules.monday_of(self.cleaned_data["week"])
        except ValueError as error:
            raise forms.ValidationError(_("Write the week as 2027-W02.")) from error

    def weights(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("preferences", "colocation", "fairness", "stability", "balance")
        }


class PreferenceForm(forms.Form):
    preferred_office = forms.TypedMultipleChoiceField(
        label=_("Days I would rather be at the office"),
        choices=WORKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unwanted_office = forms.TypedMultipleChoiceField(
        label=_("Days I would rather not be at the office"),
        choices=WORKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if set(data.get("preferred_office") or []) & set(data.get("unwanted_office") or []):
            raise forms.ValidationError(_("A day cannot be both wanted and unwanted."))
        return data
