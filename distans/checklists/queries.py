"""Reads for checklist pages, reports and the API. Each runs a fixed number of queries."""

import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Min, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from distans.checklists import rules
from distans.checklists.models import (
    Action,
    Assignment,
    ChecklistTemplate,
    Item,
    ItemKind,
    Kind,
    KnownFact,
    Outcome,
    Response,
    Role,
    TemplateVersion,
)
from distans.checklists.permissions import can_answer, can_view_checklists_of
from distans.core.dates import day_start
from distans.core.permissions import is_hr, is_manager
from distans.core.roles import Role as OrgRole
from distans.core.translated import localized
from distans.org.models import Person, Unit
from distans.org.permissions import subordinate_ids_sql

ASSIGNMENT_RELATED = ("version__template", "person__unit", "assessor")
ASSESSOR = "checklists.assessor"


def assessor_choices(*, user):
    """Whom the one who assigns a checklist (HR, a manager) may name as its assessor: someone who
    manages people, or HR (`org.hooks.person_choices`, registered in the app's ready)."""
    if not (is_hr(user) or is_manager(user)):
        return Person.objects.none()
    managers = Person.objects.filter(is_active=True, manager__isnull=False).values("manager_id")
    hr = Person.objects.filter(groups__name=OrgRole.HR).values("pk")
    return Person.objects.filter(Q(pk__in=managers) | Q(pk__in=hr))


def items_for(version: TemplateVersion, country: str) -> list[Item]:
    """The version's questions for someone working in `country`: those for every country and their own."""
    return [item for item in version.items.all() if rules.applies_to(item.countries, country)]


def item_spec(item: Item) -> rules.ItemSpec:
    return rules.ItemSpec(
        id=item.pk,
        kind=item.kind,
        required=item.required,
        weight=item.weight,
        trigger_answers=tuple(item.trigger_answers),
        effect=item.effect,
        option_values=tuple(option["value"] for option in item.options),
        countries=tuple(item.countries),
    )


@dataclass(frozen=True)
class KnownAnswer:
    value: Any
    source: str  # where it comes from, in the reader's words


def known_answers(person: Person, items: list[Item], today: datetime.date) -> dict[str, KnownAnswer]:
    """The answers Distans knows for the questions that name a fact (`Item.known`), keyed by item
    id; a question whose fact is not known (no employment start) is left to the respondent."""
    known = {}
    for item in items:
        if item.known == KnownFact.MONTHS_EMPLOYED and person.employment_start:
            known[str(item.pk)] = KnownAnswer(
                rules.whole_months(person.employment_start, today),
                _("Filled in from the employment start, %(date)s.")
                % {"date": date_format(person.employment_start, "DATE_FORMAT")},
            )
    return known


def templates_with_versions():
    """Every template with its versions, newest first, for HR's list."""
    return ChecklistTemplate.objects.prefetch_related(
        Prefetch("versions", queryset=TemplateVersion.objects.order_by("-number"))
    )


def published_templates():
    """The newest published version of each template."""
    versions = (
        TemplateVersion.objects.filter(status=TemplateVersion.Status.PUBLISHED)
        .select_related("template")
        .annotate(item_count=Count("items"))
        .order_by("template_id", "-number")
    )
    latest = {}
    for version in versions:
        latest.setdefault(version.template_id, version)
    return list(latest.values())


def to_answer(user) -> list[dict]:
    """What the user still has to answer: their own checklists and the assessments they make."""
    assignments = (
        Assignment.objects.filter(
            Q(person=user) | Q(assessor=user),
            status=Assignment.Status.OPEN,
        )
        .select_related(*ASSIGNMENT_RELATED)
        .prefetch_related("responses")
    )
    rows = []
    for assignment in assignments:
        responses = {response.role: response for response in assignment.responses.all()}
        for role in assignment.roles():
            response = responses.get(role)
            if can_answer(user, assignment, role) and not (response and response.is_submitted):
                rows.append(
                    {
                        "assignment": assignment,
                        "role": role,
                        "draft": response is not None,
                        "overdue": assignment.due_date < timezone.localdate(),
                        "optional": role not in assignment.required_roles(),
                    }
                )
    return rows


