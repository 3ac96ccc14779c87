"""Pages for running Distans: the Jobs page for administrators, and the Prometheus metrics, served only
when METRICS_ENABLED is on (the address is meant for the monitoring network, not the public)."""

import os

import prometheus_client
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily

from distans.core import permissions
from distans.core.job_labels import task_name, worker_name
from distans.core.jobs import job_statuses, task_queue, workers_seen
from distans.core.schedule import RETRY_AFTER


@login_required
def jobs(request):
    permissions.require(permissions.can_use_admin_site(request.user))
    queue = task_queue()
    context = {
        "jobs": job_statuses(),
        "retries": len(RETRY_AFTER),
        # In words: a worker by where it runs, a task by what it does (their ids mean nothing to a reader).
        "workers": [
            (worker_name(beat.worker_id, place), beat.seen_at) for place, beat in enumerate(workers_seen(), 1)
        ],
        "queue": queue,
        "failed": sorted((task_name(name), count) for name, count in queue.failed.items()),
        "now": timezone.now(),
    }
    return render(request, "core/jobs.html", context)


class TaskCollector:
    """The task queue and the jobs, read from the database at each scrape, so every process (and every
    server) answers the same."""

    def collect(self):
        queue = task_queue()
        yield GaugeMetricFamily("distans_tasks_due", "Tasks whose time has come, not yet started.", queue.due)
        yield GaugeMetricFamily(
            "distans_tasks_oldest_due_age_seconds",
            "How long the oldest due task has waited.",
            queue.oldest_due_seconds,
        )
        yield GaugeMetricFamily("distans_tasks_running", "Tasks being run by a worker.", queue.running)
        failed = GaugeMetricFamily(
            "distans_tasks_failed", "Failed tasks kept in the database.", labels=["task"]
        )
        for name, count in queue.failed.items():
            failed.add_metric([name], count)
        yield failed
        succeeded = GaugeMetricFamily(
            "distans_job_last_success_timestamp_seconds",
            "When each periodic job last succeeded.",
            labels=["job"],
        )
        failing = GaugeMetricFamily(
            "distans_job_failing", "1 when a periodic job's last run failed.", labels=["job"]
        )
        for status in job_statuses():
            if status.last_success:
                succeeded.add_metric([status.key], status.last_success.timestamp())
            failing.add_metric([status.key], float(bool(status.last and status.last.outcome == "failed")))
        yield succeeded
        yield failing
        seen = workers_seen()
        yield GaugeMetricFamily(
            "distans_worker_last_seen_timestamp_seconds",
            "When a task worker last started a task.",
            seen[0].seen_at.timestamp() if seen else 0,
        )


def metrics(request):
    if not settings.METRICS_ENABLED:
        raise Http404
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:  # several gunicorn processes: their files, summed
        process = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(process)
    else:
        process = prometheus_client.REGISTRY
    database = prometheus_client.CollectorRegistry()
    database.register(TaskCollector())
    body = prometheus_client.generate_latest(process) + prometheus_client.generate_latest(database)
    return HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST)
