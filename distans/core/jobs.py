"""What the periodic jobs and the task workers are doing, for the Jobs page, `manage.py jobs`, `/readyz`
and the metrics: each job's last run, last success and next attempt; the workers seen; the task queue."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from distans.core import schedule
from distans.core.job_labels import job_name, job_result
from distans.core.models import JobRun, WorkerBeat


@dataclass(frozen=True)
class JobStatus:
    key: str
    period: datetime.timedelta
    last: JobRun | None
    last_success: datetime.datetime | None
    next_attempt: int  # 1, or the retry that comes next
    next_at: datetime.datetime

    @property
    def daily(self) -> bool:
        return self.period >= datetime.timedelta(days=1)

    @property
    def name(self) -> str:
        return job_name(self.key)

    @property
    def result(self) -> str:
        """What the last run did, in words; empty while it runs or when it failed."""
        if self.last is None or self.last.outcome != JobRun.Outcome.SUCCEEDED:
            return ""
        return job_result(self.key, self.last.counts)


def job_statuses(now: datetime.datetime | None = None) -> list[JobStatus]:
    """Every registered job, in the order they run (a few queries per job; there are a handful)."""
    now = now or timezone.now()
    statuses = []
    for key, period in schedule.registered():
        attempt, at = schedule.next_attempt(key, period, now)
        success = JobRun.objects.filter(job=key, outcome=JobRun.Outcome.SUCCEEDED).first()
        statuses.append(
            JobStatus(
                key=key,
                period=period,
                last=JobRun.objects.filter(job=key).first(),
                last_success=success.finished_at if success else None,
                next_attempt=attempt,
                next_at=max(at, now),
            )
        )
    return statuses


def workers_seen(since: datetime.timedelta = datetime.timedelta(days=1)) -> list[WorkerBeat]:
    return list(WorkerBeat.objects.filter(seen_at__gte=timezone.now() - since).order_by("-seen_at"))


def worker_seen_recently() -> bool:
    """A worker started a task within WORKER_SEEN_MINUTES (the schedule gives an idle one a task every
    five minutes)."""
    since = timezone.now() - datetime.timedelta(minutes=settings.WORKER_SEEN_MINUTES)
    return WorkerBeat.objects.filter(seen_at__gte=since).exists()


@dataclass(frozen=True)
class Queue:
    due: int  # tasks whose time has come, not yet started
    oldest_due_seconds: float  # how long the oldest of them has waited
    running: int
    failed: dict[str, int]  # failed tasks kept in the database, by task


def task_queue(now: datetime.datetime | None = None) -> Queue:
    now = now or timezone.now()
    due = DBTaskResult.objects.ready()
    # A task without a time is due from when it was queued; one with a time, from that time.
    oldest = min(
        filter(
            None,
            [
                due.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"],
                due.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"],
            ],
        ),
        default=now,
    )
    failed = (
        DBTaskResult.objects.failed().values("task_path").annotate(count=Count("id")).order_by("task_path")
    )
    return Queue(
        due=due.count(),
        oldest_due_seconds=max((now - oldest).total_seconds(), 0.0),
        running=DBTaskResult.objects.running().count(),
        failed={row["task_path"]: row["count"] for row in failed},
    )
