"""What the agreement in force allows: the single source of a person's remote-work rights in the plan.

An agreement grants rights while it is active (and, for dates in the past, while it was in force before
it ended or expired), from its start to its last day. Each signed version governs from its own
`effective_from` until the next signed version takes over; a draft, an unsigned amendment or a
suspended agreement grants nothing. One query answers for any number of people and any period.
"""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Q

from distans.agreements.models import Agreement, AgreementStatus, AgreementVersion, VersionStatus
from distans.agreements.terms import AgreementTerms

# Agreements whose signed versions governed the plan at some time. Suspended agreements grant nothing
# while suspended, signed-but-not-active ones nothing until they take effect.
GRANTING = (AgreementStatus.ACTIVE, AgreementStatus.ENDED, AgreementStatus.EXPIRED)
SIGNED_VERSIONS = (VersionStatus.SIGNED, VersionStatus.SUPERSEDED)


class Right(NamedTuple):
    """The remote work one signed version allows, from `start` to `end` (inclusive; None: open)."""

    start: datetime.date
    end: datetime.date | None
    days_per_week: Decimal
    weekdays: tuple[int, ...]  # fixed weekdays; empty when the days are flexible
    location: str  # home, other, abroad
    abroad_country: str
    time_zone: str
    agreement_id: int

    @property
    def flexible(self) -> bool:
        return not self.weekdays

    def covers(self, date: datetime.date) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


def _last_day(end_date, ends_on) -> datetime.date | None:
    """The agreement's last day in force: notice runs to `ends_on`, a temporary one to `end_date`."""
    last = [day for day in (end_date, ends_on) if day is not None]
    return min(last) if last else None


def rights_for(person_ids, start: datetime.date, end: datetime.date | None = None) -> dict[int, list[Right]]:
    """Each person's rights overlapping the period, oldest first: one query. `person_ids` may be a list
    or a queryset of ids."""
    rows = (
        AgreementVersion.objects.filter(
            agreement__person_id__in=person_ids,
            agreement__status__in=GRANTING,
            status__in=SIGNED_VERSIONS,
            signed_at__isnull=False,
        )
        .filter(Q(agreement__end_date__isnull=True) | Q(agreement__end_date__gte=start))
        .filter(Q(agreement__ends_on__isnull=True) | Q(agreement__ends_on__gte=start))
        .order_by("agreement__person_id", "agreement_id", "effective_from", "number")
        .values_list(
            "agreement__person_id",
            "agreement_id",
            "agreement__start_date",
            "agreement__end_date",
            "agreement__ends_on",
            "effective_from",
            "terms",
        )
    )
    if end is not None:
        rows = rows.filter(agreement__start_date__lte=end)
    found: dict[int, list[Right]] = {}
    for person_id, agreement_id, first, end_date, ends_on, effective, stored in rows:
        terms = AgreementTerms.from_dict(stored)
        last = _last_day(end_date, ends_on)
        own = found.setdefault(person_id, [])
        begins = max(first, effective)
        if own and own[-1].agreement_id == agreement_id:
            previous = own[-1]
            if begins <= previous.start:  # a later version taking effect at once replaces the earlier
                own.pop()
            else:
                own[-1] = previous._replace(end=begins - datetime.timedelta(days=1))
        own.append(
            Right(
                start=begins,
                end=last,
                days_per_week=terms.days,
                weekdays=() if terms.flexible else tuple(sorted(terms.weekdays)),
                location=terms.location or "home",
                abroad_country=terms.abroad_country,
                time_zone=terms.time_zone,
                agreement_id=agreement_id,
            )
        )
    return {
        person_id: [right for right in own if right.end is None or right.end >= right.start]
        for person_id, own in found.items()
    }


def right_on(rights: list[Right], date: datetime.date) -> Right | None:
    return next((right for right in reversed(rights) if right.covers(date)), None)


def suspended(person_ids) -> set[int]:
    """Who has an agreement suspended now. A suspension lasts until the agreement is reinstated, so it
    holds for every date from today on. One query."""
    return set(
        Agreement.objects.filter(person_id__in=person_ids, status=AgreementStatus.SUSPENDED).values_list(
            "person_id", flat=True
        )
    )


def rights_on(person_ids, date: datetime.date) -> dict[int, Right]:
    """The right in force on one date for each person who has one."""
    found = {}
    for person_id, own in rights_for(person_ids, date, date).items():
        right = right_on(own, date)
        if right is not None:
            found[person_id] = right
    return found
