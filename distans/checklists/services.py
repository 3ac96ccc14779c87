"""Every write to checklists: templates and their versions, assignments, responses, actions.

One transaction each, an audit row each. Published versions are never changed: editing starts a
new draft copied from the latest version.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.checklists import rules, tasks
from distans.checklists.models import (
    Action,
    ActionOwner,
    Assignment,
    ChecklistTemplate,
    Effect,
    Item,
    ItemKind,
    Response,
    TemplateVersion,
)
from distans.checklists.queries import item_spec
from distans.core.audit import audit_record, field_changes
from distans.core.errors import Conflict, DomainError
from distans.core.translated import LANGUAGE_CODES, language_names, localized, missing_languages
from distans.org.models import Country, Person, Unit
from distans.org.models import Role as OrgRole

VERSION_FIELDS = ["title", "intro", "countries", "respondent", "pass_score"]
ITEM_FIELDS = [
    "kind",
    "text",
    "help",
    "required",
    "weight",
    "options",
    "countries",
    "trigger_answers",
    "effect",
    "action_text",
    "action_owner",
    "action_days",
]


# Templates and versions ------------------------------------------------------------------------


def template_create(*, actor, kind: str, title: dict) -> TemplateVersion:
    if missing_languages(title) == LANGUAGE_CODES:
        raise DomainError("title_required", _("Give the checklist a title."), field="title")
    with transaction.atomic():
        template = ChecklistTemplate.objects.create(kind=kind)
        version = TemplateVersion.objects.create(template=template, number=1, title=title, created_by=actor)
        audit_record(
            actor=actor, action="checklist_template.create", obj=version, changes={"kind": [None, kind]}
        )
    return version


def _locked_draft(version: TemplateVersion) -> TemplateVersion:
    version = TemplateVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_draft:
        raise Conflict(
            "version_published",
            _("This version is published and can no longer be changed. Start a new draft to edit it."),
        )
    return version


def version_update(*, actor, version: TemplateVersion, **values) -> TemplateVersion:
    with transaction.atomic():
        version = _locked_draft(version)
        before = {field: getattr(version, field) for field in VERSION_FIELDS}
        for field, value in values.items():
            setattr(version, field, value)
        version.full_clean(exclude=["template", "created_by", "published_by"])
        version.save()
        after = {field: getattr(version, field) for field in VERSION_FIELDS}
        audit_record(
            actor=actor, action="checklist_version.update", obj=version, changes=field_changes(before, after)
        )
    return version


def item_save(*, actor, version: TemplateVersion, item: Item | None = None, **values) -> Item:
    with transaction.atomic():
        version = _locked_draft(version)
        if item is None:
            last = version.items.aggregate(last=Max("position"))["last"]
            item = Item(version=version, position=(last or 0) + 1)
            before = {}
        else:
            item = version.items.get(pk=item.pk)
            before = {field: getattr(item, field) for field in ITEM_FIELDS}
        for field, value in values.items():
            setattr(item, field, value)
        if item.kind not in rules.TRIGGER_KINDS:
            item.trigger_answers, item.effect = [], Effect.NONE
        if item.kind not in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            item.options = []
        item.save()
        audit_record(
            actor=actor,
            action="checklist_item.save",
            obj=version,
            changes={
                f"item {item.pk} {key}": change
                for key, change in field_changes(
                    before, {field: getattr(item, field) for field in ITEM_FIELDS}
                ).items()
            },
        )
    return item


def item_delete(*, actor, item: Item) -> None:
    with transaction.atomic():
        version = _locked_draft(item.version)
        audit_record(
            actor=actor,
            action="checklist_item.delete",
            obj=version,
            changes={"item": [localized(item.text), None]},
        )
        item.delete()


def item_move(*, actor, item: Item, up: bool) -> None:
    """Swap the item with its neighbour above or below."""
    with transaction.atomic():
        version = _locked_draft(item.version)
        items = list(version.items.all())
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(items):
            return
        items[index], items[other] = items[other], items[index]
        for position, each in enumerate(items, start=1):
            if each.position != position:
                each.position = position
                each.save(update_fields=["position"])
        audit_record(
            actor=actor, action="checklist_item.move", obj=version, changes={"item": [index + 1, other + 1]}
        )


def publish_problems(version: TemplateVersion, items: list[Item]) -> list[str]:
    """What stops a draft from being published, in words for HR. Every text in four languages."""
    problems = []

    def need(texts, what):
        missing = missing_languages(texts)
        if missing:
            problems.append(
                _("%(what)s is missing in: %(languages)s.")
                % {"what": what, "languages": ", ".join(language_names(missing))}
            )

    need(version.title, _("The title"))
    if any(version.intro.values()):
        need(version.intro, _("The introduction"))
    if not items:
        problems.append(_("Add at least one question."))
    for number, item in enumerate(items, start=1):
        label = _("Question %(number)s") % {"number": number}
        need(item.text, label)
        if any(item.help.values()):
            need(item.help, _("The help text of question %(number)s") % {"number": number})
        if item.kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            if len(item.options) < 2:
                problems.append(_("%(question)s needs at least two options.") % {"question": label})
            for option in item.options:
                need(option["label"], _("An option of question %(number)s") % {"number": number})
        if any(item.action_text.values()):
            need(item.action_text, _("The action of question %(number)s") % {"number": number})
        if item.effect and not item.trigger_answers:
            problems.append(
                _("%(question)s has an effect but no answers that trigger it.") % {"question": label}
            )
    return problems


def version_publish(*, actor, version: TemplateVersion) -> TemplateVersion:
    with transaction.atomic():
        version = _locked_draft(version)
        problems = publish_problems(version, list(version.items.all()))
        if problems:
            raise DomainError("not_ready_to_publish", " ".join(problems))
        version.status = TemplateVersion.Status.PUBLISHED
        version.published_by = actor
        version.published_at = timezone.now()
        version.save(update_fields=["status", "published_by", "published_at"])
        audit_record(actor=actor, action="checklist_version.publish", obj=version)
    return version


def draft_create(*, actor, template: ChecklistTemplate) -> TemplateVersion:
    """A new draft copied from the newest version; the existing draft if there is one."""
    with transaction.atomic():
        template = ChecklistTemplate.objects.select_for_update().get(pk=template.pk)
        latest = template.versions.order_by("-number").first()
        if latest.is_draft:
            return latest
        draft = TemplateVersion.objects.create(
            template=template,
            number=latest.number + 1,
            created_by=actor,
            **{field: getattr(latest, field) for field in VERSION_FIELDS},
        )
        Item.objects.bulk_create(
            [
                Item(
                    version=draft,
                    position=item.position,
                    **{field: getattr(item, field) for field in ITEM_FIELDS},
                )
                for item in latest.items.all()
            ]
        )
        audit_record(actor=actor, action="checklist_version.draft", obj=draft)
    return draft


def published_version(template: ChecklistTemplate) -> TemplateVersion | None:
    return template.versions.filter(status=TemplateVersion.Status.PUBLISHED).order_by("-number").first()


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
            action="checklist_assignment.create",
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
        audit_record(actor=actor, action="checklist_assignment.cancel", obj=assignment)


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
    return [
        item
        for item in assignment.version.items.all()
        if rules.applies_to(item.countries, assignment.person.country)
    ]


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
        response.answers = _check_answers(applicable_items(response.assignment), answers)
        response.respondent = actor
        response.save()
        audit_record(actor=actor, action="checklist_response.save", obj=response)
    return response


def response_submit(*, actor, assignment: Assignment, role: str, answers: dict | None = None) -> Response:
    with transaction.atomic():
        response = _locked_response(assignment, role, actor)
        assignment = response.assignment
        items = applicable_items(assignment)
        if answers is not None:
            response.answers = _check_answers(items, answers)
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
            action="checklist_response.submit",
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
        audit_record(actor=actor, action="checklist_action.done", obj=action)
    return action
