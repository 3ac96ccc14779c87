"""Every route of the project × every role: allowed or denied as designed.

A new URL or API route that is not listed here fails `test_every_route_is_in_the_matrix`, so
nobody can add a view without deciding who may use it.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from distans.checklists import services as checklist_services
from distans.core.testing import api_call
from tests.permissions.support import page_routes
from tests.permissions.writes import WRITES

ROLES = ["anonymous", "employee", "manager", "hr_approver", "hr", "admin", "outsider"]
SIGNED_IN = ROLES[1:]


def every(status):
    return dict.fromkeys(SIGNED_IN, status)


def signed_in(status, anonymous=302):
    return {"anonymous": anonymous, **every(status)}


def only(allowed: list[str], status=200, denied=403, anonymous=302):
    return {"anonymous": anonymous, **{role: (status if role in allowed else denied) for role in SIGNED_IN}}


def suitability(cast):
    """Björn (manager) assesses Åsa (employee); she may give her own view first."""
    from distans.checklists.testing import builtin

    return checklist_services.assignment_create(
        actor=cast["manager"],
        template=builtin("suitability"),
        person=cast["employee"],
        due_date=timezone.localdate() + datetime.timedelta(days=7),
        self_view=True,
    )


def it_security_version(cast):
    from distans.checklists.testing import builtin

    return builtin("it-security").versions.get()


def asa_request(cast, *, submit=False):
    from distans.arrangements import services as request_services
    from distans.arrangements.testing import draft

    request = draft(cast["employee"])
    if submit:
        request = request_services.request_submit(actor=cast["employee"], request=request)
    return request


def asa_agreement(cast):
    from distans.agreements.models import Agreement
    from distans.agreements.testing import approved

    approved(cast["employee"], cast["manager"])
    return [Agreement.objects.get(person=cast["employee"]).pk]


def se_template(cast):
    from distans.agreements.models import AgreementTemplate

    return [AgreementTemplate.objects.get(country="SE", language="en").pk]


def asa_evaluation(cast):
    from distans.agreements.models import Agreement
    from distans.followup.models import Evaluation

    agreement = Agreement.objects.get(pk=asa_agreement(cast)[0])
    return [
        Evaluation.objects.create(
            agreement=agreement, person=cast["employee"], kind="periodic", due_date=datetime.date(2099, 1, 5)
        ).pk
    ]


def asa_deviation(cast):
    from distans.followup import services as followup_services

    return [
        followup_services.deviation_report(
            actor=cast["employee"],
            person=cast["employee"],
            kind="other",
            occurred_on=datetime.date(2020, 1, 1),
            description="x",
        ).pk
    ]


FOLLOWUP_VIEWERS = only(["employee", "manager", "hr"], denied=404)
AGREEMENT_VIEWERS = only(["employee", "manager", "hr", "hr_approver"], denied=404)
AGREEMENT_PREPARERS = {**AGREEMENT_VIEWERS, "employee": 403, "hr_approver": 403}
REQUEST_VIEWERS = only(["employee", "manager", "hr", "hr_approver"], denied=404)


def asa_feed(cast):
    from distans.planning.services import feed_reset

    return [feed_reset(actor=cast["employee"], person=cast["employee"]).token]


PLAN_CHANGERS = ["employee", "manager", "hr"]


def planner_run(cast):
    from distans.planning.models import PlannerRun

    return [PlannerRun.objects.create(unit=cast["employee"].unit, week_start=datetime.date(2099, 1, 5)).pk]


def planner_batch(cast):
    from distans.planning.models import PlannerBatch, PlannerRun

    batch = PlannerBatch.objects.create(week_start=datetime.date(2099, 1, 5))
    PlannerRun.objects.create(batch=batch, site=cast["employee"].site, week_start=batch.week_start)
    return [batch.pk]


HR_ONLY = only(["hr"])


def privacy_notice_version(cast):
    from distans.privacy import services

    return [services.notice_publish(actor=cast["hr"]).number]


def privacy_hold(cast):
    from distans.privacy import services

    return [services.legal_hold_place(actor=cast["hr"], person=cast["employee"], reason="Claim").pk]


def privacy_access(cast):
    from distans.privacy import services

    return services.access_request_create(
        actor=cast["hr"], person=cast["employee"], received_on=timezone.localdate()
    )


PRIVACY_MANAGERS = only(["hr", "admin"])
REPORT_READERS = only(["manager", "hr_approver", "hr", "admin"])
ASSIGNMENT_VIEWERS = only(["employee", "manager", "hr"], denied=404)

# name: (args builder, {role: expected status}) for a GET
MATRIX = {
    "core:my_page": (None, signed_in(200)),
    "core:language": (None, {role: 405 for role in ROLES}),
    "core:accessibility": (None, {role: 200 for role in ROLES}),
    "org:person_search": (None, signed_in(404)),  # without a purpose there is nothing to search
    "core:profile": (None, signed_in(200)),
    "core:token_create": (None, signed_in(405)),
    "core:audit_log": (None, only(["hr", "admin"])),
    "core:jobs": (None, only(["admin"])),
    "core:metrics": (None, {role: 404 for role in ROLES}),  # off unless METRICS_ENABLED
    "identity:sso_start": (None, {role: 404 for role in ROLES}),  # single sign-on is off in tests
    "identity:sso_callback": (None, {role: 404 for role in ROLES}),
    "identity:sso_refused": (lambda cast: ["unknown"], {role: 404 for role in ROLES}),
    "identity:two_factor": (None, signed_in(200)),
    "identity:two_factor_verify": (None, signed_in(302)),  # no code owed: on to My page
    "identity:two_factor_reset": (lambda cast: [cast["employee"].pk], only(["admin"])),
    "privacy:mine": (None, signed_in(200)),
    "privacy:mine_download": (lambda cast: ["json"], signed_in(200)),
    "privacy:notice": (None, signed_in(200)),
    "privacy:notice_version": (privacy_notice_version, signed_in(200)),
    "privacy:notice_publish": (None, signed_in(405)),
    "privacy:overview": (None, PRIVACY_MANAGERS),
    "privacy:hold_place": (None, signed_in(405)),
    "privacy:hold_lift": (privacy_hold, only(["hr", "admin"], denied=404)),
    "privacy:access_request": (lambda cast: [privacy_access(cast).pk], only(["hr", "admin"], denied=404)),
    "privacy:access_deliver": (lambda cast: [privacy_access(cast).pk], signed_in(405)),
    "privacy:person_download": (
        lambda cast: [cast["employee"].pk, "json"],
        only(["hr", "admin"], denied=404),
    ),
    "privacy:retention": (None, PRIVACY_MANAGERS),
    "privacy:record": (None, PRIVACY_MANAGERS),
    "privacy:settings": (None, PRIVACY_MANAGERS),
    "reports:business_case": (None, REPORT_READERS),
    "reports:business_case_pdf": (None, REPORT_READERS),
    "reports:business_case_export": (lambda cast: ["summary", "csv"], REPORT_READERS),
    "reports:today": (None, only(["hr", "admin"])),
    "reports:effect": (None, REPORT_READERS),
    # SCIM answers its clients' provisioning tokens only, never a browser session: 401 for everyone.
    **{
        f"scim:{name}": (args, dict.fromkeys(ROLES, 401))
        for name, args in [
            ("users", None),
            ("users_search", None),
            ("user", lambda cast: [cast["employee"].pk]),
            ("groups", None),
            ("groups_search", None),
            ("group", lambda cast: [1]),
            ("service_provider_config", None),
            ("schemas", None),
            ("schema", lambda cast: ["x"]),
            ("resource_types", None),
            ("resource_type", lambda cast: ["User"]),
            ("search", None),
            ("not_found", lambda cast: ["x"]),
        ]
    },
    "org:directory": (None, signed_in(200)),
    "org:person": (lambda cast: [cast["employee"].pk], signed_in(200)),
    "org:person_deactivate": (lambda cast: [cast["employee"].pk], only(["admin"])),
    "org:unit_list": (None, signed_in(200)),
    "org:unit": (lambda cast: [cast["employee"].unit_id], signed_in(200)),
    "org:site_list": (None, signed_in(200)),
    "org:import": (None, only(["admin"])),
    "login": (None, {"anonymous": 200, **every(302)}),
    "logout": (None, {role: 405 for role in ROLES}),
    "password_reset": (None, {role: 200 for role in ROLES}),
    "password_reset_done": (None, {role: 200 for role in ROLES}),
    "password_reset_confirm": (lambda cast: ["MTA", "bad-token"], {role: 200 for role in ROLES}),
    "password_reset_complete": (None, {role: 200 for role in ROLES}),
    "password_change": (None, signed_in(200)),
    "password_change_done": (None, signed_in(200)),
    "api:api-root": (None, {role: 404 for role in ROLES}),
    "api:openapi-json": (None, {role: 200 for role in ROLES}),
    "api:openapi-view": (None, {role: 200 for role in ROLES}),
    "api:me": (None, signed_in(200, anonymous=401)),
    "api:people": (None, signed_in(200, anonymous=401)),
    "api:person": (lambda cast: [cast["employee"].pk], signed_in(200, anonymous=401)),
    "api:units": (None, signed_in(200, anonymous=401)),
    "api:report_business_case": (None, {**REPORT_READERS, "anonymous": 401}),
    "api:report_effect": (None, {**REPORT_READERS, "anonymous": 401}),
    "api:report_today": (None, {**only(["hr", "admin"]), "anonymous": 401}),
    "api:sites": (None, signed_in(200, anonymous=401)),
    "admin:index": (None, only(["admin"])),
    "checklists:mine": (None, signed_in(200)),
    "checklists:person": (lambda cast: [cast["employee"].pk], only(["employee", "manager", "hr"])),
    "checklists:assign": (lambda cast: [cast["employee"].pk], only(["manager", "hr"])),
    "checklists:assignment": (lambda cast: [suitability(cast).pk], ASSIGNMENT_VIEWERS),
    "checklists:answer": (
        lambda cast: [suitability(cast).pk, "manager"],
        {**ASSIGNMENT_VIEWERS, "employee": 403, "hr": 403},
    ),
    "checklists:template_list": (None, HR_ONLY),
    "checklists:assign_unit": (None, HR_ONLY),
    "checklists:version": (lambda cast: [it_security_version(cast).pk], HR_ONLY),
    "checklists:version_preview": (lambda cast: [it_security_version(cast).pk], HR_ONLY),
    "checklists:item_add": (lambda cast: [it_security_version(cast).pk], HR_ONLY),
    "checklists:item_edit": (
        lambda cast: [it_security_version(cast).pk, it_security_version(cast).items.first().pk],
        HR_ONLY,
    ),
    "checklists:reports": (None, only(["manager", "hr", "hr_approver"])),  # Karin manages Elin
    "arrangements:mine": (None, signed_in(200)),
    "arrangements:new": (None, signed_in(200)),
    "arrangements:evaluate": (None, signed_in(405)),
    "arrangements:to_decide": (None, signed_in(200)),
    "arrangements:overview": (None, only(["hr", "hr_approver"])),
    "arrangements:detail": (lambda cast: [asa_request(cast, submit=True).pk], REQUEST_VIEWERS),
    "arrangements:edit": (
        lambda cast: [asa_request(cast).pk],
        {**REQUEST_VIEWERS, "manager": 403, "hr": 403, "hr_approver": 403},
    ),
    "agreements:list": (None, signed_in(200)),
    "agreements:register": (None, only(["hr", "hr_approver"])),
    "agreements:inspectorate": (None, HR_ONLY),
    "agreements:verify": (None, signed_in(200)),
    "agreements:templates": (None, HR_ONLY),
    "agreements:template": (se_template, HR_ONLY),
    "agreements:detail": (asa_agreement, AGREEMENT_VIEWERS),
    "agreements:edit": (asa_agreement, AGREEMENT_PREPARERS),
    "agreements:sign": (
        asa_agreement,
        {**only(["employee", "manager", "hr"], status=302, denied=404), "hr_approver": 403},
    ),
    "agreements:pdf": (lambda cast: [*asa_agreement(cast), 1], AGREEMENT_VIEWERS),
    "api:agreements": (None, signed_in(200, anonymous=401)),
    "api:agreement": (asa_agreement, {**AGREEMENT_VIEWERS, "anonymous": 401}),
    "api:agreement_pdf": (asa_agreement, {**AGREEMENT_VIEWERS, "anonymous": 401}),
    "followup:overview": (None, signed_in(200)),
    "followup:evaluation": (asa_evaluation, FOLLOWUP_VIEWERS),
    "followup:attachment": (None, only(["manager", "hr_approver", "hr"])),  # HR: the organisation
    "followup:pulse": (None, HR_ONLY),
    "followup:deviation_new": (None, signed_in(200)),
    "followup:deviation": (asa_deviation, FOLLOWUP_VIEWERS),
    "equipment:mine": (None, signed_in(200)),
    "equipment:loans": (None, only(["hr", "admin"])),
    "api:followups": (None, signed_in(200, anonymous=401)),
    "api:deviation": (asa_deviation, {**FOLLOWUP_VIEWERS, "anonymous": 401}),
    "api:loans": (None, signed_in(200, anonymous=401)),
    "policy:page": (None, signed_in(200)),
    "policy:versions": (None, HR_ONLY),
    "policy:version": (lambda cast: [1], HR_ONLY),
    "policy:preview": (lambda cast: [1], HR_ONLY),
    "api:policy": (None, signed_in(200, anonymous=401)),
    "api:request": (lambda cast: [asa_request(cast).pk], {**REQUEST_VIEWERS, "anonymous": 401}),
    "planning:my_week": (None, signed_in(200)),
    "planning:my_team": (None, signed_in(200)),
    # A unit's week: its members, its managers and HR (Björn manages Support Sweden).
    "planning:team": (
        lambda cast: [cast["employee"].unit_id],
        only(["employee", "manager", "hr"], denied=404),
    ),
    "planning:unit_settings": (lambda cast: [cast["employee"].unit_id], only(["manager", "hr"])),
    "planning:planner": (lambda cast: [cast["employee"].unit_id], only(["manager", "hr"])),
    "planning:site_planner": (lambda cast: [cast["employee"].site_id], HR_ONLY),
    "planning:planner_run": (planner_run, only(["manager", "hr"])),
    "planning:offices_planner": (None, HR_ONLY),
    "planning:planner_batch": (planner_batch, HR_ONLY),
    "planning:site": (lambda cast: [cast["employee"].site_id], signed_in(200)),
    "planning:problems": (None, signed_in(200)),
    "planning:feed_reset": (None, signed_in(405)),
    "planning:my_ics": (None, signed_in(200)),
    "planning:feed": (asa_feed, {role: 200 for role in ROLES}),
    "api:plans": (None, signed_in(422, anonymous=401)),
    "api:patterns": (
        lambda cast: [cast["employee"].pk],
        {**only(PLAN_CHANGERS, denied=404), "anonymous": 401},
    ),
    "api:unit_coverage": (lambda cast: [cast["employee"].unit_id], signed_in(422, anonymous=401)),
    "api:site_occupancy": (lambda cast: [cast["employee"].site_id], signed_in(422, anonymous=401)),
    "api:planner_run": (planner_run, {**only(["manager", "hr"]), "anonymous": 401}),
    "api:planner_batch": (planner_batch, {**HR_ONLY, "anonymous": 401}),
    "api:checklist_templates": (None, signed_in(200, anonymous=401)),
    "api:checklist_assignments": (None, signed_in(200, anonymous=401)),
    "api:checklist_response": (lambda cast: [suitability(cast).pk], {**ASSIGNMENT_VIEWERS, "anonymous": 401}),
}


def test_every_route_is_in_the_matrix():
    """Each route is read here (GET), written in writes.py (WRITES), or both."""
    routes = {name for name, _view in page_routes()}
    decided = set(MATRIX) | set(WRITES)
    assert routes - decided == set(), "routes without a permission decision in MATRIX or WRITES"
    assert set(MATRIX) - routes == set(), "MATRIX names routes that no longer exist"


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_route_allows_or_denies_role(client, cast, name, role):
    build_args, expected = MATRIX[name]
    if role != "anonymous":
        client.force_login(cast[role])
    url = reverse(name, args=build_args(cast) if build_args else None)
    response = client.get(url)
    assert response.status_code == expected[role], f"{role} GET {url}"


# What each role sees, not only whether it may look --------------------------------------------------

VIEWERS = ["employee", "colleague", "manager", "other_manager", "hr", "hr_approver", "admin"]
# The full record for Åsa herself, her managers, HR and administrators; the directory card for the rest.
FULL_RECORD = {"employee", "manager", "hr", "admin"}
# Åsa's days: her unit, her managers and HR; the reason she is away only for her, her managers and HR.
SEES_PLAN = {"employee", "colleague", "manager", "hr"}
SEES_REASON = {"employee", "manager", "hr"}


@pytest.mark.parametrize("role", VIEWERS)
def test_a_person_is_a_directory_card_or_the_full_record(cast, role):
    response = api_call(cast[role], "get", reverse("api:person", args=[cast["employee"].pk]))
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["unit"]["name"]) == ("Åsa Öberg", "Support Sweden")
    if role in FULL_RECORD:
        assert body["details"]["employee_number"] == "102"
    else:
        assert body["details"] is None


def sick_on_wednesday(cast):
    from distans.planning import services

    monday = timezone.localdate() + datetime.timedelta(days=7 - timezone.localdate().weekday())
    wednesday = monday + datetime.timedelta(days=2)
    services.day_set(
        actor=cast["employee"], person=cast["employee"], date=wednesday, kind="away", away_reason="sick"
    )
    return monday, wednesday


@pytest.mark.parametrize("role", VIEWERS)
def test_the_plan_api_says_away_and_the_reason_only_to_whom_it_may(cast, role):
    _monday, wednesday = sick_on_wednesday(cast)
    url = f"{reverse('api:plans')}?person={cast['employee'].pk}&from={wednesday}&to={wednesday}"
    response = api_call(cast[role], "get", url)
    if role not in SEES_PLAN:
        assert response.status_code == 404, f"{role} reads Åsa's plan: {response.status_code}"
        return
    assert response.status_code == 200
    [day] = response.json()
    assert day["kind"] == "away"
    assert day["detail"] == ("sick" if role in SEES_REASON else "")


@pytest.mark.parametrize("role", VIEWERS)
def test_the_team_week_says_away_and_the_reason_only_to_whom_it_may(client, cast, role):
    monday, _wednesday = sick_on_wednesday(cast)
    year, week, _day = monday.isocalendar()
    client.force_login(cast[role])
    team = reverse("planning:team", args=[cast["employee"].unit_id])
    response = client.get(f"{team}?week={year}-W{week:02d}")
    if role not in SEES_PLAN:
        assert response.status_code == 404, f"{role} sees Support Sweden's week: {response.status_code}"
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert "Away" in page
    assert ("Away · Sick" in page) == (role in SEES_REASON)
