from datetime import date
from decimal import Decimal
from typing import Literal

from ninja import Field, Router, Schema, Status

from distans.arrangements import queries, rules, services
from distans.arrangements.permissions import can_act, can_decide, can_start_for, get_request_for_user
from distans.core.permissions import require
from distans.org.permissions import get_person_for_user

router = Router(tags=["requests"])

FINDING_CODES = ", ".join(
    sorted(
        [
            "days_invalid",
            "end_before_start",
            "weekdays_mismatch",
            "position_unknown",
            "position_onsite",
            "position_onsite_exception",
            "tenure_below_minimum",
            "suitability_pending",
            "suitability_failed",
            "suitability_with_actions",
            "above_maximum",
            "above_manager_limit",
            "attachment_warning",
            "trial_suggested",
            "no_sporadic",
            "no_regulation",
            "dk_screen_work",
            "abroad_review",
            "abroad_social_security",
            "abroad_framework",
            "abroad_dk_no_framework",
            "abroad_tax_days",
            "coverage_shortfall",
        ]
    )
)


class FindingOut(Schema):
    code: str = Field(description=f"Stable code, one of: {FINDING_CODES}")
    severity: Literal["info", "warning", "blocking"]
    message: str
    policy: str


class RequestIn(Schema):
    person: int | None = Field(None, description="Whom it is for; empty means yourself")
    days_per_week: Decimal = Field(..., ge=Decimal("0.5"), le=Decimal("5"), multiple_of=Decimal("0.5"))
    flexible: bool = True
    weekdays: list[int] = Field(default_factory=list, description="0 = Monday … 4 = Friday")
    location: Literal["home", "other_private", "abroad"] = "home"
    abroad_country: str = Field("", max_length=60)
    time_zone: str = Field("", max_length=64)
    start_date: date
    end_date: date | None = None
    trial: bool = False
    motivation: str = Field("", max_length=1000)


class EvaluationOut(Schema):
    route: list[str]
    findings: list[FindingOut]
    policy_version: int | None


class RequestOut(Schema):
    id: int
    person_id: int
    status: str
    days_per_week: Decimal
    flexible: bool
    weekdays: list[int]
    location: str
    abroad_country: str
    start_date: date
    end_date: date | None
    trial: bool
    route: list[str]
    step: int
    policy_version: int | None
    findings: list[FindingOut]


class DecisionIn(Schema):
    decision: Literal["approve", "approve_with_changes", "reject", "return"]
    comment: str = Field("", max_length=2000)
    changes: dict = Field(
        default_factory=dict, description="For approve_with_changes: days_per_week, weekdays"
    )


def _values(payload: RequestIn) -> dict:
    values = payload.dict(exclude={"person"})
    if values["location"] != "abroad":
        values["abroad_country"], values["time_zone"] = "", ""
    return values


def _person(request, payload: RequestIn):
    person = get_person_for_user(request.auth, payload.person) if payload.person else request.auth
    require(can_start_for(request.auth, person))
    return person


def _out(remote) -> RequestOut:
    findings = queries.findings_of(remote)
    return RequestOut(
        id=remote.pk,
        person_id=remote.person_id,
        status=remote.status,
        days_per_week=remote.days_per_week,
        flexible=remote.flexible,
        weekdays=remote.weekdays,
        location=remote.location,
        abroad_country=remote.abroad_country,
        start_date=remote.start_date,
        end_date=remote.end_date,
        trial=remote.trial,
        route=remote.route,
        step=remote.step,
        policy_version=remote.policy_version.number if remote.policy_version else None,
        findings=findings,
    )


@router.post("/requests/evaluate", response=EvaluationOut, url_name="request_evaluate")
def evaluate(request, payload: RequestIn):
    """The route and findings a request would get; nothing is stored."""
    evaluation, version = queries.evaluate(_person(request, payload), _values(payload))
    return EvaluationOut(
        route=list(evaluation.route),
        findings=queries.described_findings(evaluation, version),
        policy_version=version.number if version else None,
    )


@router.post("/requests", response={201: RequestOut}, url_name="requests")
def create(request, payload: RequestIn):
    """Create a draft request; submit it with /requests/{id}/submit."""
    remote = services.request_create(actor=request.auth, person=_person(request, payload), **_values(payload))
    return Status(201, _out(remote))


@router.get("/requests/{request_id}", response=RequestOut, url_name="request")
def detail(request, request_id: int):
    return _out(get_request_for_user(request.auth, request_id))


@router.post("/requests/{request_id}/submit", response=RequestOut, url_name="request_submit")
def submit(request, request_id: int):
    remote = get_request_for_user(request.auth, request_id)
    action = rules.CONFIRM if remote.status == rules.AWAITING else rules.SUBMIT
    require(can_act(request.auth, remote, action))
    return _out(services.request_submit(actor=request.auth, request=remote, action=action))


@router.post("/requests/{request_id}/withdraw", response=RequestOut, url_name="request_withdraw")
def withdraw(request, request_id: int):
    remote = get_request_for_user(request.auth, request_id)
    require(can_act(request.auth, remote, rules.WITHDRAW))
    return _out(services.request_withdraw(actor=request.auth, request=remote))


@router.post("/requests/{request_id}/decide", response=RequestOut, url_name="request_decide")
def decide(request, request_id: int, payload: DecisionIn):
    """Decide the current step. A second decision on the same step is refused (409)."""
    remote = get_request_for_user(request.auth, request_id)
    require(can_decide(request.auth, remote))
    return _out(
        services.request_decide(
            actor=request.auth,
            request=remote,
            decision=payload.decision,
            comment=payload.comment,
            changes=payload.changes,
        )
    )
