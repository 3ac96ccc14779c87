"""An agreement version's terms, typed.

`AgreementVersion.terms` is a JSON column; `AgreementTerms` is what code reads and writes instead of its
keys. `from_dict` reads the stored form and refuses, in words, a value no term can have; `to_dict` writes
the form that has always been stored (dates as ISO strings, "" when there is none; the days a week as a
decimal string; weekdays as lists of numbers, Monday 0), so rows written before load and read the same.
A key that is missing takes the default below, which is what readers assumed when it was missing.
"""

import dataclasses
import datetime
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from distans.core.errors import DomainError

# A term Distans may word itself: typed text as a string, or Distans's own words as {"phrase": code} or
# lent equipment as {"items": [{"name", "serial"}]}; `agreements.text.words` says them in a language.
Words = str | dict[str, Any]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value)


def _date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(_text(value))


def _iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def _days(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise TypeError
    days = Decimal(str(value))
    if not days.is_finite() or not 0 <= days <= 7:
        raise ValueError
    return days


def _days_out(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError
    return int(value)


def _number_or_none(value: Any) -> int | None:
    return None if value in (None, "") else _number(value)


def _weekdays(value: Any) -> tuple[int, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or not all(
        isinstance(day, int) and not isinstance(day, bool) and 0 <= day <= 6 for day in value
    ):
        raise ValueError
    return tuple(value)


def _words(value: Any) -> Words:
    if value is None:
        return ""
    if isinstance(value, dict):
        if isinstance(value.get("phrase"), str) or isinstance(value.get("items"), list):
            return value
        raise ValueError
    return _text(value)


def _term(default: Any, read: Callable[[Any], Any], write: Callable[[Any], Any] = lambda value: value) -> Any:
    return dataclasses.field(default=default, metadata={"read": read, "write": write})


@dataclasses.dataclass(frozen=True)
class AgreementTerms:
    # Who: copied from the person and the organisation when the draft is made.
    employer: str = _term("", _text)
    employee: str = _term("", _text)
    employee_number: str | None = _term("", _text_or_none)
    position: str = _term("", _text)
    unit: str = _term("", _text)
    manager: str = _term("", _text)
    employment_start: datetime.date | None = _term(None, _date, _iso)
    initiator: str = _term("employer", _text)  # "employee" or "employer"
    # When and where.
    start_date: datetime.date | None = _term(None, _date, _iso)
    end_date: datetime.date | None = _term(None, _date, _iso)  # None: until further notice
    location: str = _term("home", _text)  # arrangements.Location: home, other_private, abroad
    abroad_country: str = _term("", _text)
    time_zone: str = _term("", _text)
    place: str = _term("", _text)
    # How much.
    days_per_week: Decimal | None = _term(None, _days, _days_out)
    flexible: bool = _term(True, _flag)
    weekdays: tuple[int, ...] = _term((), _weekdays, list)  # fixed days; empty when flexible
    averaging_weeks: int = _term(4, _number)
    working_hours: Words = _term("", _words)
    reachable_hours: str = _term("", _text)
    meeting_times: str = _term("", _text)
    office_weekdays: tuple[int, ...] = _term((), _weekdays, list)
    # Trial, follow-up, notice, equipment.
    trial: bool = _term(False, _flag)
    trial_weeks: int = _term(0, _number)
    evaluation_months: int = _term(0, _number)
    notice_weeks: int | None = _term(None, _number_or_none)
    equipment: Words = _term("", _words)
    evening_work: bool = _term(False, _flag)  # Norway: evening work 21–23 at the employee's initiative
    workplace_check: datetime.date | None = _term(None, _date, _iso)
    policy_version: int | None = _term(None, _number_or_none, lambda value: "" if value is None else value)

    @property
    def days(self) -> Decimal:
        """The days a week, 0 while none are set."""
        return self.days_per_week or Decimal(0)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AgreementTerms":
        """The terms from their stored (or submitted) form; DomainError naming the first term that is
        not valid. Keys that are no term are left out."""
        if not isinstance(data, dict):
            raise DomainError("invalid_terms", _("The agreement's terms are not valid."))
        values = {}
        for field in dataclasses.fields(cls):
            if field.name not in data:
                continue
            try:
                values[field.name] = field.metadata["read"](data[field.name])
            except (TypeError, ValueError, InvalidOperation):
                raise DomainError(
                    "invalid_terms",
                    _("The agreement term “%(term)s” cannot be “%(value)s”.")
                    % {"term": field.name, "value": str(data[field.name])[:60]},
                    field=field.name,
                ) from None
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """The form stored in `AgreementVersion.terms`."""
        return {
            field.name: field.metadata["write"](getattr(self, field.name))
            for field in dataclasses.fields(self)
        }

    def replace(self, **changes: Any) -> "AgreementTerms":
        return dataclasses.replace(self, **changes)
