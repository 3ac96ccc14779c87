from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Router, Schema, Status

from distans.arrangements.api import DaysPerWeek
from distans.core.api_types import ApiDate, enum_schema
from distans.followup import models, queries, services
from distans.followup.permissions import get_deviation_for_user, get_evaluation_for_user
from distans.org.permissions import get_person_for_user

router = Router(tags=["follow-up"])

EvaluationKind = Annotated[models.EvaluationKind, enum_schema(models.EvaluationKind)]
EvaluationStatus = Annotated[models.Evaluation.Status, enum_schema(models.Evaluation.Status)]
Outcome = Annotated[models.Outcome, enum_schema(models.Outcome)]
DeviationKind = Annotated[models.DeviationKind, enum_schema(models.DeviationKind)]
DeviationStatus = Annotated[models.Deviation.Status, enum_schema(models.Deviation.Status)]
Consequence = Annotated[models.Consequence, enum_schema(models.Consequence)]


class EvaluationOut(Schema):
    id: int
    agreement_id: int
    person_id: int
    kind: EvaluationKind
    due_date: date
    status: EvaluationStatus
    outcome: Outcome | Literal[""]
    outcome_days: Decimal | None
    note: str
    held_at: datetime | None


class OutcomeIn(Schema):
    outcome: Outcome
    days: DaysPerWeek | None = None
    note: str = Field("", max_length=2000)


class DeviationIn(Schema):
    person: int
    kind: DeviationKind
    description: str = Field(..., max_length=3000)
    occurred_on: ApiDate


class DeviationNoteOut(Schema):
    at: datetime
    author_id: int | None
    text: str


class DeviationOut(Schema):
    id: int
    person_id: int
    agreement_id: int | None
    kind: DeviationKind
    description: str
    occurred_on: date
    status: DeviationStatus
    respond_by: date
    first_response_at: datetime | None
    escalated_at: datetime | None
    handling: list[DeviationNoteOut] = Field(..., alias="notes")
    consequence: Consequence | Literal[""]
    closed_at: datetime | None


class CloseIn(Schema):
    actions_taken: str = Field(..., max_length=3000)
    consequence: Consequence
    reason: str = Field("", max_length=2000)


@router.get("/followups", response=list[EvaluationOut], url_name="followups")
def followups(request, person: int | None = None, due_before: ApiDate | None = None):
    """Evaluations you may see (yours, your reports', all for HR), at most 500, soonest first."""
    person_ids = [get_person_for_user(request.auth, person).pk] if person else None
    return list(
        queries.evaluations_for(request.auth, person_ids=person_ids, due_before=due_before).order_by(
            "due_date"
        )[:500]
    )


@router.post("/followups/{evaluation_id}/outcome", response=EvaluationOut, url_name="followup_outcome")
def followup_outcome(request, evaluation_id: int, payload: OutcomeIn):
    """Record the outcome; more or fewer days start an amendment, "end" gives notice."""
    evaluation = get_evaluation_for_user(request.auth, evaluation_id, for_write=True)
    return services.evaluation_hold(
        actor=request.auth,
        evaluation=evaluation,
        outcome=payload.outcome,
        note=payload.note,
        days=payload.days,
    )


@router.post("/deviations", response={201: DeviationOut}, url_name="deviations")
def deviation_report(request, payload: DeviationIn):
    person = get_person_for_user(request.auth, payload.person)
    deviation = services.deviation_report(
        actor=request.auth,
        person=person,
        kind=payload.kind,
        description=payload.description,
        occurred_on=payload.occurred_on,
    )
    return Status(201, deviation)


@router.get("/deviations/{deviation_id}", response=DeviationOut, url_name="deviation")
def deviation_detail(request, deviation_id: int):
    return get_deviation_for_user(request.auth, deviation_id)


@router.post("/deviations/{deviation_id}/close", response=DeviationOut, url_name="deviation_close")
def deviation_close(request, deviation_id: int, payload: CloseIn):
    deviation = get_deviation_for_user(request.auth, deviation_id)
    return services.deviation_close(actor=request.auth, deviation=deviation, **payload.dict())
