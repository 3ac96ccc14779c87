"""Writes to plans: a day's change, a new weekly pattern, a unit's settings, a calendar feed's secret.

A day at the office takes a desk: the site's row is locked while the desks are counted, so two people
taking the last desk at once cannot both succeed.
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from distans.arrangements.models import Location
from distans.core import weekdays
from distans.core.audit import audit_record
from distans.core.dates import DATE_MAX
from distans.core.errors import Conflict, DomainError
from distans.org.models import Person, Site, Unit
from distans.planning import queries, rules, tasks
from distans.planning.audit_actions import PlanAudit
from distans.planning.models import (
    USUAL,
    WEEKDAY_FIELDS,
    AwayReason,
    DayChange,
    DayKind,
    FeedToken,
    PlannerBatch,
    PlannerRun,
    PlanPreference,
    UnitPlanSettings,
    Where,
    WorkPattern,
)
from distans.policy import queries as policy_queries
from distans.policy.findings import plain_number


def day_set(
    *,
    actor,
    person: Person,
    date: datetime.date,
    kind: str,
    site: Site | None = None,
    away_reason: str = "",
    country: str = "",
) -> rules.Day:
    """Change where the person is on a date, or (kind "usual") go back to the usual week. Refused with
    the reason when it breaks the agreement, the policy or the site's capacity. Every office day the
    result holds is counted against the desks, the usual office's too."""
    _check_day(date, kind, away_reason, country)
    with transaction.atomic():
        usual = queries.person_days(person, [date], usual=True)[0]
        same = (
            kind == usual.kind
            and not away_reason
            and (kind != rules.OFFICE or site is None or site.pk == usual.site_id)
        )
        if kind == USUAL or same:
            if usual.kind == rules.OFFICE and usual.site_id is not None:
                _take_desk(Site(pk=usual.site_id), person, date)
            DayChange.objects.filter(person=person, date=date).delete()
            audit_record(
                actor=actor, action=PlanAudit.RESET, obj=person, changes={"date": [None, date.isoformat()]}
            )
            return usual
        _check_weekend(person, date)
        flexible = False
        if kind in rules.AWAY_FROM_OFFICE:
            flexible = _check_remote(person, date, kind, usual, own=getattr(actor, "pk", None) == person.pk)
        if kind == rules.OFFICE:
            if site is None and (usual_site := queries.usual_site_id(person, date)) is not None:
                site = Site.objects.filter(pk=usual_site).first()
            if site is None:
                raise DomainError("no_site", _("Choose the office you will work at."), field="site")
            _take_desk(site, person, date)
        DayChange.objects.update_or_create(
            person=person,
            date=date,
            defaults={
                "kind": kind,
                "site": site if kind == rules.OFFICE else None,
                "country": country if kind == rules.ABROAD else "",
                "away_reason": away_reason if kind == rules.AWAY else "",
                "flexible": flexible,
                "created_by": actor,
            },
        )
        audit_record(
            actor=actor,
            action=PlanAudit.CHANGE,
            obj=person,
            changes={"date": [None, date.isoformat()], "kind": [usual.kind, kind]},
        )
    return queries.person_days(person, [date])[0]


def _check_day(date: datetime.date, kind: str, away_reason: str, country: str) -> None:
    """What a day may be set to: the one definition, which the API's schema and the forms offer as
    choices. Junk is refused here too, so that no way in stores it."""
    kinds = (*DayKind.values, USUAL)
    if kind not in kinds:
        raise DomainError(
            "invalid_kind",
            _("The kind of day must be one of: %(choices)s.") % {"choices": ", ".join(kinds)},
            field="kind",
        )
    if away_reason not in ("", *AwayReason.values):
        raise DomainError(
            "invalid_away_reason",
            _("The reason for being away must be one of: %(choices)s.")
            % {"choices": ", ".join(AwayReason.values)},
            field="away_reason",
        )
    if country not in ("", *rules.COUNTRIES):
        raise DomainError(
            "invalid_country",
            _("The country must be a two-letter ISO code in capitals, such as ES or TH."),
            field="country",
        )
    today = timezone.localdate()
    if date < today:
        raise DomainError("day_in_past", _("Days that have passed cannot be changed."), field="date")
    last = today + datetime.timedelta(days=rules.DAYS_AHEAD)
    if date > last:
        raise DomainError(
            "day_too_far",
            _("Days can be planned up to %(date)s.")
            % {"date": formats.date_format(last, "SHORT_DATE_FORMAT")},
            field="date",
        )


