"""Several offices over two real task worker processes (issue 20, target 6), on the demo as `manage.py
demo` builds it: HR starts the offices through the page, two `manage.py db_worker` processes sharing the
database each take an office, so two offices are planned at once; stopping them all from the page
reaches the office each worker holds and the one still waiting.

To see both workers hold an office at the same moment, the test holds the offices' runs locked until
both workers have taken their task: each worker then waits at its first write to its run. Needs a
database that several processes share, as production's PostgreSQL (the tests' SQLite lives in memory)."""

import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from distans.core.testing import html, post_page, session_client
from distans.org.models import Person, Site
from distans.planning import planner_runs
from distans.planning.models import PlannerBatch, PlannerRun

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs a database that several processes share: the tests' SQLite lives in one process's "
        "memory (test_planner_offices.py covers the pages with the worker in this process)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SETTINGS = {"time_limit": 10, "preferences": 3, "colocation": 2, "fairness": 2, "stability": 1, "balance": 1}
HR = "elin.sjoberg@nordvik.example"


def database_url() -> str:
    db = connection.settings_dict
    login = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{login}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Two `manage.py db_worker` processes on the test's database, as `make run` starts one."""

    def __init__(self):
        self.processes: list[subprocess.Popen] = []
        self.log = tempfile.TemporaryFile()

    def start(self):
        env = {**os.environ, "DATABASE_URL": database_url(), "DISTANS_TESTING": "1"}
        for number in (1, 2):
            command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
            command += ["--interval", "0.2", "--worker-id", f"worker-{number}"]
            self.processes.append(
                subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=self.log, stderr=self.log)
            )

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes = []

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]


@pytest.fixture
def workers(transactional_db):
    started = Workers()
    yield started
    started.stop()  # before the database is emptied


def wait_for(condition, what: str, workers: Workers, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen within {seconds} s. Workers said:\n{workers.output()}")


def start_offices(names: list[str]) -> PlannerBatch:
    hr = Person.objects.get(email=HR)
    sites = [Site.objects.get(name__startswith=name).pk for name in names]
    data = {**SETTINGS, "week": planner_runs.default_week(), "sites": sites}
    assert post_page(hr, reverse("planning:offices_planner"), data).status_code == 302
    return PlannerBatch.objects.latest("created_at")


def both_workers_hold_an_office(batch: PlannerBatch, workers: Workers) -> list[DBTaskResult]:
    """Hold the batch's runs locked and start the workers: each takes a task and waits at its run."""
    list(batch.runs.select_for_update())
    workers.start()
    task_ids = {str(run.pk) for run in batch.runs.all()}

    def held():
        running = [
            task
            for task in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
            if str(task.args_kwargs["args"][0]) in task_ids
        ]
        return running if len(running) == 2 else None

    return wait_for(held, "two workers each taking an office", workers)


def finished(batch: PlannerBatch) -> bool:
    return not batch.runs.exclude(status=PlannerRun.Status.DONE).exists()


def test_two_workers_plan_two_offices_at_once_and_stop_all_reaches_them(workers):
    call_command("demo")
    hr = Person.objects.get(email=HR)
    batch = start_offices(["Stockholm", "Göteborg"])
    with transaction.atomic():
        held = both_workers_hold_an_office(batch, workers)
    assert sorted(worker for task in held for worker in task.worker_ids) == ["worker-1", "worker-2"]
    wait_for(lambda: finished(batch), "both offices finished", workers)
    page = html(session_client(hr).get(reverse("planning:planner_batch", args=[batch.pk])))
    assert "2 of 2 offices finished" in page
    for run in batch.runs.all():
        assert run.result["status"] in ("optimal", "feasible") and run.result["office"], run.result
        assert set(run.result["names"]) == {
            str(pk)
            for pk in Person.objects.filter(site=run.site, is_active=True).values_list("pk", flat=True)
        }
    workers.stop()

    # Three offices, two workers: stop them all while each worker holds one and the third waits.
    batch = start_offices(["Oslo", "Bergen", "København"])
    with transaction.atomic():
        both_workers_hold_an_office(batch, workers)
        client = session_client(hr)
        page = reverse("planning:planner_batch", args=[batch.pk])
        client.get(page)
        stop = client.post(
            reverse("planning:planner_batch_stop", args=[batch.pk]),
            {"csrfmiddlewaretoken": client.cookies["csrftoken"].value},
        )
        assert stop.status_code == 302
    wait_for(lambda: finished(batch), "all three offices stopped", workers)
    assert [run.result for run in batch.runs.all()] == [{"status": "stopped", "seconds": 0}] * 3
    assert html(client.get(page)).count("Stopped before a plan was found") == 3
