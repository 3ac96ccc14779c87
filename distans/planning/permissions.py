"""Who sees and changes plans.

A person's days (office, remote, away) are seen by their own unit, their managers at any depth and HR,
in the pages, the API and the calendar feeds alike, through `can_see_plan` and `can_see_unit_plan`;
anyone else is told the plan does not exist (404). Beyond that, who is at an office on a day is shown
per site (names only), unless the organisation switches it off (OFFICE_PRESENCE_VISIBLE). The reason
someone is away is shown only to the person, their managers and HR (`away_reasons_visible`, for the
pages and the API alike). A person changes their own days; their managers and HR may too. A unit's
settings are kept by its manager (and the managers above) and HR.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import has_role, is_hr, require
from distans.core.roles import Role
from distans.org.models import Person, Unit
from distans.org.permissions import get_person_for_user, get_unit_for_user, manages, subordinate_ids_sql
from distans.planning.models import PlannerBatch, PlannerRun


def can_see_unit_plan(user, unit: Unit) -> bool:
    """A unit's days: its members, whoever manages it or a unit above it, their managers, and HR."""
    if user.unit_id == unit.pk or can_manage_unit(user, unit):
        return True
    return unit.manager_id is not None and manages(user, Person(pk=unit.manager_id))


def can_see_plan(user, person: Person) -> bool:
    """A person's days: themself, their unit, their managers at any depth (in the line or the unit's),
    and HR."""
    if person.pk == user.pk or (person.unit_id is not None and person.unit_id == user.unit_id):
        return True
    if is_hr(user) or manages(user, person):
        return True
    return person.unit is not None and can_see_unit_plan(user, person.unit)


def get_plan_person_for_user(user, pk: int, *, for_write: bool = False) -> Person:
    """The person whose days are asked for: 404 when there is none or the user may not see their days;
    with `for_write`, 403 when she may see them but not change them."""
    person = get_person_for_user(user, pk)
    if not can_see_plan(user, person):
        raise Http404
    require(not for_write or can_change_plan(user, person))
    return person


def get_plan_unit_for_user(user, pk: int, *, for_write: bool = False) -> Unit:
    """The unit whose days are asked for: 404 when there is none or the user may not see its days. With
    `for_write` (its settings, the planner), 403 unless she manages it: every unit is in the directory,
    so one she may not plan is refused, not hidden."""
    unit = get_unit_for_user(user, pk)
    if for_write:
        require(can_manage_unit(user, unit))
    elif not can_see_unit_plan(user, unit):
        raise Http404
    return unit


def away_reasons_visible(user, person_ids) -> set[int]:
    """Of these people, those whose reason for being away the user may see: herself, the people she
    manages at any depth, or everyone for HR. One query at most, none for HR or an empty list."""
    ids = set(person_ids)
    if is_hr(user) or not ids:
        return ids
    below = Person.objects.filter(pk__in=ids - {user.pk}).filter(pk__in=subordinate_ids_sql(user.pk))
    return (ids & {user.pk}) | set(below.values_list("pk", flat=True))


def can_see_office_presence(user) -> bool:
    """Who is at an office on a day (names, nothing else): everyone, unless switched off; HR always."""
    return settings.OFFICE_PRESENCE_VISIBLE or is_hr(user)


def can_change_plan(user, person) -> bool:
    return person.is_active and (person.pk == user.pk or is_hr(user) or manages(user, person))


def can_manage_unit(user, unit) -> bool:
    if is_hr(user):
        return True
    node = unit
    seen = set()
    while node is not None and node.pk not in seen:  # the unit's manager, or a manager above it
        if node.manager_id == user.pk:
            return True
        seen.add(node.pk)
        node = Unit.objects.filter(pk=node.parent_id).only("id", "parent_id", "manager_id").first()
    return False


def can_plan_site(user, site) -> bool:
    """A whole office (every unit whose people are based there) is planned by HR."""
    return is_hr(user)


def can_plan_sites(user) -> bool:
    """Several offices at once, for one week: whoever plans whole offices (HR)."""
    return is_hr(user)


def can_use_planner_run(user, run: PlannerRun) -> bool:
    """A planner run is followed, stopped and applied by whoever may plan its unit or its office."""
    return can_manage_unit(user, run.unit) if run.unit_id else can_plan_site(user, run.site)


def get_planner_run_for_user(user, pk: int) -> PlannerRun:
    """The run for its page and the API: 404 when there is none, 403 when the user may not plan it."""
    run = get_object_or_404(PlannerRun.objects.select_related("unit", "site"), pk=pk)
    require(can_use_planner_run(user, run))
    return run


def get_planner_batch_for_user(user, pk: int) -> tuple[PlannerBatch, list[PlannerRun]]:
    """Several offices planned together, and its runs by office name: 404 when there is none, 403
    unless the user may plan every one of its offices."""
    batch = get_object_or_404(PlannerBatch, pk=pk)
    runs = list(batch.runs.select_related("site").order_by("site__name"))
    require(can_plan_sites(user) and all(can_plan_site(user, run.site) for run in runs))
    return batch, runs


def can_view_organisation_plans(user) -> bool:
    """HR and HR approvers follow the whole organisation (problems ahead, attachment watch), by unit;
    managers their own units and reports."""
    return is_hr(user) or has_role(user, Role.HR_APPROVER)
