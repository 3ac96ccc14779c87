"""Every write to the organisation; one transaction each, each audited."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.core.audit import audit_record, field_changes
from distans.core.errors import DomainError
from distans.core.sessions import sessions_end
from distans.org import tasks
from distans.org.audit_actions import OrgAudit
from distans.org.importing import ImportRejected, build_plan, new_person_defaults
from distans.org.models import SEARCH_FIELDS, Person, Position, Site, Unit

# What an import may change on a person. Relations by id, so comparing them costs no query.
IMPORTED_FIELDS = [
    "email",
    "first_name",
    "last_name",
    "phone",
    "country",
    "time_zone",
    "language",
    "employment_start",
    "commute_distance_km",
    "commute_mode",
    "unit_id",
    "position_id",
    "site_id",
]


@dataclass
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    units_created: int
    positions_created: int
    sites_created: int
    new_people: list[Person] = field(default_factory=list)  # with their ids, unless a dry run
    skipped: list = field(default_factory=list)  # rows of people kept up to date elsewhere, and why


def org_import(*, actor, data: bytes, dry_run: bool = False, ip_address=None) -> ImportSummary:
    """Import people, units, positions and sites from CSV: everything or nothing.

    Raises ImportRejected with every problem found when any row is wrong.
    """
    plan = build_plan(data)
    if plan.problems:
        raise ImportRejected(plan.problems)
    with transaction.atomic():
        units = {u.code: u for u in Unit.objects.select_for_update()}
        positions = {p.code: p for p in Position.objects.all()}
        sites = {s.code: s for s in Site.objects.all()}
        created_units = _create_missing(units, plan.units, lambda code, d: Unit(code=code, name=d["name"]))
        for code, definition in plan.units.items():
            unit = units[code]
            new_name = definition["name"] or unit.name
            new_parent = units[definition["parent"]] if definition["parent"] else unit.parent
            if (unit.name, unit.parent_id) != (new_name, new_parent.pk if new_parent else None):
                unit.name, unit.parent = new_name, new_parent
                unit.save(update_fields=["name", "parent"])
        created_positions = _create_missing(
            positions,
            plan.positions,
            lambda code, d: Position(code=code, name=d["name"], remote_suitability=d["remote_suitability"]),
        )
        created_sites = _create_missing(
            sites,
            plan.sites,
            lambda code, d: Site(
                code=code,
                name=d["name"],
                country=d["country"] or "SE",
                time_zone=d["time_zone"] or new_person_defaults(d)["time_zone"],
            ),
        )

        numbers = [row.values["employee_number"] for row in plan.people]
        stored = {
            p.employee_number: p
            for p in Person.objects.select_for_update().filter(employee_number__in=numbers)
        }
        created, updated, changes = [], [], {}
        for row in plan.people:
            values = dict(row.values)
            number = values["employee_number"]
            for field, catalogue in (("unit", units), ("position", positions), ("site", sites)):
                if code := values.pop(f"{field}_code", None):
                    values[f"{field}_id"] = catalogue[code].pk
            person = stored.get(number)
            if person is None:
                person = Person(**{**new_person_defaults(values), **values})
                person.set_unusable_password()
                stored[number] = person
                created.append(person)
            before = {f: getattr(person, f) for f in IMPORTED_FIELDS}
            for name, value in values.items():
                setattr(person, name, value)
            person.index_for_search()
            after = {f: getattr(person, f) for f in IMPORTED_FIELDS}
            if person.pk and (diff := field_changes(before, after)):
                changes[number] = diff
                updated.append(person)
        Person.objects.bulk_create(created, batch_size=1000)
        Person.objects.bulk_update(updated, [*IMPORTED_FIELDS, *SEARCH_FIELDS], batch_size=1000)
        _link_managers(plan, stored, units, changes, new={p.employee_number for p in created})
        summary = ImportSummary(
            created=len(created),
            updated=len(changes),
            unchanged=len(plan.people) - len(created) - len(changes),
            units_created=created_units,
            positions_created=created_positions,
            sites_created=created_sites,
            new_people=created,
            skipped=plan.skipped,
        )
        audit_record(
            actor=actor,
            action=OrgAudit.IMPORT,
            object_type="org.import",
            changes={
                "created": [p.employee_number for p in created],
                "updated": changes,
                "units_created": created_units,
                "positions_created": created_positions,
                "sites_created": created_sites,
                "dry_run": dry_run,
                "skipped": [problem.row for problem in plan.skipped],
            },
            ip_address=ip_address,
        )
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _create_missing(existing: dict, defined: dict, build) -> int:
    new = [build(code, d) for code, d in defined.items() if code not in existing]
    for item in new:
        item.full_clean(exclude=["parent", "manager"])
        item.save()
        existing[item.code] = item
    return len(new)


def _link_managers(
    plan, people: dict[str | None, Person], units: dict[str, Unit], changes: dict, new: set[str | None]
):
    manager_numbers = {r.manager_number for r in plan.people if r.manager_number} - set(people)
    people.update({p.employee_number: p for p in Person.objects.filter(employee_number__in=manager_numbers)})
    # The managers people had before, for the audit, in one query.
    number_of: dict[int | None, str | None] = dict(
        Person.objects.filter(pk__in={p.manager_id for p in people.values() if p.manager_id}).values_list(
            "pk", "employee_number"
        )
    )
    relinked = []
    for row in plan.people:
        person = people[row.values["employee_number"]]
        if row.manager_number:
            manager = people[row.manager_number]
            if person.manager_id != manager.pk:
                if person.employee_number not in new:
                    changes.setdefault(person.employee_number, {})["manager"] = [
                        number_of.get(person.manager_id),
                        manager.employee_number,
                    ]
                person.manager = manager
                relinked.append(person)
        if row.manages_unit:
            unit = units[row.values["unit_code"]]
            if unit.manager_id != person.pk:
                unit.manager = person
                unit.save(update_fields=["manager"])
    Person.objects.bulk_update(relinked, ["manager"], batch_size=1000)


def person_deactivate(*, actor, person: Person, ip_address=None) -> Person:
    """A leaver: no more sign-in, and every session and token stops working at once."""
    if person.pk == actor.pk:
        raise DomainError("cannot_deactivate_self", _("You cannot deactivate yourself."))
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        if not person.is_active:
            return person
        person.is_active = False
        person.save(update_fields=["is_active", "updated_at"])
        person.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        # Deleted, not merely refused while inactive: reactivating must not bring them back.
        sessions = sessions_end(person)
        audit_record(
            actor=actor,
            action=OrgAudit.PERSON_DEACTIVATE,
            obj=person,
            changes={"is_active": [True, False], "sessions_ended": sessions},
            ip_address=ip_address,
        )
    return person


def person_reactivate(*, actor, person: Person, ip_address=None) -> Person:
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        if person.is_active:
            return person
        person.is_active = True
        person.save(update_fields=["is_active", "updated_at"])
        audit_record(
            actor=actor,
            action=OrgAudit.PERSON_REACTIVATE,
            obj=person,
            changes={"is_active": [False, True]},
            ip_address=ip_address,
        )
    return person


def person_set_roles(*, actor, person: Person, groups, ip_address=None) -> Person:
    """Make someone HR, HR approver or administrator, or no longer: audited, and HR is told."""
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        before = sorted(person.groups.values_list("name", flat=True))
        person.groups.set(groups)
        after = sorted(person.groups.values_list("name", flat=True))
        if before != after:
            entry = audit_record(
                actor=actor,
                action=OrgAudit.PERSON_ROLES,
                obj=person,
                changes={"roles": [before, after]},
                ip_address=ip_address,
            )
            tasks.roles_changed_notify.enqueue(entry.pk)
    return person
