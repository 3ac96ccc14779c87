"""Judging a remote-work request against the policy. Pure functions: no database, no request.

`evaluate` returns the route (who decides, in order) and findings (a stable code, a severity and
the numbers the message needs). `distans.policy.findings` turns a finding into words in the user's
language, citing the policy version.
"""

import datetime
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

INFO, WARNING, BLOCKING = "info", "warning", "blocking"
MANAGER, HR_APPROVER = "manager", "hr_approver"
HOME, OTHER_PRIVATE, ABROAD = "home", "other_private", "abroad"
WORKING_WEEKS_A_YEAR = 46
WORKDAYS = 5


@dataclass(frozen=True)
class PolicyParams:
    version: int
    manager_max_days: Decimal = Decimal("2")
    max_days: Decimal = Decimal("5")
    trial_days: Decimal = Decimal("2")
    trial_weeks: int = 12
    attachment_warning_days: Decimal = Decimal("2.5")
    require_suitability: bool = True
    min_tenure_months: int = 6
    onsite_exception_by_hr: bool = False
    abroad_social_security_pct: int = 25
    abroad_framework_pct: int = 50
    abroad_tax_days: int = 183
    no_sporadic_days: Decimal = Decimal("1")
    dk_screen_days: Decimal = Decimal("2")


@dataclass(frozen=True)
class RequestSpec:
    days: Decimal
    start: datetime.date
    end: datetime.date | None = None
    flexible: bool = True
    weekdays: tuple[int, ...] = ()
    location: str = HOME
    abroad_country: str = ""
    trial: bool = False


@dataclass(frozen=True)
class PersonSpec:
    country: str
    suitability: str = ""  # the position's: onsite, partly, fully; "" when unknown
    employment_start: datetime.date | None = None


@dataclass(frozen=True)
class Shortfall:
    """A unit's coverage on a weekday if the request were granted (from the planning app)."""

    weekday: int
    needed: int
    available: int


@dataclass(frozen=True)
class Context:
    assessment: str | None = None  # the latest suitability outcome: pass, pass_with_actions, fail
    shortfalls: tuple[Shortfall, ...] = ()


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Evaluation:
    route: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def blocked(self) -> bool:
        return any(finding.severity == BLOCKING for finding in self.findings)

    def codes(self) -> list[str]:
        return [finding.code for finding in self.findings]


def is_half_step(days: Decimal) -> bool:
    return (days * 2) == (days * 2).to_integral_value()


def months_between(start: datetime.date, end: datetime.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def days_abroad_a_year(request: RequestSpec) -> int:
    """Working days abroad in the next 12 months, from the days a week and the request's length."""
    weeks: float = WORKING_WEEKS_A_YEAR
    if request.end is not None:
        weeks = min(weeks, max(0, (request.end - request.start).days + 1) / 7 * WORKING_WEEKS_A_YEAR / 52)
    return math.floor(request.days * Decimal(str(weeks)))


def evaluate(
    request: RequestSpec, person: PersonSpec, policy: PolicyParams, context: Context = Context()
) -> Evaluation:
    findings: list[Finding] = []
    to_hr = False

    def add(code: str, severity: str, **params: Any) -> None:
        findings.append(Finding(code, severity, params))

    days = request.days
    if days <= 0 or days > WORKDAYS or not is_half_step(days):
        add("days_invalid", BLOCKING)
    if request.end is not None and request.end < request.start:
        add("end_before_start", BLOCKING)
    if not request.flexible and len(set(request.weekdays)) != math.ceil(days):
        add("weekdays_mismatch", BLOCKING, days=days, chosen=len(set(request.weekdays)))

    if person.suitability == "":
        add("position_unknown", WARNING)
    elif person.suitability == "onsite":
        if policy.onsite_exception_by_hr:
            add("position_onsite_exception", WARNING)
            to_hr = True
        else:
            add("position_onsite", BLOCKING)

    if person.employment_start is not None and policy.min_tenure_months:
        months = months_between(person.employment_start, request.start)
        if months < policy.min_tenure_months:
            add("tenure_below_minimum", WARNING, months=max(months, 0), minimum=policy.min_tenure_months)

    if policy.require_suitability:
        if context.assessment is None:
            add("suitability_pending", INFO)
        elif context.assessment == "fail":
            add("suitability_failed", BLOCKING)
        elif context.assessment == "pass_with_actions":
            add("suitability_with_actions", INFO)

    if days > policy.max_days:
        add("above_maximum", BLOCKING, days=days, maximum=policy.max_days)
    elif days > policy.manager_max_days:
        add("above_manager_limit", INFO, days=days, limit=policy.manager_max_days)
        to_hr = True
    if days > policy.attachment_warning_days:
        add("attachment_warning", WARNING, days=days, limit=policy.attachment_warning_days)
    if not request.trial and days > 0:
        add("trial_suggested", INFO, days=min(days, policy.trial_days), weeks=policy.trial_weeks)

    if person.country == "NO" and request.location == HOME:
        if days < policy.no_sporadic_days and days < WORKDAYS:
            add("no_sporadic", INFO, limit=policy.no_sporadic_days)
        else:
            add("no_regulation", INFO)
    if person.country == "DK" and days > policy.dk_screen_days:
        add("dk_screen_work", INFO, limit=policy.dk_screen_days)

    if request.location == ABROAD:
        to_hr = True
        add("abroad_review", WARNING, country=request.abroad_country)
        share = days * 100 / WORKDAYS
        if share >= policy.abroad_social_security_pct:
            add(
                "abroad_social_security",
                WARNING,
                share=share.quantize(Decimal("1")),
                limit=policy.abroad_social_security_pct,
            )
        if person.country == "DK":
            # Denmark has not signed the framework agreement: 25 % stays the hard limit.
            if share >= policy.abroad_social_security_pct:
                add("abroad_dk_no_framework", WARNING)
        elif share >= policy.abroad_framework_pct:
            add(
                "abroad_framework",
                WARNING,
                share=share.quantize(Decimal("1")),
                limit=policy.abroad_framework_pct,
            )
        yearly = days_abroad_a_year(request)
        if yearly >= policy.abroad_tax_days:
            add("abroad_tax_days", WARNING, days=yearly, limit=policy.abroad_tax_days)

    for shortfall in context.shortfalls:
        add(
            "coverage_shortfall",
            WARNING,
            weekday=shortfall.weekday,
            needed=shortfall.needed,
            available=shortfall.available,
            flexible=request.flexible,
        )

    route = (MANAGER, HR_APPROVER) if to_hr else (MANAGER,)
    return Evaluation(route=route, findings=tuple(findings))


def coverage_shortfalls(
    request: RequestSpec, own_week: tuple[str, ...], at_office: list[int], needed: list[int]
) -> tuple[Shortfall, ...]:
    """The weekdays on which granting the request would leave the unit below its coverage minimum, from
    the unit's usual week: `own_week` is where the person usually is on each weekday ("office",
    "remote" or "off"), `at_office` how many others are at the office, `needed` the minimum.

    With fixed weekdays, each of them where the others alone are too few. With flexible days, the person
    can keep to the days the unit does not need them, so the short days count only when the days asked
    for cannot all avoid them."""
    working = [day for day in range(WORKDAYS) if day < len(own_week) and own_week[day] != "off"]
    short = {
        day: Shortfall(day, needed[day], at_office[day])
        for day in working
        if needed[day] and at_office[day] < needed[day]
    }
    if not request.flexible:
        return tuple(short[day] for day in sorted(set(request.weekdays)) if day in short)
    if short and math.ceil(request.days) > len(working) - len(short):
        return tuple(short[day] for day in sorted(short))
    return ()
