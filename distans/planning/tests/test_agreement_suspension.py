"""A suspended agreement no longer fixes the days: the plan falls back to the policy's flexible days.
(The `active` fixture, Åsa's agreement in force with Monday and Thursday fixed, is the root conftest's.)"""

import datetime

import pytest

from distans.agreements import services as agreement_services
from distans.core.errors import DomainError
from distans.planning import services as plan_services
from distans.planning.models import DayChange
from distans.planning.queries import person_days, week_of


def test_a_suspended_agreement_leaves_only_the_policy_s_flexible_days(cast, active):
    person, manager = cast["employee"], cast["manager"]
    tuesday = active.start_date + datetime.timedelta(days=(1 - active.start_date.weekday()) % 7 + 7)
    while any(day.kind == "holiday" for day in person_days(person, week_of(tuesday))):
        tuesday += datetime.timedelta(weeks=1)  # a week without public holidays
    with pytest.raises(DomainError, match="fixes your remote days to Monday, Thursday"):
        plan_services.day_set(actor=person, person=person, date=tuesday, kind="remote")
    agreement_services.agreement_suspend(actor=manager, agreement=active, reason="Security incident")
    plan_services.day_set(actor=person, person=person, date=tuesday, kind="remote")
    assert DayChange.objects.get(person=person, date=tuesday).flexible
