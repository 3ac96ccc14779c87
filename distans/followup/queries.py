"""Reads for follow-up: the conversation page's facts, who may be losing touch with the workplace, the
pulse next to each unit's remote share, and the lists of evaluations and deviations a user may see."""

import datetime
from collections import Counter, defaultdict
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, DateField, Min, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from distans.agreements.rights import right_on, rights_for, rights_on
from distans.agreements.rules import add_months
from distans.checklists import queries as checklist_queries
from distans.checklists.models import Action
from distans.core.dates import day_start
from distans.core.hooks import Section
from distans.core.permissions import is_hr
from distans.equipment.queries import loans_out
from distans.followup import rules
from distans.followup.models import Deviation, DeviationKind, Evaluation
from distans.followup.permissions import can_book_evaluation
from distans.org.models import Person, Unit
from distans.org.permissions import own_or_reports, subordinate_ids_sql
from distans.planning import queries as plan_queries
from distans.planning.rules import AWAY_FROM_OFFICE, OFFICE, WORKING
from distans.policy import queries as policy_queries

WATCH_WEEKS = 8


def weeks_before(today: datetime.date, count: int) -> list[list[datetime.date]]:
    """The last `count` whole weeks (Monday to Friday) before this one, oldest first."""
    monday = today - datetime.timedelta(days=today.weekday())
    return [
        [monday - datetime.timedelta(weeks=back) + datetime.timedelta(days=day) for day in range(5)]
        for back in range(count, 0, -1)
    ]


def _weekly(days_by_person: dict, weeks: list[list[datetime.date]]) -> dict[int, list[int]]:
    """Remote days in each week, per person."""
    return {
        person_id: [
            sum(1 for day in days[i * 5 : (i + 1) * 5] if day.kind in AWAY_FROM_OFFICE)
            for i in range(len(weeks))
        ]
        for person_id, days in days_by_person.items()
    }


def plan_vs_agreement(evaluation: Evaluation, today: datetime.date) -> dict:
    """The last weeks as planned next to the agreement: remote days a week, and team office days kept."""
    weeks = weeks_before(today, WATCH_WEEKS)
    dates = [day for week in weeks for day in week]
    person = evaluation.person
    days = plan_queries.person_days(person, dates)
    weekly = _weekly({person.pk: days}, weeks)[person.pk]
    office_weekdays = (
        set(plan_queries.unit_settings(person.unit)["office_weekdays"]) if person.unit else set()
    )
    team_days = [day for day in days if day.date.weekday() in office_weekdays and day.kind in WORKING]
    rights = rights_for([person.pk], dates[0], dates[-1]).get(person.pk, [])
    agreed = [right_on(rights, week[0]) for week in weeks]
    return {
        "weeks": [
            {"monday": week[0], "remote": count, "agreed": right.days_per_week if right else 0}
            for week, count, right in zip(weeks, weekly, agreed, strict=True)
        ],
        "agreed": evaluation.agreement.days_per_week,
        "average": rules.attachment(weekly, Decimal(99))[0],
        "team_days": len(team_days),
        "team_days_kept": sum(1 for day in team_days if day.kind == OFFICE),
    }


def answers_side_by_side(evaluation: Evaluation) -> list[dict]:
    """The follow-up checklist's questions with the employee's and the manager's answers."""
    assignment = evaluation.assignment
    if assignment is None:
        return []
    responses = {response.role: response for response in assignment.responses.all()}
    return checklist_queries.answer_rows(assignment, list(assignment.version.items.all()), responses)


def conversation(evaluation: Evaluation, today: datetime.date) -> dict:
    person = evaluation.person
    return {
        "answers": answers_side_by_side(evaluation),
        "plan": plan_vs_agreement(evaluation, today),
        "actions": Action.objects.filter(
            response__assignment__person=person, done_at__isnull=True
        ).select_related("response__assignment__version"),
        "loans": loans_out(person=person),
        "history": Evaluation.objects.filter(agreement=evaluation.agreement, status=Evaluation.Status.HELD),
    }


def warning_level(today: datetime.date) -> Decimal:
    """Average remote days a week above which attachment to the workplace is watched."""
    policy = policy_queries.in_force(today)
    return policy.attachment_warning_days if policy else Decimal("2.5")


