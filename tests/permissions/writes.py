"""The write matrix: every write route, the payload a permitted role succeeds with, and who may.

`send` posts a page from a browser session with its CSRF token, or calls the API with a personal
token, and asserts the status the contract gives the role (success; 403 when the role sees the object
but may not do this; 404 when it may not know the object; the login page or 401 for the anonymous
visitor) and that the change happened for the permitted roles only. The tests that run it are
test_permission_matrix_writes.py and test_permission_matrix_in_force.py.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from distans.checklists.testing import GOOD_SUITABILITY, answers_for, builtin
from distans.core.testing import api_call, csrf_token, session_client
from tests.permissions.support import PASSWORD, api_write_operations, form_on_page

ROLES = ["anonymous", "employee", "colleague", "manager", "other_manager", "hr", "hr_approver", "admin"]
LOGIN = "login"  # the anonymous visitor is sent to the login page
SUCCESS = {200, 201, 204, 302}


@dataclass
class Case:
    """One prepared request: the URL's arguments, the payload, and whether its change happened."""

    args: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    # done(response) -> bool: the write had its effect (a route that only reads: it answered the input).
    # Every case has one, so a payload that fails validation cannot pass for the roles that may.
    done: Callable | None = None
    url: str | None = None  # instead of reversing the route with args
    before: Callable | None = None  # before(client): what the browser does first (follow a link)


@dataclass
class Write:
    build: Callable  # build(cast, actor) -> Case
    allowed: str  # the roles that succeed, space-separated
    ok: int = 302
    seen: str | None = None  # roles that see the object but may not: 403; None means all others 403
    effect: str | None = None  # roles whose request changes something, when not exactly `allowed`
    in_force: bool = False  # needs Åsa's agreement in force (test_permission_matrix_in_force.py)

    def expected(self, role: str, api: bool):
        if role in self.allowed.split():
            return self.ok
        if role == "anonymous":
            return 401 if api else LOGIN
        return 403 if self.seen is None or role in self.seen.split() else 404

    def changes(self, role: str) -> bool:
        return role in (self.allowed if self.effect is None else self.effect).split()

    def succeeds(self) -> set[str]:
        """The roles whose request succeeds and has its effect."""
        return {role for role in self.allowed.split() if self.changes(role)}


def today():
    return timezone.localdate()


def next_monday():
    return today() + datetime.timedelta(days=7 - today().weekday())


