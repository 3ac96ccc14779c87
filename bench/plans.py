"""Benchmark: computing weekly plans over the demo organisation of N people.

    .venv/bin/python bench/plans.py [N]
    BENCH_DB=/tmp/plans-100000.sqlite3 .venv/bin/python bench/plans.py 100000 [WORD ...]

With BENCH_DB the organisation and plans built once (about eight minutes at 100,000 people) are saved
there and read back by the next run, which then only times. WORDs: time only the operations whose
label holds one of them ("occupancy", "counts").

Loads the demo organisation and its weekly plans into a temporary SQLite database, gathers 200
people into one unit and 5,000 into one site, then times:
- the team week page for the unit of 200 (through the Django test client: middleware, queries,
  template) and its query count;
- a year of days for that unit, and for the site of 5,000;
- the site's four-week occupancy;
- counts per unit for the whole organisation for a week.
Prints the median of repeated runs in milliseconds, wall and CPU (the process's own time, which SQLite
runs in; a busy machine inflates it far less), and the queries each ran.
"""

import atexit
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time

PEOPLE = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ONLY = sys.argv[2:]
VAR_DIR = tempfile.mkdtemp()
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
os.environ.update(
    DEBUG="1",
    VAR_DIR=VAR_DIR,
    DJANGO_SETTINGS_MODULE="distans.settings",
    ALLOWED_HOSTS="testserver",
)
os.environ.pop("DATABASE_URL", None)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from distans.org.demo import demo_load  # noqa: E402
from distans.org.models import Person, Site, Unit  # noqa: E402
from distans.planning import queries  # noqa: E402
from distans.planning.demo import plans_demo  # noqa: E402

SAVED = os.environ.get("BENCH_DB", "")
if SAVED and os.path.exists(SAVED):
    shutil.copy(SAVED, os.path.join(VAR_DIR, "distans.sqlite3"))
call_command("migrate", verbosity=0)
started = time.perf_counter()
if not Person.objects.exists():
    demo_load(people=PEOPLE, seed=1)
    plans_demo(seed=1)
    if SAVED:
        connection.close()
        shutil.copy(os.path.join(VAR_DIR, "distans.sqlite3"), SAVED)
print(f"demo organisation and plans for {PEOPLE} people loaded in {time.perf_counter() - started:.1f} s")

manager = Person.objects.get(email="bjorn.ekstrom@nordvik.example")
unit = Unit.objects.create(code="BENCH-200", name="Bench unit of 200", manager=manager)
Person.objects.filter(
    pk__in=list(Person.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)[1000:1200])
).update(unit=unit)
site = Site.objects.create(code="BENCH-5000", name="Bench site of 5000", country="SE", desk_capacity=3000)
Person.objects.filter(
    pk__in=list(Person.objects.filter(is_active=True).order_by("-pk").values_list("pk", flat=True)[:5000])
).update(site=site)
client = Client()
client.force_login(manager)
monday = datetime.date(2027, 1, 4)
year = [monday + datetime.timedelta(days=offset) for offset in range(365)]
week = year[:7]


def measure(label: str, action, runs: int = 10) -> None:
    if ONLY and not any(word in label for word in ONLY):
        return
    samples, cpu, counts = [], [], []
    for _run in range(runs):
        reset_queries()  # the log keeps 9,000 queries; loading the demo filled it
        with CaptureQueriesContext(connection) as captured:
            began, began_cpu = time.perf_counter(), time.process_time()
            action()
            samples.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        counts.append(len(captured))
    print(
        f"{label}: median {statistics.median(samples):.1f} ms wall, {statistics.median(cpu):.1f} ms CPU, "
        f"{counts[-1]} queries"
    )


def team_page():
    response = client.get(f"/plans/team/{unit.pk}/", {"week": "2027-W01"})
    assert response.status_code == 200


measure("team week page, unit of 200 (whole request)", team_page, runs=20)
measure("team week data only, unit of 200", lambda: queries.team_week(unit, week[:5]), runs=20)
measure("a year of days, unit of 200", lambda: queries.plan_for(queries.unit_members(unit), year), runs=5)
measure(
    "a year of days, site of 5000",
    lambda: queries.plan_for(queries.site_people(site, year[0], year[-1]), year),
    runs=2,
)
measure("site occupancy, 4 weeks, site of 5000", lambda: queries.site_occupancy(site, year[:28]), runs=5)
measure(
    f"counts per unit for a week, whole organisation ({PEOPLE})", lambda: queries.unit_counts(week), runs=2
)
