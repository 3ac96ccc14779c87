"""Reading an organisation file: the columns, decoding, the rows, and each row's cells checked against
the file itself (`importing` then checks the rows against each other and the database).

Columns are documented in the README. Empty cells and absent columns leave stored values as
they are, so a re-import never loses data the file does not mention.
"""

import csv
import io
import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Field, Model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from distans.org.models import CommuteMode, Person, Position, RemoteSuitability, Site, Unit

REQUIRED_COLUMNS = ["employee_number", "email", "first_name", "last_name", "unit", "country"]
OPTIONAL_COLUMNS = [
    "unit_name",
    "parent_unit",
    "manager",
    "manages_unit",
    "position",
    "position_name",
    "remote_suitability",
    "site",
    "site_name",
    "phone",
    "time_zone",
    "language",
    "employment_start",
    "commute_km",
    "commute_mode",
]
COUNTRY_ALIASES = {
    "se": "SE",
    "sweden": "SE",
    "sverige": "SE",
    "no": "NO",
    "norway": "NO",
    "norge": "NO",
    "noreg": "NO",
    "dk": "DK",
    "denmark": "DK",
    "danmark": "DK",
    "other": "OTHER",
    "annat": "OTHER",
    "annet": "OTHER",
    "andet": "OTHER",
}
DEFAULT_TIME_ZONE = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen"}
DEFAULT_LANGUAGE = {"SE": "sv", "NO": "nb", "DK": "da"}
LANGUAGE_ALIASES = {"en": "en", "sv": "sv", "nb": "nb", "no": "nb", "nn": "nb", "da": "da"}
YES = {"yes", "ja", "y", "x", "1", "true"}
NO = {"no", "nej", "nei", "n", "0", "false"}
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]
MAX_ROWS = 200_000
# The column each cell is stored in, so a value too long for it is a row problem before anything
# is written (PostgreSQL would refuse it, SQLite would keep it).
_STORED_IN = {
    "employee_number": (Person, "employee_number"),
    "manager": (Person, "employee_number"),
    "email": (Person, "email"),
    "first_name": (Person, "first_name"),
    "last_name": (Person, "last_name"),
    "phone": (Person, "phone"),
    "time_zone": (Person, "time_zone"),
    "unit": (Unit, "code"),
    "parent_unit": (Unit, "code"),
    "unit_name": (Unit, "name"),
    "position": (Position, "code"),
    "position_name": (Position, "name"),
    "site": (Site, "code"),
    "site_name": (Site, "name"),
}


def _max_length(model: type[Model], name: str) -> int | None:
    field = model._meta.get_field(name)
    return field.max_length if isinstance(field, Field) else None


MAX_LENGTHS = {column: _max_length(model, name) for column, (model, name) in _STORED_IN.items()}


@dataclass
class Problem:
    row: int  # as numbered in a spreadsheet: the header is row 1
    column: str
    message: str


@dataclass
class PersonRow:
    row: int
    values: dict  # field name → cleaned value, only for cells that were filled in
    manager_number: str | None = None
    manages_unit: bool = False


@dataclass
class ImportPlan:
    people: list[PersonRow] = field(default_factory=list)
    units: dict[str, dict] = field(default_factory=dict)  # code → {"name", "parent", "row"}
    positions: dict[str, dict] = field(default_factory=dict)
    sites: dict[str, dict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Rows left out, and why (a person another system keeps up to date); not problems: the rest is imported.
    skipped: list[Problem] = field(default_factory=list)


class ImportRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [
                Problem(
                    0,
                    "",
                    _("The file is not UTF-8 text. In Excel, choose “Save as” and the type “CSV UTF-8”."),
                )
            ]
        ) from exc


def read_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (normalised) and the non-empty data rows with their spreadsheet row numbers."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [re.sub(r"\s+", "_", cell.strip().lower()) for cell in next(reader)]
    except StopIteration as exc:
        raise ImportRejected([Problem(0, "", _("The file is empty."))]) from exc
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise ImportRejected(
                [
                    Problem(
                        number,
                        "",
                        _(
                            "The row has more cells than the header has columns. Check for a stray "
                            "separator or quote."
                        ),
                    )
                ]
            )
        rows.append((number, {header[i]: cell.strip() for i, cell in enumerate(cells)}))
        if len(rows) > MAX_ROWS:
            raise ImportRejected(
                [
                    Problem(
                        number,
                        "",
                        _("The file has more than %(max)s rows; split it into smaller files.")
                        % {"max": MAX_ROWS},
                    )
                ]
            )
    return header, rows


def check_header(header: list[str]) -> list[Problem]:
    problems = [
        Problem(1, column, _("The required column “%(column)s” is missing.") % {"column": column})
        for column in REQUIRED_COLUMNS
        if column not in header
    ]
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    problems += [
        Problem(
            1, column, _("Unknown column “%(column)s”. The README lists the columns.") % {"column": column}
        )
        for column in header
        if column and column not in known
    ]
    seen = set()
    for column in header:
        if column in seen:
            problems.append(
                Problem(1, column, _("The column “%(column)s” appears twice.") % {"column": column})
            )
        seen.add(column)
    return problems