def iso_week(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def fresh(obj, **fields):
    """Reloaded from the database; with fields, whether they now hold these values."""
    obj = type(obj).objects.filter(pk=obj.pk).first()
    if not fields:
        return obj
    return obj is not None and all(getattr(obj, name) == value for name, value in fields.items())


# Objects the writes act on -------------------------------------------------------------------------


def suitability(cast):
    """Björn assesses Åsa; she may give her own view first."""
    from distans.checklists import services

    return services.assignment_create(
        actor=cast["manager"],
        template=builtin("suitability"),
        person=cast["employee"],
        due_date=today() + datetime.timedelta(days=7),
        self_view=True,
    )


def good_answers(assignment):
    return answers_for(assignment, **GOOD_SUITABILITY)


def action_of_employee(cast):
    from distans.checklists import services

    assignment = suitability(cast)
    services.response_submit(
        actor=cast["manager"],
        assignment=assignment,
        role="manager",
        answers=answers_for(assignment, **{**GOOD_SUITABILITY, "q11": "no"}),
    )
    return assignment.responses.get().actions.get()


def checklist_draft(cast):
    """HR's draft of a new IT-security version."""
    from distans.checklists import template_services

    return template_services.checklist_draft_create(actor=cast["hr"], template=builtin("it-security"))


def asa_request(cast, *, submit=False):
    from distans.arrangements import services
    from distans.arrangements.testing import draft

    request = draft(cast["employee"])
    return services.request_submit(actor=cast["employee"], request=request) if submit else request


def asa_agreement(cast, *, send=False):
    """Åsa's drafted agreement, from her approved request; sent for signature when asked."""
    from distans.agreements import services as agreement_services
    from distans.agreements.models import Agreement
    from distans.agreements.testing import approved

    approved(cast["employee"], cast["manager"])
    agreement = Agreement.objects.get(person=cast["employee"])
    if send:
        agreement_services.agreement_send(actor=cast["manager"], agreement=agreement)
    return agreement


def in_force(cast):
    from distans.agreements.models import Agreement

    return Agreement.objects.get(person=cast["employee"], status="active")


def asa_evaluation(cast):
    """A follow-up of Åsa's agreement, booked by Björn for next week."""
    from distans.followup import services

    return services.evaluation_on_demand(
        actor=cast["manager"], agreement=in_force(cast), due=today() + datetime.timedelta(days=7)
    )


def asa_deviation(cast):
    from distans.followup import services

    return services.deviation_report(
        actor=cast["employee"],
        person=cast["employee"],
        kind="other",
        occurred_on=today(),
        description="The VPN drops every hour.",
    )


def asa_loan(cast):
    from distans.equipment.models import ItemType, Loan

    return Loan.objects.create(
        person=cast["employee"], item_type=ItemType.objects.get(key="laptop"), out_date=today()
    )


def asa_equipment_request(cast):
    from distans.equipment.models import EquipmentRequest, ItemType

    chair = ItemType.objects.get(key="chair")
    return EquipmentRequest.objects.create(person=cast["employee"], item_type=chair, reason="My back")


def planner_run(cast, **values):
    from distans.planning.models import PlannerRun

    return PlannerRun.objects.create(**{"unit": cast["employee"].unit, "week_start": next_monday(), **values})


def planned_run(cast):
    """A finished run proposing Åsa at the office Monday to Wednesday next week, at home (as her agreement
    allows) on Thursday and Friday."""
    asa = str(cast["employee"].pk)
    return planner_run(
        cast,
        status="done",
        result={
            "status": "optimal",
            "names": {asa: "Åsa Öberg"},
            "current": {asa: [0, 1, 2, 3, 4]},
            "office": {asa: [0, 1, 2]},
            "half_days": {},
        },
    )


def changed_week(person, monday):
    from distans.planning.models import DayChange

    friday = monday + datetime.timedelta(days=4)
    return DayChange.objects.filter(person=person, date__range=(monday, friday)).exists()


def day_change(person, date):
    from distans.planning.models import DayChange

    return DayChange.objects.filter(person=person, date=date).first()


def request_values(cast):
    return {
        "person": cast["employee"].pk,
        "days_per_week": "2",
        "start_date": today() + datetime.timedelta(days=14),
    }


# Builders: build(cast, actor) -> Case -----------------------------------------------------------


def language(cast, actor):
    return Case(
        data={"language": "da", "next": "/"},
        done=lambda r: (
            r.cookies.get(settings.LANGUAGE_COOKIE_NAME) is not None
            and (actor is None or fresh(actor, language="da"))
        ),
    )


def profile(cast, actor):
    return Case(
        data={"language": "nb", "time_zone": "Europe/Helsinki"},
        done=lambda r: actor is not None and fresh(actor, time_zone="Europe/Helsinki"),
    )


def token_create(cast, actor):
    from distans.core.models import ApiToken

    return Case(
        data={"name": "Payroll", "scope": ApiToken.Scope.READ_WRITE},
        done=lambda r: ApiToken.objects.filter(person=actor, name="Payroll").exists(),
    )


def two_factor_on(cast, actor):
    from django_otp.oath import totp

    from distans.identity import services
    from distans.identity.permissions import has_two_factor

    device = services.app_device_start(person=actor) if actor else None
    code = f"{totp(device.bin_key):06d}" if device else "000000"
    return Case(data={"code": code}, done=lambda r: has_two_factor(actor))


def _enrolled(person) -> list[str]:
    """The person with an authenticator app set up, as after scanning the code and giving one back: her
    recovery codes."""
    from django_otp.oath import totp

    from distans.identity import services

    device = services.app_device_start(person=person)
    return services.app_device_confirm(actor=person, token=f"{totp(device.bin_key):06d}")[1]


def two_factor_off(cast, actor):
    from distans.identity.permissions import has_two_factor

    # Set up after signing in, as people do: one who signs in with an app set up is asked for a code first.
    # Turning it off asks for a code: one of the recovery codes.
    case = Case(data={"code": ""}, done=lambda r: actor is not None and not has_two_factor(actor))

    def enrol(client):
        case.data["code"] = _enrolled(actor)[0]

    case.before = enrol if actor else None
    return case


def recovery_codes_new(cast, actor):
    # Without an app there is nothing to renew: the page sends the person back to set one up.
    return Case(done=lambda r: r.status_code == 302 and r.url == reverse("identity:two_factor"))


def two_factor_verify(cast, actor):
    # No code is owed after this sign-in: the page sends the person on to My page.
    return Case(data={"code": "123456"}, done=lambda r: r.status_code == 302 and r.url == "/")


def two_factor_reset(cast, actor):
    from distans.identity.permissions import has_two_factor

    asa = cast["employee"]
    return Case(args=[asa.pk], before=lambda client: _enrolled(asa), done=lambda r: not has_two_factor(asa))


def privacy_access(cast):
    from distans.privacy import services

    return services.access_request_create(actor=cast["hr"], person=cast["employee"], received_on=today())


def privacy_access_record(cast, actor):
    from distans.privacy.models import AccessRequest

    asa = cast["employee"]
    return Case(
        data={"access-person": asa.pk, "access-received_on": today().isoformat(), "access-note": "E-mail"},
        done=lambda r: AccessRequest.objects.filter(person=asa).exists(),
    )


def privacy_hold_place(cast, actor):
    from distans.privacy.models import LegalHold

    asa = cast["employee"]
    return Case(
        data={"hold-person": asa.pk, "hold-reason": "Claim"},
        done=lambda r: LegalHold.objects.filter(person=asa).exists(),
    )


def privacy_hold_lift(cast, actor):
    from distans.privacy import services

    hold = services.legal_hold_place(actor=cast["hr"], person=cast["employee"], reason="Claim")
    return Case(
        args=[hold.pk], data={"reason": "Claim settled"}, done=lambda r: fresh(hold).lifted_at is not None
    )


def privacy_settings(cast, actor):
    from distans.privacy.models import PrivacySettings

    return Case(
        data={"controller": "Nordvik AB", "contact": "hr@example.com", "transfers": "", "security": ""},
        done=lambda r: PrivacySettings.objects.filter(contact="hr@example.com").exists(),
    )


def privacy_access_extend(cast, actor):
    access = privacy_access(cast)
    later = (access.deadline + datetime.timedelta(days=30)).isoformat()
    return Case(
        args=[access.pk],
        data={"extended_to": later, "reason": "Records in archives"},
        done=lambda r: fresh(access).extended_to is not None,
    )


def privacy_access_deliver(cast, actor):
    access = privacy_access(cast)
    return Case(args=[access.pk], done=lambda r: fresh(access).delivered_at is not None)


def privacy_retention(cast, actor):
    from distans.privacy import retention
    from distans.privacy.models import RetentionRule

    periods = {
        f"{kind}:{country}": days
        for kind, cells in retention.periods().items()
        for country, days in cells.items()
    }
    return Case(
        data={**periods, "audit:": 400}, done=lambda r: RetentionRule.objects.filter(days=400).exists()
    )


def privacy_notice_publish(cast, actor):
    from distans.privacy.models import NoticeVersion

    return Case(done=lambda r: NoticeVersion.objects.exists())


def token_revoke(cast, actor):
    from distans.core.services import token_create as create

    token, _raw = create(actor=cast["employee"], person=cast["employee"], name="Old script")
    return Case(args=[token.pk], done=lambda r: fresh(token).revoked_at is not None)


def person_deactivate(cast, actor):
    asa = cast["employee"]
    return Case(
        args=[asa.pk], data={"active": "0", "confirm": "on"}, done=lambda r: fresh(asa, is_active=False)
    )


def org_import(cast, actor):
    from distans.org.models import Person

    csv = b"employee_number,email,first_name,last_name,unit,country\n200,sven@example.com,Sven,Lind,SUP,SE\n"
    return Case(
        data={"file": SimpleUploadedFile("people.csv", csv, "text/csv")},
        done=lambda r: Person.objects.filter(email="sven@example.com").exists(),
    )


def imported_person():
    """Sven, imported without a password: the one an invitation is for."""
    from distans.org.models import Person

    return Person.objects.create_user(
        "sven@example.com", None, first_name="Sven", last_name="Lind", employee_number="200"
    )


def person_invite(cast, actor):
    sven = imported_person()
    return Case(args=[sven.pk], done=lambda r: fresh(sven).invited_at is not None)


def people_invite(cast, actor):
    sven = imported_person()
    return Case(data={"people": [sven.pk]}, done=lambda r: fresh(sven).invited_at is not None)


def invitation(cast, actor):
    """The link in Sven's invitation, followed in the browser: it hides the token and asks for a password."""
    from distans.org.tokens import invitation_tokens

    sven = imported_person()
    uid = urlsafe_base64_encode(force_bytes(sven.pk))
    link = reverse("org:invitation", args=[uid, invitation_tokens.make_token(sven)])
    return Case(
        url=reverse("org:invitation", args=[uid, "set-password"]),
        data={"new_password1": "a new long passphrase", "new_password2": "a new long passphrase"},
        before=lambda client: client.get(link),
        done=lambda r: fresh(sven).check_password("a new long passphrase"),
    )


def checklist_assign(cast, actor):
    from distans.checklists.models import Assignment

    asa = cast["employee"]
    return Case(
        args=[asa.pk],
        data={"template": builtin("it-security").pk, "due_date": today() + datetime.timedelta(days=14)},
        done=lambda r: Assignment.objects.filter(person=asa).exists(),
    )


def checklist_answer(cast, actor):
    assignment = suitability(cast)
    first = assignment.version.items.order_by("position").first()
    return Case(
        args=[assignment.pk, "manager"],
        data={f"q{first.pk}": "yes"},
        done=lambda r: assignment.responses.filter(role="manager").exists(),
    )


def checklist_cancel(cast, actor):
    assignment = suitability(cast)
    return Case(args=[assignment.pk], done=lambda r: fresh(assignment, status="cancelled"))


def action_done(cast, actor):
    action = action_of_employee(cast)
    return Case(args=[action.pk], done=lambda r: fresh(action).is_done)


def template_create(cast, actor):
    from distans.checklists.models import TemplateVersion

    return Case(
        data={"kind": "workplace", "title_en": "Home office in Finland"},
        done=lambda r: TemplateVersion.objects.filter(title__en="Home office in Finland").exists(),
    )


def assign_unit(cast, actor):
    from distans.checklists.models import Assignment

    return Case(
        data={
            "template": builtin("it-security").pk,
            "unit": cast["employee"].unit_id,
            "due_date": today() + datetime.timedelta(days=14),
        },
        done=lambda r: Assignment.objects.filter(person=cast["colleague"]).exists(),
    )


def draft_create(cast, actor):
    template = builtin("it-security")
    return Case(args=[template.pk], done=lambda r: template.versions.filter(status="draft").exists())


def version_edit(cast, actor):
    version = checklist_draft(cast)
    title = {**version.title, "en": "IT security at home, 2027"}
    return Case(
        args=[version.pk],
        data={
            "respondent": version.respondent,
            "pass_score": version.pass_score or "",
            **{f"title_{code}": text for code, text in title.items()},
            **{f"intro_{code}": text for code, text in version.intro.items()},
        },
        done=lambda r: fresh(version).title["en"] == "IT security at home, 2027",
    )


def version_publish(cast, actor):
    version = checklist_draft(cast)
    return Case(args=[version.pk], done=lambda r: fresh(version, status="published"))


def item_add(cast, actor):
    version = checklist_draft(cast)
    return Case(
        args=[version.pk],
        data={
            "kind": "yes_no",
            "required": "on",
            "weight": 1,
            "action_owner": "employee",
            "action_days": 30,
            "text_en": "Is the router's password changed?",
        },
        done=lambda r: version.items.filter(text__en="Is the router's password changed?").exists(),
    )


def item_edit(cast, actor):
    version = checklist_draft(cast)
    item = version.items.filter(kind="yes_no").first()
    return Case(
        args=[version.pk, item.pk],
        data={
            "kind": item.kind,
            "required": "on",
            "weight": item.weight,
            "action_owner": item.action_owner,
            "action_days": item.action_days,
            **{f"text_{code}": text for code, text in item.text.items()},
            "text_en": "Is the screen locked when you leave it?",
        },
        done=lambda r: fresh(item).text["en"] == "Is the screen locked when you leave it?",
    )


def item_delete(cast, actor):
    version = checklist_draft(cast)
    item = version.items.first()
    return Case(args=[version.pk, item.pk], data={"operation": "delete"}, done=lambda r: fresh(item) is None)


def policy_draft(cast):
    from distans.policy import services

    return services.policy_draft_create(actor=cast["hr"])


def policy_versions(cast, actor):
    from distans.policy.models import PolicyVersion

    return Case(done=lambda r: PolicyVersion.objects.filter(status="draft").exists())


def policy_edit(cast, actor):
    version = policy_draft(cast)
    url = reverse("policy:version", args=[version.pk])
    data = {**form_on_page(cast["hr"], url), "effective_from": today() + datetime.timedelta(days=30)}
    return Case(
        args=[version.pk],
        data=data,
        done=lambda r: fresh(version, effective_from=today() + datetime.timedelta(days=30)),
    )


def policy_publish(cast, actor):
    from distans.policy import services

    version = policy_draft(cast)
    services.policy_draft_update(
        actor=cast["hr"],
        version=version,
        effective_from=today() + datetime.timedelta(days=30),
        text=version.text,
    )
    return Case(args=[version.pk], done=lambda r: fresh(version, status="published"))


def request_new(cast, actor):
    from distans.arrangements.models import Request

    return Case(
        data={**request_values(cast), "pattern": "flexible", "location": "home"},
        done=lambda r: Request.objects.filter(person=cast["employee"]).exists(),
    )


def request_evaluate(cast, actor):
    return Case(
        data={**request_values(cast), "pattern": "flexible", "location": "home"},
        done=lambda r: r.status_code == 200 and r.context["evaluation"] is not None,
    )


def request_edit(cast, actor):
    remote = asa_request(cast)
    return Case(
        args=[remote.pk],
        data={
            "days_per_week": "3",
            "pattern": "flexible",
            "location": "home",
            "start_date": remote.start_date,
        },
        done=lambda r: fresh(remote).days_per_week == 3,
    )


def request_decide(cast, actor):
    remote = asa_request(cast, submit=True)
    return Case(
        args=[remote.pk],
        data={
            "decision": "reject",
            "comment": "Not this season.",
            "round": remote.round,
            "step": remote.step,
        },
        done=lambda r: remote.decisions.exists(),
    )


def request_assess(cast, actor):
    from distans.checklists.models import Assignment

    remote = asa_request(cast, submit=True)
    return Case(args=[remote.pk], done=lambda r: Assignment.objects.filter(person=cast["employee"]).exists())


def request_submit(cast, actor):
    remote = asa_request(cast)
    return Case(args=[remote.pk, "submit"], done=lambda r: fresh(remote).status != "draft")


def agreement_verify(cast, actor):
    return Case(
        data={"sha256": "0" * 64}, done=lambda r: r.status_code == 200 and r.context["result"] is not None
    )


def agreement_template_draft(cast, actor):
    from distans.agreements.models import AgreementTemplate

    template = AgreementTemplate.objects.get(country="SE", language="en")
    return Case(
        args=[template.pk],
        data={"new_version": "1"},
        done=lambda r: AgreementTemplate.objects.filter(country="SE", language="en", status="draft").exists(),
    )


def agreement_edit(cast, actor):
    agreement = asa_agreement(cast)
    url = reverse("agreements:edit", args=[agreement.pk])
    data = {**form_on_page(cast["manager"], url), "meeting_times": "Mondays at ten"}
    return Case(
        args=[agreement.pk],
        data=data,
        done=lambda r: agreement.versions.get().terms.get("meeting_times") == "Mondays at ten",
    )


def agreement_sign(cast, actor):
    from distans.agreements.models import Signature

    agreement = asa_agreement(cast, send=True)
    return Case(
        args=[agreement.pk],
        data={"accepted": "on", "password": PASSWORD},
        done=lambda r: Signature.objects.filter(version__agreement=agreement).exists(),
    )


def agreement_send(cast, actor):
    agreement = asa_agreement(cast)
    return Case(
        args=[agreement.pk, "send"],
        done=lambda r: agreement.versions.filter(status="awaiting_signatures").exists(),
    )


def day_set(cast, actor):
    asa, wednesday = cast["employee"], next_monday() + datetime.timedelta(days=2)
    return Case(
        args=[asa.pk],
        data={"date": wednesday, "kind": "away", "away_reason": "leave"},
        done=lambda r: day_change(asa, wednesday) is not None,
    )


def pattern_set(cast, actor):
    from distans.planning.models import WorkPattern

    asa = cast["employee"]
    days = ["office"] * 5 + ["off", "off"]  # remote days would need an agreement
    return Case(
        args=[asa.pk],
        data={
            "valid_from": next_monday(),
            "site": asa.site_id,
            "work_start": "08:00",
            "work_end": "16:30",
            **{f"day{n}": day for n, day in enumerate(days)},
        },
        done=lambda r: WorkPattern.objects.filter(person=asa, valid_from=next_monday()).exists(),
    )


def preferences_set(cast, actor):
    from distans.planning.models import PlanPreference

    return Case(
        data={"preferred_office": ["1"], "unwanted_office": ["4"]},
        done=lambda r: PlanPreference.objects.filter(person=actor, preferred_office=[1]).exists(),
    )


def unit_settings(cast, actor):
    from distans.planning.models import UnitPlanSettings

    unit = cast["employee"].unit
    url = reverse("planning:unit_settings", args=[unit.pk])
    data = {**form_on_page(cast["manager"], url), "meeting_note": "Stand-up at nine on Tuesdays"}
    return Case(
        args=[unit.pk],
        data=data,
        done=lambda r: UnitPlanSettings.objects.filter(
            unit=unit, meeting_note="Stand-up at nine on Tuesdays"
        ).exists(),
    )


def planner_start(cast, actor):
    from distans.planning.models import PlannerRun

    unit = cast["employee"].unit
    data = form_on_page(cast["manager"], reverse("planning:planner", args=[unit.pk]))
    return Case(args=[unit.pk], data=data, done=lambda r: PlannerRun.objects.filter(unit=unit).exists())


def site_planner_start(cast, actor):
    from distans.planning.models import PlannerRun

    site = cast["employee"].site
    data = form_on_page(cast["hr"], reverse("planning:site_planner", args=[site.pk]))
    return Case(args=[site.pk], data=data, done=lambda r: PlannerRun.objects.filter(site=site).exists())


def offices_planner_start(cast, actor):
    from distans.planning.models import PlannerRun

    site = cast["employee"].site
    data = {**form_on_page(cast["hr"], reverse("planning:offices_planner")), "sites": [site.pk]}
    return Case(data=data, done=lambda r: PlannerRun.objects.filter(site=site, batch__isnull=False).exists())


def planner_batch_stop(cast, actor):
    from distans.planning.models import PlannerBatch

    batch = PlannerBatch.objects.create(week_start=next_monday())
    run = planner_run(cast, unit=None, site=cast["employee"].site, batch=batch)
    return Case(args=[batch.pk], done=lambda r: fresh(run, stop_requested=True))


def planner_stop(cast, actor):
    run = planner_run(cast)
    return Case(args=[run.pk], done=lambda r: fresh(run, stop_requested=True))


def planner_apply(cast, actor):
    run = planned_run(cast)
    return Case(
        args=[run.pk],
        data={"person": [cast["employee"].pk], "mode": "week"},
        done=lambda r: changed_week(cast["employee"], run.week_start),
    )


def feed_reset(cast, actor):
    from distans.planning.models import FeedToken

    return Case(done=lambda r: FeedToken.objects.filter(person=actor).exists())


def evaluation_hold(cast, actor):
    evaluation = asa_evaluation(cast)
    return Case(
        args=[evaluation.pk],
        data={"outcome": "continue", "note": "Works well."},
        done=lambda r: fresh(evaluation, status="held"),
    )


def evaluation_book(cast, actor):
    from distans.followup.models import Evaluation

    agreement = in_force(cast)
    before = Evaluation.objects.filter(agreement=agreement).count()
    return Case(
        args=[agreement.pk],
        data={"due": today() + datetime.timedelta(days=3)},
        done=lambda r: Evaluation.objects.filter(agreement=agreement).count() > before,
    )


def deviation_new(cast, actor):
    from distans.followup.models import Deviation

    return Case(
        data={
            "person": cast["employee"].pk,
            "kind": "other",
            "occurred_on": today(),
            "description": "The VPN drops every hour.",
        },
        done=lambda r: Deviation.objects.filter(person=cast["employee"]).exists(),
    )


def deviation_respond(cast, actor):
    deviation = asa_deviation(cast)
    return Case(
        args=[deviation.pk],
        data={"action": "respond", "note": "I will call IT today."},
        done=lambda r: fresh(deviation).first_response_at is not None,
    )


def equipment_request(cast, actor):
    from distans.equipment.models import EquipmentRequest, ItemType

    return Case(
        data={"item_type": ItemType.objects.get(key="headset").pk, "reason": "Calls all day"},
        done=lambda r: EquipmentRequest.objects.filter(person=actor).exists(),
    )


def loan_create_page(cast, actor):
    from distans.equipment.models import ItemType, Loan

    return Case(
        data={
            "person_text": cast["employee"].email,  # typed, as without JavaScript
            "item_type": ItemType.objects.get(key="laptop").pk,
            "serial_number": "SN-1001",
            "condition": "new",
        },
        done=lambda r: Loan.objects.filter(serial_number="SN-1001").exists(),
    )


def loan_acknowledge(cast, actor):
    loan = asa_loan(cast)
    return Case(args=[loan.pk], done=lambda r: fresh(loan).acknowledged_at is not None)


def loan_return_page(cast, actor):
    loan = asa_loan(cast)
    return Case(args=[loan.pk], data={"condition": "good"}, done=lambda r: fresh(loan, status="returned"))


def loan_lost(cast, actor):
    loan = asa_loan(cast)
    return Case(args=[loan.pk], done=lambda r: fresh(loan, status="lost"))


def equipment_decide(cast, actor):
    request = asa_equipment_request(cast)
    return Case(args=[request.pk], data={"approve": "yes"}, done=lambda r: fresh(request, status="approved"))


def login(cast, actor):
    asa = cast["employee"]
    return Case(
        data={"username": asa.email, "password": PASSWORD},
        done=lambda r: actor is None and r.wsgi_request.session.get(SESSION_KEY) == str(asa.pk),
    )


def logout(cast, actor):
    return Case(done=lambda r: actor is not None and SESSION_KEY not in r.wsgi_request.session)


def password_reset(cast, actor):
    return Case(data={"email": cast["employee"].email}, done=lambda r: len(mail.outbox) == 1)


def password_reset_confirm(cast, actor):
    """The link from the e-mail, followed in the browser: it hides the token and asks for a password.
    The link is made when it is followed, as signing in (Åsa's session) would end an older one."""
    asa = cast["employee"]
    uid = urlsafe_base64_encode(force_bytes(asa.pk))
    return Case(
        url=reverse("password_reset_confirm", args=[uid, "set-password"]),
        data={"new_password1": "a new long passphrase", "new_password2": "a new long passphrase"},
        before=lambda client: client.get(
            reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(fresh(asa))])
        ),
        done=lambda r: fresh(asa).check_password("a new long passphrase"),
    )


