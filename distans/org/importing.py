"""Import of the organisation from a CSV file: read it (`import_rows`), check everything against the
file and the database, then `services.org_import` writes all or nothing.
"""

from django.utils.translation import gettext as _

from distans.org.hooks import managed_elsewhere
from distans.org.import_rows import (
    DEFAULT_LANGUAGE,
    DEFAULT_TIME_ZONE,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    ImportPlan,
    ImportRejected,
    PersonRow,
    Problem,
    RowReader,
    check_header,
    decode,
    read_rows,
)
from distans.org.models import Country, Person, Position, Site, Unit
from distans.org.rules import find_cycle

__all__ = ["OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "ImportRejected", "build_plan", "new_person_defaults"]


def build_plan(data: bytes) -> ImportPlan:
    """Read the file and check every row against the file and the database. Writes nothing."""
    header, rows = read_rows(decode(data))
    plan = ImportPlan(problems=check_header(header))
    if plan.problems:
        return plan
    if not rows:
        plan.problems.append(Problem(0, "", _("The file has a header but no people.")))
        return plan
    for number, cells in rows:
        plan.people.append(RowReader(number, cells, plan).person())
    _skip_managed_elsewhere(plan)
    _check_against_database(plan)
    plan.problems.sort(key=lambda p: (p.row, p.column))
    return plan


def _skip_managed_elsewhere(plan: ImportPlan) -> None:
    """Leave out the people an identity provider keeps up to date (SCIM): the file must not undo it."""
    numbers = [n for row in plan.people if (n := row.values.get("employee_number"))]
    stored = Person.objects.filter(employee_number__in=numbers)
    managed: dict[int, str] = {}
    for answer in managed_elsewhere.collect(people=stored):
        managed.update(answer)
    if not managed:
        return
    source_of = {
        number: managed[pk] for number, pk in stored.values_list("employee_number", "pk") if pk in managed
    }
    kept = []
    for row in plan.people:
        number = row.values.get("employee_number")
        if number in source_of:
            message = _(
                "Skipped: employee number %(number)s is kept up to date by %(source)s, so the import does "
                "not change this person."
            ) % {"number": number, "source": source_of[number]}
            plan.skipped.append(Problem(row.row, "employee_number", message))
        else:
            kept.append(row)
    plan.people = kept


def _check_against_database(plan: ImportPlan) -> None:
    add = plan.problems.append
    by_number: dict[str, PersonRow] = {}
    by_email: dict[str, PersonRow] = {}
    for row in plan.people:
        number, email = row.values.get("employee_number"), row.values.get("email")
        if number in by_number:
            add(
                Problem(
                    row.row,
                    "employee_number",
                    _("Employee number %(value)s also appears on row %(row)s.")
                    % {"value": number, "row": by_number[number].row},
                )
            )
        elif number:
            by_number[number] = row
        if email in by_email:
            add(
                Problem(
                    row.row,
                    "email",
                    _("The e-mail %(value)s also appears on row %(row)s.")
                    % {"value": email, "row": by_email[email].row},
                )
            )
        elif email:
            by_email[email] = row

    existing_by_email = dict(
        Person.objects.filter(email__in=list(by_email)).values_list("email", "employee_number")
    )
    for email, row in by_email.items():
        if email in existing_by_email and existing_by_email[email] != row.values.get("employee_number"):
            add(
                Problem(
                    row.row,
                    "email",
                    _("The e-mail %(value)s already belongs to another person (employee number %(other)s).")
                    % {"value": email, "other": existing_by_email[email] or "–"},
                )
            )

    # Managers: by employee number, in the file or already stored.
    manager_numbers = {r.manager_number for r in plan.people if r.manager_number}
    stored_numbers = set(
        Person.objects.filter(employee_number__in=manager_numbers | set(by_number)).values_list(
            "employee_number", flat=True
        )
    )
    for row in plan.people:
        if not row.manager_number:
            continue
        if row.manager_number == row.values.get("employee_number"):
            add(Problem(row.row, "manager", _("A person cannot be their own manager.")))
        elif row.manager_number not in by_number and row.manager_number not in stored_numbers:
            add(
                Problem(
                    row.row,
                    "manager",
                    _(
                        "Unknown manager: no person has employee number %(value)s, in the file or "
                        "already stored."
                    )
                    % {"value": row.manager_number},
                )
            )
    stored_managers: dict[str, str | None] = {
        number: manager
        for number, manager in Person.objects.filter(employee_number__isnull=False).values_list(
            "employee_number", "manager__employee_number"
        )
        if number is not None  # as the filter asks, for the type checker
    }
    manager_of = {
        **stored_managers,
        **{n: r.manager_number for n, r in by_number.items() if r.manager_number},
    }
    if cycle := find_cycle(manager_of):
        add(
            Problem(
                by_number[cycle[0]].row if cycle[0] in by_number else 0,
                "manager",
                _("The managers form a loop: %(loop)s. Someone in it must report to a person outside it.")
                % {"loop": " → ".join(cycle + [cycle[0]])},
            )
        )

    _check_units(plan)
    _check_catalogue(plan, plan.positions, Position, "position", "position_name")
    _check_catalogue(plan, plan.sites, Site, "site", "site_name")


def _check_units(plan: ImportPlan) -> None:
    add = plan.problems.append
    stored = {code: parent for code, parent in Unit.objects.values_list("code", "parent__code")}
    for code, unit in plan.units.items():
        if code not in stored and not unit["name"]:
            add(
                Problem(
                    unit["row"],
                    "unit_name",
                    _("The unit %(code)s is new: give its name in “unit_name”.") % {"code": code},
                )
            )
        parent = unit["parent"]
        if parent and parent not in stored and parent not in plan.units:
            add(
                Problem(
                    unit["row"],
                    "parent_unit",
                    _("Unknown parent unit %(code)s: add a row for a person in it, or create it first.")
                    % {"code": parent},
                )
            )
    parent_of = {**stored, **{c: u["parent"] for c, u in plan.units.items() if u["parent"]}}
    if cycle := find_cycle(parent_of):
        row = plan.units.get(cycle[0], {}).get("row", 0)
        add(
            Problem(
                row,
                "parent_unit",
                _("The units form a loop: %(loop)s. A unit cannot lie inside itself.")
                % {"loop": " → ".join(cycle + [cycle[0]])},
            )
        )
    managed: dict[str, int] = {}
    for row in plan.people:
        unit_code = row.values.get("unit_code")
        if row.manages_unit and unit_code:
            if unit_code in managed:
                add(
                    Problem(
                        row.row,
                        "manages_unit",
                        _("The unit %(code)s already has its manager on row %(row)s.")
                        % {"code": unit_code, "row": managed[unit_code]},
                    )
                )
            managed[unit_code] = row.row


def _check_catalogue(plan: ImportPlan, defined: dict, model, column: str, name_column: str):
    stored = set(model.objects.filter(code__in=list(defined)).values_list("code", flat=True))
    for code, item in defined.items():
        if code in stored:
            continue
        if not item["name"]:
            plan.problems.append(
                Problem(
                    item["row"],
                    name_column,
                    _("“%(code)s” is new: give its name in “%(column)s”.")
                    % {"code": code, "column": name_column},
                )
            )
        if model is Position and not item.get("remote_suitability"):
            plan.problems.append(
                Problem(
                    item["row"],
                    "remote_suitability",
                    _("The position %(code)s is new: say whether it is onsite, partly or fully remote.")
                    % {"code": code},
                )
            )


def new_person_defaults(values: dict) -> dict:
    """Time zone and language for a new person, from the country unless the file gives them."""
    country = values.get("country", Country.SE)
    return {
        "time_zone": DEFAULT_TIME_ZONE.get(country, "Europe/Stockholm"),
        "language": DEFAULT_LANGUAGE.get(country, "en"),
    }