def assignments_about(person, *, viewer):
    """A person's checklists, newest first; pulse answers only for the person themself."""
    assignments = Assignment.objects.filter(person=person).exclude(status=Assignment.Status.CANCELLED)
    if viewer.pk != person.pk:
        assignments = assignments.exclude(version__template__kind=Kind.PULSE)
    return (
        assignments.select_related(*ASSIGNMENT_RELATED).prefetch_related("responses").order_by("-created_at")
    )


def pending_respondents(assignment: Assignment) -> list[Person]:
    """Who still has to answer an open assignment."""
    if assignment.status != Assignment.Status.OPEN:
        return []
    submitted = set(
        assignment.responses.filter(status=Response.Status.SUBMITTED).values_list("role", flat=True)
    )
    people = []
    for role in assignment.required_roles():
        if role not in submitted:
            person = assignment.person if role == Role.EMPLOYEE else assignment.assessor
            if person is not None and person.is_active and person not in people:
                people.append(person)
    return people


def open_actions_for(user):
    return (
        Action.objects.filter(owner=user, done_at__isnull=True)
        .select_related("response__assignment__person", "response__assignment__version")
        .order_by("due_date")
    )


def visible_assignments(user, *, person_id=None, status=None):
    """Assignments the user may see, for the API: their own, the ones they assess, their reports'
    (at any depth), or all for HR. Pulse assignments only for the person answering them."""
    assignments = Assignment.objects.all()
    if not is_hr(user):
        assignments = assignments.filter(
            Q(person=user) | Q(assessor=user) | Q(person_id__in=subordinate_ids_sql(user.pk))
        )
    assignments = assignments.exclude(~Q(person=user), version__template__kind=Kind.PULSE)
    if person_id is not None:
        assignments = assignments.filter(person_id=person_id)
    if status:
        assignments = assignments.filter(status=status)
    return (
        assignments.select_related(*ASSIGNMENT_RELATED)
        .prefetch_related("responses")
        .order_by("due_date", "id")
    )


def attention_for(user) -> list[dict]:
    """My page: checklists to answer and actions that are mine."""
    items = []
    rows = to_answer(user)
    if rows:
        items.append(
            {
                "text": ngettext(
                    "You have %(count)s checklist to answer.",
                    "You have %(count)s checklists to answer.",
                    len(rows),
                )
                % {"count": len(rows)},
                "url": reverse("checklists:mine"),
                "due": min(row["assignment"].due_date for row in rows),
            }
        )
    actions = open_actions_for(user).aggregate(count=Count("pk"), due=Min("due_date"))
    if actions["count"]:
        items.append(
            {
                "text": ngettext(
                    "%(count)s checklist action is yours to do.",
                    "%(count)s checklist actions are yours to do.",
                    actions["count"],
                )
                % {"count": actions["count"]},
                "url": reverse("checklists:mine"),
                "due": actions["due"],
            }
        )
    return items


# Showing answers -------------------------------------------------------------------------------


def answer_display(item: Item, value: Any) -> str:
    if rules.is_blank(value):
        return "–"
    if item.kind == ItemKind.YES_NO:
        return _("Yes") if value == rules.YES else _("No")
    if item.kind == ItemKind.SCALE:
        return f"{value} / 5"
    if item.kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
        labels = {option["value"]: localized(option["label"]) for option in item.options}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(choice, str(choice)) for choice in chosen)
    if item.kind == ItemKind.DATE:
        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    return str(value)


def answer_rows(assignment: Assignment, items: list[Item], responses: dict) -> list[dict]:
    """One row per question with each submitted response's answer, flagged when it triggers."""
    rows = []
    for item in items:
        spec = item_spec(item)
        cells: list[dict[str, str] | None] = []
        for role in assignment.roles():
            response = responses.get(role)
            if response is None or not response.is_submitted:
                cells.append(None)
                continue
            value = response.answers.get(str(item.pk))
            cells.append(
                {
                    "text": answer_display(item, value),
                    "flag": item.effect if rules.triggered(spec, value) else "",
                }
            )
        rows.append({"item": item, "cells": cells})
    return rows


# Reports ---------------------------------------------------------------------------------------


