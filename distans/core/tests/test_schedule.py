"""The schedule runs every app's job in order, keeps going when one fails, retries the failed one, and
always queues its next tick; a second request for the schedule while a tick waits queues nothing more."""

import datetime
import logging

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from distans.core.job_labels import job_name, job_result
from distans.core.models import JobRun, WorkerBeat
from distans.core.schedule import (
    RETRY_AFTER,
    daily_jobs,
    ensure_schedule,
    hourly_jobs,
    run_job,
    schedule_tick,
)
from distans.core.schedule import registered as schedule_registered
from distans.core.testing import run_due_tasks

pytestmark = pytest.mark.django_db
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def jobs():
    """The apps' own jobs, set aside for the test and put back after it."""
    saved = [
        (hook, {key: hook._subscribers[key] for key in hook.subscribers})
        for hook in (hourly_jobs, daily_jobs)
    ]
    for hook, subscribers in saved:
        for key in subscribers:
            hook.unsubscribe(key)
    yield hourly_jobs
    for hook, subscribers in saved:
        for key in hook.subscribers:
            hook.unsubscribe(key)
        for key, job in subscribers.items():
            hook.subscribe(key, job)


class Partner:
    """A job that fails while a partner's system is down."""

    def __init__(self):
        self.down = True
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.down:
            raise RuntimeError("the database of a partner is down")
        return {"sent": 3}


def waiting_ticks() -> int:
    return DBTaskResult.objects.filter(task_path=schedule_tick.module_path, status="READY").count()


def tick_at(moment: datetime.datetime) -> dict:
    with time_machine.travel(moment, tick=False):
        return schedule_tick.call()


def test_a_failing_job_is_logged_and_the_others_and_the_next_tick_still_run(jobs, caplog):
    ran = []
    jobs.subscribe("first", lambda: ran.append("first") or {"first": 1})
    jobs.subscribe("broken", Partner())
    jobs.subscribe("last", lambda: ran.append("last") or {"last": 2})
    with caplog.at_level(logging.ERROR, logger="distans.core.schedule"):
        result = tick_at(START)
    assert ran == ["first", "last"]
    assert result == {"ran": ["first", "last"], "failed": ["broken"]}
    assert "broken" in caplog.text and "partner is down" in caplog.text  # the traceback is in the log
    assert waiting_ticks() == 1  # the next tick is queued even though a job failed
    failed = JobRun.objects.get(job="broken")
    assert failed.outcome == "failed" and failed.error == "RuntimeError: the database of a partner is down"
    assert JobRun.objects.get(job="last").counts == {"last": 2}


def test_a_failed_job_is_retried_after_each_wait_and_then_waits_for_its_next_hour(jobs):
    partner = Partner()
    jobs.subscribe("partner", partner)
    tick_at(START)
    moment = START
    for wait in RETRY_AFTER:
        assert tick_at(moment + wait - datetime.timedelta(seconds=1)) == {"ran": [], "failed": []}
        moment += wait
        assert tick_at(moment)["failed"] == ["partner"]
    assert partner.calls == 1 + len(RETRY_AFTER)
    assert tick_at(START + datetime.timedelta(minutes=59))["failed"] == []  # retries spent: the next hour
    partner.down = False
    assert tick_at(START + datetime.timedelta(hours=1))["ran"] == ["partner"]
    assert list(JobRun.objects.filter(job="partner").values_list("attempt", "outcome")[:2]) == [
        (1, "succeeded"),
        (4, "failed"),
    ]


def test_a_job_that_recovers_on_a_retry_keeps_its_hour(jobs):
    partner = Partner()
    jobs.subscribe("partner", partner)
    tick_at(START)
    partner.down = False
    assert tick_at(START + RETRY_AFTER[0])["ran"] == ["partner"]
    assert tick_at(START + datetime.timedelta(minutes=55))["ran"] == []
    assert tick_at(START + datetime.timedelta(hours=1))["ran"] == ["partner"]


def test_a_daily_job_runs_once_a_day(jobs):
    daily_jobs.subscribe("retention", lambda: {"deleted": 0})
    assert tick_at(START)["ran"] == ["retention"]
    assert tick_at(START + datetime.timedelta(hours=23))["ran"] == []
    assert tick_at(START + datetime.timedelta(days=1))["ran"] == ["retention"]


