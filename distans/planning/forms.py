import datetime
import hashlib
import json

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from distans.core.forms import DateField, WorkdaysField, validate_date_range
from distans.core.weekdays import WEEKDAYS, WORKDAYS
from distans.org import queries as org_queries
from distans.org.models import Person, Site, Unit
from distans.planning import labels, rules
from distans.planning.models import USUAL, AwayReason, DayKind, Where

DAY_CHOICES = [*DayKind.choices, (USUAL, _("As usual"))]


class DayForm(forms.Form):
    """The choices the service accepts (`services.day_set` checks them again)."""

    date = DateField()
    kind = forms.ChoiceField(choices=DAY_CHOICES)
    site = forms.ModelChoiceField(queryset=Site.objects.all(), required=False)
    away_reason = forms.ChoiceField(choices=[("", "–"), *AwayReason.choices], required=False)
    country = forms.ChoiceField(
        choices=[("", "–"), *((code, code) for code in rules.COUNTRIES)], required=False
    )


class PatternForm(forms.Form):
    valid_from = DateField(label=_("From"))
    site = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Site.objects.order_by("name"),
        required=False,
        empty_label=_("Your own site"),
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


MAX_DUTIES = 20


def duties_fingerprint(duties: list[dict]) -> str:
    return hashlib.sha256(json.dumps(duties, sort_keys=True).encode()).hexdigest()[:16]


def _duty_initial(duty: dict) -> dict:
    return {
        "name": duty.get("name", ""),
        "weekdays": duty.get("weekdays", []),
        "start": duty.get("start"),
        "end": duty.get("end"),
        "time_zone": duty.get("time_zone", labels.DEFAULT_TIME_ZONE),
        "min_people": duty.get("min_people", 1),
    }


