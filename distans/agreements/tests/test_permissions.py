"""Who may do what with an agreement, in each of its states: the named capabilities its page shows
and the API refuses with (`distans.agreements.permissions`)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from distans.agreements import permissions, queries
from distans.agreements import services as agreement_services
from distans.agreements.models import Agreement
from distans.agreements.testing import agreement_in_force
from distans.arrangements import services
from distans.arrangements.testing import assessed, draft
from distans.core.testing import api_call

PASSWORD = "correct horse battery"

ROLES = ("employee", "manager", "skip", "hr", "hr_approver", "outsider")
MANAGERS = {"manager", "skip", "hr"}  # HR and every manager in line prepare, send and amend
LINE = {"manager", "hr"}  # suspending is the line manager's or HR's
ENDERS = {"employee", *MANAGERS}  # either side ends it

# What each state allows, by capability: the roles that may. Empty: nobody.
EXPECTED = {
    "draft": {
        "edit": MANAGERS,
        "send": MANAGERS,
        "sign": set(),
        "amend": set(),
        "suspend": set(),
        "reinstate": set(),
        "end": set(),
    },
    "awaiting, the employee signed": {
        "edit": set(),
        "send": set(),
        "sign": LINE,
        "amend": set(),
        "suspend": set(),
        "reinstate": set(),
        "end": ENDERS,
    },
    "active": {
        "edit": set(),
        "send": set(),
        "sign": set(),
        "amend": MANAGERS,
        "suspend": LINE,
        "reinstate": set(),
        "end": ENDERS,
    },
    "suspended": {
        "edit": set(),
        "send": set(),
        "sign": set(),
        "amend": MANAGERS,
        "suspend": set(),
        "reinstate": LINE,
        "end": ENDERS,
    },
    "notice given": {
        "edit": set(),
        "send": set(),
        "sign": set(),
        "amend": MANAGERS,
        "suspend": LINE,
        "reinstate": set(),
        "end": set(),
    },
}


def _drafted(cast) -> Agreement:
    """The draft an approved request leaves."""
    employee, manager = cast["employee"], cast["manager"]
    assessed(employee, manager)
    request = draft(employee, flexible=False, weekdays=[0, 3])
    request = services.request_submit(actor=employee, request=request)
    services.request_decide(actor=manager, request=request, decision="approve")
    return Agreement.objects.get(person=employee)


def _in_state(cast, state: str):
    employee, manager = cast["employee"], cast["manager"]
    if state == "draft":
        return _drafted(cast)
    if state == "awaiting, the employee signed":
        agreement = _drafted(cast)
        agreement_services.agreement_send(actor=manager, agreement=agreement)
        agreement_services.agreement_sign(
            actor=employee, agreement=agreement, accepted=True, password=PASSWORD
        )
        return agreement
    agreement = agreement_in_force(cast)
    if state == "suspended":
        agreement_services.agreement_suspend(actor=manager, agreement=agreement, reason="Audit")
    if state == "notice given":
        agreement_services.agreement_end(actor=employee, agreement=agreement, last_day=None, reason="Moving")
    return agreement


@pytest.mark.parametrize("state", EXPECTED)
def test_what_each_role_may_do_in_each_state(cast, state):
    agreement = _in_state(cast, state)
    agreement.refresh_from_db()
    agreement = queries.load_versions(agreement)
    pending = queries.pending_version(agreement)
    capabilities = {
        "edit": lambda user: permissions.can_edit_terms_now(user, agreement, pending),
        "send": lambda user: permissions.can_send_now(user, agreement, pending),
        "sign": lambda user: permissions.can_sign_now(user, agreement, pending),
        "amend": lambda user: permissions.can_amend_now(user, agreement, pending),
        "suspend": lambda user: permissions.can_suspend_now(user, agreement),
        "reinstate": lambda user: permissions.can_reinstate_now(user, agreement),
        "end": lambda user: permissions.can_end_now(user, agreement),
    }
    found = {name: {role for role in ROLES if may(cast[role])} for name, may in capabilities.items()}
    assert found == EXPECTED[state]


def test_who_records_an_early_end_and_keeps_the_lists(cast):
    agreement = _drafted(cast)
    assert {r for r in ROLES if permissions.can_end_by_agreement(cast[r], agreement)} == MANAGERS
    assert {r for r in ROLES if permissions.can_view_inspectorate_list(cast[r])} == {"hr"}
    assert {r for r in ROLES if permissions.can_manage_agreement_templates(cast[r])} == {"hr"}


def test_access_for_writing_is_404_unseen_and_403_seen_but_not_theirs(cast):
    pk = _drafted(cast).pk
    for role in MANAGERS:
        assert permissions.get_agreement_for_user(cast[role], pk, for_write=True).pk == pk
    for role in ("employee", "hr_approver"):  # they see it, and may not prepare it
        assert permissions.get_agreement_for_user(cast[role], pk).pk == pk
        with pytest.raises(PermissionDenied):
            permissions.get_agreement_for_user(cast[role], pk, for_write=True)
    with pytest.raises(Http404):
        permissions.get_agreement_for_user(cast["outsider"], pk, for_write=True)


def test_the_employee_cannot_end_her_agreement_early_by_agreement_through_the_api(cast):
    """The page offers ending by agreement (no notice) only to HR and the manager; the API did not ask."""
    agreement = agreement_in_force(cast)
    url = f"/api/v1/agreements/{agreement.pk}/end"
    body = {"by_agreement": True, "last_day": None, "reason": "Tomorrow, please"}
    refused = api_call(cast["employee"], "post", url, body)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    agreement.refresh_from_db()
    assert agreement.ends_on is None and agreement.status == "active"
    body["last_day"] = agreement.start_date.isoformat()
    ended = api_call(cast["manager"], "post", url, body)
    assert ended.status_code == 200 and ended.json()["ends_on"] == body["last_day"]


def test_the_service_itself_refuses_the_employee_an_earlier_last_day_by_agreement(cast):
    """Any caller, not only the page and the API: the notice protects the employer too."""
    from distans.core.errors import NotAllowed

    agreement = agreement_in_force(cast)
    with pytest.raises(NotAllowed):
        agreement_services.agreement_end(
            actor=cast["employee"],
            agreement=agreement,
            last_day=agreement.start_date,
            reason="Now",
            by_agreement=True,
        )
    agreement.refresh_from_db()
    assert agreement.ends_on is None
