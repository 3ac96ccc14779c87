"""The value types of the plans API, built from the models' choices and the rules' limits, so that the
schema shows every enum and range and refuses junk before a service sees it (the services check the
same definitions again)."""

import datetime
from typing import Annotated, Literal

from ninja import Field

from distans.planning import rules
from distans.planning.models import USUAL, AwayReason, DayKind, Where

# "HH:MM": JSON Schema's "time" format needs an offset, so a clock time is a string with a pattern.
Clock = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["08:00"])]

# Literal[tuple] spells out each value in the schema (typing reads a tuple as the list of values).
DayChoice = Literal[(*DayKind.values, USUAL)]  # type: ignore[valid-type]
AwayReasonChoice = Literal[("", *AwayReason.values)]  # type: ignore[valid-type]
CountryChoice = Literal[("", *rules.COUNTRIES)]  # type: ignore[valid-type]
WhereChoice = Literal[tuple(Where.values)]  # type: ignore[valid-type]
DayKindOut = Literal[(*DayKind.values, rules.OFF, rules.HOLIDAY)]  # type: ignore[valid-type]
SourceOut = Literal["change", "holiday", "pattern", "default"]


def clock(value: datetime.time) -> str:
    return value.strftime("%H:%M")
