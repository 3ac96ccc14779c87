"""Weekly plans: intent is stored, days are derived.

A person's `WorkPattern` says where they usually are on each weekday, from a date; a change makes a
new pattern from its date and never rewrites the past. A `DayChange` overrides one date. The plan
for a day is computed (`rules.py`): the change, else a public holiday, else the pattern, else the
default. Nothing is stored per person per day.
"""

import datetime
import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

WEEKDAY_FIELDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Where(models.TextChoices):
    OFFICE = "office", _("Office")
    REMOTE = "remote", _("Remote")
    OFF = "off", _("Not working")


class DayKind(models.TextChoices):
    OFFICE = "office", _("Office")
    REMOTE = "remote", _("Remote at home")
    OTHER = "other", _("Other place")
    ABROAD = "abroad", _("Abroad")
    AWAY = "away", _("Away")


class AwayReason(models.TextChoices):
    LEAVE = "leave", _("Leave")
    SICK = "sick", _("Sick")
    TRAVEL = "travel", _("Travel")


# Chosen for a day besides the kinds: back to the usual week (the day's change is removed).
USUAL = "usual"


def _where(default):
    return models.CharField(max_length=10, choices=Where.choices, default=default)


class WorkPattern(models.Model):
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="work_patterns")
    valid_from = models.DateField(_("valid from"))
    mon = _where(Where.OFFICE)
    tue = _where(Where.OFFICE)
    wed = _where(Where.OFFICE)
    thu = _where(Where.OFFICE)
    fri = _where(Where.OFFICE)
    sat = _where(Where.OFF)
    sun = _where(Where.OFF)
    site = models.ForeignKey(
        "org.Site",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The office on office days; empty means the person's site.",
    )
    work_start = models.TimeField(_("working day starts"), default=datetime.time(8, 0))
    work_end = models.TimeField(_("working day ends"), default=datetime.time(16, 30))
    created_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["person", "valid_from"], name="one_pattern_per_start"),
            models.CheckConstraint(
                condition=Q(work_start__lt=models.F("work_end")), name="pattern_hours_in_order"
            ),
        ]

    def __str__(self):
        return f"{self.person} from {self.valid_from}"

    def days(self) -> tuple[str, ...]:
        return tuple(getattr(self, field) for field in WEEKDAY_FIELDS)


class DayChange(models.Model):
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="day_changes")
    date = models.DateField()
    kind = models.CharField(max_length=10, choices=DayKind.choices)
    site = models.ForeignKey("org.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    country = models.CharField(max_length=60, blank=True)
    away_reason = models.CharField(max_length=10, choices=AwayReason.choices, blank=True)
    flexible = models.BooleanField(default=False, help_text="A remote day outside an agreement (seed 004).")
    created_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        indexes = [models.Index(fields=["date", "site"])]
        constraints = [
            models.UniqueConstraint(fields=["person", "date"], name="one_change_per_day"),
            models.CheckConstraint(
                condition=~Q(kind="office") | Q(site__isnull=False), name="office_day_has_site"
            ),
        ]

    def __str__(self):
        return f"{self.person} {self.date} {self.kind}"


class UnitPlanSettings(models.Model):
    """A unit's team office days, coverage rules, duties, and reachable hours, in one row so a team
    week needs one query for all of them. Validated by `forms.UnitSettingsForm`."""

    unit = models.OneToOneField("org.Unit", on_delete=models.CASCADE, related_name="plan_settings")
    office_weekdays = models.JSONField(default=list, blank=True, help_text="Team office days: 0 = Monday.")
    office_dates = models.JSONField(
        default=list, blank=True, help_text='Extra team office dates: ["2027-01-14"].'
    )
    coverage = models.JSONField(
        default=dict, blank=True, help_text='{"0": {"min_people": 3, "min_share": 0}, …} per weekday'
    )
    duties = models.JSONField(
        default=list,
        blank=True,
        help_text='[{"name", "weekdays", "start", "end", "time_zone", "min_people"}]',
    )
    reachable_from = models.TimeField(_("reachable from"), null=True, blank=True)
    reachable_to = models.TimeField(_("reachable until"), null=True, blank=True)
    meeting_note = models.CharField(_("meeting times"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.unit} plan settings"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class FeedToken(models.Model):
    """The secret in a calendar feed's address: the person's own feed, or a unit's."""

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="feed_tokens")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "unit"], name="one_feed_per_person_and_unit"),
            models.UniqueConstraint(
                fields=["person"], condition=Q(unit__isnull=True), name="one_personal_feed"
            ),
        ]

    def __str__(self):
        return f"feed of {self.person}"


class PlannerRun(models.Model):
    """One run of the planner for a unit (or a whole site) and a week, worked by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        APPLIED = "applied", _("Applied")

    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("org.Site", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    week_start = models.DateField()
    options = models.JSONField(default=dict, blank=True, help_text="weights, choose_office_day, time_limit")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    stop_requested = models.BooleanField(default=False)
    started_by = models.ForeignKey("org.Person", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) ^ Q(site__isnull=False), name="planner_run_unit_or_site"
            )
        ]

    def __str__(self):
        return f"planner {self.unit or self.site} {self.week_start}"

    @property
    def subject(self):
        return self.unit or self.site


class PlanPreference(models.Model):
    """Weekdays a person would rather be at the office, or rather not; the planner weighs them."""

    person = models.OneToOneField("org.Person", on_delete=models.CASCADE, related_name="plan_preference")
    preferred_office = models.JSONField(default=list, blank=True)
    unwanted_office = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"preferences of {self.person}"