def _check_weekend(person: Person, date: datetime.date) -> None:
    """A weekend day is planned only for those whose usual week works it: nobody books a desk, or a day at
    home, on a Saturday they do not work."""
    if queries.weekend_off(person, [date])[0]:
        raise DomainError(
            "not_a_working_day",
            _(
                "Work cannot be planned on %(day)s: it is not a working day in the usual week. To work "
                "that day, first add it to the usual week."
            )
            % {"day": formats.date_format(date, "WEEKDAY_DATE_FORMAT")},
            field="date",
        )


def _check_remote(person: Person, date: datetime.date, kind: str, usual: rules.Day, *, own: bool) -> bool:
    """A remote day must fit the agreement; without one it is a flexible day within the policy's
    monthly allowance. Returns whether it is a flexible day. The refusal speaks to the person (`own`), or
    of her agreement to the manager who planned the day (the planner puts her name before it)."""
    right = queries.right_on(person, date)
    if kind == rules.ABROAD and (right is None or right.location != Location.ABROAD):
        raise DomainError(
            "abroad_needs_agreement",
            _("Work from abroad needs a signed agreement that covers it; ask for it under Requests."),
        )
    if right is not None:
        if right.weekdays and date.weekday() not in right.weekdays:
            raise DomainError(
                "not_agreed_weekday",
                (
                    _("Your agreement fixes your remote days to %(weekdays)s.")
                    if own
                    else _("The agreement fixes the remote days to %(weekdays)s.")
                )
                % {"weekdays": ", ".join(str(weekdays.NAMES[day]) for day in right.weekdays)},
            )
        week = queries.week_of(date)
        days = queries.person_days(person, week, what_if={date: rules.Change(kind=kind)})
        count, allowed = rules.remote_days(days), rules.weekly_allowance(right.days_per_week, week[0])
        if count > allowed:
            values = {"days": plain_number(right.days_per_week), "count": count, "allowed": allowed}
            if allowed == right.days_per_week:
                message = (
                    _("Your agreement covers %(days)s days a week; this would be %(count)s.")
                    if own
                    else _("The agreement covers %(days)s days a week; this would be %(count)s.")
                )
            else:
                message = (
                    _(
                        "Your agreement covers %(days)s days a week, which is %(allowed)s days this week; "
                        "this would be %(count)s."
                    )
                    if own
                    else _(
                        "The agreement covers %(days)s days a week, which is %(allowed)s days this week; "
                        "this would be %(count)s."
                    )
                )
            raise DomainError("above_agreement", message % values)
        return False
    if usual.kind in rules.AWAY_FROM_OFFICE:
        return False
    policy = policy_queries.in_force(date)
    if policy is None or not policy.flex_days_allowed:
        raise DomainError(
            "no_flexible_days",
            _("Remote days need an agreement: the policy allows no flexible days without one."),
        )
    used = queries.flexible_days_in_month(person, date) + 1
    if used > policy.flex_days_per_month:
        raise DomainError(
            "flexible_days_used",
            _(
                "The policy allows %(allowed)s flexible days a month without an agreement; this would be "
                "%(count)s."
            )
            % {"allowed": policy.flex_days_per_month, "count": used},
        )
    return True


def _take_desk(site: Site, person: Person, date: datetime.date) -> None:
    """A desk for the person, unless they already hold one there that day. The site's row is locked
    first, so bookings at this site (any way in: a change, back to the usual week) wait for each other
    and count what the one before wrote."""
    site = Site.objects.select_for_update().get(pk=site.pk)
    if site.desk_capacity is None:
        return
    now = queries.person_days(person, [date])[0]
    if now.kind == rules.OFFICE and now.site_id == site.pk:
        return
    taken = queries.office_count(site, date, excluding=person.pk)
    if taken >= site.desk_capacity:
        raise Conflict(
            "site_full",
            _(
                "All %(desks)s desks at %(site)s are taken on %(date)s. Choose another day or another way to "
                "work."
            )
            % {
                "desks": site.desk_capacity,
                "site": site.name,
                "date": formats.date_format(date, "DATE_FORMAT"),
            },
        )