def parse_date(text: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class RowReader:
    """Cleans one row's cells into model values, collecting problems instead of stopping."""

    def __init__(self, number: int, cells: dict[str, str], plan: ImportPlan):
        self.number, self.cells, self.plan = number, cells, plan

    def problem(self, column: str, message: str) -> None:
        self.plan.problems.append(Problem(self.number, column, message))

    def check_storable(self) -> None:
        """NUL characters and values longer than their column cannot be stored: each is a problem,
        never a cut. NULs are then dropped, since no database query may carry one."""
        for column, value in self.cells.items():
            if "\x00" in value:
                self.problem(
                    column,
                    _(
                        "“%(column)s” contains a NUL character, which cannot be stored. Check the "
                        "program that wrote the file."
                    )
                    % {"column": column},
                )
                self.cells[column] = value = value.replace("\x00", "")
            limit = MAX_LENGTHS.get(column)
            length = len(value.lower() if column == "email" else value)  # e-mail is stored lower-case
            if limit and length > limit:
                self.problem(
                    column,
                    ngettext(
                        "“%(column)s” is %(length)s characters long; at most %(max)s fits.",
                        "“%(column)s” is %(length)s characters long; at most %(max)s fit.",
                        limit,
                    )
                    % {"column": column, "length": length, "max": limit},
                )

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def required(self, column: str) -> str:
        value = self.get(column)
        if not value:
            self.problem(column, _("“%(column)s” must be filled in.") % {"column": column})
        return value

    def choice(self, column: str, aliases: dict[str, str], allowed: str) -> str | None:
        value = self.get(column)
        if not value:
            return None
        found = aliases.get(value.casefold())
        if found is None:
            self.problem(
                column,
                _("“%(value)s” is not allowed here; use one of: %(allowed)s.")
                % {"value": value, "allowed": allowed},
            )
        return found

    def person(self) -> PersonRow:
        self.check_storable()
        values: dict = {}
        number = self.required("employee_number")
        values["employee_number"] = number
        email = self.required("email").lower()
        if email:
            try:
                validate_email(email)
                values["email"] = email
            except ValidationError:
                self.problem("email", _("“%(value)s” is not a valid e-mail address.") % {"value": email})
        for column in ("first_name", "last_name"):
            if value := self.required(column):
                values[column] = value
        self.required("country")
        if country := self.choice("country", COUNTRY_ALIASES, "SE, NO, DK, OTHER"):
            values["country"] = country
        if tz := self.get("time_zone"):
            if tz in zoneinfo.available_timezones():
                values["time_zone"] = tz
            else:
                self.problem(
                    "time_zone",
                    _("“%(value)s” is not a known time zone; use a name such as Europe/Oslo.")
                    % {"value": tz},
                )
        if lang := self.choice("language", LANGUAGE_ALIASES, "en, sv, nb, da"):
            values["language"] = lang
        if started := self.get("employment_start"):
            parsed = parse_date(started)
            if parsed is None:
                self.problem(
                    "employment_start",
                    _("“%(value)s” is not a date; write it as 2024-03-01 or 01.03.2024.")
                    % {"value": started},
                )
            else:
                values["employment_start"] = parsed
        if km := self.get("commute_km"):
            try:
                distance = Decimal(km.replace(",", ".").replace(" ", ""))
                if distance < 0 or distance >= 100000:
                    raise InvalidOperation
                values["commute_distance_km"] = distance.quantize(Decimal("0.1"))
            except InvalidOperation:
                self.problem(
                    "commute_km",
                    _("“%(value)s” is not a distance in kilometres, such as 12,5.") % {"value": km},
                )
        modes = {mode.value: mode.value for mode in CommuteMode}
        if mode := self.choice("commute_mode", modes, ", ".join(modes)):
            values["commute_mode"] = mode
        if phone := self.get("phone"):
            values["phone"] = phone
        row = PersonRow(self.number, values, manager_number=self.get("manager") or None)
        manages = self.get("manages_unit").casefold()
        if manages and manages not in YES | NO:
            self.problem("manages_unit", _("Write yes or no (or leave it empty)."))
        row.manages_unit = manages in YES
        self.unit(row)
        self.position(row, values)
        self.site(row, values)
        return row

    def define(self, registry: dict, code: str, column: str, definition: dict) -> None:
        """Record what the file says a unit, position or site is; rows must agree."""
        earlier = registry.get(code)
        if earlier is None:
            registry[code] = {**definition, "row": self.number}
            return
        for key, value in definition.items():
            if value and earlier.get(key) and earlier[key] != value:
                self.problem(
                    column,
                    _("“%(code)s” is described differently on row %(row)s (%(key)s).")
                    % {"code": code, "row": earlier["row"], "key": key},
                )
            elif value:
                earlier[key] = value

    def unit(self, row: PersonRow) -> None:
        code = self.get("unit")
        if code:
            row.values["unit_code"] = code
            self.define(
                self.plan.units,
                code,
                "unit",
                {"name": self.get("unit_name"), "parent": self.get("parent_unit")},
            )

    def position(self, row: PersonRow, values: dict) -> None:
        code = self.get("position")
        if not code:
            return
        values["position_code"] = code
        suitability = self.choice(
            "remote_suitability",
            {s.value: s.value for s in RemoteSuitability},
            "onsite, partly, fully",
        )
        self.define(
            self.plan.positions,
            code,
            "position",
            {"name": self.get("position_name"), "remote_suitability": suitability},
        )

    def site(self, row: PersonRow, values: dict) -> None:
        code = self.get("site")
        if not code:
            return
        values["site_code"] = code
        self.define(
            self.plan.sites,
            code,
            "site",
            {
                "name": self.get("site_name"),
                "country": values.get("country"),
                "time_zone": values.get("time_zone"),
            },
        )
