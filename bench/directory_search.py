"""Benchmark: finding people over a demo organisation of N people: the directory search, the people
API and the person picker's search-as-you-type (org:person_search).

    .venv/bin/python bench/directory_search.py [N]

Loads the demo into a temporary SQLite database, then times 50 searches of each kind through the Django
test client (the whole request: middleware, query, template). The picker is searched as HR, who may
report a deviation about anyone, so every search runs over everyone. Prints the median and the 95th
percentile in milliseconds, and the picker's query plan.
"""

import os
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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from distans.org.demo import demo_load, demo_logins  # noqa: E402
from distans.org.models import Person  # noqa: E402

call_command("migrate", verbosity=0)
demo_load(people=PEOPLE, seed=1)
client = Client()
client.force_login(Person.objects.get(email="asa.oberg@nordvik.example"))
queries = ["öberg", "lars", "nygård", "søren kjær", "e000123", "haugen", "x"]


def timed(url: str, params: dict) -> float:
    started = time.perf_counter()
    response = client.get(url, params)
    assert response.status_code == 200
    return (time.perf_counter() - started) * 1000


for label, url in [("page /people/", "/people/"), ("API /api/v1/people", "/api/v1/people")]:
    samples = [timed(url, {"q": queries[i % len(queries)]}) for i in range(50)]
    p95 = statistics.quantiles(samples, n=20)[18]
    print(f"{label} ({PEOPLE} people): median {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms")

PICKER_QUERIES = {
    "a name's start": ["an", "lars", "nyg", "sø", "ö"],
    "first and last name": ["anna l", "lars ny", "søren kj", "åsa öb"],
    "e-mail": ["anna.", "lars.nyg", "soren.k"],
    "employee number": ["e0001", "E00123", "e0999"],
    "nothing matches": ["xq", "zzz"],
}


def picked(query: str) -> float:
    return timed("/people/search/", {"purpose": "followup.deviation_about", "q": query})


client.force_login(
    Person.objects.get(email=next(login.email for login in demo_logins() if login.role == "hr"))
)
for kind, examples in PICKER_QUERIES.items():
    samples = [picked(examples[i % len(examples)]) for i in range(50)]
    p95 = statistics.quantiles(samples, n=20)[18]
    print(f"picker, {kind} ({PEOPLE} people): median {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms")

with CaptureQueriesContext(connection) as captured:
    picked("lars ny")
search = next(query["sql"] for query in captured.captured_queries if "LIMIT 10" in query["sql"])
with connection.cursor() as cursor:
    cursor.execute(f"EXPLAIN QUERY PLAN {search}")
    print("plan of the search:", "; ".join(str(row[-1]) for row in cursor.fetchall()))
for query in captured.captured_queries:
    print(f"{query['time']} s  {query['sql'][:150]}")