def attachment_watch(
    user, today: datetime.date, *, people=None, warning: Decimal | None = None
) -> list[dict]:
    """The user's reports (or `people`, for HR: a unit's or everyone) whose remote days over the last 8
        weeks average above the policy's warning level, with their week-by-week trend and what their agreement
    in force allows. Six queries."""
    if warning is None:
        warning = warning_level(today)
    if people is None:
        people = Person.objects.filter(pk__in=subordinate_ids_sql(user.pk), is_active=True)
    weeks = weeks_before(today, WATCH_WEEKS)
    rows, days = plan_queries.plan_for(people, [day for week in weeks for day in week])
    weekly = _weekly(days, weeks)
    watched = []
    for row in rows:
        average, above = rules.attachment(weekly[row[0]], warning)
        if above:
            watched.append({"person_id": row[0], "average": average, "weeks": weekly[row[0]]})
    names = {
        pk: (f"{first} {last}", unit)
        for pk, first, last, unit in Person.objects.filter(
            pk__in=[w["person_id"] for w in watched]
        ).values_list("pk", "first_name", "last_name", "unit__name")
    }
    agreed = rights_on([row["person_id"] for row in watched], today)
    for entry in watched:
        entry["name"], entry["unit"] = names[entry["person_id"]]
        entry["agreed"] = agreed[entry["person_id"]].days_per_week if entry["person_id"] in agreed else None
    return sorted(watched, key=lambda row: -row["average"])


def visible_people(user):
    if is_hr(user):
        return Person.objects.all()
    return own_or_reports(Person.objects.all(), user, "pk")


def evaluations_for(user, *, person_ids=None, due_before: datetime.date | None = None):
    evaluations = Evaluation.objects.filter(person__in=visible_people(user)).select_related(
        "person", "agreement"
    )
    if person_ids is not None:
        evaluations = evaluations.filter(person_id__in=person_ids)
    if due_before is not None:
        evaluations = evaluations.filter(due_date__lt=due_before)
    return evaluations


def deviations_for(user, *, status: str = ""):
    deviations = Deviation.objects.filter(person__in=visible_people(user)).select_related("person", "handler")
    return deviations.filter(status=status) if status else deviations


def _with_parents(unit_id, parents: dict):
    """The unit and every unit above it."""
    seen = set()
    while unit_id is not None and unit_id not in seen:
        seen.add(unit_id)
        yield unit_id
        unit_id = parents.get(unit_id)


def pulse_next_to_remote_share(today: datetime.date, period_days: int = 90, count: int = 4) -> list[dict]:
    """`count` periods, oldest first: each unit's pulse (groups of PULSE_MIN_GROUP or more only) beside its
    share of remote working days."""
    periods = []
    names = dict(Unit.objects.values_list("name", "pk"))
    parents = dict(Unit.objects.values_list("pk", "parent_id"))
    people: Counter[int | None] = Counter()  # per unit, its teams' people included
    per_unit = Person.objects.filter(is_active=True).values_list("unit_id").annotate(n=Count("pk"))
    for unit_id, number in per_unit:
        for above in _with_parents(unit_id, parents):
            people[above] += number
    for back in range(count - 1, -1, -1):
        end = today - datetime.timedelta(days=period_days * back)
        start = end - datetime.timedelta(days=period_days - 1)
        pulse = checklist_queries.pulse_by_unit(since=start, until=end)
        dates = [
            start + datetime.timedelta(days=n)
            for n in range(period_days)
            if (start + datetime.timedelta(days=n)).weekday() < 5
        ]
        # A department's share is its teams' too, like its pulse; a group too small to show hides it.
        totals: defaultdict[int | None, Counter[str]] = defaultdict(Counter)
        for unit_id, tallies in plan_queries.unit_counts(dates).items():
            for tally in tallies:
                for above in _with_parents(unit_id, parents):
                    totals[above].update(tally)
        shares: dict[int | None, int | None] = {}
        for unit_id, total in totals.items():
            working = sum(total[kind] for kind in WORKING)
            large_enough = people[unit_id] >= settings.PULSE_MIN_GROUP
            shares[unit_id] = (
                round(100 * sum(total[kind] for kind in AWAY_FROM_OFFICE) / working)
                if working and large_enough
                else None
            )
        for row in pulse["units"]:
            # Beside a hidden pulse the share stays hidden too: the two together would tell more.
            hidden = row["too_few_people"]
            row["remote_share"] = None if hidden else shares.get(names.get(row["unit"]))
        periods.append({"start": start, "end": end, **pulse})
    return periods


