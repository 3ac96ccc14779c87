"""The Jobs page and `manage.py jobs` speak the reader's language: a task worker by where it runs, a failed
task by what it does, never an id or a function's name; a failed run's error is kept, labelled for
administrators; `manage.py jobs` keeps the shape .ci/production reads."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_tasks.base import Task

from distans.core.job_labels import task_name
from distans.core.models import WorkerBeat
from distans.core.schedule import hourly_jobs, run_job
from distans.core.testing import run_due_tasks
from distans.org.tasks import roles_changed_notify

pytestmark = pytest.mark.django_db


def _broken():
    raise RuntimeError("the mail server refused the connection")


@pytest.fixture
def history():
    """A worker started as deploy/distans-worker@.service starts it on app1, one started by hand, a task
    that failed, and a job that failed."""
    roles_changed_notify.enqueue(0)
    run_due_tasks(worker_id="app1-2")
    roles_changed_notify.enqueue("not a number")  # fails in the worker
    run_due_tasks()
    hourly_jobs.subscribe("test.broken", _broken)
    try:
        run_job("test.broken")
        yield
    finally:
        hourly_jobs.unsubscribe("test.broken")


def test_the_jobs_page_names_workers_and_failed_tasks_in_words(client, cast, history):
    admin = cast["admin"]
    admin.language = "sv"
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("core:jobs")).content.decode()
    assert "Bakgrundsprocess 2 på app1, senast sedd" in page
    assert "Namnlös bakgrundsprocess 1, senast sedd" in page
    assert "Meddela HR att någons roller har ändrats: 1" in page
    assert (
        "Felmeddelande för administratörer: <code>RuntimeError: the mail server refused the connection</code>"
        in page
    )
    for worker in WorkerBeat.objects.values_list("worker_id", flat=True):
        assert worker not in page
    assert "roles_changed_notify" not in page


def test_manage_py_jobs_speaks_the_language_asked_for(capsys, history):
    call_command("jobs", language="sv")
    out = capsys.readouterr().out
    assert "test.broken (test.broken)\n    Varje timme · senaste körning: " in out
    assert ", misslyckades (försök 1) · senast lyckad: aldrig · nästa: " in out
    assert (
        "    Felmeddelande för administratörer: RuntimeError: the mail server refused the connection" in out
    )
    assert "misslyckade: 1\n    Meddela HR att någons roller har ändrats: 1\n" in out
    assert "Bakgrundsprocesser sedda senaste dygnet: 2\n    Namnlös bakgrundsprocess 1, senast sedd " in out
    assert "    Bakgrundsprocess 2 på app1, senast sedd " in out
    english = [
        "last run",
        "never",
        "Tasks due",
        "workers seen",
        "attempt",
        "Error message",
        "Hourly",
        "running",
    ]
    assert [word for word in english if word in out] == []


def test_manage_py_jobs_keeps_the_shape_the_production_check_reads(capsys):
    """.ci/production: the job's key ends its line, and the next line says it succeeded."""
    run_job("agreements.apply_due")
    call_command("jobs")
    assert re.search(r"\(agreements\.apply_due\)\n[^\n]*succeeded", capsys.readouterr().out)


def test_every_background_task_has_words_in_every_language():
    tasks = [
        value
        for config in apps.get_app_configs()
        if config.name.startswith("distans.")
        for module in ("tasks", "schedule")
        if _has_module(f"{config.name}.{module}")
        for value in vars(import_module(f"{config.name}.{module}")).values()
        if isinstance(value, Task)
    ]
    assert len(tasks) > 15
    with translation.override("en"):
        english = {task.module_path: task_name(task.module_path) for task in tasks}
    assert [path for path, name in english.items() if name == path] == [], "every task has words"
    for language in ("sv", "nb", "da"):
        with translation.override(language):
            assert [path for path in english if task_name(path) == english[path]] == [], language


def _has_module(name: str) -> bool:
    try:
        import_module(name)
    except ModuleNotFoundError:
        return False
    return True
