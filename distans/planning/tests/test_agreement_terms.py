"""A new agreement says what the person's unit decides in planning: planning answers agreements'
`draft_terms` hook with the unit's reachable hours, meeting times and office days."""

import datetime

import pytest

from distans.agreements.hooks import draft_terms
from distans.agreements.queries import contributed_terms
from distans.agreements.testing import agreement_of, approved
from distans.planning.models import UnitPlanSettings


def test_the_draft_quotes_the_units_hours_meetings_and_office_days(cast):
    UnitPlanSettings.objects.create(
        unit=cast["employee"].unit,
        office_weekdays=[1, 3],
        reachable_from=datetime.time(9),
        reachable_to=datetime.time(15),
        meeting_note="Team meeting on Tuesdays at 10",
    )
    approved(cast["employee"], cast["manager"])
    terms = agreement_of(cast["employee"]).versions.get().agreement_terms
    assert terms.office_weekdays == (1, 3)
    assert terms.reachable_hours == "09:00–15:00"
    assert terms.meeting_times == "Team meeting on Tuesdays at 10"


def test_a_contribution_that_is_not_a_term_is_refused_rather_than_dropped(cast):
    draft_terms.subscribe("test.typo", lambda *, person: {"ofice_weekdays": [1]})
    try:
        with pytest.raises(ValueError, match="ofice_weekdays"):
            contributed_terms(cast["employee"])
    finally:
        draft_terms.unsubscribe("test.typo")