def evaluations_per_month(user, today: datetime.date, *, back: int = 5, ahead: int = 6) -> list[dict]:
    """Per month from `back` months ago to `ahead` months on, the visible conversations held (in the month
    they were held) and still booked (in the month they are due). Two queries."""
    first = add_months(today.replace(day=1), -back)
    months = [add_months(first, n) for n in range(back + ahead + 1)]
    end = add_months(months[-1], 1)
    table = {month: {"month": month, "held": 0, "scheduled": 0} for month in months}
    visible = evaluations_for(user).order_by()
    held = (
        visible.filter(
            status=Evaluation.Status.HELD, held_at__gte=day_start(first), held_at__lt=day_start(end)
        )
        .annotate(month=TruncMonth("held_at", output_field=DateField()))
        .values_list("month")
        .annotate(count=Count("pk"))
    )
    booked = (
        visible.filter(status=Evaluation.Status.SCHEDULED, due_date__gte=first, due_date__lt=end)
        .annotate(month=TruncMonth("due_date"))
        .values_list("month")
        .annotate(count=Count("pk"))
    )
    for key, counts in (("held", held), ("scheduled", booked)):
        for month, count in counts:
            table[month][key] = count
    return list(table.values())


def deviations_per_kind(user, today: datetime.date) -> list[dict]:
    """The visible deviations of the last twelve months by kind, still open and closed. One query."""
    counts = (
        deviations_for(user)
        .filter(occurred_on__gt=add_months(today, -12))
        .values_list("kind", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    table = {kind: {"kind": label, "open": 0, "closed": 0} for kind, label in DeviationKind.choices}
    for kind, status, count in counts:
        table[kind]["closed" if status == Deviation.Status.CLOSED else "open"] += count
    return list(table.values())


def attention_for(user) -> list[dict]:
    """My page: deviations waiting for the user's response, and evaluations due within two weeks."""
    items = []
    waiting = (
        Deviation.objects.filter(handler=user, first_response_at__isnull=True)
        .exclude(status=Deviation.Status.CLOSED)
        .aggregate(count=Count("pk"), due=Min("respond_by"))
    )
    if waiting["count"]:
        items.append(
            {
                "text": ngettext(
                    "%(count)s deviation waits for your response.",
                    "%(count)s deviations wait for your response.",
                    waiting["count"],
                )
                % {"count": waiting["count"]},
                "url": reverse("followup:overview"),
                "due": waiting["due"],
            }
        )
    soon = timezone.localdate() + datetime.timedelta(days=14)
    due = (
        Evaluation.objects.filter(status=Evaluation.Status.SCHEDULED, due_date__lte=soon)
        .filter(Q(person=user) | Q(person__manager=user))
        .aggregate(count=Count("pk"), due=Min("due_date"))
    )
    if due["count"]:
        items.append(
            {
                "text": ngettext(
                    "%(count)s follow-up conversation is due within two weeks.",
                    "%(count)s follow-up conversations are due within two weeks.",
                    due["count"],
                )
                % {"count": due["count"]},
                "url": reverse("followup:overview"),
                "due": due["due"],
            }
        )
    return items


def agreement_section(*, user, agreement) -> Section | None:
    """The agreement page's follow-up: its evaluations, and booking one for whoever holds them
    (subscribed to `agreements.hooks.detail_sections`)."""
    evaluations = list(agreement.evaluations.order_by("-due_date")[:10])
    can_book = can_book_evaluation(user, agreement)
    if not evaluations and not can_book:
        return None
    return Section(
        "followup/agreement_section.html",
        {"evaluations": evaluations, "can_book": can_book, "agreement": agreement},
    )


def loan_report_url(*, loan) -> str:
    """Lost or damaged equipment is reported as a deviation: the form, filled in with the loan
    (subscribed to `equipment.hooks.loan_report`)."""
    query = urlencode({"person": loan.person_id, "loan": loan.pk, "kind": "lost_equipment"})
    return f"{reverse('followup:deviation_new')}?{query}"
