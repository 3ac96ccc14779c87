"""The hourly sweep: the one place date-driven work runs, in the apps' order. Core knows none of the
jobs: each app registers its own in `AppConfig.ready`, and they run in the order they registered (the
order of INSTALLED_APPS, so agreements have started or ended before follow-up books evaluations):

    hourly_jobs.subscribe("agreements.apply_due", agreement_apply_due)   # () -> dict[str, int]

The sweep queues its next run before it starts, and a job that fails is logged while the others, and
the next hour, still run (each job commits its work in transactions of its own size).
"""

import datetime
import logging
from typing import Protocol

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from distans.core.hooks import Hook

logger = logging.getLogger(__name__)
EVERY = datetime.timedelta(hours=1)


class HourlyJob(Protocol):
    def __call__(self) -> dict[str, int]: ...  # what it did, counted, for the task's result


hourly_jobs: Hook[HourlyJob] = Hook("core.hourly_jobs")


def ensure_hourly_sweep() -> None:
    """Queue the sweep within a minute unless a run is already waiting."""
    waiting = DBTaskResult.objects.filter(task_path=hourly_sweep.module_path, status="READY").exists()
    if not waiting:
        hourly_sweep.using(run_after=timezone.now() + datetime.timedelta(minutes=1)).enqueue()


@task()
def hourly_sweep() -> dict[str, int | list[str]]:
    hourly_sweep.using(run_after=timezone.now() + EVERY).enqueue()
    counts: dict[str, int] = {}
    failed: list[str] = []
    for key in hourly_jobs.subscribers:
        try:
            counts.update(hourly_jobs.run_one(key))
        except Exception:
            logger.exception("The hourly job %s failed; the others ran, and it runs again next hour.", key)
            failed.append(key)
    return {**counts, "failed": failed}
