"""Benchmark: several offices planned together through the product, over task worker processes (issue
20, target 6).

    BENCH_DB=/tmp/plans-100000.sqlite3 .venv/bin/python bench/planner_offices.py [PEOPLE] \
        [--offices 20] [--workers 2] [--time-limit 5] [--desks 0.75]

Loads the demo organisation of PEOPLE (100,000) with its weekly plans (from BENCH_DB when saved there,
as bench/plans.py saves it; built and saved otherwise, about eight minutes), spreads its units over
OFFICES offices of about equal size with DESKS desks a person (0.75) (days booked at another office are
then at the person's own), and starts one planning of all of
them for the coming week through the service HR's page uses: a run and a task per office. Then it
starts WORKERS `manage.py db_worker` processes, which work until the queue is empty, and prints the
wall time from their start to the last office finished, how many offices were being planned at once,
and per office its people, seconds, status and gap. Every plan is then checked by the independent
checker against its office's problem read again from the database.
"""

import argparse
import atexit
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("people", nargs="?", type=int, default=100_000)
parser.add_argument("--offices", type=int, default=20)
parser.add_argument("--workers", type=int, default=2)
parser.add_argument("--time-limit", type=int, default=5)
parser.add_argument("--desks", type=float, default=0.75, help="desks per person at each office")
ARGS = parser.parse_args()

VAR_DIR = tempfile.mkdtemp()
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
os.environ.update(DEBUG="1", VAR_DIR=VAR_DIR, DJANGO_SETTINGS_MODULE="distans.settings")
os.environ.pop("DATABASE_URL", None)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, OuterRef, Subquery  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from distans.org.demo import demo_load  # noqa: E402
from distans.org.models import Person, Site  # noqa: E402
from distans.planning import planner_data, planner_runs, rules, services  # noqa: E402
from distans.planning.demo import plans_demo  # noqa: E402
from distans.planning.models import DayChange, PlannerRun  # noqa: E402
from distans.planning.planner import Solution, Weights  # noqa: E402
from distans.planning.planner.checker import violations  # noqa: E402

SAVED = os.environ.get("BENCH_DB", "")
if SAVED and os.path.exists(SAVED):
    shutil.copy(SAVED, os.path.join(VAR_DIR, "distans.sqlite3"))
call_command("migrate", verbosity=0)
if not Person.objects.exists():
    demo_load(people=ARGS.people, seed=1)
    plans_demo(seed=1)
    if SAVED:
        connection.close()
        shutil.copy(os.path.join(VAR_DIR, "distans.sqlite3"), SAVED)
DBTaskResult.objects.all().delete()  # nothing but the offices in the queue

# Whole units to the office with the fewest people so far, largest units first.
offices = [
    Site.objects.create(code=f"BENCH-{number:02}", name=f"Office {number:02}", country="SE", desk_capacity=0)
    for number in range(1, ARGS.offices + 1)
]
sizes = {office.pk: 0 for office in offices}
units = Person.objects.filter(is_active=True).values("unit_id").annotate(size=Count("id")).order_by("-size")
for unit in units:
    office = min(sizes, key=sizes.__getitem__)
    Person.objects.filter(is_active=True, unit_id=unit["unit_id"]).update(site_id=office)
    sizes[office] += unit["size"]
for office in offices:
    office.desk_capacity = math.ceil(sizes[office.pk] * ARGS.desks)
    office.save(update_fields=["desk_capacity"])
# A day booked at one of the demo's offices, which nobody is based at any more, is at the person's own.
own = Person.objects.filter(pk=OuterRef("person_id")).values("site_id")[:1]
DayChange.objects.exclude(site=None).update(site=Subquery(own))

hr = Person.objects.get(email="elin.sjoberg@nordvik.example")
monday = rules.monday_of(planner_runs.default_week())
batch = services.planner_start_offices(
    actor=hr,
    sites=offices,
    monday=monday,
    weights={},
    choose_office_day=False,
    time_limit=ARGS.time_limit,
)
connection.close()

worker = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay", "-v0"]
started = time.monotonic()
processes = [
    subprocess.Popen([*worker, "--worker-id", f"bench-{number}"], cwd=ROOT)
    for number in range(1, ARGS.workers + 1)
]
for process in processes:
    process.wait()
wall = time.monotonic() - started

tasks = list(DBTaskResult.objects.order_by("started_at"))
moments = sorted([(task.started_at, 1) for task in tasks] + [(task.finished_at, -1) for task in tasks])
at_once = most = 0
for _moment, step in moments:
    at_once += step
    most = max(most, at_once)
runs = list(batch.runs.select_related("site").order_by("site__name"))
print(
    f"{sum(sizes.values())} people at {len(offices)} offices, worker processes: {ARGS.workers}, "
    f"{ARGS.time_limit} s per office: {wall:.1f} s from the workers' start to the last office finished; "
    f"most offices planned at once: {most}; workers used: "
    f"{sorted({worker for task in tasks for worker in task.worker_ids})}"
)
faults = 0
for run in runs:
    people = planner_data.people_of(site=run.site)
    problem, _names = planner_data.problem_for(people, monday, weights=Weights(**run.options["weights"]))
    result = run.result
    solution = Solution(
        status=result["status"],
        office={int(pk): tuple(days) for pk, days in result.get("office", {}).items()},
        half_days={int(pk): tuple(days) for pk, days in result.get("half_days", {}).items()},
        chosen_office_days={int(unit): day for unit, day in result.get("chosen_office_days", {}).items()},
    )
    found = violations(problem, solution) if solution.office else ["no plan"]
    busiest = max(sum(day in person.current_office for person in problem.people) for day in range(5))
    faults += bool(found)
    print(
        f"  {run.site.name}: {len(problem.people)} people, {run.site.desk_capacity} desks "
        f"({busiest} at the office on today's busiest day), "
        f"{result.get('seconds')} s, {result['status']}, gap {result.get('gap')} %, "
        f"checker: {'ok' if not found else found[:3]}"
    )
print(f"{len(runs) - faults} of {len(runs)} plans pass the checker")
assert all(run.status == PlannerRun.Status.DONE for run in runs)
