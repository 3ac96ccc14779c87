"""Every route of the project × every role: allowed or denied as designed.

A new URL or API route that is not listed here fails `test_every_route_is_in_the_matrix`, so
nobody can add a view without deciding who may use it.
"""

import datetime

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from distans.checklists import services as checklist_services
from distans.core.models import ApiToken

ROLES = ["anonymous", "employee", "manager", "hr_approver", "hr", "admin", "outsider"]
SIGNED_IN = ROLES[1:]


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            if inner == "admin":
                yield "admin:index"
                continue
            yield from _walk(pattern.url_patterns, inner)
        else:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def every(status):
    return dict.fromkeys(SIGNED_IN, status)


def signed_in(status, anonymous=302):
    return {"anonymous": anonymous, **every(status)}


def only(allowed: list[str], status=200, denied=403, anonymous=302):
    return {"anonymous": anonymous,
            **{role: (status if role in allowed else denied) for role in SIGNED_IN}}


def employee_token(cast):
    token = ApiToken.objects.create(person=cast["employee"], name="t", key_hash="x" * 64, hint="dst_x")
    return [token.pk]


def suitability(cast):
    """Björn (manager) assesses Åsa (employee); she may give her own view first."""
    from distans.checklists.tests.conftest import builtin

    return checklist_services.assignment_create(
        actor=cast["manager"], template=builtin("suitability"), person=cast["employee"],
        due_date=timezone.localdate() + datetime.timedelta(days=7), self_view=True)


def action_of_employee(cast):
    from distans.checklists.tests.conftest import GOOD_SUITABILITY, answers_for

    assignment = suitability(cast)
    checklist_services.response_submit(
        actor=cast["manager"], assignment=assignment, role="manager",
        answers=answers_for(assignment, **{**GOOD_SUITABILITY, "q11": "no"}))
    return [assignment.responses.get().actions.get().pk]


def it_security_version(cast):
    from distans.checklists.tests.conftest import builtin

    return builtin("it-security").versions.get()


def asa_request(cast, *, submit=False):
    from distans.arrangements import services as request_services
    from distans.arrangements.tests.conftest import draft

    request = draft(cast["employee"])
    if submit:
        request = request_services.request_submit(actor=cast["employee"], request=request)
    return request


def asa_agreement(cast):
    from distans.arrangements.models import Agreement
    from distans.arrangements.tests.test_agreements import approved

    approved(cast["employee"], cast["manager"])
    return [Agreement.objects.get(person=cast["employee"]).pk]


def se_template(cast):
    from distans.arrangements.models import AgreementTemplate

    return [AgreementTemplate.objects.get(country="SE", language="en").pk]


def asa_evaluation(cast):
    from distans.arrangements.models import Agreement
    from distans.followup.models import Evaluation

    agreement = Agreement.objects.get(pk=asa_agreement(cast)[0])
    return [Evaluation.objects.create(agreement=agreement, person=cast["employee"], kind="periodic",
                                      due_date=datetime.date(2099, 1, 5)).pk]


def asa_deviation(cast):
    from distans.followup import services as followup_services

    return [followup_services.deviation_report(actor=cast["employee"], person=cast["employee"], kind="other",
                                               occurred_on=datetime.date(2020, 1, 1), description="x").pk]


def asa_loan(cast):
    from distans.equipment.models import ItemType, Loan

    return [Loan.objects.create(person=cast["employee"], item_type=ItemType.objects.get(key="laptop"),
                                out_date=datetime.date(2020, 1, 1)).pk]


def asa_equipment_request(cast):
    from distans.equipment.models import EquipmentRequest, ItemType

    chair = ItemType.objects.get(key="chair")
    return [EquipmentRequest.objects.create(person=cast["employee"], item_type=chair, reason="x").pk]


