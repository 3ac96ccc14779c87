"""The schedule: the one place periodic work runs, in the apps' order. Core knows none of the jobs: each
app registers its own in `AppConfig.ready`, and they run in the order they registered (the order of
INSTALLED_APPS, so agreements have started or ended before follow-up books evaluations):

    hourly_jobs.subscribe("agreements.apply_due", agreement_apply_due)   # () -> dict[str, int]
    daily_jobs.subscribe("<app>.<job>", job)                              # the same, once a day

A tick every few minutes (a task that queues the next tick before it starts) runs each job whose time
has come: an hourly job an hour after its last run began, a daily one a day after. A job that raises is
logged with its traceback, its run is recorded as failed, and it is tried again after each wait in
`RETRY_AFTER` before it waits for its next period; the other jobs, and the next tick, run regardless
(each job commits its work in transactions of its own size). Every run is a `JobRun`: the Jobs page and
`manage.py jobs` show them. Every task a worker starts marks the worker seen (`WorkerBeat`), which
`/readyz` reads; the tick makes sure an idle worker starts one every `TICK`.
"""

import datetime
import logging
from typing import Any, Protocol

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.signals import task_started
from django_tasks_db.models import DBTaskResult

from distans.core.hooks import Hook
from distans.core.models import JobRun, WorkerBeat

logger = logging.getLogger(__name__)
TICK = datetime.timedelta(minutes=5)
RETRY_AFTER = (datetime.timedelta(minutes=5), datetime.timedelta(minutes=10), datetime.timedelta(minutes=20))
# A run still marked running this long after it began died with its worker: it counts as failed.
STALE = datetime.timedelta(hours=2)
KEEP_RUNS = datetime.timedelta(days=90)


class PeriodicJob(Protocol):
    def __call__(self) -> dict[str, int]: ...  # what it did, counted, for its run and the task's result


HourlyJob = PeriodicJob  # its name before daily jobs came
hourly_jobs: Hook[PeriodicJob] = Hook("core.hourly_jobs")
daily_jobs: Hook[PeriodicJob] = Hook("core.daily_jobs")
PERIODS: tuple[tuple[Hook[PeriodicJob], datetime.timedelta], ...] = (
    (hourly_jobs, datetime.timedelta(hours=1)),
    (daily_jobs, datetime.timedelta(days=1)),
)


def registered() -> list[tuple[str, datetime.timedelta]]:
    """Every job's key and period, in the order they run."""
    return [(key, period) for hook, period in PERIODS for key in hook.subscribers]


def _hook_of(key: str) -> Hook[PeriodicJob]:
    for hook, _period in PERIODS:
        if key in hook.subscribers:
            return hook
    raise KeyError(key)


def next_attempt(
    key: str, period: datetime.timedelta, now: datetime.datetime
) -> tuple[int, datetime.datetime]:
    """Which attempt of `key` comes next, and when: the retry of a failed run, or the first attempt of
    the next period (counted from the first attempt of the last one)."""
    runs = JobRun.objects.filter(job=key)
    last = runs.first()
    if last is None:
        return 1, now
    if last.outcome == JobRun.Outcome.FAILED and last.attempt <= len(RETRY_AFTER):
        return last.attempt + 1, (last.finished_at or last.started_at) + RETRY_AFTER[last.attempt - 1]
    first = last if last.attempt == 1 else runs.filter(attempt=1).first() or last
    return 1, first.started_at + period


def run_job(key: str, *, attempt: int = 1) -> JobRun | None:
    """Run one job now and record how it ended; None when it is running elsewhere."""
    now = timezone.now()
    JobRun.objects.filter(job=key, outcome=JobRun.Outcome.RUNNING, started_at__lt=now - STALE).update(
        outcome=JobRun.Outcome.FAILED, finished_at=now, error="Did not finish: its worker stopped."
    )
    try:
        with transaction.atomic():
            run = JobRun.objects.create(job=key, attempt=attempt, started_at=now)
    except IntegrityError:
        return None
    try:
        run.counts = _hook_of(key).run_one(key)
        run.outcome = JobRun.Outcome.SUCCEEDED
    except Exception as error:
        retry = "it is tried again" if attempt <= len(RETRY_AFTER) else "it waits for its next period"
        logger.exception("The job %s failed (attempt %s); %s.", key, attempt, retry)
        first_line = (str(error).splitlines() or [""])[0]
        run.outcome = JobRun.Outcome.FAILED
        run.error = f"{type(error).__name__}: {first_line}"[:500]
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "outcome", "error", "finished_at"])
    return run


def ensure_schedule(*, within: datetime.timedelta = datetime.timedelta(minutes=1)) -> None:
    """Queue a tick unless one is already waiting (sending an agreement calls this, and the worker's
    start, `manage.py jobs --start`, with no delay; each tick queues the next)."""
    waiting = DBTaskResult.objects.filter(task_path=schedule_tick.module_path, status="READY").exists()
    if not waiting:
        schedule_tick.using(run_after=timezone.now() + within).enqueue()


@task()
def schedule_tick() -> dict[str, list[str]]:
    now = timezone.now()
    # Before anything else, so that nothing below can stop the schedule; a second chain dies out here.
    if not DBTaskResult.objects.filter(task_path=schedule_tick.module_path, status="READY").exists():
        schedule_tick.using(run_after=now + TICK).enqueue()
    ran: list[str] = []
    failed: list[str] = []
    for key, period in registered():
        attempt, at = next_attempt(key, period, now)
        if at > now:
            continue
        run = run_job(key, attempt=attempt)
        if run is not None:
            (failed if run.outcome == JobRun.Outcome.FAILED else ran).append(key)
    JobRun.objects.filter(started_at__lt=now - KEEP_RUNS).delete()
    WorkerBeat.objects.filter(seen_at__lt=now - KEEP_RUNS).delete()
    DBTaskResult.objects.filter(
        task_path=schedule_tick.module_path,
        status="SUCCESSFUL",
        finished_at__lt=now - datetime.timedelta(days=1),
    ).delete()
    return {"ran": ran, "failed": failed}


@task()
def job_run_now(key: str) -> dict[str, Any]:
    """One job out of turn, through a worker (`manage.py jobs --run KEY`)."""
    run = run_job(key)
    return {"outcome": run.outcome if run else "running elsewhere", **(run.counts if run else {})}


def _worker_seen(sender: object, task_result: Any, **kwargs: object) -> None:
    worker_ids = getattr(task_result, "worker_ids", None)
    if worker_ids:
        WorkerBeat.objects.update_or_create(
            worker_id=worker_ids[-1][:64], defaults={"seen_at": timezone.now()}
        )


task_started.connect(_worker_seen, dispatch_uid="core.worker_seen")
