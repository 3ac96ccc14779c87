"""Benchmark: "Does it work?" (reports:effect) over the demo organisation of N people.

    .venv/bin/python bench/reports_effect.py [N]
    BENCH_DB=/tmp/reports-100000.sqlite3 .venv/bin/python bench/reports_effect.py 100000

With BENCH_DB, the organisation saved by `bench/reports_business.py` (people and plans in bulk, no
requests or agreements) is read instead of building the demo, which takes over an hour at 100,000.

Builds the whole demo (`manage.py demo --people N`: the organisation, requests, agreements and their
history, checklists, follow-ups and usual weeks) in a temporary SQLite database, gathers 200 people into
one unit, and times through the Django test client (middleware, queries, template), for HR:
- the whole organisation for the default period (the last twelve weeks, this one and four ahead): the
  first load (the plans above 600 people × 17 weeks are counted by the task worker), the worker's count
  (`reports.kept.refresh`), and the page with the kept count;
- the unit of 200 for the same period, plans included;
- one table of the unit exported as XLSX.
Prints the median of repeated runs in milliseconds (wall, and CPU: the process's own time, which SQLite
runs in) and the queries of the last run. Target (issue 17):
under 1 s at 100,000 people.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time

PEOPLE = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
os.environ.update(
    DEBUG="1",
    VAR_DIR=tempfile.mkdtemp(),
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

from distans.org.models import Person, Unit  # noqa: E402
from distans.reports import kept  # noqa: E402
from distans.reports.models import KeptFigures  # noqa: E402

SAVED = os.environ.get("BENCH_DB", "")
if SAVED:
    shutil.copy(SAVED, os.path.join(os.environ["VAR_DIR"], "distans.sqlite3"))
call_command("migrate", verbosity=0)
started = time.perf_counter()
if not SAVED:
    call_command("demo", people=PEOPLE, seed=1, verbosity=0)
print(f"demo for {PEOPLE} people loaded in {time.perf_counter() - started:.1f} s")

unit = Unit.objects.create(code="BENCH-200", name="Bench unit of 200")
Person.objects.filter(
    pk__in=list(Person.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)[1000:1200])
).update(unit=unit)
client = Client()
client.force_login(Person.objects.get(email="elin.sjoberg@nordvik.example"))


def measure(label: str, params: dict, runs: int = 5) -> None:
    samples, cpu, counts = [], [], []
    for _run in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get("/reports/effect/", params)
            samples.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        assert response.status_code == 200, response.status_code
        counts.append(len(captured))
    print(
        f"{label}: median {statistics.median(samples):.0f} ms wall, {statistics.median(cpu):.0f} ms CPU, "
        f"{counts[-1]} queries"
    )


client.get("/reports/effect/", {"unit": unit.code})  # the first request loads the holiday calendars
measure(f"whole organisation ({PEOPLE}), first load (the worker counts the plans)", {}, runs=1)
began, began_cpu = time.perf_counter(), time.process_time()
counted = kept.refresh.call()
print(
    f"the task worker counting the plans: {counted} in {time.perf_counter() - began:.1f} s wall, "
    f"{time.process_time() - began_cpu:.1f} s CPU"
)
kept_plans = KeptFigures.objects.filter(report="effect-plans", figures__isnull=False).count()
measure(
    f"whole organisation ({PEOPLE}), counts and {kept_plans} kept plans (the unit's, the organisation's)", {}
)
measure("unit of 200, plans and counts", {"unit": unit.code})
measure("unit of 200, one table as XLSX", {"unit": unit.code, "export": "effect-units", "format": "xlsx"})