def password_change(cast, actor):
    return Case(
        data={
            "old_password": PASSWORD,
            "new_password1": "a new long passphrase",
            "new_password2": "a new long passphrase",
        },
        done=lambda r: actor is not None and fresh(actor).check_password("a new long passphrase"),
    )


# API -----------------------------------------------------------------------------------------------


def api_answers(cast, actor):
    assignment = suitability(cast)
    first = assignment.version.items.order_by("position").first()
    return Case(
        args=[assignment.pk],
        data={"role": "manager", "answers": {str(first.pk): "yes"}},
        done=lambda r: assignment.responses.filter(role="manager").exists(),
    )


def api_submit(cast, actor):
    assignment = suitability(cast)
    return Case(
        args=[assignment.pk],
        data={"role": "manager", "answers": good_answers(assignment)},
        done=lambda r: assignment.responses.filter(role="manager", status="submitted").exists(),
    )


def api_evaluate(cast, actor):
    return Case(data=request_values(cast), done=lambda r: r.status_code == 200 and "findings" in r.json())


def api_request_create(cast, actor):
    from distans.arrangements.models import Request

    return Case(
        data=request_values(cast), done=lambda r: Request.objects.filter(person=cast["employee"]).exists()
    )


def api_request_submit(cast, actor):
    remote = asa_request(cast)
    return Case(args=[remote.pk], done=lambda r: fresh(remote).status != "draft")


