"""Reads for "Does it work?": the plans against the agreements per unit and week, and the counts of
requests, agreements, evaluations, deviations, checklists, the pulse and leavers, for the people a
user may follow. Each function takes those people as a queryset and runs a fixed number of queries
whatever their number; the plans take the longest (seconds at 100,000 people), which is why above
`PLAN_PERSON_WEEKS` they are counted by the task worker (`effect_plans`)."""

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

# Up to this many person-weeks (600 people over 17 weeks) the plans are first counted on the request;
# beyond it by the task worker, while the page says they are on their way.
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
        mine, theirs = self.__dict__, other.__dict__  # not getattr: rolling up 10,000 units adds millions
        for name in mine:
            mine[name] += theirs[name]

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
    """The active people's weeks as planned (changes included), per unit and in total, in bulk: where
    each person is comes from `planning.queries.kinds_in_bulk`, in which people who keep one usual week
    share its days. People of a unit with the same usual week and the same agreement each week are
    counted once and multiplied; each week someone changed a day is then counted again for that person
    alone. Only units with a duty, whose cover depends on working hours, are planned in full. About ten
    queries, whatever the number of people."""
    dates = [monday + datetime.timedelta(days=day) for monday in weeks for day in range(7)]
    active = people.filter(is_active=True)
    bulk = plan_queries.kinds_in_bulk(*plan_queries.people_where(active), dates)
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
    for row in bulk.rows:
        members[row[6]].append(row)
    # Every unit's settings and name, not those of a list of ids: 10,000 parameters cost more to send.
    stored = {
        row["unit_id"]: row
        for row in UnitPlanSettings.objects.values(
            "unit_id", "office_weekdays", "office_dates", "coverage", "duties"
        )
        if row["unit_id"] in members
    }
    with_duties = {unit for unit, settings in stored.items() if settings["duties"]}
    planned = plan_queries.plan_for(active.filter(unit__in=with_duties), dates)[1] if with_duties else {}
    names = dict(Unit.objects.values_list("pk", "name"))
    agreed = _Agreed(weeks)
    counted: dict[tuple, list[tuple[int, int, int, int]]] = {}  # each usual week's days, counted once
    units = []
    for unit_id, unit_rows in members.items():
        settings: Mapping[str, Any] = (stored.get(unit_id) if unit_id else None) or {
            "coverage": {},
            "duties": [],
            "office_weekdays": [],
        }
        plan = UnitPlan(unit_id, names.get(unit_id, "–") if unit_id else "–", len(unit_rows), [])
        if unit_id in with_duties:
            problems = _problems(dates, unit_rows, planned, settings, frozenset(away_always))
        else:
            problems = _coverage(dates, unit_rows, bulk, settings.get("coverage") or {})
        if settings.get("office_weekdays") or settings.get("office_dates"):
            team_day, shared = [plan_rules.is_office_day(date, settings) for date in dates], unit_id
        else:  # most units keep no team days: their usual weeks count the same in every unit
            team_day, shared = [False] * len(dates), None
        sums, plan.attachment = _unit_weeks(
            unit_rows, bulk, team_day, rights, agreed, flexible, away_always, warning, counted, shared
        )
        for index, counts in enumerate(sums):
            week = Week(coverage=problems[("coverage", index)], duties=problems[("duty", index)])
            week.people, week.working, week.remote, week.more, week.fewer, week.team_days, week.team_kept = (
                counts
            )
            plan.weeks.append(week)
            plan.total.add(week)
        units.append(plan)
    total = [Week() for _monday in weeks]
    for plan in units:
        for index, week in enumerate(plan.weeks):
            total[index].add(week)
    return {
        "units": _rolled_up(units, len(weeks)),
        "weeks": total,
        "people": len(bulk.rows),
        "attachment": sum(u.attachment for u in units),
    }


class _Agreed:
    """The remote days a week each person's agreement in force on each Monday allows (None: none), worked
    out once for each distinct set of rights: most run through the whole period."""

    def __init__(self, weeks: list[datetime.date]):
        self.weeks = weeks
        self.known: dict[tuple, tuple[Decimal | None, ...]] = {}
        self.none = (None,) * len(weeks)

    def __call__(self, own: list) -> tuple[Decimal | None, ...]:
        if not own:
            return self.none
        key = tuple((right.start, right.end, right.days_per_week) for right in own)
        if key not in self.known:
            self.known[key] = tuple(
                right.days_per_week if (right := right_on(own, monday)) else None for monday in self.weeks
            )
        return self.known[key]


# A person-week's share of a Week: people, working, remote, more, fewer, team_days, team_kept.
SHARES = 7


def _share(counted, agreed: Decimal | None, flexible: int, away: bool) -> tuple[int, ...]:
    """One person-week: `counted` as `_count` gives it, against the agreement's remote days."""
    working, remote, team_days, team_kept = counted
    # Half days are worked as office days, so 2.5 days a week is 2 or 3 remote days: either is within the
    # agreement. A week with leave or a holiday asks for remote days in proportion to the days worked, and
    # flexible days are allowed outside the agreement.
    most = math.ceil(agreed) if agreed is not None else 0
    least = math.floor(agreed * working / 5) if agreed is not None else 0
    beyond = remote - flexible
    if away:  # fully remote by agreement: no team days to keep
        team_days = team_kept = 0
    return (1, working, remote, int(beyond > most), int(beyond < least), team_days, team_kept)


