"""Every write to checklist templates: creating one, editing a draft version's fields and items,
publishing it, and starting a new draft from the latest. One transaction each, an audit row each.
Published versions are never changed: editing starts a new draft copied from the latest version.
"""

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.checklists import rules
from distans.checklists.audit_actions import ChecklistAudit
from distans.checklists.models import (
    ChecklistTemplate,
    Effect,
    Item,
    ItemKind,
    KnownFact,
    TemplateVersion,
)
from distans.core.audit import audit_record, field_changes
from distans.core.errors import Conflict, DomainError
from distans.core.translated import LANGUAGE_CODES, language_names, localized, missing_languages
from distans.org.models import Person

VERSION_FIELDS = ["title", "intro", "countries", "respondent", "pass_score"]
ITEM_FIELDS = [
    "known",
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


def checklist_template_create(*, actor: Person, kind: str, title: dict[str, str]) -> TemplateVersion:
    if missing_languages(title) == LANGUAGE_CODES:
        raise DomainError("title_required", _("Give the checklist a title."), field="title")
    with transaction.atomic():
        template = ChecklistTemplate.objects.create(kind=kind)
        version = TemplateVersion.objects.create(template=template, number=1, title=title, created_by=actor)
        audit_record(
            actor=actor, action=ChecklistAudit.TEMPLATE_CREATE, obj=version, changes={"kind": [None, kind]}
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


def checklist_version_update(*, actor: Person, version: TemplateVersion, **values: Any) -> TemplateVersion:
    with transaction.atomic():
        version = _locked_draft(version)
        before = {field: getattr(version, field) for field in VERSION_FIELDS}
        for field, value in values.items():
            setattr(version, field, value)
        version.full_clean(exclude=["template", "created_by", "published_by"])
        version.save()
        after = {field: getattr(version, field) for field in VERSION_FIELDS}
        audit_record(
            actor=actor,
            action=ChecklistAudit.VERSION_UPDATE,
            obj=version,
            changes=field_changes(before, after),
        )
    return version


def checklist_item_save(
    *, actor: Person, version: TemplateVersion, item: Item | None = None, **values: Any
) -> Item:
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
        if item.kind != rules.KNOWN_KINDS.get(item.known, item.kind):  # a fact answers its own kind
            item.known = KnownFact.NONE
        item.save()
        audit_record(
            actor=actor,
            action=ChecklistAudit.ITEM_SAVE,
            obj=version,
            changes={
                f"item {item.pk} {key}": change
                for key, change in field_changes(
                    before, {field: getattr(item, field) for field in ITEM_FIELDS}
                ).items()
            },
        )
    return item


def checklist_item_delete(*, actor: Person, item: Item) -> None:
    with transaction.atomic():
        version = _locked_draft(item.version)
        audit_record(
            actor=actor,
            action=ChecklistAudit.ITEM_DELETE,
            obj=version,
            changes={"item": [localized(item.text), None]},
        )
        item.delete()


def checklist_item_move(*, actor: Person, item: Item, up: bool) -> None:
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
            actor=actor,
            action=ChecklistAudit.ITEM_MOVE,
            obj=version,
            changes={"item": [index + 1, other + 1]},
        )


def publish_problems(version: TemplateVersion, items: list[Item]) -> list[str]:
    """What stops a draft from being published, in words for HR. Every text in four languages."""
    problems = []

    def need(texts: dict[str, str], what: str) -> None:
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


def checklist_version_publish(*, actor: Person, version: TemplateVersion) -> TemplateVersion:
    with transaction.atomic():
        version = _locked_draft(version)
        problems = publish_problems(version, list(version.items.all()))
        if problems:
            raise DomainError("not_ready_to_publish", " ".join(problems))
        version.status = TemplateVersion.Status.PUBLISHED
        version.published_by = actor
        version.published_at = timezone.now()
        version.save(update_fields=["status", "published_by", "published_at"])
        audit_record(actor=actor, action=ChecklistAudit.VERSION_PUBLISH, obj=version)
    return version


def checklist_draft_create(*, actor: Person, template: ChecklistTemplate) -> TemplateVersion:
    """A new draft copied from the newest version; the existing draft if there is one."""
    with transaction.atomic():
        template = ChecklistTemplate.objects.select_for_update().get(pk=template.pk)
        latest = template.versions.latest("number")
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
        audit_record(actor=actor, action=ChecklistAudit.VERSION_DRAFT, obj=draft)
    return draft
