"""Background work for plans: planner runs, and telling people their week was changed."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from distans.core.mail import send_to_person, site_link
from distans.org.models import Person
from distans.planning import rules


@task()
def planner_run(run_id: int) -> str:
    # Imported here: OR-Tools (and pandas under it) take seconds to load; only the worker needs them.
    from distans.planning import planner_solving

    return planner_solving.planner_run_execute(run_id=run_id)


@task()
def plan_changed_notify(person_id: int, week_start: str) -> int:
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    monday = datetime.date.fromisoformat(week_start)
    week = rules.iso_week(monday)
    send_to_person(
        person,
        subject=lambda: _("Your plan for week %(week)s has changed") % {"week": week},
        template="planning/email/changed.txt",
        context={"week": week, "url": site_link(f"{reverse('planning:my_week')}?week={week}")},
    )
    return 1
