"""Writing to the audit log. Every state-changing service calls `audit_record` in its transaction.

What was done is an `AuditAction`: each app lists its own in `<app>/audit_actions.py`, as a subclass of
`AuditAction` whose values are the strings stored in `AuditEntry.action`. Core finds them by that module
name (as the admin finds `admin.py`), so it never names a higher app. What an app's entries hold beyond
their objects' fields, it says in words of its own (`AuditWords`, registered through `audit_words`).
"""

import datetime
import functools
import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.module_loading import autodiscover_modules
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy

from distans.core import places
from distans.core.hooks import Hook
from distans.core.models import AuditEntry
from distans.core.roles import Role
from distans.core.weekdays import NAMES as WEEKDAY_NAMES


class AuditAction(models.TextChoices):
    """The base of every app's audit actions; it has no members of its own."""


@functools.cache
def audit_actions() -> dict[str, AuditAction]:
    """Every action of every installed app, by the value stored."""
    autodiscover_modules("audit_actions")
    return {member.value: member for actions in AuditAction.__subclasses__() for member in actions}


def action_label(value: str) -> str:
    """The action in the reader's language; a value no app declares (such as an old row's) as stored."""
    member = audit_actions().get(value)
    return str(member.label) if member is not None else value


def client_address(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor,
    action: AuditAction,
    obj: models.Model | None = None,
    object_type: str = "",
    changes: dict | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    if not isinstance(action, AuditAction):
        raise TypeError(f"audit_record takes an AuditAction, not {action!r}")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
    # An actor that is no person, such as a SCIM client, is named by its `full_name` ("SCIM: Entra ID").
    actor_name = getattr(actor, "full_name", "") if actor is not None else ""
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor_name[:201],
        actor_number=(actor.employee_number or "") if actor else "",
        action=action,
        object_type=object_type,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        changes=changes or {},
        ip_address=ip_address,
    )


