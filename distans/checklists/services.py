"""Every write to checklists given to people: assignments, responses, actions (templates and their
versions are written by `template_services`). One transaction each, an audit row each.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.checklists import rules, tasks
from distans.checklists.audit_actions import ChecklistAudit
from distans.checklists.models import (
    Action,
    ActionOwner,
    Assignment,
    ChecklistTemplate,
    Item,
    Response,
)
from distans.checklists.queries import item_spec, items_for, known_answers, published_version
from distans.core.audit import audit_record
from distans.core.errors import Conflict, DomainError
from distans.core.roles import Role as OrgRole
from distans.core.translated import localized
from distans.org.models import Country, Person, Unit

# Assignments -----------------------------------------------------------------------------------


def assignment_create(
    *,
    actor,
    template: ChecklistTemplate,
    person: Person,
    due_date: datetime.date,
    assessor: Person | None = None,
    self_view: bool = False,
    context=None,
) -> Assignment:
    version = published_version(template)
    if version is None:
        raise DomainError("not_published", _("This checklist has no published version yet."))
    if not rules.applies_to(version.countries, person.country):
        raise DomainError(
            "wrong_country",
            _(
                "This checklist is for %(countries)s; %(person)s works in %(country)s. Choose the "
                "checklist for that country."
            )
            % {
                "countries": ", ".join(str(Country(code).label) for code in version.countries),
                "person": person,
                "country": person.get_country_display(),
            },
            field="template",
        )
    if due_date < timezone.localdate():
        raise DomainError(
            "due_in_past", _("The due date has passed. Choose today or a later day."), field="due_date"
        )
    if version.asks_manager:
        assessor = assessor or person.manager
        if assessor is None:
            raise DomainError(
                "no_assessor",
                _("%(person)s has no line manager to answer this checklist. Choose who assesses.")
                % {"person": person},
                field="assessor",
            )
        if assessor.pk == person.pk:
            raise DomainError("self_assessor", _("A person cannot assess themself."), field="assessor")
    else:
        assessor, self_view = None, False
    with transaction.atomic():
        assignment = Assignment.objects.create(
            version=version,
            person=person,
            assessor=assessor,
            self_view=self_view,
            due_date=due_date,
            assigned_by=actor if getattr(actor, "pk", None) else None,
            context_type=ContentType.objects.get_for_model(context) if context is not None else None,
            context_id=context.pk if context is not None else None,
        )
        audit_record(
            actor=actor,
            action=ChecklistAudit.ASSIGNMENT_CREATE,
            obj=assignment,
            changes={"person": [None, str(person)], "due_date": [None, due_date.isoformat()]},
        )
        _schedule_reminders(assignment)
        tasks.assignment_notify.enqueue(assignment.pk)
    return assignment


def assignments_for_unit(
    *, actor, template: ChecklistTemplate, unit, due_date: datetime.date, subunits: bool = False
) -> dict:
    """Assign a checklist to everyone active in a unit (and the units below it). People it does not
    apply to (another country, no line manager for a manager's part) are counted, not assigned."""
    units = [unit.pk]
    if subunits:
        frontier = [unit.pk]
        while frontier:
            frontier = list(
                Unit.objects.filter(parent_id__in=frontier).exclude(pk__in=units).values_list("pk", flat=True)
            )
            units += frontier
    counts = {"assigned": 0, "other_country": 0, "no_assessor": 0}
    with transaction.atomic():
        for person in Person.objects.filter(unit_id__in=units, is_active=True).select_related("manager"):
            try:
                assignment_create(actor=actor, template=template, person=person, due_date=due_date)
                counts["assigned"] += 1
            except DomainError as error:
                if error.code == "wrong_country":
                    counts["other_country"] += 1
                elif error.code in ("no_assessor", "self_assessor"):
                    counts["no_assessor"] += 1
                else:
                    raise
    return counts


def _schedule_reminders(assignment: Assignment) -> None:
    """Reminders are rows in the task table, written in this transaction with the assignment."""
    now = timezone.now()
    for moment in rules.reminder_moments(
        assignment.due_date,
        days_before=settings.CHECKLIST_REMINDER_DAYS_BEFORE,
        time_zone=assignment.person.time_zone,
        hour=settings.REMINDER_LOCAL_HOUR,
    ):
        if moment > now:
            tasks.assignment_remind.using(run_after=moment).enqueue(assignment.pk)


def assignment_cancel(*, actor, assignment: Assignment) -> None:
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if assignment.status != Assignment.Status.OPEN:
            raise Conflict("not_open", _("Only an open checklist can be cancelled."))
        assignment.status = Assignment.Status.CANCELLED
        assignment.save(update_fields=["status"])
        audit_record(actor=actor, action=ChecklistAudit.ASSIGNMENT_CANCEL, obj=assignment)


# Responses -------------------------------------------------------------------------------------

ANSWER_PROBLEMS = {
    "not_yes_no": lambda: _("answer yes or no"),
    "not_on_scale": lambda: _("choose a whole number from 1 to 5"),
    "unknown_option": lambda: _("choose one of the options shown"),
    "not_a_number": lambda: _("enter a number"),
    "not_a_date": lambda: _("enter a date as YYYY-MM-DD"),
    "date_out_of_range": lambda: _("enter a date from 2000 to 2100"),
    "text_too_long": lambda: _("keep the answer under %(max)s characters") % {"max": rules.TEXT_MAX},
    "unknown_question": lambda: _("this question is not part of the checklist"),
}


def applicable_items(assignment: Assignment) -> list[Item]:
    return items_for(assignment.version, assignment.person.country)


def _with_known(assignment: Assignment, items: list[Item], answers: dict) -> dict:
    """What Distans knows wins over what was sent (it is shown, not typed)."""
    known = known_answers(assignment.person, items, timezone.localdate())
    return {**answers, **{key: answer.value for key, answer in known.items()}}


def _check_answers(items: list[Item], answers: dict) -> dict:
    """The answers keyed by item id, blank ones dropped; DomainError naming every wrong answer."""
    if not isinstance(answers, dict):
        raise DomainError("bad_answers", _("Send the answers as an object of question id to answer."))
    by_id = {str(item.pk): item for item in items}
    problems, clean = [], {}
    for key, value in answers.items():
        item = by_id.get(str(key))
        code = "unknown_question" if item is None else rules.answer_problem(item_spec(item), value)
        if code:
            label = localized(item.text).rstrip(".") if item else str(key)
            problems.append(f"{label}: {ANSWER_PROBLEMS[code]()}")
        elif not rules.is_blank(value):
            clean[str(key)] = value
    if problems:
        raise DomainError(
            "bad_answers",
            _("Some answers need correcting. %(problems)s") % {"problems": "; ".join(problems) + "."},
        )
    return clean


def _locked_response(assignment: Assignment, role: str, actor) -> Response:
    assignment = (
        Assignment.objects.select_for_update().select_related("version", "person").get(pk=assignment.pk)
    )
    if assignment.status != Assignment.Status.OPEN:
        raise Conflict("not_open", _("This checklist is closed and can no longer be answered."))
    if role not in assignment.roles():
        raise DomainError("no_such_role", _("This checklist does not ask for that answer."))
    response, _created = Response.objects.select_for_update().get_or_create(
        assignment=assignment, role=role, defaults={"respondent": actor}
    )
    if response.is_submitted:
        raise Conflict("already_submitted", _("These answers were already submitted."))
    response.assignment = assignment
    return response


def response_save(*, actor, assignment: Assignment, role: str, answers: dict) -> Response:
    """Keep a draft; nothing is checked for completeness until the answers are submitted."""
    with transaction.atomic():
        response = _locked_response(assignment, role, actor)
        items = applicable_items(response.assignment)
        response.answers = _with_known(assignment, items, _check_answers(items, answers))
        response.respondent = actor
        response.save()
        audit_record(actor=actor, action=ChecklistAudit.RESPONSE_SAVE, obj=response)
    return response


def response_submit(*, actor, assignment: Assignment, role: str, answers: dict | None = None) -> Response:
    with transaction.atomic():
        response = _locked_response(assignment, role, actor)
        assignment = response.assignment
        items = applicable_items(assignment)
        response.answers = _with_known(
            assignment, items, response.answers if answers is None else _check_answers(items, answers)
        )
        result = rules.evaluate(
            [item_spec(item) for item in items],
            response.answers,
            country=assignment.person.country,
            pass_score=assignment.version.pass_score,
        )
        if result.missing:
            names = [localized(item.text).rstrip(".") for item in items if item.pk in result.missing]
            raise DomainError(
                "answers_missing",
                _("Answer every required question first: %(questions)s.") % {"questions": "; ".join(names)},
            )
        now = timezone.now()
        response.respondent = actor
        response.status = Response.Status.SUBMITTED
        response.submitted_at = now
        response.score, response.outcome = result.score, result.outcome
        response.blocking = list(result.blocking)
        response.save()
        _create_actions(response, [item for item in items if item.pk in result.actions])
        audit_record(
            actor=actor,
            action=ChecklistAudit.RESPONSE_SUBMIT,
            obj=response,
            changes={
                "outcome": [None, result.outcome],
                "score": [None, str(result.score) if result.score is not None else None],
            },
        )
        submitted = set(
            assignment.responses.filter(status=Response.Status.SUBMITTED).values_list("role", flat=True)
        )
        if set(assignment.required_roles()) <= submitted:
            assignment.status = Assignment.Status.COMPLETED
            assignment.completed_at = now
            assignment.save(update_fields=["status", "completed_at"])
            tasks.assignment_completed_notify.enqueue(assignment.pk)
    return response


def _action_owner(assignment: Assignment, owner: str) -> Person | None:
    if owner == ActionOwner.EMPLOYEE:
        return assignment.person
    if owner == ActionOwner.MANAGER:
        return assignment.assessor or assignment.person.manager
    return Person.objects.filter(groups__name=OrgRole.HR, is_active=True).order_by("pk").first()


def _create_actions(response: Response, items: list[Item]) -> None:
    today = timezone.localdate()
    Action.objects.bulk_create(
        [
            Action(
                response=response,
                item=item,
                text=item.action_text or item.text,
                owner=_action_owner(response.assignment, item.action_owner),
                due_date=today + datetime.timedelta(days=item.action_days),
            )
            for item in items
        ]
    )


def action_complete(*, actor, action: Action) -> Action:
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        if action.is_done:
            raise Conflict("already_done", _("This action is already marked as done."))
        action.done_at = timezone.now()
        action.done_by = actor
        action.save(update_fields=["done_at", "done_by"])
        audit_record(actor=actor, action=ChecklistAudit.ACTION_DONE, obj=action)
    return action
