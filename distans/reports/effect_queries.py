"""Reads for "Does it work?": the plans against the agreements per unit and week, and the counts of
requests, agreements, evaluations, deviations, checklists, the pulse and leavers, for the people a
user may follow. Each function takes those people as a queryset and runs a fixed number of queries
whatever their number; the plans are the only part computed person by person (in `planning.rules`),
which is why `plan_weeks` is bounded by `PLAN_PERSON_WEEKS`."""

import datetime
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, ExtractYear
from django.utils.functional import Promise

from distans.agreements.models import Agreement, AgreementStatus
from distans.agreements.rights import right_on, rights_for
from distans.arrangements.models import Decision, Request, Status, Step
from distans.checklists import queries as checklist_queries
from distans.checklists.models import Assignment, Kind
from distans.core.dates import day_start
from distans.core.models import AuditEntry
from distans.followup import rules as followup_rules
from distans.followup.models import Deviation, DeviationKind, Evaluation, Outcome
from distans.org.audit_actions import OrgAudit
from distans.org.models import Person, Unit
from distans.planning import queries as plan_queries
from distans.planning import rules as plan_rules
from distans.planning.models import DayChange, UnitPlanSettings
from distans.reports import aggregation

# Plans are computed day by day for each person: at most this many person-weeks on one page (600
# people over 17 weeks). Beyond it the page asks for a unit or a shorter period.
PLAN_PERSON_WEEKS = 600 * 17

# Agreements that are or were signed: a person "with an agreement".
SIGNED = (
    AgreementStatus.SIGNED,
    AgreementStatus.ACTIVE,
    AgreementStatus.SUSPENDED,
    AgreementStatus.ENDED,
    AgreementStatus.EXPIRED,
)
IN_FORCE = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED)