def _check_pattern(person: Person, valid_from: datetime.date, remote: list[int]) -> None:
    if not remote:
        return
    right = queries.right_on(person, valid_from)
    if right is None:
        raise DomainError(
            "pattern_needs_agreement",
            _("Remote days in the usual week need a remote work agreement in force from %(date)s.")
            % {"date": formats.date_format(valid_from, "SHORT_DATE_FORMAT")},
        )
    if right.weekdays and not set(remote) <= set(right.weekdays):
        raise DomainError(
            "not_agreed_weekday",
            _("The agreement fixes the remote days to %(weekdays)s.")
            % {"weekdays": ", ".join(str(weekdays.NAMES[day]) for day in right.weekdays)},
        )
    if len(remote) > right.days_per_week:
        raise DomainError(
            "pattern_above_agreement",
            _("The agreement covers %(days)s remote days a week; this usual week has %(count)s.")
            % {"days": plain_number(right.days_per_week), "count": len(remote)},
        )


def pattern_set(
    *,
    actor,
    person: Person,
    valid_from: datetime.date,
    days: list[str],
    site: Site | None = None,
    work_start: datetime.time | None = None,
    work_end: datetime.time | None = None,
) -> WorkPattern:
    """A new usual week from a date. The past is never rewritten: the date may not lie before today.
    Its remote days must fit the agreement in force from that date, whoever sets it."""
    if valid_from < timezone.localdate():
        raise DomainError(
            "pattern_in_past",
            _("A new weekly pattern starts today or later; the past stays as it was."),
            field="valid_from",
        )
    if valid_from > DATE_MAX:
        raise DomainError(
            "pattern_too_far",
            _("A usual week must start by %(date)s.")
            % {"date": formats.date_format(DATE_MAX, "SHORT_DATE_FORMAT")},
            field="valid_from",
        )
    if len(days) != 7 or any(where not in Where.values for where in days):
        raise DomainError(
            "invalid_days",
            _("A usual week has seven days, Monday to Sunday, each one of: %(choices)s.")
            % {"choices": ", ".join(Where.values)},
            field="days",
        )
    stored = WorkPattern.objects.filter(person=person, valid_from=valid_from).first()
    start = work_start or (stored.work_start if stored else rules.DEFAULT_HOURS[0])
    end = work_end or (stored.work_end if stored else rules.DEFAULT_HOURS[1])
    if end <= start:
        raise DomainError(
            "hours_in_wrong_order", _("The working day must end after it starts."), field="work_end"
        )
    _check_pattern(person, valid_from, [day for day, where in enumerate(days) if where == rules.REMOTE])
    values = {**dict(zip(WEEKDAY_FIELDS, days, strict=True)), "work_start": start, "work_end": end}
    with transaction.atomic():
        pattern, _created = WorkPattern.objects.update_or_create(
            person=person, valid_from=valid_from, defaults={**values, "site": site, "created_by": actor}
        )
        audit_record(
            actor=actor,
            action=PlanAudit.PATTERN,
            obj=person,
            changes={"valid_from": [None, valid_from.isoformat()], "days": [None, list(days)]},
        )
    return pattern


def unit_settings_save(*, actor, unit: Unit, **values) -> UnitPlanSettings:
    with transaction.atomic():
        settings, _created = UnitPlanSettings.objects.update_or_create(
            unit=unit, defaults={**values, "updated_by": actor}
        )
        audit_record(
            actor=actor,
            action=PlanAudit.UNIT_SETTINGS,
            obj=unit,
            changes={key: [None, str(value)] for key, value in values.items()},
        )
    return settings


def feed_reset(*, actor, person: Person, unit: Unit | None = None) -> FeedToken:
    """A new secret address for a calendar feed; the old address stops working at once."""
    with transaction.atomic():
        FeedToken.objects.filter(person=person, unit=unit).delete()
        token = FeedToken.objects.create(person=person, unit=unit)
        audit_record(actor=actor, action=PlanAudit.FEED_RESET, obj=person)
    return token


def planner_start(
    *,
    actor,
    unit: Unit | None = None,
    site: Site | None = None,
    monday: datetime.date,
    weights: dict,
    choose_office_day: bool,
    time_limit: int,
    batch: PlannerBatch | None = None,
) -> PlannerRun:
    with transaction.atomic():
        run = PlannerRun.objects.create(
            unit=unit,
            site=site,
            batch=batch,
            week_start=monday,
            started_by=actor,
            options={"weights": weights, "choose_office_day": choose_office_day, "time_limit": time_limit},
        )
        audit_record(
            actor=actor,
            action=PlanAudit.PLANNER_START,
            obj=unit or site,
            changes={"week": [None, monday.isoformat()]},
        )
        tasks.planner_run.enqueue(run.pk)
    return run


