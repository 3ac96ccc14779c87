"""Health probes, request ids in JSON logs, Prometheus metrics when enabled, and error reports without
personal data."""

import datetime
import io
import json
import logging

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from distans.core.error_reports import scrub
from distans.core.logging_json import DistansJsonFormatter
from distans.core.models import JobRun, WorkerBeat
from distans.core.request_id import RequestContextFilter

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database_or_a_known_host(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = Client(HTTP_HOST="10.0.0.7:8000").get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_wants_a_worker_seen_within_the_minutes_set():
    response = Client(HTTP_HOST="10.0.0.7:8000").get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "migrations": True, "worker": False}
    WorkerBeat.objects.create(worker_id="old", seen_at=timezone.now() - datetime.timedelta(minutes=16))
    assert Client().get("/readyz").status_code == 503
    WorkerBeat.objects.create(worker_id="w1", seen_at=timezone.now() - datetime.timedelta(minutes=3))
    response = Client().get("/readyz")
    assert response.status_code == 200 and response.json()["status"] == "ready"


@pytest.fixture
def log_lines():
    """The request log as the settings' console handler writes it: one JSON object per line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(DistansJsonFormatter())
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("distans.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_each_request_is_logged_as_json_with_its_id_and_the_person_id_only(cast, log_lines):
    client = Client()
    client.force_login(cast["employee"])
    response = client.get(f"/people/{cast['employee'].pk}/?q=%C3%85sa", HTTP_X_REQUEST_ID="proxy-id-12345")
    assert response.status_code == 200 and response["X-Request-ID"] == "proxy-id-12345"
    [line] = log_lines()
    assert line["request_id"] == "proxy-id-12345" and line["user_id"] == cast["employee"].pk
    assert line["level"] == "INFO" and line["status"] == 200 and "time" in line
    assert line["message"] == "GET people/<id:pk>/ 200"  # the route: neither ids, search words nor secrets
    assert "asa@example.com" not in json.dumps(line) and "Åsa" not in json.dumps(line)


def test_a_request_without_an_id_gets_a_new_one():
    first, second = Client().get("/login/"), Client().get("/login/", HTTP_X_REQUEST_ID="bad id\n")
    assert len(first["X-Request-ID"]) == 32 and len(second["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_metrics_are_off_until_an_administrator_turns_them_on():
    assert Client().get("/metrics").status_code == 404


@override_settings(METRICS_ENABLED=True)
def test_metrics_show_the_task_queue_failed_tasks_and_the_jobs():
    from distans.core.schedule import schedule_tick

    schedule_tick.enqueue()
    JobRun.objects.create(
        job="agreements.apply_due", started_at=timezone.now(), finished_at=timezone.now(), outcome="failed"
    )
    body = Client().get("/metrics").content.decode()
    assert "distans_tasks_due 1.0" in body
    assert "distans_tasks_oldest_due_age_seconds" in body
    assert 'distans_job_failing{job="agreements.apply_due"} 1.0' in body
    assert "python_info" in body  # the process's own metrics too


def test_error_reports_carry_no_personal_data():
    event = {
        "request": {
            "method": "POST",
            "url": "https://distans.example.org/people/?q=%C3%85sa",
            "data": {"email": "asa@example.com"},
            "cookies": {"sessionid": "secret"},
            "headers": {"Cookie": "sessionid=secret"},
        },
        "user": {"id": "7", "email": "asa@example.com", "ip_address": "10.1.2.3"},
    }
    assert scrub(event) == {
        "request": {"method": "POST", "url": "https://distans.example.org/people/"},
        "user": {},
    }


def test_a_refused_request_is_logged_without_a_traceback(cast, caplog):
    """A 403 is the product refusing, not a crash: one warning line, no traceback in the logs."""
    client = Client()
    client.force_login(cast["employee"])
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/jobs/")
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "WARNING" and record.exc_info is None