def api_request_withdraw(cast, actor):
    remote = asa_request(cast)
    return Case(args=[remote.pk], done=lambda r: fresh(remote, status="withdrawn"))


def api_request_decide(cast, actor):
    remote = asa_request(cast, submit=True)
    return Case(
        args=[remote.pk],
        data={"decision": "reject", "comment": "Not this season."},
        done=lambda r: remote.decisions.exists(),
    )


def api_agreement_send(cast, actor):
    agreement = asa_agreement(cast)
    return Case(
        args=[agreement.pk], done=lambda r: agreement.versions.filter(status="awaiting_signatures").exists()
    )


def api_agreement_sign(cast, actor):
    from distans.agreements.models import Signature

    agreement = asa_agreement(cast, send=True)
    return Case(
        args=[agreement.pk],
        data={"accepted": True, "password": PASSWORD},
        done=lambda r: Signature.objects.filter(version__agreement=agreement).exists(),
    )


def api_agreement_amend(cast, actor):
    agreement = in_force(cast)
    return Case(
        args=[agreement.pk],
        data={"change_note": "Three days from spring"},
        done=lambda r: agreement.versions.count() > 1,
    )


def api_agreement_suspend(cast, actor):
    agreement = in_force(cast)
    return Case(
        args=[agreement.pk],
        data={"reason": "The home network is being repaired."},
        done=lambda r: fresh(agreement, status="suspended"),
    )