def _scope(queryset, user, person_path="person"):
    """HR sees everyone; a manager only her reports at any depth."""
    if is_hr(user):
        return queryset
    return queryset.filter(**{f"{person_path}_id__in": subordinate_ids_sql(user.pk)})


def template_titles() -> dict[int, str]:
    titles: dict[int, str] = {}
    for template_id, title in TemplateVersion.objects.order_by("template_id", "-number").values_list(
        "template_id", "title"
    ):
        titles.setdefault(template_id, localized(title))
    return titles


def _people_per_unit(user=None) -> dict[str, int]:
    """Active people per unit name ("–" for none): of those the user's reports cover, or everyone."""
    people = Person.objects.filter(is_active=True)
    if user is not None and not is_hr(user):
        people = people.filter(pk__in=subordinate_ids_sql(user.pk))
    return {
        name or "–": count
        for name, count in people.values("unit__name")
        .annotate(count=Count("id"))
        .values_list("unit__name", "count")
    }


def completion(user) -> list[dict]:
    """Assigned, completed and overdue per template, with the same per unit. Who took part in the
    pulse is told only for groups of at least PULSE_MIN_GROUP people, so nobody's answering shows."""
    today = timezone.localdate()
    open_ = Q(status=Assignment.Status.OPEN)
    sizes, min_group = _people_per_unit(user), settings.PULSE_MIN_GROUP
    rows = (
        _scope(Assignment.objects.exclude(status=Assignment.Status.CANCELLED), user)
        .values("version__template_id", "version__template__kind", "person__unit__name")
        .annotate(
            assigned=Count("id"),
            completed=Count("id", filter=Q(status=Assignment.Status.COMPLETED)),
            overdue=Count("id", filter=open_ & Q(due_date__lt=today)),
        )
        .order_by("version__template_id", "person__unit__name")
    )
    titles = template_titles()
    groups: dict[int, dict] = {}
    for row in rows:
        pulse = row["version__template__kind"] == Kind.PULSE
        group = groups.setdefault(
            row["version__template_id"],
            {
                "template": titles.get(row["version__template_id"], ""),
                "units": [],
                "people": 0,
                "pulse": pulse,
                "total": {"assigned": 0, "completed": 0, "overdue": 0},
            },
        )
        unit = row["person__unit__name"] or "–"
        counts = {key: row[key] for key in ("assigned", "completed", "overdue")}
        group["units"].append({"unit": unit, **_shown(counts, pulse and sizes.get(unit, 0) < min_group)})
        group["people"] += sizes.get(unit, 0)
        for key, value in counts.items():
            group["total"][key] += value
    for group in groups.values():
        pulse, people = group.pop("pulse"), group.pop("people")
        group["total"] = _shown(group["total"], pulse and people < min_group)
    return list(groups.values())


def _shown(counts: dict, too_few_people: bool) -> dict:
    if too_few_people:
        return {"too_few_people": True}
    return {**counts, "share": _share(counts)}


def _share(counts: dict) -> int:
    return round(100 * counts["completed"] / counts["assigned"]) if counts["assigned"] else 0


def open_actions(user, limit=200):
    actions = _scope(Action.objects.filter(done_at__isnull=True), user, "response__assignment__person")
    return actions.select_related("owner", "response__assignment__person").order_by("due_date", "id")[:limit]


def consistency() -> dict:
    """Suitability assessments per assessor next to the whole organisation's (seed 000)."""
    submitted = Response.objects.filter(
        status=Response.Status.SUBMITTED,
        role=Role.MANAGER,
        assignment__version__template__kind=Kind.SUITABILITY,
    )
    counts = {
        "count": Count("id"),
        "average": Avg("score"),
        **{outcome: Count("id", filter=Q(outcome=outcome)) for outcome in Outcome.values},
    }
    overall = submitted.aggregate(**counts)
    assessors = (
        submitted.values("respondent_id", "respondent__first_name", "respondent__last_name")
        .annotate(**counts)
        .order_by("respondent__last_name", "respondent__first_name")
    )
    rows = []
    for row in assessors:
        row["name"] = f"{row['respondent__first_name']} {row['respondent__last_name']}"
        row["shares"] = _shares(row)
        difference = (
            (row["average"] - overall["average"])
            if row["average"] is not None and overall["average"] is not None
            else None
        )
        row["difference"] = difference
        row["stands_out"] = difference is not None and row["count"] >= 3 and abs(difference) >= 15
        rows.append(row)
    overall["shares"] = _shares(overall)
    return {"overall": overall, "assessors": rows}


