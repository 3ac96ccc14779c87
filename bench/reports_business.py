"""Benchmark: the business case and who is at the office today over the demo organisation of N people.

    .venv/bin/python bench/reports_business.py [N] [WORD ...]
    BENCH_DB=/tmp/reports-100000.sqlite3 .venv/bin/python bench/reports_business.py 100000

With BENCH_DB the organisation and plans built once (about ten minutes at 100,000 people) are saved there
and read back by the next run, which then only times.

Loads the demo organisation (`demo_load`: people with their commute, units, sites) into a temporary SQLite
database and writes its plans in bulk, as an import would and as the full demo's agreements would shape
them (the full demo takes too long at this size): two in three people a usual week with one to three
days at home from a start in the last 16 months (one in ten of them a second, amended week later), the
others the office every weekday from January; and about one day change per person in the period
(leave, sick, a day at home or at the office). Then times:
- the business case's figures for the whole organisation, the last quarter and the next four weeks;
- the same for one unit and everything below it;
- the business case page as HR opens it (through the Django test client: middleware, queries, template),
  and its query count: the first load of a choice (the task worker computes it), the worker's refresh
  after a change (`reports.kept.refresh`), the page with its kept figures, and after a change (the kept
  figures, saying newer ones are on their way);
- who is at the office today at the largest site (the page, through the test client).
Prints the median of repeated runs in milliseconds and the queries each ran. Target (issue 17): under 1 s.
"""

import atexit
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

PEOPLE = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ONLY = sys.argv[2:]  # words naming the timings to run ("today"); all when none
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
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from distans.org.demo import demo_load  # noqa: E402
from distans.org.models import Person, Site, Unit  # noqa: E402
from distans.planning.models import DayChange, WorkPattern  # noqa: E402
from distans.planning.queries import plan_stamp, unit_and_below  # noqa: E402
from distans.reports import kept  # noqa: E402
from distans.reports.business_case import Selection, compute, default_period  # noqa: E402
from distans.reports.models import KeptFigures  # noqa: E402

SAVED = os.environ.get("BENCH_DB", "")
if SAVED and os.path.exists(SAVED):
    shutil.copy(SAVED, os.path.join(VAR_DIR, "distans.sqlite3"))
call_command("migrate", verbosity=0)
started = time.perf_counter()


def build() -> None:
    demo_load(people=PEOPLE, seed=1)
    _plans()
    if SAVED:
        connection.close()
        shutil.copy(os.path.join(VAR_DIR, "distans.sqlite3"), SAVED)


def _plans() -> None:
    rng = random.Random(1)
    fields = ["mon", "tue", "wed", "thu", "fri"]
    patterns, changes = [], []
    for pk, site_id in Person.objects.filter(is_active=True).values_list("pk", "site_id"):
        if rng.random() < 2 / 3:
            since = today - datetime.timedelta(days=rng.randrange(480))
            weeks = [since] + (
                [since + datetime.timedelta(days=rng.randrange(1, 200))] if rng.random() < 0.1 else []
            )
            for valid_from in sorted(set(weeks)):
                home = rng.sample(range(5), rng.choice((1, 2, 2, 3)))
                patterns.append(
                    WorkPattern(
                        person_id=pk, valid_from=valid_from, **{fields[day]: "remote" for day in home}
                    )
                )
        else:
            patterns.append(WorkPattern(person_id=pk, valid_from=datetime.date(2026, 1, 5)))
        for date in {
            start + datetime.timedelta(days=rng.randrange((end - start).days))
            for _n in range(rng.choice((0, 1, 2)))
        }:
            kind = rng.choice(["away", "away", "remote", "office"]) if site_id else "away"
            changes.append(
                DayChange(
                    person_id=pk,
                    date=date,
                    kind=kind,
                    site_id=site_id if kind == "office" else None,
                    away_reason="leave" if kind == "away" else "",
                )
            )
    WorkPattern.objects.bulk_create(patterns, batch_size=5000)
    DayChange.objects.bulk_create(changes, batch_size=5000)
    print(f"{len(patterns)} usual weeks, {len(changes)} day changes in the period")


today = timezone.localdate()
start, end = default_period(today)
if not Person.objects.exists():
    build()
print(f"demo organisation of {PEOPLE} people and plans ready in {time.perf_counter() - started:.1f} s")

unit = Unit.objects.annotate(size=Count("members")).order_by("-size").first()
below = tuple(unit_and_below(unit))
site = Site.objects.annotate(size=Count("people")).order_by("-size").first()
hr = Person.objects.get(email="elin.sjoberg@nordvik.example")
client = Client()
client.force_login(hr)


def measure(label: str, action, runs: int = 5) -> None:
    if ONLY and not any(word in label for word in ONLY):
        return
    action()  # the first run loads the holiday calendars, once per process
    samples, cpu, counts = [], [], []
    for _run in range(runs):
        reset_queries()
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


def page(path: str, **query) -> None:
    response = client.get(path, query)
    assert response.status_code == 200, response.status_code


measure(
    f"business case figures, whole organisation ({PEOPLE}), {start} to {end}",
    lambda: compute(Selection(start=start, end=end, today=today)),
)
measure(
    f"business case figures, one unit and below ({unit.members.count()} people in it)",
    lambda: compute(Selection(start=start, end=end, today=today, unit_ids=below)),
)


def first_page() -> None:
    """The first load of a choice in a large organisation: the task worker computes its figures."""
    KeptFigures.objects.all().delete()
    page("/reports/business-case/")
    assert KeptFigures.objects.get().figures is None, "expected the worker to compute the first figures"


changing = DayChange.objects.order_by("pk").first()


def _stale() -> None:
    """A day changed: the plan stamp moves."""
    changing.flexible = not changing.flexible
    DayChange.objects.filter(pk=changing.pk).update(flexible=changing.flexible)


def refresh() -> None:
    _stale()
    assert kept.refresh.call()["computed"] == 1


measure("business case page, first load of a choice (whole request; the worker computes)", first_page, runs=3)
measure("the task worker computing the page's figures after a change (kept.refresh)", refresh, runs=3)
measure("business case page as HR opens it, kept (whole request)", lambda: page("/reports/business-case/"))


def changed_then_page() -> None:
    """After a change the page shows the kept figures, saying newer ones are on their way."""
    _stale()
    page("/reports/business-case/")
    assert KeptFigures.objects.get().stamp != str(plan_stamp()), "expected the kept figures"


measure("business case page after a plan changed (whole request; the kept figures)", changed_then_page)
measure(
    f"at the office today, {site.name} ({site.people.count()} based there; whole request)",
    lambda: page("/reports/today/", site=site.pk),
)
