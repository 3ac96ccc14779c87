"""Checking answers and computing a checklist's result. Pure functions: no database, no request.

Answers are stored as JSON: yes/no as "yes" or "no", a scale as 1–5, a single choice as the
option's value, a multiple choice as a list of values, a number as a number, a date as
"YYYY-MM-DD", a short text as a string.

Scoring counts yes/no and scale items with a weight: a yes/no item scores fully unless its answer
is one of the item's trigger answers (without triggers, "yes" scores and "no" does not); a scale
scores (answer − 1) / 4, so 5 is best. The score is the weighted share of the answered scored
items, 0–100. A trigger answer either blocks (the result fails) or asks for an action.
"""

import datetime
import zoneinfo
from collections.abc import Collection
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from distans.core.dates import DATE_MAX, DATE_MIN

YES, NO = "yes", "no"
SCALE = range(1, 6)
TEXT_MAX = 500
SCORED_KINDS = {"yes_no", "scale"}
TRIGGER_KINDS = {"yes_no", "scale", "single", "multiple"}
# The answer type of each fact a question may be filled in from (`Item.known`).
KNOWN_KINDS = {"months_employed": "number"}

PASS, PASS_WITH_ACTIONS, FAIL = "pass", "pass_with_actions", "fail"
PASSING = (PASS, PASS_WITH_ACTIONS)
BLOCK, ACTION = "block", "action"


@dataclass(frozen=True)
class ItemSpec:
    id: int
    kind: str
    required: bool = True
    weight: int = 1
    trigger_answers: tuple[str, ...] = ()
    effect: str = ""
    option_values: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    score: Decimal | None
    blocking: tuple[int, ...]
    actions: tuple[int, ...]
    outcome: str
    missing: tuple[int, ...]


def applies_to(countries: Collection[str], country: str) -> bool:
    """An empty list of countries means every country."""
    return not countries or country in countries


def answer_problem(item: ItemSpec, value: Any) -> str | None:
    """Why a stored answer is not valid for the item, as a stable code; None when it is fine."""
    if is_blank(value):
        return None
    kind = item.kind
    if kind == "yes_no":
        return None if value in (YES, NO) else "not_yes_no"
    if kind == "scale":
        return None if type(value) is int and value in SCALE else "not_on_scale"
    if kind == "single":
        return None if value in item.option_values else "unknown_option"
    if kind == "multiple":
        ok = isinstance(value, list) and all(choice in item.option_values for choice in value)
        return None if ok and len(set(value)) == len(value) else "unknown_option"
    if kind == "number":
        return None if isinstance(value, int | float) and not isinstance(value, bool) else "not_a_number"
    if kind == "date":
        try:
            date = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return "not_a_date"
        return None if DATE_MIN <= date <= DATE_MAX else "date_out_of_range"
    if kind == "text":
        return None if isinstance(value, str) and len(value) <= TEXT_MAX else "text_too_long"
    return "unknown_kind"


def whole_months(start: datetime.date, today: datetime.date) -> int:
    """Whole months from `start` to `today`: 4 January to 3 March is one month, to 4 March two."""
    months = (today.year - start.year) * 12 + today.month - start.month - (today.day < start.day)
    return max(months, 0)


def is_blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def triggered(item: ItemSpec, value: Any) -> bool:
    if item.kind not in TRIGGER_KINDS or is_blank(value) or not item.trigger_answers:
        return False
    chosen = value if isinstance(value, list) else [value]
    return any(str(choice) in item.trigger_answers for choice in chosen)


def item_fraction(item: ItemSpec, value: Any) -> Decimal | None:
    """The share of the item's weight an answer earns; None for unscored or blank answers."""
    if item.kind not in SCORED_KINDS or is_blank(value):
        return None
    if item.kind == "scale":
        return Decimal(value - 1) / 4
    if item.trigger_answers:
        return Decimal(0) if triggered(item, value) else Decimal(1)
    return Decimal(1) if value == YES else Decimal(0)