def api_agreement_end(cast, actor):
    agreement = in_force(cast)
    return Case(
        args=[agreement.pk],
        data={"reason": "Moving closer to the office."},
        done=lambda r: fresh(agreement).ends_on is not None,
    )


def api_plan_day(cast, actor):
    asa, wednesday = cast["employee"], next_monday() + datetime.timedelta(days=2)
    return Case(
        args=[asa.pk, wednesday.isoformat()],
        data={"kind": "away", "away_reason": "leave"},
        done=lambda r: day_change(asa, wednesday) is not None,
    )


def api_pattern_save(cast, actor):
    from distans.planning.models import WorkPattern

    asa = cast["employee"]
    return Case(
        args=[asa.pk],
        data={"valid_from": next_monday(), "site": asa.site_id, "days": ["office"] * 5 + ["off", "off"]},
        done=lambda r: WorkPattern.objects.filter(person=asa, valid_from=next_monday()).exists(),
    )


def api_planner_start(cast, actor):
    from distans.planning.models import PlannerRun

    unit = cast["employee"].unit
    return Case(
        data={"unit": unit.pk, "week": iso_week(next_monday())},
        done=lambda r: PlannerRun.objects.filter(unit=unit).exists(),
    )


def api_offices_start(cast, actor):
    from distans.planning.models import PlannerRun

    site = cast["employee"].site
    return Case(
        data={"sites": [site.pk], "week": iso_week(next_monday())},
        done=lambda r: PlannerRun.objects.filter(site=site, batch__isnull=False).exists(),
    )