FOLLOWUP_VIEWERS = only(["employee", "manager", "hr"], denied=404)
AGREEMENT_VIEWERS = only(["employee", "manager", "hr", "hr_approver"], denied=404)
AGREEMENT_PREPARERS = {**AGREEMENT_VIEWERS, "employee": 403, "hr_approver": 403}
REQUEST_VIEWERS = only(["employee", "manager", "hr", "hr_approver"], denied=404)
REQUEST_OWNER_ACTS = {**only(["employee"], status=302, denied=403), "admin": 404, "outsider": 404}
def asa_feed(cast):
    from distans.planning.services import feed_reset

    return [feed_reset(actor=cast["employee"], person=cast["employee"]).token]


PLAN_CHANGERS = ["employee", "manager", "hr"]


def planner_run(cast):
    from distans.planning.models import PlannerRun

    return [PlannerRun.objects.create(unit=cast["employee"].unit, week_start=datetime.date(2099, 1, 5)).pk]
HR_ONLY = only(["hr"])
HR_POSTS = only(["hr"], status=302)
ASSIGNMENT_VIEWERS = only(["employee", "manager", "hr"], denied=404)

# name: (method, args builder, {role: expected status})
MATRIX = {
    "core:my_page": ("get", None, signed_in(200)),
    "core:language": ("get", None, {role: 405 for role in ROLES}),
    "core:profile": ("get", None, signed_in(200)),
    "core:token_create": ("get", None, signed_in(405)),
    "core:token_revoke": ("post", employee_token, only(["employee"], status=302, denied=404)),
    "core:audit_log": ("get", None, only(["hr", "admin"])),
    "org:directory": ("get", None, signed_in(200)),
    "org:person": ("get", lambda cast: [cast["employee"].pk], signed_in(200)),
    "org:person_set_active": ("post", lambda cast: [cast["outsider"].pk],
                              only(["admin"], status=302)),
    "org:unit_list": ("get", None, signed_in(200)),
    "org:unit": ("get", lambda cast: [cast["employee"].unit_id], signed_in(200)),
    "org:site_list": ("get", None, signed_in(200)),
    "org:import": ("get", None, only(["admin"])),
    "login": ("get", None, {"anonymous": 200, **every(302)}),
    "logout": ("get", None, {role: 405 for role in ROLES}),
    "password_reset": ("get", None, {role: 200 for role in ROLES}),
    "password_reset_done": ("get", None, {role: 200 for role in ROLES}),
    "password_reset_confirm": ("get", lambda cast: ["MTA", "bad-token"],
                               {role: 200 for role in ROLES}),
    "password_reset_complete": ("get", None, {role: 200 for role in ROLES}),
    "password_change": ("get", None, signed_in(200)),
    "password_change_done": ("get", None, signed_in(200)),
    "api:api-root": ("get", None, {role: 404 for role in ROLES}),
    "api:openapi-json": ("get", None, {role: 200 for role in ROLES}),
    "api:openapi-view": ("get", None, {role: 200 for role in ROLES}),
    "api:me": ("get", None, signed_in(200, anonymous=401)),
    "api:people": ("get", None, signed_in(200, anonymous=401)),
    "api:person": ("get", lambda cast: [cast["employee"].pk], signed_in(200, anonymous=401)),
    "api:units": ("get", None, signed_in(200, anonymous=401)),
    "api:sites": ("get", None, signed_in(200, anonymous=401)),
    "admin:index": ("get", None, only(["admin"], denied=302)),
    "checklists:mine": ("get", None, signed_in(200)),
    "checklists:person": ("get", lambda cast: [cast["employee"].pk], only(["employee", "manager", "hr"])),
    "checklists:assign": ("get", lambda cast: [cast["employee"].pk], only(["manager", "hr"])),
    "checklists:assignment": ("get", lambda cast: [suitability(cast).pk], ASSIGNMENT_VIEWERS),
    "checklists:answer": ("get", lambda cast: [suitability(cast).pk, "manager"],
                          {**ASSIGNMENT_VIEWERS, "employee": 403, "hr": 403}),
    "checklists:assignment_cancel": ("post", lambda cast: [suitability(cast).pk],
                                     {**only(["manager", "hr"], status=302, denied=404), "employee": 403}),
    "checklists:action_done": ("post", action_of_employee,
                               only(["employee", "manager", "hr"], status=302, denied=404)),
    "checklists:template_list": ("get", None, HR_ONLY),
    "checklists:assign_unit": ("get", None, HR_ONLY),
    "checklists:draft_create": ("post", lambda cast: [it_security_version(cast).template_id], HR_POSTS),
    "checklists:version": ("get", lambda cast: [it_security_version(cast).pk], HR_ONLY),
    "checklists:version_preview": ("get", lambda cast: [it_security_version(cast).pk], HR_ONLY),
    "checklists:version_publish": ("post", lambda cast: [it_security_version(cast).pk], HR_POSTS),
    "checklists:item_add": ("get", lambda cast: [it_security_version(cast).pk], HR_ONLY),
    "checklists:item_edit": ("get", lambda cast: [it_security_version(cast).pk,
                                                  it_security_version(cast).items.first().pk], HR_ONLY),
    "checklists:item_change": ("post", lambda cast: [it_security_version(cast).pk,
                                                     it_security_version(cast).items.first().pk], HR_POSTS),
    "checklists:reports": ("get", None, only(["manager", "hr", "hr_approver"])),  # Karin manages Elin
    "arrangements:mine": ("get", None, signed_in(200)),
    "arrangements:new": ("get", None, signed_in(200)),
    "arrangements:evaluate": ("get", None, signed_in(405)),
    "arrangements:to_decide": ("get", None, signed_in(200)),
    "arrangements:overview": ("get", None, only(["hr", "hr_approver"])),
    "arrangements:detail": ("get", lambda cast: [asa_request(cast, submit=True).pk], REQUEST_VIEWERS),
    "arrangements:edit": ("get", lambda cast: [asa_request(cast).pk],
                          {**REQUEST_VIEWERS, "manager": 403, "hr": 403, "hr_approver": 403}),
    "arrangements:decide": ("post", lambda cast: [asa_request(cast, submit=True).pk],
                            {**REQUEST_OWNER_ACTS, "employee": 403, "manager": 302}),
    "arrangements:assess": ("post", lambda cast: [asa_request(cast, submit=True).pk],
                            {**REQUEST_OWNER_ACTS, "employee": 403, "manager": 302}),
    "arrangements:act": ("post", lambda cast: [asa_request(cast).pk, "withdraw"], REQUEST_OWNER_ACTS),
    "agreements:list": ("get", None, signed_in(200)),
    "agreements:register": ("get", None, only(["hr", "hr_approver"])),
    "agreements:inspectorate": ("get", None, HR_ONLY),
    "agreements:verify": ("get", None, signed_in(200)),
    "agreements:templates": ("get", None, HR_ONLY),
    "agreements:template": ("get", se_template, HR_ONLY),
    "agreements:detail": ("get", asa_agreement, AGREEMENT_VIEWERS),
    "agreements:edit": ("get", asa_agreement, AGREEMENT_PREPARERS),
    "agreements:sign": ("get", asa_agreement, {**only(["employee", "manager", "hr"], status=302, denied=404),
                                               "hr_approver": 403}),
    "agreements:pdf": ("get", lambda cast: [*asa_agreement(cast), 1], AGREEMENT_VIEWERS),
    "agreements:act": ("post", lambda cast: [*asa_agreement(cast), "send"],
                       {**AGREEMENT_PREPARERS, "manager": 302, "hr": 302}),
    "api:agreements": ("get", None, signed_in(200, anonymous=401)),
    "api:agreement": ("get", asa_agreement, {**AGREEMENT_VIEWERS, "anonymous": 401}),
    "api:agreement_pdf": ("get", asa_agreement, {**AGREEMENT_VIEWERS, "anonymous": 401}),
    "api:agreement_send": ("post", asa_agreement, {**AGREEMENT_PREPARERS, "anonymous": 401}),
    "api:agreement_sign": ("post", asa_agreement, signed_in(422, anonymous=401)),
    "api:agreement_amend": ("post", asa_agreement, signed_in(422, anonymous=401)),
    "api:agreement_suspend": ("post", asa_agreement, signed_in(422, anonymous=401)),
    # Allowed to try, but a draft is not in force, so there is nothing to end (400 with the reason).
    "api:agreement_end": (
        "post",
        asa_agreement,
        {
            **AGREEMENT_VIEWERS,
            **{role: 400 for role in ("employee", "manager", "hr")},
            "hr_approver": 403,
            "anonymous": 401,
        },
    ),
    "followup:overview": ("get", None, signed_in(200)),
    "followup:evaluation": ("get", asa_evaluation, FOLLOWUP_VIEWERS),
    "followup:book": ("post", asa_agreement, {**AGREEMENT_VIEWERS, "employee": 403, "hr_approver": 403,
                                              "manager": 302, "hr": 302}),
    "followup:attachment": ("get", None, only(["manager", "hr_approver", "hr"])),  # HR: the organisation
    "followup:pulse": ("get", None, HR_ONLY),
    "followup:deviation_new": ("get", None, signed_in(200)),
    "followup:deviation": ("get", asa_deviation, FOLLOWUP_VIEWERS),
    "equipment:mine": ("get", None, signed_in(200)),
    "equipment:loans": ("get", None, only(["hr", "admin"])),
    "equipment:acknowledge": ("post", asa_loan, {**only(["employee", "manager", "hr", "admin"], status=302,
                                                        denied=404)}),
    "equipment:return": ("post", asa_loan, {**only(["hr", "admin"], status=302, denied=404), "employee": 403,
                                            "manager": 403}),
    "equipment:lost": ("post", asa_loan, {**only(["hr", "admin"], status=302, denied=404), "employee": 403,
                                          "manager": 403}),
    "equipment:decide": ("post", asa_equipment_request, {**only(["employee", "manager", "hr", "admin"],
                                                               status=302, denied=404)}),
    "api:followups": ("get", None, signed_in(200, anonymous=401)),
    "api:followup_outcome": ("post", asa_evaluation, signed_in(422, anonymous=401)),
    "api:deviations": ("post", None, signed_in(422, anonymous=401)),
    "api:deviation": ("get", asa_deviation, {**FOLLOWUP_VIEWERS, "anonymous": 401}),
    "api:deviation_close": ("post", asa_deviation, signed_in(422, anonymous=401)),
    "api:loans": ("get", None, signed_in(200, anonymous=401)),
    "api:loan_create": ("post", None, signed_in(422, anonymous=401)),
    "api:loan_return": ("post", asa_loan, {**only(["hr", "admin"], status=200, denied=404), "employee": 403,
                                           "manager": 403, "anonymous": 401}),
    "policy:page": ("get", None, signed_in(200)),
    "policy:versions": ("get", None, HR_ONLY),
    "policy:version": ("get", lambda cast: [1], HR_ONLY),
    "policy:preview": ("get", lambda cast: [1], HR_ONLY),
    "policy:publish": ("post", lambda cast: [1], HR_POSTS),
    "api:policy": ("get", None, signed_in(200, anonymous=401)),
    "api:request_evaluate": ("post", None, signed_in(422, anonymous=401)),
    "api:requests": ("post", None, signed_in(422, anonymous=401)),
    "api:request": ("get", lambda cast: [asa_request(cast).pk], {**REQUEST_VIEWERS, "anonymous": 401}),
    "api:request_submit": ("post", lambda cast: [asa_request(cast).pk],
                           {**REQUEST_OWNER_ACTS, "employee": 200, "anonymous": 401}),
    "api:request_withdraw": ("post", lambda cast: [asa_request(cast).pk],
                             {**REQUEST_OWNER_ACTS, "employee": 200, "anonymous": 401}),
    "api:request_decide": ("post", lambda cast: [asa_request(cast, submit=True).pk],
                           signed_in(422, anonymous=401)),
    "planning:my_week": ("get", None, signed_in(200)),
    "planning:day_set": ("post", lambda cast: [cast["employee"].pk], only(PLAN_CHANGERS, status=400)),
    "planning:preferences_set": ("post", None, signed_in(302)),
    "planning:pattern_set": ("post", lambda cast: [cast["employee"].pk], only(PLAN_CHANGERS, status=302)),
    "planning:my_team": ("get", None, signed_in(200)),
    "planning:team": ("get", lambda cast: [cast["employee"].unit_id], signed_in(200)),
    "planning:unit_settings": ("get", lambda cast: [cast["employee"].unit_id], only(["manager", "hr"])),
    "planning:planner": ("get", lambda cast: [cast["employee"].unit_id], only(["manager", "hr"])),
    "planning:site_planner": ("get", lambda cast: [cast["employee"].site_id], HR_ONLY),
    "planning:planner_run": ("get", planner_run, only(["manager", "hr"])),
    "planning:planner_stop": ("post", planner_run, only(["manager", "hr"], status=302)),
    "planning:planner_apply": ("post", planner_run, only(["manager", "hr"], status=302)),
    "planning:site": ("get", lambda cast: [cast["employee"].site_id], signed_in(200)),
    "planning:problems": ("get", None, signed_in(200)),
    "planning:feed_reset": ("get", None, signed_in(405)),
    "planning:my_ics": ("get", None, signed_in(200)),
    "planning:feed": ("get", asa_feed, {role: 200 for role in ROLES}),
    "api:plans": ("get", None, signed_in(422, anonymous=401)),
    "api:plan_day": ("put", lambda cast: [cast["employee"].pk, "2099-01-05"], signed_in(422, anonymous=401)),
    "api:patterns": ("get", lambda cast: [cast["employee"].pk],
                     {**only(PLAN_CHANGERS), "anonymous": 401}),
    "api:pattern_save": ("put", lambda cast: [cast["employee"].pk], signed_in(422, anonymous=401)),
    "api:unit_coverage": ("get", lambda cast: [cast["employee"].unit_id], signed_in(422, anonymous=401)),
    "api:site_occupancy": ("get", lambda cast: [cast["employee"].site_id], signed_in(422, anonymous=401)),
    "api:planner_runs": ("post", None, signed_in(422, anonymous=401)),
    "api:planner_run": ("get", planner_run, {**only(["manager", "hr"]), "anonymous": 401}),
    "api:planner_run_apply": ("post", planner_run, {**only(["manager", "hr"], status=409), "anonymous": 401}),
    "api:checklist_templates": ("get", None, signed_in(200, anonymous=401)),
    "api:checklist_assignments": ("get", None, signed_in(200, anonymous=401)),
    "api:checklist_response": ("get", lambda cast: [suitability(cast).pk],
                               {**ASSIGNMENT_VIEWERS, "anonymous": 401}),
    "api:checklist_response_save": ("put", lambda cast: [suitability(cast).pk],
                                    {**ASSIGNMENT_VIEWERS, "anonymous": 401, "hr": 403}),
    "api:checklist_submit": ("post", lambda cast: [suitability(cast).pk],
                             {**ASSIGNMENT_VIEWERS, "anonymous": 401, "hr": 403, "employee": 400,
                              "manager": 400}),
}


def test_every_route_is_in_the_matrix():
    routes = set(_walk(get_resolver().url_patterns))
    assert routes - set(MATRIX) == set(), "routes without a permission decision in MATRIX"
    assert set(MATRIX) - routes == set(), "MATRIX names routes that no longer exist"


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_route_allows_or_denies_role(client, cast, name, role):
    method, build_args, expected = MATRIX[name]
    if role != "anonymous":
        client.force_login(cast[role])
    url = reverse(name, args=build_args(cast) if build_args else None)
    if url.startswith("/api/") and method in ("post", "put"):
        response = getattr(client, method)(url, "{}", content_type="application/json")
    else:
        response = getattr(client, method)(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
