"""The value types of the plans API, built from the models' choices and the rules' limits, so that the
schema shows every enum and range and refuses junk before a service sees it (the services check the
same definitions again)."""

import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from ninja import Field

from distans.planning import rules
from distans.planning.models import USUAL, AwayReason, DayKind, Where

# "HH:MM": JSON Schema's "time" format needs an offset, so a clock time is a string with a pattern.
Clock = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["08:00"])]

if TYPE_CHECKING:  # the values come from the models when the module runs: to a type checker, strings
    DayChoice = str
    AwayReasonChoice = str
    CountryChoice = str
    WhereChoice = str
    DayKindOut = str
else:
    # Literal[tuple] spells out each value in the schema (typing reads a tuple as the list of values).
    DayChoice = Literal[(*DayKind.values, USUAL)]
    AwayReasonChoice = Literal[("", *AwayReason.values)]
    CountryChoice = Literal[("", *rules.COUNTRIES)]
    WhereChoice = Literal[tuple(Where.values)]
    DayKindOut = Literal[(*DayKind.values, rules.OFF, rules.HOLIDAY)]
SourceOut = Literal["change", "holiday", "pattern", "default"]


def clock(value: datetime.time) -> str:
    return value.strftime("%H:%M")