class DutyForm(forms.Form):
    """One duty: a task someone must be working for, on some weekdays, between two times in one time
    zone (the shared mailbox 08:00–12:00 Stockholm time, one person)."""

    name = forms.CharField(
        label=_("Duty"), max_length=60, help_text=_("For example: shared mailbox, telephone.")
    )
    weekdays = WorkdaysField(
        label=_("Duty days"),
        required=True,
        error_messages={"required": _("Choose the days the duty is needed.")},
    )
    start = forms.TimeField(label=_("Duty from"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Duty until"), widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label=_("In the time zone"), initial=labels.DEFAULT_TIME_ZONE)
    min_people = forms.IntegerField(
        label=_("People needed for the duty"), min_value=1, max_value=50, initial=1
    )

    def __init__(self, *args, time_zones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = labels.time_zone_choices(time_zones)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] >= data["end"]:
            self.add_error("end", _("The duty must end after it starts."))
        return data


class BaseDutyFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this duty")

    def clean(self):
        if any(self.errors):
            return
        names = [duty["name"].strip().casefold() for duty in self.cleaned_duties()]
        if len(set(names)) < len(names):
            raise forms.ValidationError(
                _("Two duties have the same name; give each its own."), code="duty_twice"
            )

    def cleaned_duties(self) -> list[dict]:
        """The duties kept: every filled-in form not marked for removal, in the order shown."""
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("name")
        ]


DutyFormSet = forms.formset_factory(
    DutyForm,
    formset=BaseDutyFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=MAX_DUTIES,
    validate_max=True,
)


def _date_example() -> str:
    """A date a month ahead, written as the reader's language writes dates in a table."""
    return formats.date_format(timezone.localdate() + datetime.timedelta(days=30), "SHORT_DATE_FORMAT")


def _parse_date(value: str) -> datetime.date | None:
    for pattern in (*formats.get_format("DATE_INPUT_FORMATS"), "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


class UnitSettingsForm(forms.Form):
    office_weekdays = WorkdaysField(
        label=_("Team office days"),
        help_text=_("The days the team meets at the office."),
    )
    office_dates = forms.CharField(label=_("Extra team office dates"), required=False, max_length=500)
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
    # The duties as they were when the page was drawn: saving refuses when someone else has changed
    # them since, so that nobody's duty is dropped by a page opened before it was added.
    duties_seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, settings=None, time_zones=(), **kwargs):
        settings = settings or {}
        self.stored_duties = settings.get("duties") or []
        coverage = settings.get("coverage") or {}
        initial = {
            "office_weekdays": settings.get("office_weekdays", []),
            "office_dates": ", ".join(
                formats.date_format(datetime.date.fromisoformat(date), "SHORT_DATE_FORMAT")
                for date in settings.get("office_dates") or []
            ),
            "reachable_from": settings.get("reachable_from"),
            "reachable_to": settings.get("reachable_to"),
            "meeting_note": settings.get("meeting_note", ""),
            "duties_seen": duties_fingerprint(self.stored_duties),
        }
        data = args[0] if args else kwargs.get("data")
        self.duties = DutyFormSet(
            data,
            prefix="duty",
            initial=[_duty_initial(duty) for duty in self.stored_duties],
            form_kwargs={
                "time_zones": [*time_zones, *(duty.get("time_zone") for duty in self.stored_duties)]
            },
        )
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["office_dates"].help_text = _("Dates separated by commas, written as %(example)s.") % {
            "example": _date_example()
        }
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

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self.duties.is_valid() and valid

    def clean(self):
        data = super().clean()
        if self.is_bound and data.get("duties_seen", "") != duties_fingerprint(self.stored_duties):
            raise forms.ValidationError(
                _(
                    "Someone else changed the duties while you were editing them. Open the settings "
                    "again to see their change, then make yours."
                ),
                code="duties_changed",
            )
        if (
            data.get("reachable_from")
            and data.get("reachable_to")
            and data["reachable_from"] >= data["reachable_to"]
        ):
            self.add_error("reachable_to", _("The reachable hours must end after they start."))
        return data

    def clean_office_dates(self) -> list[str]:
        """Dates as the reader's language writes them (and ISO), stored as ISO."""
        dates = []
        for part in self.cleaned_data["office_dates"].replace(";", ",").split(","):
            if not part.strip():
                continue
            date = _parse_date(part.strip())
            if date is None:
                raise forms.ValidationError(
                    _("%(value)s is not a date; write it as %(example)s.")
                    % {"value": part.strip(), "example": _date_example()}
                )
            validate_date_range(date)
            dates.append(date.isoformat())
        return sorted(set(dates))

    def values(self) -> dict:
        data = self.cleaned_data
        coverage = {}
        for number, _label in WORKDAYS:
            people, share = data.get(f"min_people_{number}") or 0, data.get(f"min_share_{number}") or 0
            if people or share:
                coverage[str(number)] = {"min_people": people, "min_share": share}
        duties = [
            {
                "name": duty["name"],
                "weekdays": sorted(duty["weekdays"]),
                "start": duty["start"].strftime("%H:%M"),
                "end": duty["end"].strftime("%H:%M"),
                "time_zone": duty["time_zone"],
                "min_people": duty["min_people"],
            }
            for duty in self.duties.cleaned_duties()
        ]
        return {
            "office_weekdays": sorted(data["office_weekdays"]),
            "office_dates": data["office_dates"],
            "coverage": coverage,
            "duties": duties,
            "reachable_from": data.get("reachable_from"),
            "reachable_to": data.get("reachable_to"),
            "meeting_note": data.get("meeting_note", ""),
        }


def coming_week(today: datetime.date) -> datetime.date:
    """The Monday of the week the planner opens on: the next one."""
    return today + datetime.timedelta(days=7 - today.weekday())


PLANNABLE_WEEKS = 13  # the coming quarter


def week_choices(today: datetime.date) -> list[tuple[str, str]]:
    """The weeks a plan can still be applied to, by number and dates: "Vecka 2, 2027 · 11 jan.–15 jan."
    (the value stays the ISO week the API takes, 2027-W02)."""
    first = today - datetime.timedelta(days=today.weekday())
    if today.weekday() > 4:  # this week's working days are over
        first += datetime.timedelta(days=7)
    choices = []
    for number in range(PLANNABLE_WEEKS):
        monday = first + datetime.timedelta(weeks=number)
        year, week, _day = monday.isocalendar()
        friday = monday + datetime.timedelta(days=4)
        dates = "–".join(formats.date_format(day, "DAY_MONTH_FORMAT") for day in (monday, friday))
        label = _("Week %(number)s, %(year)s") % {"number": week, "year": year}
        choices.append((rules.iso_week(monday), f"{label} · {dates}"))
    return choices


class PlannerForm(forms.Form):
    # A text field behind a list: a hand-written or API week gets the clear messages of clean_week.
    week = forms.CharField(label=_("Week"), widget=forms.Select)
    choose_office_day = forms.BooleanField(
        label=_("Let the planner choose the team office day"), required=False
    )
    time_limit = forms.IntegerField(
        label=_("Time to search (seconds)"), min_value=2, max_value=60, initial=10
    )
    preferences = forms.IntegerField(
        label=_("People's preferred and unwanted days"), min_value=0, max_value=10, initial=3
    )
    colocation = forms.IntegerField(
        label=_("The team at the office on the same days"), min_value=0, max_value=10, initial=2
    )
    fairness = forms.IntegerField(
        label=_("Nobody always gets the unwanted days"), min_value=0, max_value=10, initial=2
    )
    stability = forms.IntegerField(
        label=_("Few changes from the plan as it is"), min_value=0, max_value=10, initial=1
    )
    balance = forms.IntegerField(label=_("An even load on the office"), min_value=0, max_value=10, initial=1)

    WEIGHTS = ("preferences", "colocation", "fairness", "stability", "balance")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["week"].widget.choices = week_choices(timezone.localdate())

    def setting_fields(self):
        return [self[name] for name in self.fields if name not in self.WEIGHTS]

    def weight_fields(self):
        return [self[name] for name in self.WEIGHTS]

    def clean_week(self):
        try:
            monday = rules.monday_of(self.cleaned_data["week"])
        except ValueError as error:
            raise forms.ValidationError(_("Write the week as 2027-W02.")) from error
        validate_date_range(monday)
        today = timezone.localdate()
        if monday + datetime.timedelta(days=4) < today:  # its working days are over: nothing to apply
            raise forms.ValidationError(
                _("Week %(week)s has passed. Plan week %(next)s or a later one."),
                params={"week": labels.week_number(monday), "next": labels.week_number(coming_week(today))},
            )
        return monday

    def weights(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.WEIGHTS}

    def settings(self) -> dict:
        """The run's settings for `services.planner_start`."""
        data = self.cleaned_data
        return {
            "monday": data["week"],
            "weights": self.weights(),
            "choose_office_day": data["choose_office_day"],
            "time_limit": data["time_limit"],
        }


class OfficeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        desks = ngettext("%(count)s desk", "%(count)s desks", obj.desk_capacity) % {
            "count": obj.desk_capacity
        }
        return ngettext(
            "%(site)s: %(people)s person, %(desks)s",
            "%(site)s: %(people)s people, %(desks)s",
            obj.people_count,
        ) % {"site": obj.name, "people": obj.people_count, "desks": desks}

    def clean(self, value):
        # An id beyond 64 bits would fail in the database rather than match nothing.
        if any(not str(pk).isdigit() or int(pk) >= 2**63 for pk in value or ()):
            raise forms.ValidationError(_("Tick offices from the list."), code="invalid_choice")
        return super().clean(value)


class OfficesPlannerForm(PlannerForm):
    """Several offices for one week with the same settings; each is planned on its own."""

    sites = OfficeChoice(
        # An office where nobody is based has nothing to plan.
        queryset=org_queries.sites_with_counts().filter(
            pk__in=Person.objects.filter(is_active=True).values("site_id")
        ),
        widget=forms.CheckboxSelectMultiple,
        label=_("Offices"),
        error_messages={"required": _("Tick at least one office to plan.")},
    )

    def setting_fields(self):
        return [field for field in super().setting_fields() if field.name != "sites"]

    def settings(self) -> dict:
        return {**super().settings(), "sites": list(self.cleaned_data["sites"])}


class PreferenceForm(forms.Form):
    preferred_office = WorkdaysField(label=_("Days I would rather be at the office"))
    unwanted_office = WorkdaysField(label=_("Days I would rather not be at the office"))

    def clean(self):
        data = super().clean()
        if set(data.get("preferred_office") or []) & set(data.get("unwanted_office") or []):
            raise forms.ValidationError(_("A day cannot be both wanted and unwanted."))
        return data


class UnitFilterForm(forms.Form):
    """HR's choice, on pages about the whole organisation, of one unit (with the units under it)."""

    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.order_by("name"),
        required=False,
        empty_label=_("The whole organisation"),
    )