def api_planner_apply(cast, actor):
    run = planned_run(cast)
    return Case(
        args=[run.pk],
        data={"people": [cast["employee"].pk]},
        done=lambda r: changed_week(cast["employee"], run.week_start),
    )


def api_followup_outcome(cast, actor):
    evaluation = asa_evaluation(cast)
    return Case(
        args=[evaluation.pk], data={"outcome": "continue"}, done=lambda r: fresh(evaluation, status="held")
    )


def api_deviation_report(cast, actor):
    from distans.followup.models import Deviation

    return Case(
        data={
            "person": cast["employee"].pk,
            "kind": "other",
            "occurred_on": today(),
            "description": "The VPN drops every hour.",
        },
        done=lambda r: Deviation.objects.filter(person=cast["employee"]).exists(),
    )


def api_deviation_close(cast, actor):
    deviation = asa_deviation(cast)
    return Case(
        args=[deviation.pk],
        data={"actions_taken": "IT replaced the router.", "consequence": "none"},
        done=lambda r: fresh(deviation, status="closed"),
    )


def api_loan_create(cast, actor):
    from distans.equipment.models import Loan

    return Case(
        data={"person": cast["employee"].pk, "item": "laptop", "serial_number": "SN-2002"},
        done=lambda r: Loan.objects.filter(serial_number="SN-2002").exists(),
    )


