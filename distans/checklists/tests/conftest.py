import datetime

import pytest
from django.utils import timezone

from distans.checklists import services
from distans.checklists.testing import builtin


@pytest.fixture
def due():
    return timezone.localdate() + datetime.timedelta(days=14)


@pytest.fixture
def suitability(cast, due):
    """Björn assesses Åsa's suitability; she may give her own view first."""
    return services.assignment_create(
        actor=cast["manager"],
        template=builtin("suitability"),
        person=cast["employee"],
        due_date=due,
        self_view=True,
    )
