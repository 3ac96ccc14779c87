"""`/healthz` and `/readyz` for load balancers and orchestrators, answered first in the middleware chain:
no host check, HTTPS redirect, session or language gets in the way of a probe, and no personal data in
the answer.

`/healthz`: the process answers. `/readyz`: the database answers, every migration this code knows is
applied, and a task worker has been seen within WORKER_SEEN_MINUTES (a worker is seen when it starts a
task, and the schedule gives an idle one a task every five minutes: `core.schedule`). 503 names what is
missing."""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse

from distans.core.jobs import worker_seen_recently

_migrated = False  # once applied, they stay applied for this code: asked again only until then


def _migrations_applied() -> bool:
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connection)
        _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrated


def readiness() -> dict[str, bool]:
    checks = {"database": False, "migrations": False, "worker": False}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = True
        checks["migrations"] = _migrations_applied()
        checks["worker"] = worker_seen_recently()
    except DatabaseError:
        pass
    return checks


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return JsonResponse({"status": "ok"})
        if request.path == "/readyz":
            checks = readiness()
            ready = all(checks.values())
            body = {"status": "ready" if ready else "not ready", "checks": checks}
            response = JsonResponse(body, status=200 if ready else 503)
            response._has_been_logged = True  # the probe's answer is the report: no error line per probe
            return response
        return self.get_response(request)
