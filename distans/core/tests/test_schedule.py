"""The hourly sweep runs every app's job in order, keeps going when one fails, and always queues the
next hour; a second request for a sweep while one waits queues nothing more."""

import logging

import pytest
from django_tasks_db.models import DBTaskResult

from distans.core.schedule import ensure_hourly_sweep, hourly_jobs, hourly_sweep


@pytest.fixture
def jobs():
    """The apps' own jobs, set aside for the test and put back after it."""
    saved = {key: hourly_jobs._subscribers[key] for key in hourly_jobs.subscribers}
    for key in saved:
        hourly_jobs.unsubscribe(key)
    yield hourly_jobs
    for key in hourly_jobs.subscribers:
        hourly_jobs.unsubscribe(key)
    for key, job in saved.items():
        hourly_jobs.subscribe(key, job)


def waiting_sweeps() -> int:
    return DBTaskResult.objects.filter(task_path=hourly_sweep.module_path, status="READY").count()


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_the_others_and_the_next_hour_still_run(jobs, caplog):
    ran = []
    jobs.subscribe("first", lambda: ran.append("first") or {"first": 1})

    def broken():
        raise RuntimeError("the database of a partner is down")

    jobs.subscribe("broken", broken)
    jobs.subscribe("last", lambda: ran.append("last") or {"last": 2})
    with caplog.at_level(logging.ERROR, logger="distans.core.schedule"):
        result = hourly_sweep.call()
    assert ran == ["first", "last"]
    assert result == {"first": 1, "last": 2, "failed": ["broken"]}
    assert "broken" in caplog.text
    assert waiting_sweeps() == 1  # the next hour is queued even though a job failed


@pytest.mark.django_db
def test_asking_for_a_sweep_queues_one_only_when_none_waits():
    ensure_hourly_sweep()
    ensure_hourly_sweep()
    assert waiting_sweeps() == 1


@pytest.mark.django_db
def test_a_sweep_queued_under_its_old_name_before_an_upgrade_keeps_running_after_it():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("distans.core.migrations.0004_queued_tasks_follow_their_move")
    old = DBTaskResult.objects.create(
        task_path="distans.agreements.tasks.agreements_sweep",
        status="READY",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        priority=0,
    )
    migration.forwards(apps, None)
    old.refresh_from_db()
    assert old.task_path == hourly_sweep.module_path