def field_changes(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value differs, as JSON-friendly strings."""

    def plain(value):
        if value is None or isinstance(value, bool | int | float | str):
            return value
        return str(value)

    return {
        key: [plain(before.get(key)), plain(value)]
        for key, value in after.items()
        if before.get(key) != value
    }


def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def type_label(object_type: str) -> str:
    """What kind of thing an entry is about, in the reader's language: the model's name ("Agreement"),
    else its app's ("Organisation" for an import), else as stored."""
    model = _model(object_type)
    if model is not None:
        return capfirst(model._meta.verbose_name)
    try:
        return str(apps.get_app_config(object_type.partition(".")[0]).verbose_name)
    except LookupError:
        return object_type


# Keys the services record that are not fields of the entry's model (a day's date on a person, a
# signature's party on an agreement), and words they store, named for the reader.
KEY_LABELS = {
    "agreements": _lazy("Agreements"),
    "by": _lazy("ended by"),
    "changes": _lazy("Changes"),
    "comment": _lazy("Comment"),
    "coverage": _lazy("coverage"),
    "created": _lazy("People created"),
    "date": _lazy("Date"),
    "days": _lazy("Days"),
    "dry_run": _lazy("Trial run"),
    "duties": _lazy("duties"),
    "escalated": _lazy("Escalated"),
    "item": _lazy("Item"),
    "kind": _lazy("Kind"),
    "note": pgettext_lazy("audit log", "Note"),
    "office_dates": _lazy("office dates"),
    "office_weekdays": _lazy("team office days"),
    "party": _lazy("Party"),
    "pdf_sha256": _lazy("PDF checksum"),
    "people": _lazy("People changed"),
    "positions_created": _lazy("Positions created"),
    "preferred": _lazy("preferred office days"),
    "reachable_from": _lazy("reachable from"),
    "roles": _lazy("Roles"),
    "sessions_ended": _lazy("Sign-ins ended"),
    "sites_created": _lazy("Sites created"),
    "skipped": _lazy("Rows skipped"),
    "text_sha256": _lazy("Text checksum"),
    "units_created": _lazy("Units created"),
    "unwanted": _lazy("days not wanted at the office"),
    "updated": _lazy("People updated"),
    "valid_from": _lazy("Valid from"),
    "version": _lazy("Version"),
    "week": _lazy("week"),
    "weekdays": _lazy("Weekdays"),
}
VALUE_LABELS = {
    "office": _lazy("Office"),
    "remote": _lazy("Remote"),
    "off": _lazy("Day off"),
    "employer": _lazy("Employer"),
    "employee": _lazy("Employee"),
}
# Words stored under one key only: the roles a person holds.
KEY_CHOICES = {"roles": dict(Role.choices)}
WEEKDAY_KEYS = {"weekdays", "preferred", "unwanted", "office_weekdays", "preferred_office", "unwanted_office"}
# Countries and time zones, stored as codes ("ES", "Europe/Madrid"), by their names.
PLACE_KEYS = {
    "country": places.country_name,
    "abroad_country": places.country_name,
    "time_zone": places.zone_name,
}


@dataclass(frozen=True)
class AuditWords:
    """What an app's entries hold beyond their objects' fields, in words. An app registers its words
    under its label, and they apply to the entries of the actions it declares:

        audit_words.subscribe("privacy", audit_words_of_privacy)   # () -> AuditWords, called per page

    `labels`: the names of keys that are no field of the entry's model ("reason" on a person).
    `choices`: the words for the codes stored under a key ({"format": {"pdf": "PDF file"}}).
    `references`: keys whose values name an object by something other than its id: (model, field).
    `names_read`: the relations each of the app's models reads for its name (`str`), by model label, so
    that the log names fifty objects of a kind in one query without following every foreign key.
    `action_words`: (action, changes) -> what this entry did, when its changes say more than its action
    alone (a first step's approval sends a request on, it does not grant it); None for the action's label.
    """

    labels: Mapping[str, Any] = field(default_factory=dict)
    choices: Mapping[str, Mapping[Any, Any]] = field(default_factory=dict)
    references: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    names_read: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    action_words: Callable[[str, Mapping[str, Any]], str | None] | None = None


class AuditWordsSource(Protocol):
    def __call__(self) -> AuditWords: ...


audit_words: Hook[AuditWordsSource] = Hook("core.audit_words")
NO_WORDS = AuditWords()


@functools.cache
def _app_of(action: str) -> str:
    """The label of the app that declares an action; "" for a value no app declares."""
    member = audit_actions().get(action)
    config = apps.get_containing_app_config(type(member).__module__) if member is not None else None
    return config.label if config is not None else ""


def _words(entry: AuditEntry) -> AuditWords:
    app = _app_of(entry.action)
    return audit_words.run_one(app) if app in audit_words.subscribers else NO_WORDS


def entry_action(entry: AuditEntry) -> str:
    """What the entry did, in the reader's language: in its app's words for what its changes show, else
    the action's label."""
    words = _words(entry)
    said = words.action_words(entry.action, entry.changes or {}) if words.action_words else None
    return said or action_label(entry.action)


def _names_read() -> dict[str, tuple[str, ...]]:
    return {label: read for words in audit_words.collect() for label, read in words.names_read.items()}


# The names of objects that changes refer to, by (model label, value as stored).
Names = dict[tuple[str, str], str]
NOTHING = "–"  # a value that is empty or not set


@functools.cache
def _fields(object_type: str) -> dict[str, models.Field]:
    model = _model(object_type)
    return {field.name: field for field in model._meta.get_fields()} if model is not None else {}


def _reference(words: AuditWords, object_type: str, key: str) -> tuple[type[models.Model], str] | None:
    """The model and field a change's values identify an object by: a foreign key's by its id."""
    if key in words.references:
        label, lookup = words.references[key]
        model = _model(label)
        return (model, lookup) if model is not None else None
    known = _fields(object_type).get(key)
    if known is not None and known.concrete and (known.many_to_one or known.one_to_one):
        related = known.related_model
        return (related, "pk") if isinstance(related, type) else None
    return None


def _pair(change) -> tuple:
    return tuple(change) if isinstance(change, list) and len(change) == 2 else (None, change)


def referenced_names(entries) -> Names:
    """The names of the entries' objects and of every object their changes refer to, one query per kind
    of object (the audit page lists fifty entries in a bounded number of queries)."""
    wanted: dict[tuple[type[models.Model], str], set[str]] = defaultdict(set)
    for entry in entries:
        model = _model(entry.object_type)
        if model is not None and entry.object_id.isdigit():
            wanted[model, "pk"].add(entry.object_id)
        words = _words(entry)
        for key, change in (entry.changes or {}).items():
            reference = _reference(words, entry.object_type, key)
            if reference is None:
                continue
            wanted[reference].update(str(value) for value in _pair(change) if _refers(value, reference[1]))
    names: Names = {}
    names_read = _names_read()
    for (model, lookup), values in wanted.items():
        objects = model._base_manager.filter(**{f"{lookup}__in": values})
        if read := names_read.get(model._meta.label_lower):  # so that a name costs no query of its own
            objects = objects.select_related(*read)
        for obj in objects:
            names[model._meta.label_lower, str(getattr(obj, lookup))] = str(obj)
    return names


def object_name(entry: AuditEntry, names: Names) -> str:
    """What the entry is about, named now in the reader's language (a checklist's title, an evaluation's
    kind); the name written with the entry once the object is gone. An entry about no one object (the
    demo's history) is about the things of the app that wrote it ("Remote work agreements")."""
    if not entry.object_type and not entry.object_id:
        return type_label(_app_of(entry.action))
    return names.get((entry.object_type, entry.object_id), entry.object_repr)


def change_rows(entry: AuditEntry, names: Names | None = None) -> list[tuple[str, str, str]]:
    """An entry's changes as (field, before, after), before empty when there was none, with the field's
    name, the objects it refers to and its choices in the reader's language; changes stored as
    {field: [old, new]} (see `field_changes`), any other shape as written. `names` from
    `referenced_names`, else looked up for this entry."""
    if names is None:
        names = referenced_names([entry])
    words = _words(entry)
    rows = []
    for key, change in (entry.changes or {}).items():
        reference = _reference(words, entry.object_type, key)
        before, after = (
            _named(words, entry.object_type, key, value, reference, names) for value in _pair(change)
        )
        if before == after == NOTHING:  # recorded but empty on both sides (no comment given): nothing to say
            continue
        # Nothing before (or only the new value recorded): the new value alone, not "– → Approved".
        rows.append((_label(words, entry.object_type, key), "" if before == NOTHING else before, after))
    return rows


def _label(words: AuditWords, object_type: str, key: str) -> str:
    """The key's name: the app's own word for it, else its field's, else core's."""
    name = words.labels.get(key) or getattr(_fields(object_type).get(key), "verbose_name", None)
    return str(capfirst(name or KEY_LABELS.get(key) or key.replace("_", " ")))


def _named(words: AuditWords, object_type: str, key: str, value, reference, names: Names) -> str:
    """A value that refers to an object by the object's name; one no longer kept says so, never its id."""
    if reference is not None and _refers(value, reference[1]):
        model, lookup = reference
        name = names.get((model._meta.label_lower, str(value)))
        if name is not None:
            return name
        if lookup == "pk":
            return str(_("(deleted)"))
    return _shown(words, object_type, key, value)


def _refers(value, lookup: str) -> bool:
    """Whether a stored value can name an object: an id (a name written out, as older entries have, is
    shown as written), or a key."""
    if isinstance(value, bool) or not isinstance(value, int | str) or value == "":
        return False
    return lookup != "pk" or str(value).isdigit()


def _shown(words: AuditWords, object_type: str, key: str, value) -> str:
    """A stored value as the reader writes it: choices, words, countries and time zones by name, dates and
    decimals in the reader's format, weekdays by name, checksums shortened."""
    if value is None or value == "" or value == []:
        return NOTHING
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if key in WEEKDAY_KEYS:
        numbers = json.loads(value) if isinstance(value, str) and value.startswith("[") else value
        if isinstance(numbers, list) and all(isinstance(n, int) and 0 <= n < 7 for n in numbers):
            return ", ".join(str(WEEKDAY_NAMES[n]) for n in numbers)
    if isinstance(value, list):
        return ", ".join(_shown(words, object_type, key, item) for item in value)
    if isinstance(value, dict):  # several fields changed at once, such as a request's proposed changes
        return "; ".join(
            f"{_label(words, object_type, name)}: {_shown(words, object_type, name, item)}"
            for name, item in value.items()
        )
    choices = _choices(words, object_type, key)
    if value in choices:
        return str(choices[value])
    if key in PLACE_KEYS and isinstance(value, str):
        return PLACE_KEYS[key](value)
    if isinstance(value, str):
        return _shown_text(key, value)
    return formats.number_format(value) if isinstance(value, float) else str(value)


def _choices(words: AuditWords, object_type: str, key: str) -> Mapping:
    """The words for the codes under a key: the app's own, else its field's choices, else core's."""
    if key in words.choices:
        return words.choices[key]
    choices = getattr(_fields(object_type).get(key), "flatchoices", None)
    return dict(choices or ()) or KEY_CHOICES.get(key, {})


def _shown_text(key: str, value: str) -> str:
    if value in VALUE_LABELS:
        return str(VALUE_LABELS[value])
    if key.endswith("sha256"):
        return value[:12] + "…"
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except ValueError:
        pass
    try:
        return formats.number_format(Decimal(value), use_l10n=True) if "." in value else value
    except ArithmeticError:
        return value