def planner_start_offices(
    *,
    actor,
    sites: list[Site],
    monday: datetime.date,
    weights: dict,
    choose_office_day: bool,
    time_limit: int,
) -> PlannerBatch:
    """Several offices for one week: a run and a background task per office, so each free task worker
    takes one office and two workers (or two machines) plan two offices at once."""
    with transaction.atomic():
        batch = PlannerBatch.objects.create(week_start=monday, started_by=actor)
        for site in sites:
            planner_start(
                actor=actor,
                site=site,
                monday=monday,
                weights=weights,
                choose_office_day=choose_office_day,
                time_limit=time_limit,
                batch=batch,
            )
    return batch


def planner_stop(*, runs) -> int:
    """Ask runs to stop: one still waiting ends without solving, one solving keeps its best plan so
    far. Whichever worker holds a run reads the request from the database."""
    return runs.filter(status__in=(PlannerRun.Status.QUEUED, PlannerRun.Status.RUNNING)).update(
        stop_requested=True
    )


def planner_apply(*, actor, run: PlannerRun, people: list[int], usual_week: bool = False) -> dict:
    """Make the proposal real for the chosen people: for that week, one day change at a time so every
    rule (agreement, desks) still holds, refusals reported and not forced; or (`usual_week`) as their
    usual week from that week on."""
    week = [run.week_start + datetime.timedelta(days=offset) for offset in range(5)]
    result: dict[str, Any] = {"changed": 0, "refused": []}
    pending = []
    for person in Person.objects.filter(pk__in=people, is_active=True):
        proposed = set(run.result["office"].get(str(person.pk), []))
        if usual_week:
            # Days the usual week leaves off stay off; a holiday that week changes nothing.
            usual = rules.pattern_on(
                queries.patterns_for(Person.objects.filter(pk=person.pk), week[0]).get(person.pk, []), week[0]
            )
            off = {day for day in range(7) if (usual.days if usual else rules.DEFAULT_WEEK)[day] == rules.OFF}
            days = [
                rules.OFF if day in off else rules.OFFICE if day in proposed else rules.REMOTE
                for day in range(7)
            ]
            pattern_set(
                actor=actor, person=person, valid_from=max(run.week_start, timezone.localdate()), days=days
            )
            result["changed"] += 1
            tasks.plan_changed_notify.enqueue(person.pk, run.week_start.isoformat())
            continue
        for day in queries.person_days(person, week):
            wanted = rules.OFFICE if day.date.weekday() in proposed else rules.REMOTE
            movable = day.kind in (rules.OFFICE, rules.REMOTE) and day.date >= timezone.localdate()
            if movable and day.kind != wanted:
                pending.append((person, day.date, wanted))
    # One change at a time keeps every rule, but the order matters: a person's day at the office comes
    # before her day at home (her agreement counts the week), and a desk may only free up when someone
    # else moves home. So go round while anything still succeeds; what never does is reported.
    pending.sort(key=lambda change: (change[0].pk, change[2] != rules.OFFICE, change[1]))
    changed, refusals = set(), {}
    while pending:
        waiting = []
        for person, date, wanted in pending:
            try:
                day_set(actor=actor, person=person, date=date, kind=wanted)
                changed.add(person.pk)
            except DomainError as error:
                refusals[person.pk, date] = f"{person}: {error.message}"
                waiting.append((person, date, wanted))
        if len(waiting) == len(pending):
            break
        pending = waiting
    result["refused"] += [refusals[person.pk, date] for person, date, _wanted in pending]
    result["changed"] += len(changed)
    for person_id in changed:
        tasks.plan_changed_notify.enqueue(person_id, run.week_start.isoformat())
    run.status = run.Status.APPLIED
    run.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=PlanAudit.PLANNER_APPLY,
        obj=run.subject,
        changes={"people": [None, result["changed"]]},
    )
    return result


def plan_preferences_set(
    *, actor, person: Person, preferred: list[int], unwanted: list[int]
) -> PlanPreference:
    with transaction.atomic():
        preference, _created = PlanPreference.objects.update_or_create(
            person=person,
            defaults={"preferred_office": sorted(preferred), "unwanted_office": sorted(unwanted)},
        )
        audit_record(
            actor=actor,
            action=PlanAudit.PREFERENCES,
            obj=person,
            changes={"preferred": [None, sorted(preferred)], "unwanted": [None, sorted(unwanted)]},
        )
    return preference