def test_a_job_runs_once_at_a_time_and_a_run_left_by_a_stopped_worker_does_not_block_it(jobs):
    jobs.subscribe("slow", lambda: {"done": 1})
    JobRun.objects.create(job="slow", started_at=START - datetime.timedelta(minutes=10))  # still running
    assert tick_at(START)["ran"] == []
    assert tick_at(START + datetime.timedelta(hours=2))["ran"] == ["slow"]
    assert JobRun.objects.filter(job="slow").last().error == "Did not finish: its worker stopped."


def test_asking_for_the_schedule_queues_one_tick_only_when_none_waits():
    ensure_schedule()
    ensure_schedule()
    assert waiting_ticks() == 1


def test_the_worker_runs_the_schedule_and_is_seen(jobs):
    jobs.subscribe("sweep", lambda: {"moved": 1})
    ensure_schedule()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_due_tasks()
    assert JobRun.objects.get(job="sweep").outcome == "succeeded"
    assert WorkerBeat.objects.filter(seen_at__gte=timezone.now() - datetime.timedelta(minutes=5)).exists()
    assert waiting_ticks() == 1


def test_manage_py_jobs_lists_each_job_and_runs_one_through_the_worker(jobs, capsys):
    jobs.subscribe("sweep", lambda: {"moved": 1})
    jobs.subscribe("broken", Partner())
    call_command("jobs")
    out = capsys.readouterr().out
    assert "sweep (sweep)\n    Hourly · last run: never · last success: never · next: " in out
    call_command("jobs", run="broken")
    run_due_tasks()
    call_command("jobs")
    out = capsys.readouterr().out
    assert "broken (broken)\n    Hourly · last run: " in out and ", failed (attempt 1) · " in out
    assert "Error message, for administrators: RuntimeError: the database of a partner is down" in out
    with pytest.raises(Exception, match="No job is called"):
        call_command("jobs", run="nonsense")


def test_administrators_see_a_failed_job_on_the_jobs_page(jobs, client, cast):
    jobs.subscribe("broken", Partner())
    tick_at(START)
    client.force_login(cast["admin"])
    page = client.get(reverse("core:jobs")).content.decode()
    assert "broken" in page and "RuntimeError: the database of a partner is down" in page
    assert "No task worker has been seen" in page
    client.force_login(cast["hr"])
    assert client.get(reverse("core:jobs")).status_code == 403


def test_a_tick_queued_before_the_upgrade_keeps_running_after_it():
    from importlib import import_module

    from django.apps import apps

    old = DBTaskResult.objects.create(
        task_path="distans.agreements.tasks.agreements_sweep",
        status="READY",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        priority=0,
    )
    import_module("distans.core.migrations.0004_queued_tasks_follow_their_move").forwards(apps, None)
    import_module("distans.core.migrations.0005_job_runs_and_worker_beats").forwards(apps, None)
    old.refresh_from_db()
    assert old.task_path == schedule_tick.module_path


def test_the_jobs_page_names_each_job_and_what_it_did_in_the_readers_language(client, cast):
    """Each app's own job, run as the schedule runs it: the page names it and tells what the run did in
    Swedish, never by its key or the keys of its counts."""
    keys = [key for key, _period in schedule_registered()]
    runs = {key: run_job(key) for key in keys}
    assert {run.outcome for run in runs.values()} == {"succeeded"}
    admin = cast["admin"]
    admin.language = "sv"
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("core:jobs")).content.decode()
    assert "Starta och avsluta överenskommelser på sina datum" in page
    assert "Radera eller avidentifiera det som passerat sin lagringstid" in page
    assert "Inget behövde göras" in page
    for key, run in runs.items():
        assert key not in page
        for name in run.counts:
            assert name not in page
    with translation.override("sv"):
        for key, run in runs.items():
            assert job_name(key) != key, "every job has a name"
            said = job_result(key, dict.fromkeys(run.counts, 2))
            assert not any(name in said for name in run.counts), said
        assert job_result("agreements.apply_due", {"activated": 2, "ended": 1, "expired": 0}) == (
            "2 överenskommelser startade, 1 överenskommelse avslutad"
        )


def test_manage_py_jobs_names_the_jobs_in_the_language_asked_for(capsys):
    call_command("jobs", language="nb")
    out = capsys.readouterr().out
    assert "Starte og avslutte avtaler på datoene deres (agreements.apply_due)" in out
