"""Who sees and changes plans.

Everyone signed in sees where colleagues work (office, remote, away): a weekly plan is shared so a
team can meet, and so is the country someone works from abroad. The reason someone is away is shown
only to the person, their managers at any depth and HR. A person changes their own days; their
managers and HR may too. A unit's settings are kept by its manager (and the managers above) and HR.
"""

from django.shortcuts import get_object_or_404

from distans.core.permissions import has_role, is_hr, require
from distans.org.models import Role
from distans.org.permissions import manages
from distans.planning.models import PlannerRun


def can_change_plan(user, person) -> bool:
    return person.is_active and (person.pk == user.pk or is_hr(user) or manages(user, person))


def can_manage_unit(user, unit) -> bool:
    if is_hr(user):
        return True
    from distans.org.models import Unit

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


def can_use_planner_run(user, run: PlannerRun) -> bool:
    """A planner run is followed, stopped and applied by whoever may plan its unit or its office."""
    return can_manage_unit(user, run.unit) if run.unit_id else can_plan_site(user, run.site)


def get_planner_run_for_user(user, pk: int) -> PlannerRun:
    """The run for its page and the API: 404 when there is none, 403 when the user may not plan it."""
    run = get_object_or_404(PlannerRun.objects.select_related("unit", "site"), pk=pk)
    require(can_use_planner_run(user, run))
    return run


def can_view_organisation_plans(user) -> bool:
    """HR and HR approvers follow the whole organisation (problems ahead, attachment watch), by unit;
    managers their own units and reports."""
    return is_hr(user) or has_role(user, Role.HR_APPROVER)