def mondays(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    first = start - datetime.timedelta(days=start.weekday())
    return [first + datetime.timedelta(weeks=n) for n in range((end - first).days // 7 + 1)]


@dataclass
class Week:
    """One group's week as planned: person-weeks compared with their agreement, remote and working days,
    team office days kept, coverage and duty shortfalls."""

    people: int = 0
    working: int = 0
    remote: int = 0
    more: int = 0  # person-weeks with more remote days than the agreement allows
    fewer: int = 0  # person-weeks with fewer remote days than the agreement asks (2 of 2.5, say)
    team_days: int = 0  # a member working on a team office day
    team_kept: int = 0  # … at the office
    coverage: int = 0  # days below the unit's minimum at the office
    duties: int = 0  # days a duty was not covered

    def add(self, other: "Week") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def remote_share(self) -> int | None:
        return round(100 * self.remote / self.working) if self.working else None

    @property
    def team_share(self) -> int | None:
        return round(100 * self.team_kept / self.team_days) if self.team_days else None


@dataclass
class UnitPlan:
    unit_id: int | None
    name: str
    people: int
    weeks: list[Week]
    attachment: int = 0  # people averaging more remote days a week than the policy's warning level
    total: Week = field(default_factory=Week)
    path: str = ""  # the units above, from the top: "Nordvik Group › Support"
    withheld: bool = False  # its figures less its shown teams' would tell about too few people

    @property
    def group(self) -> int:
        """The group its figures are about, for `aggregation.shown`: none when withheld."""
        return 0 if self.withheld else self.people

    def add(self, other: "UnitPlan") -> None:
        self.people += other.people
        self.attachment += other.attachment
        self.total.add(other.total)
        for week, more in zip(self.weeks, other.weeks, strict=True):
            week.add(more)


def plan_weeks(people, weeks: list[datetime.date], warning: Decimal) -> dict:
    """The active people's weeks as planned (changes included), per unit and in total. Where each person
    is comes from `planning.rules.kinds`, which gives people who keep one usual week the same days, so
    their weeks are counted once; only units with a duty, whose cover depends on working hours, are
    planned in full. About ten queries."""
    dates = [monday + datetime.timedelta(days=day) for monday in weeks for day in range(7)]
    active = people.filter(is_active=True)
    rows, kinds = plan_queries.kinds_for(active, dates)
    rights = rights_for(active.values("pk"), dates[0], dates[-1])
    # As `planning.queries.fully_remote`, from the rights already read: they skip team office days.
    away_always = {
        pk for pk, own in rights.items() if (right := right_on(own, dates[0])) and right.days_per_week >= 5
    }
    flexible = Counter(
        (person_id, (date - dates[0]).days // 7)
        for person_id, date in DayChange.objects.filter(
            person__in=active.values("pk"), date__range=(dates[0], dates[-1]), flexible=True
        ).values_list("person_id", "date")
    )
    members: defaultdict[int | None, list[tuple]] = defaultdict(list)
    for row in rows:
        members[row[6]].append(row)
    stored = {
        row["unit_id"]: row
        for row in UnitPlanSettings.objects.filter(unit__in=[unit for unit in members if unit]).values(
            "unit_id", "office_weekdays", "office_dates", "coverage", "duties"
        )
    }
    with_duties = [unit for unit, settings in stored.items() if settings["duties"]]
    planned = plan_queries.plan_for(active.filter(unit__in=with_duties), dates)[1] if with_duties else {}
    names = dict(Unit.objects.filter(pk__in=[unit for unit in members if unit]).values_list("pk", "name"))
    units = []
    for unit_id, unit_rows in members.items():
        settings: Mapping[str, Any] = (stored.get(unit_id) if unit_id else None) or {
            "coverage": {},
            "duties": [],
            "office_weekdays": [],
        }
        plan = UnitPlan(unit_id, names.get(unit_id, "–") if unit_id else "–", len(unit_rows), [])
        problems = _problems(dates, unit_rows, kinds, planned, settings, frozenset(away_always))
        plan.weeks = [
            Week(coverage=problems[("coverage", index)], duties=problems[("duty", index)])
            for index in range(len(weeks))
        ]
        team_day = [plan_rules.is_office_day(date, settings) for date in dates]
        counted: dict[int, list[tuple[int, int, int, int]]] = {}  # the same days, counted once
        for row in unit_rows:
            pairs = kinds[row[0]]
            if id(pairs) not in counted:
                counted[id(pairs)] = [
                    _count(pairs[at : at + 7], team_day[at : at + 7]) for at in range(0, len(dates), 7)
                ]
            own_rights = rights.get(row[0], [])
            for index, (working, remote, team_days, team_kept) in enumerate(counted[id(pairs)]):
                monday, week = weeks[index], plan.weeks[index]
                right = right_on(own_rights, monday)
                # Half days are worked as office days, so 2.5 days a week is 2 or 3 remote days: either
                # is within the agreement. A week with leave or a holiday asks for remote days in
                # proportion to the days worked, and flexible days are allowed outside the agreement.
                most = math.ceil(right.days_per_week) if right else 0
                least = math.floor(right.days_per_week * working / 5) if right else 0
                beyond = remote - flexible[(row[0], index)]
                week.people += 1
                week.working += working
                week.remote += remote
                week.more += beyond > most
                week.fewer += beyond < least
                if row[0] not in away_always:  # fully remote by agreement: no team days to keep
                    week.team_days += team_days
                    week.team_kept += team_kept
            remote_weeks = [remote for _working, remote, _days, _kept in counted[id(pairs)]]
            plan.attachment += followup_rules.attachment(remote_weeks, warning)[1]
        for week in plan.weeks:
            plan.total.add(week)
        units.append(plan)
    total = [Week() for _monday in weeks]
    for plan in units:
        for index, week in enumerate(plan.weeks):
            total[index].add(week)
    return {
        "units": _rolled_up(units, len(weeks)),
        "weeks": total,
        "people": len(rows),
        "attachment": sum(u.attachment for u in units),
    }


def _rolled_up(units: list[UnitPlan], weeks: int) -> list[UnitPlan]:
    """Each unit counting the units under it (a department is its teams), as the pulse does
    (`checklists.queries.pulse_by_unit`), in the order of the tree. A unit above the people's own is
    added only when all its active people are among them, so that its figures are the whole unit's. A
    unit whose figures, less those of the units under it shown, would be about fewer than REPORT_MIN_GROUP
    people is withheld (a department whose teams are shown and whose head alone is in it would tell the
    head's days). Two queries."""
    tree: dict[int, tuple[str, int | None]] = {
        pk: (name, parent) for pk, name, parent in Unit.objects.values_list("pk", "name", "parent_id")
    }

    def chain(unit_id: int | None) -> list[int]:
        """The unit and those above it, nearest first."""
        found: list[int] = []
        while unit_id is not None and unit_id in tree and unit_id not in found:
            found.append(unit_id)
            unit_id = tree[unit_id][1]
        return found

    everyone: Counter[int] = Counter()  # the active people of each unit and those under it
    active = Person.objects.filter(is_active=True).values_list("unit_id").annotate(n=Count("pk"))
    for unit_id, count in active.order_by():
        for above in chain(unit_id):
            everyone[above] += count
    rolled: dict[int, UnitPlan] = {}
    others = []
    for plan in units:
        if plan.unit_id is None:
            others.append(plan)
            continue
        for above in chain(plan.unit_id):
            if above not in rolled:
                rolled[above] = UnitPlan(above, tree[above][0], 0, [Week() for _week in range(weeks)])
            rolled[above].add(plan)
    own = {plan.unit_id for plan in units}
    kept = {pk: plan for pk, plan in rolled.items() if pk in own or plan.people == everyone[pk]}
    teams: defaultdict[int | None, list[UnitPlan]] = defaultdict(list)
    for pk in kept:
        teams[tree[pk][1]].append(kept[pk])
    covered: dict[int, int] = {}  # people whose figures are shown, in the unit or in units under it
    for pk in sorted(kept, key=lambda pk: -len(chain(pk))):  # teams before their units
        plan = kept[pk]
        below = sum(covered[team.unit_id] for team in teams[pk] if team.unit_id is not None)
        plan.withheld = 0 < plan.people - below < aggregation.min_group()
        covered[pk] = below if plan.withheld else plan.people
        plan.path = " › ".join(tree[higher][0] for higher in reversed(chain(pk)[1:]))
    found = [kept[pk] for pk in sorted(kept, key=lambda pk: [tree[unit][0] for unit in reversed(chain(pk))])]
    return found + others


def _count(pairs, team_day: list[bool]) -> tuple[int, int, int, int]:
    """A week's working days, remote days, team office days worked and those kept at the office."""
    working = remote = team_days = team_kept = 0
    for (kind, _site), team in zip(pairs, team_day, strict=True):
        if kind in plan_rules.WORKING:
            working += 1
            remote += kind in plan_rules.AWAY_FROM_OFFICE
            team_days += team
            team_kept += team and kind == plan_rules.OFFICE
    return working, remote, team_days, team_kept


def _problems(dates, unit_rows, kinds, planned, settings, away_always) -> Counter:
    """The unit's coverage and duty shortfalls by (code, week index), by `planning.rules.unit_problems`:
    from the days in full where a duty needs working hours, else from where people are."""
    shared: dict[int, list[plan_rules.Day]] = {}
    days = {}
    for row in unit_rows:
        if row[0] in planned:
            days[row[0]] = planned[row[0]]
            continue
        pairs = kinds[row[0]]
        if id(pairs) not in shared:
            shared[id(pairs)] = [
                plan_rules.Day(date, kind, site, "") for date, (kind, site) in zip(dates, pairs, strict=True)
            ]
        days[row[0]] = shared[id(pairs)]
    return Counter(
        (problem.code, (problem.date - dates[0]).days // 7)
        for problem in plan_rules.unit_problems(
            dates, plan_queries.infos(unit_rows), days, settings, away_always
        )
        if problem.code in ("coverage", "duty")
    )


@dataclass
class StepTimes:
    step: str | Promise
    decisions: int
    median_days: Decimal | None
    longest_days: Decimal | None


def requests(people, start: datetime.date, end: datetime.date) -> dict:
    """Requests submitted in the period by their state now, how many went to the HR approver, and the
    time each step took to decide (from submission, or the step before, to the decision). Two queries."""
    first, after = day_start(start), day_start(end + datetime.timedelta(days=1))
    submitted = Request.objects.filter(
        person__in=people.values("pk"), submitted_at__gte=first, submitted_at__lt=after
    ).order_by()
    by_status = dict(submitted.values_list("status").annotate(count=Count("pk")))
    total = sum(by_status.values())
    to_hr = submitted.filter(route__icontains=Step.HR_APPROVER.value).count()
    decisions = (
        Decision.objects.filter(request__in=submitted.values("pk"))
        .order_by("request_id", "round", "step")
        .values_list("request_id", "round", "step", "role", "decided_at", "request__submitted_at")
    )
    waits: defaultdict[str, list[float]] = defaultdict(list)
    before: dict[tuple[int, int], datetime.datetime] = {}
    for request_id, round_, _step, role, decided_at, submitted_at in decisions:
        since = before.get((request_id, round_), submitted_at)
        if since is not None and since <= decided_at:
            waits[role].append((decided_at - since).total_seconds() / 86400)
        before[(request_id, round_)] = decided_at
    steps = [
        StepTimes(
            label,
            len(waits[value]),
            _days(statistics.median(waits[value])) if waits[value] else None,
            _days(max(waits[value])) if waits[value] else None,
        )
        for value, label in Step.choices
    ]
    return {
        "total": total,
        "by_status": [
            (label, by_status.get(value, 0)) for value, label in Status.choices if value != "draft"
        ],
        "to_hr": to_hr,
        "steps": steps,
    }


def _days(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.1"))


def agreements(people) -> dict:
    """Agreements now by status; those in force by country and remote days a week. Two queries."""
    own = Agreement.objects.filter(person__in=people.values("pk")).order_by()
    by_status = dict(own.values_list("status").annotate(count=Count("pk")))
    by_terms = (
        own.filter(status__in=IN_FORCE)
        .values_list("country", "days_per_week")
        .annotate(count=Count("pk"))
        .order_by("country", "days_per_week")
    )
    return {
        "by_status": [(label, by_status.get(value, 0)) for value, label in AgreementStatus.choices],
        "by_terms": list(by_terms),
    }


def evaluations(people, start: datetime.date, end: datetime.date, today: datetime.date) -> dict:
    """Evaluations due in the period: held on time, held late, overdue, still ahead, cancelled; and the
    outcomes of those held. Two queries."""
    due = Evaluation.objects.filter(person__in=people.values("pk"), due_date__range=(start, end)).order_by()
    held = Q(status=Evaluation.Status.HELD)
    scheduled = Q(status=Evaluation.Status.SCHEDULED)
    counts = due.aggregate(
        total=Count("pk"),
        on_time=Count("pk", filter=held & Q(held_at__date__lte=F("due_date"))),
        late=Count("pk", filter=held & Q(held_at__date__gt=F("due_date"))),
        overdue=Count("pk", filter=scheduled & Q(due_date__lt=today)),
        ahead=Count("pk", filter=scheduled & Q(due_date__gte=today)),
        cancelled=Count("pk", filter=Q(status=Evaluation.Status.CANCELLED)),
    )
    outcomes = dict(due.filter(held).values_list("outcome").annotate(count=Count("pk")))
    return {**counts, "outcomes": [(label, outcomes.get(value, 0)) for value, label in Outcome.choices]}


def deviations(people, start: datetime.date, end: datetime.date, today: datetime.date) -> list[dict]:
    """Deviations that happened in the period by kind: how many, answered in time, answered late, still
    waiting past the date, and the median days from the report to the first response. One query."""
    rows = (
        Deviation.objects.filter(person__in=people.values("pk"), occurred_on__range=(start, end))
        .order_by()
        .values_list("kind", "reported_at", "first_response_at", "respond_by")
    )
    counts: dict[str, Counter[str]] = {value: Counter() for value in DeviationKind.values}
    waits: dict[str, list[float]] = {value: [] for value in DeviationKind.values}
    for kind, reported_at, responded_at, respond_by in rows:
        counts[kind]["count"] += 1
        if responded_at is None:
            counts[kind]["waiting"] += respond_by < today
            continue
        counts[kind]["in_time" if responded_at.date() <= respond_by else "late"] += 1
        waits[kind].append(max((responded_at - reported_at).total_seconds(), 0) / 86400)
    return [
        {
            "kind": label,
            **{key: counts[value][key] for key in ("count", "in_time", "late", "waiting")},
            "answered": len(waits[value]),
            "median_days": _days(statistics.median(waits[value])) if waits[value] else None,
        }
        for value, label in DeviationKind.choices
    ]


def checklists(people, start: datetime.date, end: datetime.date, today: datetime.date) -> list[dict]:
    """Checklists due in the period by kind: given, completed, completed by the due date, overdue. One
    query."""
    completed = Q(status=Assignment.Status.COMPLETED)
    rows = (
        Assignment.objects.filter(person__in=people.values("pk"), due_date__range=(start, end))
        .exclude(status=Assignment.Status.CANCELLED)
        .values_list("version__template__kind")
        .annotate(
            given=Count("pk"),
            completed=Count("pk", filter=completed),
            on_time=Count("pk", filter=completed & Q(completed_at__date__lte=F("due_date"))),
            overdue=Count("pk", filter=Q(status=Assignment.Status.OPEN, due_date__lt=today)),
        )
        .order_by()
    )
    found = {row[0]: row[1:] for row in rows}
    return [
        {"kind": label, **dict(zip(("given", "completed", "on_time", "overdue"), found[value], strict=True))}
        for value, label in Kind.choices
        if value in found
    ]


def pulse(start: datetime.date, end: datetime.date, unit_names: set[str] | None) -> dict:
    """The pulse's averages per unit in the period (groups of PULSE_MIN_GROUP or more only), for the
    units in `unit_names` (None: all)."""
    found = checklist_queries.pulse_by_unit(since=start, until=end)
    if unit_names is not None:
        found["units"] = [row for row in found["units"] if row["unit"] in unit_names]
    return found


def leavers(people) -> dict:
    """Leavers per year (people deactivated, by the audit log's last deactivation), with and without a
    signed agreement, and the active people with and without one now. Two queries."""
    signed = Exists(Agreement.objects.filter(person=OuterRef("pk"), status__in=SIGNED))
    left = (
        AuditEntry.objects.filter(
            action=OrgAudit.PERSON_DEACTIVATE.value,
            object_type="org.person",
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        .order_by("-at")
        .values("at")[:1]
    )
    years: defaultdict[int, dict[bool, int]] = defaultdict(lambda: {True: 0, False: 0})
    rows = (
        people.filter(is_active=False)
        .annotate(left=Subquery(left))
        .exclude(left=None)
        .annotate(year=ExtractYear("left"), signed=signed)
        .values_list("year", "signed")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for year, has_agreement, count in rows:
        years[year][bool(has_agreement)] += count
    now = people.filter(is_active=True).aggregate(
        with_agreement=Count("pk", filter=Q(signed)),
        everyone=Count("pk"),
    )
    return {
        "years": [(year, found[True], found[False]) for year, found in sorted(years.items())],
        "active_with": now["with_agreement"],
        "active_without": now["everyone"] - now["with_agreement"],
    }
