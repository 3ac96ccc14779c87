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
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from distans.core.weekdays import NAMES as WEEKDAY_NAMES

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


def _short(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


# Chosen for a day besides the kinds: back to the usual week (the day's change is removed).
USUAL = "usual"


def _where(default, weekday: int):
    return models.CharField(WEEKDAY_NAMES[weekday], max_length=10, choices=Where.choices, default=default)


class WorkPattern(models.Model):
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="work_patterns", verbose_name=_("person")
    )
    valid_from = models.DateField(_("valid from"))
    mon = _where(Where.OFFICE, 0)
    tue = _where(Where.OFFICE, 1)
    wed = _where(Where.OFFICE, 2)
    thu = _where(Where.OFFICE, 3)
    fri = _where(Where.OFFICE, 4)
    sat = _where(Where.OFF, 5)
    sun = _where(Where.OFF, 6)
    site = models.ForeignKey(
        "org.Site",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The office on office days; empty means the person's site."),
        verbose_name=_("site"),
    )
    work_start = models.TimeField(_("working day starts"), default=datetime.time(8, 0))
    work_end = models.TimeField(_("working day ends"), default=datetime.time(16, 30))
    created_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        ordering = ["person", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["person", "valid_from"], name="one_pattern_per_start"),
            models.CheckConstraint(
                condition=Q(work_start__lt=models.F("work_end")), name="pattern_hours_in_order"
            ),
        ]
        verbose_name = _("work pattern")
        verbose_name_plural = _("work patterns")

    def __str__(self):
        return gettext("%(person)s from %(date)s") % {"person": self.person, "date": _short(self.valid_from)}

    def days(self) -> tuple[str, ...]:
        return tuple(getattr(self, field) for field in WEEKDAY_FIELDS)


class DayChange(models.Model):
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="day_changes", verbose_name=_("person")
    )
    date = models.DateField(verbose_name=_("date"))
    kind = models.CharField(max_length=10, choices=DayKind.choices, verbose_name=_("day"))
    site = models.ForeignKey(
        "org.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("site")
    )
    country = models.CharField(max_length=60, blank=True, verbose_name=_("country"))
    away_reason = models.CharField(
        max_length=10, choices=AwayReason.choices, blank=True, verbose_name=_("reason for absence")
    )
    flexible = models.BooleanField(  # seed 004
        default=False, help_text=_("A remote day outside an agreement."), verbose_name=_("flexible")
    )
    created_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        ordering = ["date"]
        indexes = [models.Index(fields=["date", "site"])]
        constraints = [
            models.UniqueConstraint(fields=["person", "date"], name="one_change_per_day"),
            models.CheckConstraint(
                condition=~Q(kind="office") | Q(site__isnull=False), name="office_day_has_site"
            ),
        ]
        verbose_name = _("day change")
        verbose_name_plural = _("day changes")

    def __str__(self):
        return f"{self.person}, {_short(self.date)}: {self.get_kind_display()}"


class UnitPlanSettings(models.Model):
    """A unit's team office days, coverage rules, duties, and reachable hours, in one row so a team
    week needs one query for all of them. Validated by `forms.UnitSettingsForm`."""

    unit = models.OneToOneField(
        "org.Unit", on_delete=models.CASCADE, related_name="plan_settings", verbose_name=_("unit")
    )
    # Weekdays, 0 = Monday.
    office_weekdays = models.JSONField(default=list, blank=True, verbose_name=_("team office days"))
    # Extra team office dates: ["2027-01-14"].
    office_dates = models.JSONField(default=list, blank=True, verbose_name=_("office dates"))
    # {"0": {"min_people": 3, "min_share": 0}, …} per weekday.
    coverage = models.JSONField(default=dict, blank=True, verbose_name=_("coverage"))
    # [{"name", "weekdays", "start", "end", "time_zone", "min_people"}]
    duties = models.JSONField(default=list, blank=True, verbose_name=_("duties"))
    reachable_from = models.TimeField(_("reachable from"), null=True, blank=True)
    reachable_to = models.TimeField(_("reachable until"), null=True, blank=True)
    meeting_note = models.CharField(_("meeting times"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    class Meta:
        verbose_name = _("team plan settings")
        verbose_name_plural = _("team plan settings")

    def __str__(self):
        return gettext("Plan settings for %(unit)s") % {"unit": self.unit}


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class FeedToken(models.Model):
    """The secret in a calendar feed's address: the person's own feed, or a unit's."""

    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="feed_tokens", verbose_name=_("person")
    )
    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, verbose_name=_("token"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "unit"], name="one_feed_per_person_and_unit"),
            models.UniqueConstraint(
                fields=["person"], condition=Q(unit__isnull=True), name="one_personal_feed"
            ),
        ]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return gettext("Calendar feed of %(person)s") % {"person": self.person}


class PlannerBatch(models.Model):
    """Several offices planned for one week with the same settings: one run per office, each its own
    background task, so as many offices are worked at once as there are task workers."""

    week_start = models.DateField(verbose_name=_("week"))
    started_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("started by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("planning of several offices")
        verbose_name_plural = _("plannings of several offices")

    def __str__(self):
        return gettext("Offices planned for the week of %(date)s") % {"date": _short(self.week_start)}


class PlannerRun(models.Model):
    """One run of the planner for a unit (or a whole site) and a week, worked by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        APPLIED = "applied", _("Applied")

    unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    site = models.ForeignKey(
        "org.Site", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )
    batch = models.ForeignKey(
        PlannerBatch,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="runs",
        verbose_name=_("planning of several offices"),
    )
    week_start = models.DateField(verbose_name=_("week"))
    # weights, choose_office_day, time_limit
    options = models.JSONField(default=dict, blank=True, verbose_name=_("options"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, verbose_name=_("status")
    )
    progress = models.JSONField(default=dict, blank=True, verbose_name=_("progress"))
    result = models.JSONField(default=dict, blank=True, verbose_name=_("result"))
    stop_requested = models.BooleanField(default=False, verbose_name=_("stop requested"))
    started_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("started by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed"))

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) ^ Q(site__isnull=False), name="planner_run_unit_or_site"
            )
        ]
        verbose_name = _("planner run")
        verbose_name_plural = _("planner runs")

    def __str__(self):
        return gettext("Planner run for %(place)s, week of %(date)s") % {
            "place": self.unit or self.site,
            "date": _short(self.week_start),
        }

    @property
    def subject(self):
        return self.unit or self.site


class PlanPreference(models.Model):
    """Weekdays a person would rather be at the office, or rather not; the planner weighs them."""

    person = models.OneToOneField(
        "org.Person", on_delete=models.CASCADE, related_name="plan_preference", verbose_name=_("person")
    )
    preferred_office = models.JSONField(default=list, blank=True, verbose_name=_("preferred office days"))
    unwanted_office = models.JSONField(
        default=list, blank=True, verbose_name=_("days not wanted at the office")
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    class Meta:
        verbose_name = _("office day preferences")
        verbose_name_plural = _("office day preferences")

    def __str__(self):
        return gettext("Office day preferences of %(person)s") % {"person": self.person}
