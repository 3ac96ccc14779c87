"""Helpers for tests that need a request for remote work, made the way people make one. Arrangements'
own tests and those of the apps above it import them."""

import datetime
from decimal import Decimal

from django.utils import timezone

from distans.arrangements import services
from distans.checklists import services as checklist_services
from distans.checklists.testing import GOOD_SUITABILITY, answers_for, builtin


def start():
    return timezone.localdate() + datetime.timedelta(days=30)


def assessed(person, assessor, **answers):
    """A submitted suitability assessment of `person` by `assessor`."""
    assignment = checklist_services.assignment_create(
        actor=assessor,
        template=builtin("suitability"),
        person=person,
        assessor=assessor,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    return checklist_services.response_submit(
        actor=assessor,
        assignment=assignment,
        role="manager",
        answers=answers_for(assignment, **{**GOOD_SUITABILITY, **answers}),
    )


def draft(person, actor=None, days="2", **values):
    return services.request_create(
        actor=actor or person, person=person, days_per_week=Decimal(days), start_date=start(), **values
    )
