"""The usual week follows the agreement in force: from the day an agreement takes effect (or an
amendment, a suspension, a reinstatement or the day after its last day), the person's usual week gets
the remote days the agreement allows, and loses those it no longer allows.

Fixed weekdays become the usual week's remote days. Flexible days keep the remote weekdays the person
chose last (their most recent usual week with remote days), as many as the agreement allows; someone
who never chose any picks them on My week. Without a right, remote days become office days and remote
day changes made under the agreement are cancelled; flexible days taken under the policy stay.
"""

import datetime
import math

from distans.agreements.rights import Right, right_on, rights_for
from distans.core.audit import audit_record
from distans.planning import rules
from distans.planning.audit_actions import PlanAudit
from distans.planning.models import DayChange, WorkPattern
from distans.planning.services import pattern_set

ONE_DAY = datetime.timedelta(days=1)


def follow(*, person, since: datetime.date, actor) -> None:
    """Make the usual week agree with the rights from `since` on, at each date where they change."""
    rights = rights_for([person.pk], since).get(person.pk, [])
    moments = {since} | {right.start for right in rights}
    moments |= {right.end + ONE_DAY for right in rights if right.end}
    for date in sorted(moment for moment in moments if moment >= since):
        right = right_on(rights, date)
        patterns = list(
            WorkPattern.objects.filter(person=person, valid_from__lte=date).order_by("valid_from")
        )
        current = patterns[-1] if patterns else None
        days = list(current.days()) if current else list(rules.DEFAULT_WEEK)
        wanted = allowed_week(days, right, _chosen_remote(patterns))
        if wanted != days:
            pattern_set(
                actor=actor,
                person=person,
                valid_from=date,
                days=wanted,
                site=current.site if current else None,
                work_start=current.work_start if current else None,
                work_end=current.work_end if current else None,
            )
        if right is None:
            later = next((other.start for other in rights if other.start > date), None)
            _cancel_agreed_changes(actor, person, date, later)


def allowed_week(days: list[str], right: Right | None, chosen: list[int]) -> list[str]:
    """The usual week `days` with its remote days as the right allows. Pure."""
    working = [day for day in range(7) if days[day] != rules.OFF]
    if right is None:
        remote = set()
    elif right.weekdays:
        remote = {day for day in right.weekdays if day in working}
    else:
        remote = set([day for day in chosen if day in working][: math.floor(right.days_per_week)])
    return [
        rules.OFF if days[day] == rules.OFF else rules.REMOTE if day in remote else rules.OFFICE
        for day in range(7)
    ]


def _chosen_remote(patterns: list[WorkPattern]) -> list[int]:
    """The remote weekdays of the person's most recent usual week that had any."""
    for pattern in reversed(patterns):
        remote = [day for day, where in enumerate(pattern.days()) if where == rules.REMOTE]
        if remote:
            return remote
    return []


def _cancel_agreed_changes(actor, person, start: datetime.date, until: datetime.date | None) -> None:
    changes = DayChange.objects.filter(
        person=person, date__gte=start, kind__in=rules.AWAY_FROM_OFFICE, flexible=False
    )
    if until is not None:
        changes = changes.filter(date__lt=until)
    dates = [date.isoformat() for date in changes.values_list("date", flat=True)]
    if dates:
        changes.delete()
        audit_record(
            actor=actor, action=PlanAudit.CANCEL_REMOTE, obj=person, changes={"dates": [dates, None]}
        )