def api_loan_return(cast, actor):
    loan = asa_loan(cast)
    return Case(args=[loan.pk], data={"condition": "good"}, done=lambda r: fresh(loan, status="returned"))


# Who may ---------------------------------------------------------------------------------------------

EVERYONE = "employee colleague manager other_manager hr hr_approver admin"
# Åsa's own things: seen by her, her managers and HR (requests and agreements: HR approvers too).
ABOUT_ASA = "employee manager hr"
REQUEST_SEEN = "employee manager hr hr_approver"
# Åsa's plan: seen by her unit, her managers and HR.
PLAN_SEEN = "employee colleague manager hr"

WRITES = {
    "core:language": Write(language, allowed="anonymous " + EVERYONE),
    "core:profile": Write(profile, allowed=EVERYONE),
    "core:token_create": Write(token_create, allowed=EVERYONE, ok=200),
    "core:token_revoke": Write(token_revoke, allowed="employee", seen=""),
    "identity:two_factor": Write(two_factor_on, allowed=EVERYONE, ok=200),
    "privacy:overview": Write(privacy_access_record, allowed="hr admin"),
    "privacy:hold_place": Write(privacy_hold_place, allowed="hr admin"),
    "privacy:hold_lift": Write(privacy_hold_lift, allowed="hr admin", seen=""),
    "privacy:access_request": Write(privacy_access_extend, allowed="hr admin", seen=""),
    "privacy:access_deliver": Write(privacy_access_deliver, allowed="hr admin", seen=""),
    "privacy:retention": Write(privacy_retention, allowed="hr admin"),
    "privacy:notice_publish": Write(privacy_notice_publish, allowed="hr admin"),
    "privacy:settings": Write(privacy_settings, allowed="hr admin"),
    "identity:two_factor_off": Write(two_factor_off, allowed=EVERYONE),
    "identity:recovery_codes_new": Write(recovery_codes_new, allowed=EVERYONE),
    "identity:two_factor_verify": Write(two_factor_verify, allowed=EVERYONE),
    "identity:two_factor_reset": Write(two_factor_reset, allowed="admin"),
    "org:person_set_active": Write(person_deactivate, allowed="admin"),
    "org:import": Write(org_import, allowed="admin", ok=200),
    "org:person_invite": Write(person_invite, allowed="hr admin"),
    "org:people_invite": Write(people_invite, allowed="hr admin"),
    "org:invitation": Write(invitation, allowed="anonymous " + EVERYONE),
    "checklists:assign": Write(checklist_assign, allowed="manager hr"),
    "checklists:answer": Write(checklist_answer, allowed="manager", seen="employee hr"),
    "checklists:assignment_cancel": Write(checklist_cancel, allowed="manager hr", seen="employee"),
    "checklists:action_done": Write(action_done, allowed=ABOUT_ASA, seen=""),
    "checklists:template_list": Write(template_create, allowed="hr"),
    "checklists:assign_unit": Write(assign_unit, allowed="hr"),
    "checklists:draft_create": Write(draft_create, allowed="hr"),
    # Drafts are HR's: nobody else may know of one.
    "checklists:version": Write(version_edit, allowed="hr", seen=""),
    "checklists:version_publish": Write(version_publish, allowed="hr", seen=""),
    "checklists:item_add": Write(item_add, allowed="hr", seen=""),
    "checklists:item_edit": Write(item_edit, allowed="hr", seen=""),
    "checklists:item_change": Write(item_delete, allowed="hr", seen=""),
    "policy:versions": Write(policy_versions, allowed="hr"),
    "policy:version": Write(policy_edit, allowed="hr"),
    "policy:publish": Write(policy_publish, allowed="hr"),
    "arrangements:new": Write(request_new, allowed=ABOUT_ASA),
    "arrangements:evaluate": Write(request_evaluate, allowed=ABOUT_ASA, ok=200),
    "arrangements:edit": Write(request_edit, allowed="employee", seen=REQUEST_SEEN),
    "arrangements:decide": Write(request_decide, allowed="manager", seen=REQUEST_SEEN),
    "arrangements:assess": Write(request_assess, allowed="manager", seen=REQUEST_SEEN),
    "arrangements:act": Write(request_submit, allowed="employee", seen=REQUEST_SEEN),
    "agreements:verify": Write(agreement_verify, allowed=EVERYONE, ok=200),
    "agreements:template": Write(agreement_template_draft, allowed="hr"),
    "agreements:edit": Write(agreement_edit, allowed="manager hr", seen=REQUEST_SEEN),
    "agreements:sign": Write(agreement_sign, allowed=ABOUT_ASA, seen=REQUEST_SEEN),
    "agreements:act": Write(agreement_send, allowed="manager hr", seen=REQUEST_SEEN),
    "planning:day_set": Write(day_set, allowed=ABOUT_ASA, seen=PLAN_SEEN),
    "planning:pattern_set": Write(pattern_set, allowed=ABOUT_ASA, seen=PLAN_SEEN),
    "planning:preferences_set": Write(preferences_set, allowed=EVERYONE),
    "planning:unit_settings": Write(unit_settings, allowed="manager hr"),
    "planning:planner": Write(planner_start, allowed="manager hr"),
    "planning:site_planner": Write(site_planner_start, allowed="hr"),
    "planning:planner_stop": Write(planner_stop, allowed="manager hr"),
    "planning:offices_planner": Write(offices_planner_start, allowed="hr"),
    "planning:planner_batch_stop": Write(planner_batch_stop, allowed="hr"),
    "planning:planner_apply": Write(planner_apply, allowed="manager hr", in_force=True),
    "planning:feed_reset": Write(feed_reset, allowed=EVERYONE),
    "followup:evaluation": Write(evaluation_hold, allowed="manager hr", seen="employee", in_force=True),
    "followup:book": Write(evaluation_book, allowed="manager hr", seen="employee hr_approver", in_force=True),
    "followup:deviation_new": Write(deviation_new, allowed=ABOUT_ASA),
    "followup:deviation": Write(deviation_respond, allowed="manager hr", seen="employee"),
    "equipment:mine": Write(equipment_request, allowed=EVERYONE),
    "equipment:loans": Write(loan_create_page, allowed="hr admin"),
    "equipment:acknowledge": Write(loan_acknowledge, allowed="employee", seen="manager hr admin"),
    "equipment:return": Write(loan_return_page, allowed="hr admin", seen="employee manager"),
    "equipment:lost": Write(loan_lost, allowed="hr admin", seen="employee manager"),
    "equipment:decide": Write(equipment_decide, allowed="manager hr", seen="employee admin"),
    # Signing in as Åsa works from a signed-out browser; a signed-in one is sent on as it is.
    "login": Write(login, allowed="anonymous " + EVERYONE, effect="anonymous"),
    "logout": Write(logout, allowed="anonymous " + EVERYONE, effect=EVERYONE),
    "password_reset": Write(password_reset, allowed="anonymous " + EVERYONE),
    "password_reset_confirm": Write(password_reset_confirm, allowed="anonymous " + EVERYONE),
    "password_change": Write(password_change, allowed=EVERYONE),
    "api:checklist_response_save": Write(api_answers, allowed="manager", ok=200, seen="employee hr"),
    "api:checklist_submit": Write(api_submit, allowed="manager", ok=200, seen="employee hr"),
    "api:request_evaluate": Write(api_evaluate, allowed=ABOUT_ASA, ok=200),
    "api:requests": Write(api_request_create, allowed=ABOUT_ASA, ok=201),
    "api:request_submit": Write(api_request_submit, allowed="employee", ok=200, seen=REQUEST_SEEN),
    "api:request_withdraw": Write(api_request_withdraw, allowed="employee", ok=200, seen=REQUEST_SEEN),
    "api:request_decide": Write(api_request_decide, allowed="manager", ok=200, seen=REQUEST_SEEN),
    "api:agreement_send": Write(api_agreement_send, allowed="manager hr", ok=200, seen=REQUEST_SEEN),
    "api:agreement_sign": Write(api_agreement_sign, allowed=ABOUT_ASA, ok=200, seen=REQUEST_SEEN),
    "api:agreement_amend": Write(
        api_agreement_amend, allowed="manager hr", ok=200, seen=REQUEST_SEEN, in_force=True
    ),
    "api:agreement_suspend": Write(
        api_agreement_suspend, allowed="manager hr", ok=200, seen=REQUEST_SEEN, in_force=True
    ),
    "api:agreement_end": Write(
        api_agreement_end, allowed=ABOUT_ASA, ok=200, seen=REQUEST_SEEN, in_force=True
    ),
    "api:plan_day": Write(api_plan_day, allowed=ABOUT_ASA, ok=200, seen=PLAN_SEEN),
    "api:pattern_save": Write(api_pattern_save, allowed=ABOUT_ASA, ok=200, seen=PLAN_SEEN),
    "api:planner_runs": Write(api_planner_start, allowed="manager hr", ok=201),
    "api:planner_run_apply": Write(api_planner_apply, allowed="manager hr", ok=200, in_force=True),
    "api:planner_run_stop": Write(planner_stop, allowed="manager hr", ok=200),
    "api:planner_offices": Write(api_offices_start, allowed="hr", ok=201),
    "api:planner_batch_stop": Write(planner_batch_stop, allowed="hr", ok=200),
    "api:followup_outcome": Write(
        api_followup_outcome, allowed="manager hr", ok=200, seen="employee", in_force=True
    ),
    "api:deviations": Write(api_deviation_report, allowed=ABOUT_ASA, ok=201),
    "api:deviation_close": Write(api_deviation_close, allowed="manager hr", ok=200, seen="employee"),
    "api:loan_create": Write(api_loan_create, allowed="hr admin", ok=201),
    "api:loan_return": Write(api_loan_return, allowed="hr admin", ok=200, seen="employee manager"),
}


def send(name: str, role: str, cast) -> None:
    """Send the write as `role` and check the status and the effect."""
    write = WRITES[name]
    actor = None if role == "anonymous" else cast[role]
    case = write.build(cast, actor)
    assert case.done is not None, f"{name}: the case does not say how its effect shows"
    api_method = api_write_operations().get(name)
    url = case.url or reverse(name, args=case.args)
    if api_method:
        response = api_call(actor, api_method, url, case.data or {})
    else:
        client = session_client(actor)
        token = csrf_token(client, signed_in=actor is not None)
        if case.before:
            case.before(client)
        response = client.post(url, {**case.data, "csrfmiddlewaretoken": token})
    expected = write.expected(role, api=bool(api_method))
    got = response.status_code
    if expected == LOGIN:
        assert got == 302 and response.url.startswith(reverse("login")), f"{role} POST {url}: {got}"
    else:
        said = response.content[:300]
        assert got == expected, f"{role} {(api_method or 'post').upper()} {url}: {got} {said!r}"
    if case.done is not None:
        changed = bool(case.done(response))
        assert changed == write.changes(role), f"{role} {url}: {'changed' if changed else 'nothing changed'}"
