"""Types the API's routers share: ids and the paging of lists within what the database can count, and
enums from the models' choices."""

import datetime
from typing import Annotated

from django.conf import settings
from django.db import models
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import WithJsonSchema

from distans.core.dates import DATE_MAX, DATE_MIN

# JSON Schema has no range for a date: the pattern says the window's years to clients and fuzzers.
ApiDate = Annotated[
    datetime.date,
    Field(
        ge=DATE_MIN,
        le=DATE_MAX,
        description=f"YYYY-MM-DD, from {DATE_MIN} to {DATE_MAX}",
        json_schema_extra={"pattern": r"^(20\d\d|2100)-"},
    ),
]

# An id filter beyond 64 bits is invalid input (422), not a failure in the database.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class BoundedLimitOffset(LimitOffsetPagination):
    """Limit and offset both bounded: an offset beyond what the database can count is invalid input (422),
    not a failure in the database."""

    class Input(Schema):
        limit: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=settings.NINJA_PAGINATION_MAX_OFFSET)


def enum_schema(enum: type[models.TextChoices]) -> WithJsonSchema:
    """The model's choices as the API's enum, written out where it is used, as in
    `Kind = Annotated[models.Kind, enum_schema(models.Kind)]` (a type checkers read): the schema keeps
    one component per class name, and several models call theirs `Status` or `Outcome`."""
    return WithJsonSchema({"type": "string", "enum": list(enum.values)})
