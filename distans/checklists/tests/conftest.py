import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from distans.checklists import services
from distans.checklists.models import ChecklistTemplate


def run_due_tasks():
    """Run every background task whose time has come, with `manage.py db_worker`.

    Between tasks the worker closes database connections it thinks are stale; inside a test's
    transaction that would close the test's own connection on PostgreSQL, so that step is skipped.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def builtin(key: str) -> ChecklistTemplate:
    return ChecklistTemplate.objects.get(key=key)


def answers_for(assignment, **by_position):
    """Answers keyed by item id from answers keyed by question number: q1="yes", q3=4."""
    items = {item.position: item for item in assignment.version.items.all()}
    return {str(items[int(key[1:])].pk): value for key, value in by_position.items()}


@pytest.fixture
def due():
    return timezone.localdate() + datetime.timedelta(days=14)


@pytest.fixture
def suitability(cast, due):
    """Björn assesses Åsa's suitability; she may give her own view first."""
    return services.assignment_create(actor=cast["manager"], template=builtin("suitability"),
                                      person=cast["employee"], due_date=due, self_view=True)


GOOD_SUITABILITY = {"q1": "yes", "q2": "yes", "q3": 4, "q4": 30, "q5": "yes", "q6": 4, "q7": 4, "q8": 5,
                    "q9": 4, "q10": 4, "q11": "yes", "q12": "o1"}
