"""Who may see why someone is away, and who may change a person's days or a unit's settings: the one
function each of the pages and the API asks (`distans.planning.permissions`)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from distans.org.models import Person
from distans.planning.permissions import (
    away_reasons_visible,
    get_plan_person_for_user,
    get_plan_unit_for_user,
)


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("employee", {"employee"}),  # her own reason only
        ("manager", {"employee", "manager"}),  # her reports' and her own
        ("skip", {"employee", "manager", "outsider"}),  # everyone below her, at any depth
        ("hr", {"employee", "manager", "outsider"}),
        ("hr_approver", set()),
        ("outsider", {"outsider"}),
    ],
)
def test_who_sees_why_someone_is_away(cast, role, sees):
    people = {name: cast[name].pk for name in ("employee", "manager", "outsider")}
    found = away_reasons_visible(cast[role], people.values())
    assert found == {people[name] for name in sees}
    assert away_reasons_visible(cast[role], []) == set()


def test_a_colleague_sees_her_days_but_only_she_her_managers_and_hr_change_them(cast, units):
    colleague = Person.objects.create_user(
        "nils@example.com",
        "correct horse battery",
        first_name="Nils",
        last_name="Berg",
        employee_number="107",
        unit=units["support"],
        manager=cast["manager"],
    )
    employee = cast["employee"].pk
    for role in ("employee", "manager", "skip", "hr"):
        assert get_plan_person_for_user(cast[role], employee, for_write=True).pk == employee
    assert get_plan_person_for_user(colleague, employee).pk == employee
    with pytest.raises(PermissionDenied):
        get_plan_person_for_user(colleague, employee, for_write=True)
    with pytest.raises(Http404):  # another unit: not told the plan exists
        get_plan_person_for_user(cast["outsider"], employee, for_write=True)


def test_a_unit_s_settings_are_its_manager_s_and_hr_s_the_rest_are_refused(cast, units):
    support = units["support"].pk
    for role in ("manager", "hr"):  # the unit's manager (or one above it in the units), and HR
        assert get_plan_unit_for_user(cast[role], support, for_write=True).pk == support
    assert get_plan_unit_for_user(cast["employee"], support).pk == support  # a member sees its days
    with pytest.raises(Http404):  # not its days
        get_plan_unit_for_user(cast["outsider"], support)
    # Every unit is in the directory: 403. Björn's manager sees its days, but the unit is Björn's.
    assert get_plan_unit_for_user(cast["skip"], support).pk == support
    for role in ("employee", "skip", "outsider", "hr_approver"):
        with pytest.raises(PermissionDenied):
            get_plan_unit_for_user(cast[role], support, for_write=True)