def _shares(row) -> dict:
    total = row["count"] or 0
    return {outcome: round(100 * row[outcome] / total) if total else 0 for outcome in Outcome.values}


def pulse_by_unit(*, since: datetime.date, until: datetime.date | None = None) -> dict:
    """Average pulse answers per unit in a period, a unit counting the people and answers of the units
    under it too (a department is its teams); a unit with too few respondents shows nothing."""
    min_group = settings.PULSE_MIN_GROUP
    responses = Response.objects.filter(
        status=Response.Status.SUBMITTED,
        assignment__version__template__kind=Kind.PULSE,
        submitted_at__gte=day_start(since),
    )
    if until is not None:
        responses = responses.filter(submitted_at__lt=day_start(until + datetime.timedelta(days=1)))
    rows = responses.values_list("assignment__person_id", "assignment__person__unit__name", "answers")
    positions = dict(Item.objects.filter(version__template__kind=Kind.PULSE).values_list("id", "position"))
    latest = (
        TemplateVersion.objects.filter(template__kind=Kind.PULSE, status=TemplateVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )
    questions = list(latest.items.all()) if latest else []
    parents = dict(Unit.objects.values_list("name", "parent__name"))

    def with_parents(unit: str):
        seen = set()
        while unit and unit not in seen:
            seen.add(unit)
            yield unit
            unit = parents.get(unit) or ""

    sizes: Counter[str] = Counter()
    for unit, count in _people_per_unit().items():
        for above in with_parents(unit):
            sizes[above] += count
    people: defaultdict[str, set[int]] = defaultdict(set)
    values: defaultdict[str, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for person_id, unit, answers in rows:
        for above in with_parents(unit or "–"):
            people[above].add(person_id)
            for item_id, value in answers.items():
                if isinstance(value, int) and int(item_id) in positions:
                    values[above][positions[int(item_id)]].append(value)
    units: list[dict[str, Any]] = []
    teams: defaultdict[str, list[str]] = defaultdict(list)
    for unit, parent in parents.items():
        if parent:
            teams[parent].append(unit)

    @functools.cache
    def shown(unit: str) -> bool:
        """Whether the unit's figures may be shown: enough people and answers, and, beside its teams'
        shown figures, no fewer than `min_group` answers of its own to tell apart (a department whose
        teams are shown and whose manager alone answered would tell the manager's answers)."""
        if sizes[unit] < min_group or len(people[unit]) < min_group:
            return False
        rest = len(people[unit]) - sum(len(people[team]) for team in teams[unit] if shown(team))
        return not 0 < rest < min_group

    for unit in sorted(people):
        if sizes.get(unit, 0) < min_group or (len(people[unit]) >= min_group and not shown(unit)):
            # even how many answered would tell who did
            units.append(
                {
                    "unit": unit,
                    "respondents": None,
                    "cells": [],
                    "shown": False,
                    "too_few_people": True,
                    "beside_teams": sizes.get(unit, 0) >= min_group,
                }
            )
            continue
        respondents = len(people[unit])
        cells = [
            rules.aggregate(values[unit][question.position], respondents=respondents, min_group=min_group)
            for question in questions
        ]
        units.append(
            {
                "unit": unit,
                "respondents": respondents,
                "cells": cells,
                "shown": respondents >= min_group,
                "too_few_people": False,
            }
        )
    return {"questions": questions, "units": units, "min_group": min_group, "since": since}


def person_link(*, user, person):
    """A person's page links to her checklists for those who may see them (subscribed to
    `org.hooks.person_links`)."""
    if not can_view_checklists_of(user, person):
        return None
    return {"text": _("Checklists"), "url": reverse("checklists:person", args=[person.pk])}


def published_version(template: ChecklistTemplate) -> TemplateVersion | None:
    return template.versions.filter(status=TemplateVersion.Status.PUBLISHED).order_by("-number").first()