def _unit_weeks(unit_rows, bulk, team_day, rights, agreed, flexible, away_always, warning, counted, shared):
    """A unit's sums per week (as `SHARES`) and how many people average above the attachment level.

    People with the same usual week, agreement and fully-remote standing are counted once and multiplied;
    then each week a person changed a day (or took a flexible day) replaces its usual share by the real
    one, so the work grows with the changes, not with people times weeks."""
    weeks = len(team_day) // 7

    def count(pairs) -> list[tuple[int, int, int, int]]:
        """`_count` of each week of a usual week, kept in `counted` for the unit (`shared`: None when it
        keeps no team days, so any unit's count serves)."""
        key = (id(pairs), shared)
        if key not in counted:
            counted[key] = [
                _count(pairs[at : at + 7], team_day[at : at + 7]) for at in range(0, len(team_day), 7)
            ]
        return counted[key]

    groups: Counter[tuple] = Counter()
    usual_of: dict[tuple, tuple] = {}
    sums = [[0] * SHARES for _week in range(weeks)]
    attached: dict[int, bool] = {}  # by remote days in all: the average is all that counts

    def above(total: int) -> bool:
        if total not in attached:
            attached[total] = followup_rules.attachment([total] + [0] * (weeks - 1), warning)[1]
        return attached[total]

    attachment = 0
    for row in unit_rows:
        pk = row[0]
        usual = count(bulk.usual[pk])
        own_agreed, away = agreed(rights.get(pk, [])), pk in away_always
        key = (id(usual), own_agreed, away)
        groups[key] += 1
        usual_of[key] = usual
        touched = {at // 7 for at in bulk.changed.get(pk, ())}
        if not touched:
            continue
        days, remote = bulk.kinds[pk], 0
        for week in touched:
            real = _count(days[week * 7 : week * 7 + 7], team_day[week * 7 : week * 7 + 7])
            before = _share(usual[week], own_agreed[week], 0, away)
            after = _share(real, own_agreed[week], flexible[(pk, week)], away)
            for index in range(SHARES):
                sums[week][index] += after[index] - before[index]
            remote += real[1] - usual[week][1]
        usual_remote = sum(counts[1] for counts in usual)
        attachment += above(usual_remote + remote) - above(usual_remote)
    for (_usual, own_agreed, away), number in groups.items():
        usual = usual_of[(_usual, own_agreed, away)]
        for week in range(weeks):
            for index, value in enumerate(_share(usual[week], own_agreed[week], 0, away)):
                sums[week][index] += number * value
        attachment += number * above(sum(counts[1] for counts in usual))
    return sums, attachment


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
    levels: defaultdict[int, set[int]] = defaultdict(set)  # units by the length of their chain
    for plan in units:
        if plan.unit_id is None:
            others.append(plan)
            continue
        steps = chain(plan.unit_id)
        for above in steps:
            if above not in rolled:
                rolled[above] = UnitPlan(above, tree[above][0], 0, [Week() for _week in range(weeks)])
        if steps:
            rolled[steps[0]].add(plan)
            levels[len(steps)].add(steps[0])
    # Each unit's sum goes into the unit above it once, the deepest first, rather than each unit into
    # every unit above it: a tree of 10,000 units adds a third as many weeks.
    for depth in range(max(levels, default=0), 1, -1):
        for pk in levels[depth]:
            above = chain(pk)[1]
            rolled[above].add(rolled[pk])
            levels[depth - 1].add(above)
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


def _problems(dates, unit_rows, planned, settings, away_always) -> Counter:
    """The coverage and duty shortfalls by (code, week index) of a unit with a duty, by
    `planning.rules.unit_problems`, from its members' days planned in full (cover depends on hours)."""
    return Counter(
        (problem.code, (problem.date - dates[0]).days // 7)
        for problem in plan_rules.unit_problems(
            dates, plan_queries.infos(unit_rows), planned, settings, away_always
        )
        if problem.code in ("coverage", "duty")
    )


OFF_FOR_ALL = (plan_rules.HOLIDAY, plan_rules.OFF)


def _coverage(dates, unit_rows, bulk, coverage) -> Counter:
    """The coverage shortfalls by ("coverage", week index) of a unit without duties, as
    `planning.rules.unit_problems` finds them (fewer at the office than needed, on a day not off for
    everyone), from each distinct usual week counted once and the changed days."""
    if not coverage:
        return Counter()
    needed = [
        plan_rules.required_on_site(coverage.get(str(date.weekday())), len(unit_rows)) for date in dates
    ]
    if not any(needed):
        return Counter()
    office, off = [0] * len(dates), [0] * len(dates)
    weeks = Counter(id(bulk.usual[row[0]]) for row in unit_rows)
    shared = {id(bulk.usual[row[0]]): bulk.usual[row[0]] for row in unit_rows}
    for key, number in weeks.items():
        for at, (kind, _site) in enumerate(shared[key]):
            office[at] += number * (kind == plan_rules.OFFICE)
            off[at] += number * (kind in OFF_FOR_ALL)
    for row in unit_rows:
        usual, real = bulk.usual[row[0]], bulk.kinds[row[0]]
        for at in bulk.changed.get(row[0], ()):
            office[at] += (real[at][0] == plan_rules.OFFICE) - (usual[at][0] == plan_rules.OFFICE)
            off[at] += (real[at][0] in OFF_FOR_ALL) - (usual[at][0] in OFF_FOR_ALL)
    return Counter(
        ("coverage", at // 7)
        for at in range(len(dates))
        if off[at] < len(unit_rows) and office[at] < needed[at]
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
