from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Router, Schema, Status
from pydantic import WithJsonSchema

from distans.arrangements import models, queries, rules, services
from distans.arrangements.abroad import abroad_zone
from distans.arrangements.permissions import can_start_for, get_request_for_user
from distans.core.api_types import ApiDate, enum_schema
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


Location = Annotated[models.Location, enum_schema(models.Location)]
RequestStatus = Annotated[models.Status, enum_schema(models.Status)]
Step = Annotated[models.Step, enum_schema(models.Step)]
DecisionKind = Annotated[models.DecisionKind, enum_schema(models.DecisionKind)]
Weekday = Annotated[int, Field(ge=0, le=6, description="0 = Monday … 6 = Sunday")]
# Documented as the number it is (pydantic would say "number or any string").
DaysPerWeek = Annotated[
    Decimal,
    Field(ge=Decimal("0.5"), le=Decimal("5"), multiple_of=Decimal("0.5")),
    WithJsonSchema({"type": "number", "minimum": 0.5, "maximum": 5, "multipleOf": 0.5}),
]


class FindingOut(Schema):
    code: str = Field(description=f"Stable code, one of: {FINDING_CODES}")
    severity: Literal["info", "warning", "blocking"]
    message: str
    policy: str


class RequestIn(Schema):
    person: int | None = Field(None, description="Whom it is for; empty means yourself")
    days_per_week: DaysPerWeek
    flexible: bool = True
    weekdays: list[Weekday] = Field(default_factory=list, max_length=7)
    location: Location = models.Location.HOME
    abroad_country: str = Field("", max_length=60)
    time_zone: str = Field("", max_length=64)
    start_date: ApiDate
    end_date: ApiDate | None = Field(None, description="On or after the start; empty: until further notice")
    trial: bool = False
    motivation: str = Field("", max_length=1000)


class RequestEvaluationOut(Schema):
    route: list[str]
    findings: list[FindingOut]
    policy_version: int | None


class RequestOut(Schema):
    id: int
    person_id: int
    status: RequestStatus
    days_per_week: Decimal
    flexible: bool
    weekdays: list[int]
    location: Location
    abroad_country: str
    start_date: date
    end_date: date | None
    trial: bool
    route: list[Step]
    step: int
    round: int
    policy_version: int | None
    findings: list[FindingOut]


class ChangesIn(Schema):
    days_per_week: DaysPerWeek | None = None
    flexible: bool | None = None
    weekdays: list[Weekday] | None = Field(None, max_length=7, description="Fixed weekdays")
    end_date: ApiDate | None = None
    trial: bool | None = None


class DecisionIn(Schema):
    decision: DecisionKind
    comment: str = Field("", max_length=2000)
    # pydantic's overloads of default_factory do not match a model class for mypy (Never)
    changes: ChangesIn = Field(
        default_factory=ChangesIn,  # type: ignore[arg-type]
        description="For approve_with_changes",
    )
    round: int | None = Field(None, description="The round you saw; if it has moved on, the answer is 409")
    step: int | None = Field(None, description="The step you saw; if it has moved on, the answer is 409")


def _values(payload: RequestIn) -> dict:
    values = payload.dict(exclude={"person"})
    values["weekdays"] = sorted(set(values["weekdays"]))
    if values["location"] == models.Location.ABROAD:
        values["time_zone"] = abroad_zone(values["abroad_country"], values["time_zone"])
    else:
        values["abroad_country"], values["time_zone"] = "", ""
    return values


def _person(request, payload: RequestIn):
    person = get_person_for_user(request.auth, payload.person) if payload.person else request.auth
    require(can_start_for(request.auth, person))
    return person


def _out(remote) -> RequestOut:
    findings = queries.findings_of(remote)
    return RequestOut.model_validate(
        dict(
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
            round=remote.round,
            policy_version=remote.policy_version.number if remote.policy_version else None,
            findings=findings,
        )
    )


@router.post("/requests/evaluate", response=RequestEvaluationOut, url_name="request_evaluate")
def evaluate(request, payload: RequestIn):
    """The route and findings a request would get; nothing is stored."""
    evaluation, version = queries.evaluate(_person(request, payload), _values(payload))
    return RequestEvaluationOut.model_validate(
        dict(
            route=list(evaluation.route),
            findings=queries.described_findings(evaluation, version),
            policy_version=version.number if version else None,
        )
    )


@router.post("/requests", response={201: RequestOut}, url_name="requests")
def create(request, payload: RequestIn):
    """Create a draft request; submit it with /requests/{id}/submit."""
    remote = services.request_create(actor=request.auth, person=_person(request, payload), **_values(payload))
    return Status(201, _out(remote))


@router.get("/requests/{request_id}", response=RequestOut, url_name="request")
def detail(request, request_id: int):
    return _out(get_request_for_user(request.auth, request_id))


# The services refuse, under the request's lock: 403 for who may not, 409 when the status has moved on.


@router.post("/requests/{request_id}/submit", response=RequestOut, url_name="request_submit")
def submit(request, request_id: int):
    remote = get_request_for_user(request.auth, request_id)
    action = rules.CONFIRM if remote.status == rules.AWAITING else rules.SUBMIT
    return _out(services.request_submit(actor=request.auth, request=remote, action=action))


@router.post("/requests/{request_id}/withdraw", response=RequestOut, url_name="request_withdraw")
def withdraw(request, request_id: int):
    remote = get_request_for_user(request.auth, request_id)
    return _out(services.request_withdraw(actor=request.auth, request=remote))


@router.post("/requests/{request_id}/decide", response=RequestOut, url_name="request_decide")
def decide(request, request_id: int, payload: DecisionIn):
    """Decide the current step. A step decided meanwhile, or a round or step other than the one given,
    is refused (409)."""
    remote = get_request_for_user(request.auth, request_id)
    return _out(
        services.request_decide(
            actor=request.auth,
            request=remote,
            decision=payload.decision,
            comment=payload.comment,
            changes=payload.changes.dict(exclude_none=True),
            expected_round=payload.round,
            expected_step=payload.step,
        )
    )
