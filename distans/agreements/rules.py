"""The agreement's life and content rules, pure: which transitions are allowed, which terms must be
filled in before the text can be generated, when a template section applies, and the evaluation
dates. No I/O; the services apply these under a row lock."""

import datetime
import re
from decimal import Decimal
from typing import Any

from distans.agreements.terms import AgreementTerms

DRAFT = "draft"
AWAITING = "awaiting_signatures"
SIGNED = "signed"
ACTIVE = "active"
SUSPENDED = "suspended"
ENDED = "ended"
EXPIRED = "expired"
FINAL = (ENDED, EXPIRED)

SEND = "send"
SIGN_COMPLETE = "sign_complete"
ACTIVATE = "activate"
SUSPEND = "suspend"
REINSTATE = "reinstate"
END = "end"
EXPIRE = "expire"
AMEND = "amend"

_TRANSITIONS = {
    (DRAFT, SEND): AWAITING,
    (AWAITING, SIGN_COMPLETE): SIGNED,
    (SIGNED, ACTIVATE): ACTIVE,
    (ACTIVE, SUSPEND): SUSPENDED,
    (SUSPENDED, REINSTATE): ACTIVE,
    # A draft is not in force, so it cannot be ended; a sent, unsigned one is withdrawn by ending it.
    (AWAITING, END): ENDED,
    (SIGNED, END): ENDED,
    (ACTIVE, END): ENDED,
    (SUSPENDED, END): ENDED,
    (ACTIVE, EXPIRE): EXPIRED,
    (SUSPENDED, EXPIRE): EXPIRED,
    (SIGNED, EXPIRE): EXPIRED,
}
# An amendment is a new version of a signed agreement; the agreement keeps its status meanwhile.
AMENDABLE = (SIGNED, ACTIVE, SUSPENDED)


def after(status: str, action: str) -> str:
    """The status after `action`, or ValueError when the action is not allowed from `status`."""
    if action == AMEND:
        if status in AMENDABLE:
            return status
        raise ValueError(f"{action} not allowed from {status}")
    try:
        return _TRANSITIONS[(status, action)]
    except KeyError:
        raise ValueError(f"{action} not allowed from {status}") from None


def allowed(status: str, action: str) -> bool:
    try:
        after(status, action)
    except ValueError:
        return False
    return True


# Terms that every agreement must state; generation stops and names the first ones missing.
REQUIRED_TERMS = (
    "employer",
    "employee",
    "start_date",
    "days_per_week",
    "working_hours",
    "notice_weeks",
    "equipment",
)
# Norway, hjemmekontorforskriften § 2: the eight items, each a section the template must have.
NO_REQUIRED_SECTIONS = (
    "extent",
    "working_hours",
    "availability",
    "duration",
    "change_and_end",
    "trial",
    "equipment",
    "documents",
)
# Conditions a template section can carry in "when".
CONDITIONS = ("trial", "temporary", "abroad", "evening_work", "screen_work", "meetings", "office_days")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def missing_terms(terms: AgreementTerms) -> list[str]:
    return [key for key in REQUIRED_TERMS if getattr(terms, key) in (None, "")]


def conditions(terms: AgreementTerms, dk_screen_days: Decimal) -> set[str]:
    """The conditions that hold for these terms (see CONDITIONS)."""
    held = {
        "trial": terms.trial,
        "temporary": terms.end_date is not None,
        "abroad": terms.location == "abroad",
        "evening_work": terms.evening_work,
        "screen_work": terms.days > dk_screen_days,
        "meetings": bool(terms.meeting_times),
        "office_days": bool(terms.office_weekdays),
    }
    return {name for name, holds in held.items() if holds}


def template_problems(country: str, sections: list[dict[str, Any]], known: set[str]) -> list[tuple[str, str]]:
    """What stops a template from being published: (code, detail) pairs."""
    problems = []
    keys = {section.get("key") for section in sections}
    if country == "NO":
        problems += [("no_section", key) for key in NO_REQUIRED_SECTIONS if key not in keys]
    for section in sections:
        if section.get("when") and section["when"] not in CONDITIONS:
            problems.append(("unknown_condition", section["when"]))
        if not section.get("title", "").strip() or not section.get("body", "").strip():
            problems.append(("empty_section", section.get("key", "")))
        for name in PLACEHOLDER.findall(section.get("title", "") + section.get("body", "")):
            if name not in known:
                problems.append(("unknown_placeholder", name))
    return problems


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def evaluation_dates(
    start: datetime.date, trial_weeks: int | None, every_months: int, count: int = 2
) -> list[datetime.date]:
    """The end of the trial (if any), then every N months from it (or from the start)."""
    dates = []
    base = start
    if trial_weeks:
        base = start + datetime.timedelta(weeks=trial_weeks)
        dates.append(base)
    while len(dates) < count and every_months:
        base = add_months(base, every_months)
        dates.append(base)
    return dates


def notice_end(today: datetime.date, notice_weeks: int) -> datetime.date:
    """The earliest last day of an agreement ended with notice today."""
    return today + datetime.timedelta(weeks=notice_weeks)
