from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import paginate

from distans.checklists import models, queries, services
from distans.checklists.models import Assignment, Response
from distans.checklists.permissions import can_answer, get_assignment_for_user, is_respondent
from distans.core.api_types import enum_schema
from distans.core.errors import DomainError
from distans.core.translated import localized
from distans.org.permissions import get_person_for_user

router = Router(tags=["checklists"])

ItemKind = Annotated[models.ItemKind, enum_schema(models.ItemKind)]
Kind = Annotated[models.Kind, enum_schema(models.Kind)]
Respondent = Annotated[models.Respondent, enum_schema(models.Respondent)]
Role = Annotated[models.Role, enum_schema(models.Role)]
Outcome = Annotated[models.Outcome, enum_schema(models.Outcome)]
AssignmentStatus = Annotated[Assignment.Status, enum_schema(Assignment.Status)]
ResponseStatus = Annotated[Response.Status, enum_schema(Response.Status)]


class ItemOut(Schema):
    id: int
    kind: ItemKind
    text: str
    help: str
    required: bool
    countries: list[str]
    options: list[dict]

    @staticmethod
    def resolve_text(obj) -> str:
        return localized(obj.text)

    @staticmethod
    def resolve_help(obj) -> str:
        return localized(obj.help)

    @staticmethod
    def resolve_options(obj) -> list[dict]:
        return [{"value": option["value"], "label": localized(option["label"])} for option in obj.options]


class TemplateOut(Schema):
    id: int
    key: str | None
    kind: Kind
    version_id: int
    version: int
    title: str
    respondent: Respondent
    countries: list[str]
    item_count: int


class ResponseSummary(Schema):
    role: Role
    status: ResponseStatus
    outcome: Outcome | None


class AssignmentOut(Schema):
    id: int
    template_id: int
    version: int
    title: str
    person_id: int
    assessor_id: int | None
    due_date: date
    status: AssignmentStatus
    responses: list[ResponseSummary]

    @staticmethod
    def resolve_template_id(obj) -> int:
        return obj.version.template_id

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.version.number

    @staticmethod
    def resolve_title(obj) -> str:
        return localized(obj.version.title)

    @staticmethod
    def resolve_responses(obj) -> list[ResponseSummary]:
        return [
            ResponseSummary(role=response.role, status=response.status, outcome=response.outcome or None)
            for response in obj.responses.all()
        ]


class ResponseOut(Schema):
    assignment_id: int
    role: Role
    status: ResponseStatus | Literal["new"]
    answers: dict[str, Any]
    submitted_at: datetime | None
    score: Decimal | None
    outcome: Outcome | None
    blocking: list[int]
    actions: list[dict]
    items: list[ItemOut]


class AnswersIn(Schema):
    answers: dict[str, Any] = {}
    role: Role | None = None


class SubmitIn(Schema):
    answers: dict[str, Any] | None = None
    role: Role | None = None


@router.get("/checklists/templates", response=list[TemplateOut], url_name="checklist_templates")
def templates(request):
    """The newest published version of every checklist."""
    return [
        TemplateOut(
            id=version.template_id,
            key=version.template.key,
            kind=version.template.kind,
            version_id=version.pk,
            version=version.number,
            title=localized(version.title),
            respondent=version.respondent,
            countries=version.countries,
            item_count=version.item_count,
        )
        for version in queries.published_templates()
    ]


@router.get("/checklists/assignments", response=list[AssignmentOut], url_name="checklist_assignments")
@paginate
def assignments(request, person: int | None = None, status: AssignmentStatus | None = None):
    """Assignments you may see: your own, those you assess, your reports' (HR: everyone's).
    Pulse answers are never listed for anyone but the person answering."""
    person_id = get_person_for_user(request.auth, person).pk if person else None
    return queries.visible_assignments(request.auth, person_id=person_id, status=status)


def _role_for(user, assignment: Assignment, role: str | None) -> str:
    """The role asked for, else the one the user answers in, else the first one."""
    if role:
        if role not in assignment.roles():
            raise DomainError("no_such_role", _("This checklist does not ask for that answer."))
        return role
    answerable = [each for each in assignment.roles() if can_answer(user, assignment, each)]
    return (answerable or assignment.roles())[0]


def _to_answer(user, assignment_id: int, role: str | None) -> tuple[Assignment, str]:
    assignment = get_assignment_for_user(user, assignment_id)
    role = _role_for(user, assignment, role)
    if not is_respondent(user, assignment, role):
        raise PermissionDenied
    return assignment, role  # a closed checklist or submitted answers: the service's 409


def _response_out(assignment: Assignment, role: str, response: Response | None) -> ResponseOut:
    if response is None:
        return ResponseOut.model_validate(
            dict(
                assignment_id=assignment.pk,
                role=role,
                status="new",
                answers={},
                submitted_at=None,
                score=None,
                outcome=None,
                blocking=[],
                actions=[],
                items=services.applicable_items(assignment),
            )
        )
    return ResponseOut.model_validate(
        dict(
            assignment_id=assignment.pk,
            role=role,
            status=response.status,
            answers=response.answers,
            submitted_at=response.submitted_at,
            score=response.score,
            outcome=response.outcome or None,
            blocking=response.blocking,
            actions=[
                {
                    "id": action.pk,
                    "text": localized(action.text),
                    "owner_id": action.owner_id,
                    "due_date": action.due_date,
                    "done": action.is_done,
                }
                for action in response.actions.all()
            ],
            items=services.applicable_items(assignment),
        )
    )


@router.get(
    "/checklists/assignments/{assignment_id}/response", response=ResponseOut, url_name="checklist_response"
)
def response_get(request, assignment_id: int, role: Role | None = None):
    """One response: your own draft or submission, or a submitted one you may see."""
    assignment = get_assignment_for_user(request.auth, assignment_id)
    shown = _role_for(request.auth, assignment, role)
    response = assignment.responses.filter(role=shown).first()
    if response is not None and not response.is_submitted and not can_answer(request.auth, assignment, shown):
        response = None  # someone else's draft stays theirs until it is submitted
    return _response_out(assignment, shown, response)


@router.put(
    "/checklists/assignments/{assignment_id}/response",
    response=ResponseOut,
    url_name="checklist_response_save",
)
def response_put(request, assignment_id: int, payload: AnswersIn):
    """Save answers as a draft. Unknown questions or wrong answer types are refused, naming them."""
    assignment, role = _to_answer(request.auth, assignment_id, payload.role)
    response = services.response_save(
        actor=request.auth, assignment=assignment, role=role, answers=payload.answers
    )
    return _response_out(assignment, role, response)


@router.post(
    "/checklists/assignments/{assignment_id}/submit", response=ResponseOut, url_name="checklist_submit"
)
def submit(request, assignment_id: int, payload: SubmitIn):
    """Submit the answers (given here, or the saved draft) and get the computed result."""
    assignment, role = _to_answer(request.auth, assignment_id, payload.role)
    response = services.response_submit(
        actor=request.auth, assignment=assignment, role=role, answers=payload.answers
    )
    return _response_out(assignment, role, response)
