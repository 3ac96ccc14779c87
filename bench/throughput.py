"""Benchmark: throughput of the team week page against a hello-world page, served by gunicorn.

    DATABASE_URL=postgres://… .venv/bin/python bench/throughput.py [PEOPLE] [SECONDS] [ROUNDS]

Loads the demo organisation (default 10,000 people) with its plans into the database (skipped when an
earlier run loaded it there), gathers 200 people into one unit, collects static files, starts gunicorn
(2 workers, production settings with DEBUG off and database connections kept for 60 s, as
deploy/distans.env.example has them) and sends requests from 4 client threads for SECONDS (default 20)
to each page in turn: a plain Django hello-world view, then the team week of the unit of 200 as its
manager. Prints requests per second for both and their ratio, for each of ROUNDS rounds (default 1):
on a shared machine the ratio within a round is what compares.
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
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 1
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
    "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
}
os.environ.update(ENV)
sys.path.insert(0, ROOT)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from distans.org.demo import demo_load  # noqa: E402
from distans.org.models import Person, Unit  # noqa: E402
from distans.planning.demo import plans_demo  # noqa: E402

call_command("migrate", verbosity=0)
if not Unit.objects.filter(code="BENCH-200").exists():
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
# Each worker computes the week once and keeps it (planning.queries.team_week_kept): the steady state
# is what is measured, so both workers are asked a few times first.
for _warm in range(8):
    probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)
    probe.request("GET", f"/plans/team/{unit.pk}/?week=2027-W01", headers={"Cookie": f"sessionid={session}"})
    probe.getresponse().read()


def processes() -> list[int]:
    """gunicorn, and PostgreSQL when it runs on this machine: the roots whose process trees serve."""
    roots = [server.pid]
    local = connection.settings_dict["HOST"] in ("", "127.0.0.1", "localhost")
    if connection.vendor == "postgresql" and local:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        roots.append(int(_stat(backend)[1]))  # the server process, parent of every connection's backend
    return roots


def _stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat from the third on (state, parent, …), or [] for an ended process."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return []


def cpu_seconds(pids: list[int]) -> float:
    """User and system time of the processes and all their children, ended ones included (a closed
    connection's backend is counted in its parent's time for waited-for children)."""
    ticks = 0
    for pid in pids:
        fields = _stat(pid)
        if not fields:
            continue
        ticks += sum(int(field) for field in fields[11:15])  # utime, stime, cutime, cstime
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as children:
                ticks += round(cpu_seconds([int(child) for child in children.read().split()]) * CLOCK)
        except OSError:
            continue
    return ticks / CLOCK


CLOCK = os.sysconf("SC_CLK_TCK")


def hammer(path: str, cookie: str | None) -> tuple[float, float]:
    """Requests per second, and the CPU time one request took: the server's, its database's and the
    clients' own, which does not depend on what else runs on the machine as the rate does."""
    stop = time.monotonic() + SECONDS
    done = [0]
    pids = processes()
    cpu_before, own_before = cpu_seconds(pids), time.process_time()

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
    cpu = cpu_seconds(pids) - cpu_before + time.process_time() - own_before
    return done[0] / SECONDS, cpu / done[0]


try:
    for _round in range(ROUNDS):
        hello, hello_cpu = hammer("/bench-hello/", None)
        team, team_cpu = hammer(f"/plans/team/{unit.pk}/?week=2027-W01", session)
        print(f"hello world: {hello:.0f} requests/s, {1000 * hello_cpu:.2f} ms CPU a request")
        print(
            f"team week of 200: {team:.0f} requests/s ({100 * team / hello:.1f} % of hello world), "
            f"{1000 * team_cpu:.2f} ms CPU a request "
            f"({100 * hello_cpu / team_cpu:.1f} % of hello world's rate by CPU time)",
            flush=True,
        )
finally:
    server.terminate()