def evaluate(
    items: list[ItemSpec], answers: dict[str, Any], *, country: str = "", pass_score: int | None = None
) -> Result:
    """The result of a set of answers. `answers` maps item ids (as strings) to stored answers."""
    earned = possible = Decimal(0)
    blocking: list[int] = []
    actions: list[int] = []
    missing: list[int] = []
    for item in items:
        if not applies_to(item.countries, country):
            continue
        value = answers.get(str(item.id))
        if is_blank(value):
            if item.required:
                missing.append(item.id)
            continue
        fraction = item_fraction(item, value)
        if fraction is not None and item.weight:
            earned += fraction * item.weight
            possible += item.weight
        if triggered(item, value):
            (blocking if item.effect == BLOCK else actions if item.effect == ACTION else []).append(item.id)
    score = (earned * 100 / possible).quantize(Decimal("0.1"), ROUND_HALF_UP) if possible else None
    below_pass = pass_score is not None and score is not None and score < pass_score
    if blocking or below_pass:
        outcome = FAIL
    elif actions:
        outcome = PASS_WITH_ACTIONS
    else:
        outcome = PASS
    return Result(
        score=score, blocking=tuple(blocking), actions=tuple(actions), outcome=outcome, missing=tuple(missing)
    )


def parse_trigger_answers(kind: str, raw: str, option_count: int) -> tuple[list[str], str | None]:
    """HR types trigger answers as text: "no", "1, 2", or option numbers "2, 3".

    Returns the stored values and an error code (None when fine).
    """
    parts = [part.strip().lower() for part in raw.replace(";", ",").split(",") if part.strip()]
    if not parts:
        return [], None
    if kind not in TRIGGER_KINDS:
        return [], "no_triggers_for_kind"
    if kind == "yes_no":
        words = {"yes": YES, "ja": YES, "no": NO, "nej": NO, "nei": NO}
        values = [words.get(part) for part in parts]
        return ([v for v in values if v], None) if all(values) else ([], "bad_yes_no_trigger")
    if not all(part.isdigit() for part in parts):
        return [], "bad_number_trigger"
    numbers = [int(part) for part in parts]
    if kind == "scale":
        return (
            ([str(n) for n in numbers], None)
            if all(n in SCALE for n in numbers)
            else ([], "bad_scale_trigger")
        )
    if all(1 <= n <= option_count for n in numbers):
        return [f"o{n}" for n in numbers], None
    return [], "bad_option_trigger"


def trigger_answers_display(kind: str, values: list[str]) -> str:
    """The inverse of `parse_trigger_answers`, for the editor's form."""
    if kind in ("single", "multiple"):
        return ", ".join(value.removeprefix("o") for value in values)
    return ", ".join(values)


def reminder_moments(
    due_date: datetime.date, *, days_before: int, time_zone: str, hour: int
) -> list[datetime.datetime]:
    """When to remind: `days_before` days ahead and the day after the due date, at `hour` o'clock in
    the recipient's time zone and never on a weekend (the early one moves back to Friday, the late
    one on to Monday), so nobody is asked for answers outside ordinary hours."""
    zone = zoneinfo.ZoneInfo(time_zone)
    before = due_date - datetime.timedelta(days=days_before)
    while before.weekday() >= 5:
        before -= datetime.timedelta(days=1)
    after = due_date + datetime.timedelta(days=1)
    while after.weekday() >= 5:
        after += datetime.timedelta(days=1)
    return [datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone) for day in (before, after)]


@dataclass(frozen=True)
class Aggregate:
    """A pulse item's average over a group; shown only when enough people answered."""

    respondents: int
    average: Decimal | None
    shown: bool


def aggregate(values: list[int], *, respondents: int, min_group: int) -> Aggregate:
    if respondents < min_group or not values:
        return Aggregate(respondents=respondents, average=None, shown=False)
    average = (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return Aggregate(respondents=respondents, average=average, shown=True)
