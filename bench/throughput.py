"""Benchmark: throughput of the team week page against a hello-world page, served by gunicorn.

    DATABASE_URL=postgres://… .venv/bin/python bench/throughput.py [PEOPLE] [SECONDS]

Loads the demo organisation (default 10,000 people) with its plans into the database, gathers 200
people into one unit, collects static files, starts gunicorn (2 workers, production settings with
DEBUG off) and sends requests from 4 client threads for SECONDS (default 20) to each page in turn:
a plain Django hello-world view, then the team week of the unit of 200 as its manager. Prints
requests per second for both and their ratio.
"""

import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time

PEOPLE = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 20
PORT = 8931
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = {
    **os.environ,
    "DEBUG": "0",
    "SECRET_KEY": "bench-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "SECURE_COOKIES": "0",
    "VAR_DIR": tempfile.mkdtemp(),
    "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
sys.path.insert(0, ROOT)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from distans.org.demo import demo_load  # noqa: E402
from distans.org.models import Person, Unit  # noqa: E402
from distans.planning.demo import plans_demo  # noqa: E402

call_command("migrate", verbosity=0)
demo_load(people=PEOPLE, seed=1)
plans_demo(seed=1)
manager = Person.objects.get(email="bjorn.ekstrom@nordvik.example")
unit = Unit.objects.get_or_create(
    code="BENCH-200", defaults={"name": "Bench unit of 200", "manager": manager}
)[0]
Person.objects.filter(
    pk__in=list(Person.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)[1000:1200])
).update(unit=unit)
call_command("collectstatic", verbosity=0, interactive=False)
client = Client()
client.force_login(manager)  # the unit's manager
session = client.cookies["sessionid"].value

server = subprocess.Popen(
    [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--log-level",
        "warning",
        "distans.wsgi:application",
    ],
    cwd=ROOT,
    env=ENV,
)
for _attempt in range(600):  # until both workers have started (seconds on a busy machine)
    try:
        for _worker in range(4):
            probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            probe.request("GET", "/bench-hello/")
            probe.getresponse().read()
        break
    except OSError:
        time.sleep(0.5)
time.sleep(3)  # the other worker, which started at the same time


def hammer(path: str, cookie: str | None) -> float:
    stop = time.monotonic() + SECONDS
    done = [0]

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", PORT)
        headers = {"Cookie": f"sessionid={cookie}"} if cookie else {}
        while time.monotonic() < stop:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            assert response.status == 200, (path, response.status)
            done[0] += 1

    threads = [threading.Thread(target=worker) for _thread in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / SECONDS


try:
    hello = hammer("/bench-hello/", None)
    team = hammer(f"/plans/team/{unit.pk}/?week=2027-W01", session)
    print(f"hello world: {hello:.0f} requests/s")
    print(f"team week of 200: {team:.0f} requests/s ({100 * team / hello:.0f} % of hello world)")
finally:
    server.terminate()
