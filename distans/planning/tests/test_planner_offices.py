"""Several offices planned together (issue 20): HR ticks the offices, each becomes a run and a task of
its own, the page follows them all and stops them all, in the reader's language. Writes are sent with
CSRF enforced. Two real worker processes sharing one database: `test_planner_workers.py`."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from conftest import make_person
from distans.core.testing import bearer, html, post_page, run_due_tasks, session_client
from distans.org.models import Site
from distans.planning.models import PlannerBatch, PlannerRun

NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)  # a Tuesday in week 49
SETTINGS = {"week": "2026-W50", "time_limit": 5, "preferences": 3, "colocation": 2, "fairness": 2}
SETTINGS |= {"stability": 1, "balance": 1}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def offices(cast, units):
    """Stockholm (Åsa and Björn) and Göteborg, where two of Sales sit."""
    goteborg = Site.objects.create(code="GOT", name="Göteborg", country="SE", desk_capacity=1)
    for number in ("201", "202"):
        make_person(f"p{number}@example.com", "Sales", number, number, unit=units["sales"], site=goteborg)
    return [cast["employee"].site, goteborg]


def start(hr, offices) -> PlannerBatch:
    response = post_page(
        hr, reverse("planning:offices_planner"), {**SETTINGS, "sites": [o.pk for o in offices]}
    )
    assert response.status_code == 302
    batch = PlannerBatch.objects.get()
    assert response.url == reverse("planning:planner_batch", args=[batch.pk])
    return batch


def test_hr_finds_it_on_the_site_list_and_nobody_else_does(cast):
    link = 'href="/plans/planner/offices/"'
    assert link in html(session_client(cast["hr"]).get(reverse("org:site_list")))
    assert link not in html(session_client(cast["manager"]).get(reverse("org:site_list")))


def test_the_form_lists_the_offices_planned_recently_to_come_back_to(cast, offices):
    batch = start(cast["hr"], offices)
    form = html(session_client(cast["hr"]).get(reverse("planning:offices_planner")))
    url = reverse("planning:planner_batch", args=[batch.pk])
    assert "Planned recently" in form and f'<a href="{url}">Week 50</a></td>' in form
    assert "<td>2</td><td>2026-12-01 10:00</td><td>Elin Sjöberg</td>" in re.sub(r">\s+<", "><", form)


def test_each_office_is_a_run_and_a_task_of_its_own_followed_on_one_page(cast, offices):
    batch = start(cast["hr"], offices)
    runs = list(batch.runs.order_by("site__name"))
    assert [run.site for run in runs] == sorted(offices, key=lambda site: site.name)
    tasks = DBTaskResult.objects.filter(task_path__endswith="planner_run")
    assert sorted(task.args_kwargs["args"][0] for task in tasks) == sorted(run.pk for run in runs)
    browser = session_client(cast["hr"])
    url = reverse("planning:planner_batch", args=[batch.pk])
    waiting = html(browser.get(url))
    assert "0 of 2 offices finished" in waiting and waiting.count("Waiting to start") == 2
    assert 'hx-trigger="every 2s"' in waiting
    run_due_tasks()
    done = html(browser.get(url, HTTP_HX_REQUEST="true"))
    assert "2 of 2 offices finished" in done and "Waiting" not in done
    assert "hx-trigger" not in done, "the page stops asking once every office is finished"
    for run in runs:
        run.refresh_from_db()
        assert run.status == "done" and run.result["status"] in ("optimal", "feasible")
        assert f'href="{reverse("planning:planner_run", args=[run.pk])}">{run.site.name}</a>' in done
    # Each office's run plans the people based there, and no one else.
    goteborg, stockholm = runs
    assert sorted(goteborg.result["names"].values()) == ["Sales 201", "Sales 202"]
    assert sorted(stockholm.result["names"].values()) == ["Björn Ekström", "Åsa Öberg"]
    page = html(browser.get(reverse("planning:planner_run", args=[goteborg.pk])))
    assert f'href="{url}">All offices planned together</a>' in page


def test_stop_all_reaches_every_office_still_waiting(cast, offices):
    batch = start(cast["hr"], offices)
    response = post_page(cast["hr"], reverse("planning:planner_batch", args=[batch.pk]), {})
    assert response.status_code == 405  # the page itself takes no writes
    browser = session_client(cast["hr"])
    url = reverse("planning:planner_batch", args=[batch.pk])
    browser.get(url)
    stop = reverse("planning:planner_batch_stop", args=[batch.pk])
    assert browser.post(stop, {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value}).url == url
    stopping = html(browser.get(url))
    assert stopping.count("Stopping…") == 2 and "Stop asked" in stopping
    assert "Stop all and keep" not in stopping
    run_due_tasks()
    stopped = html(browser.get(url))
    assert stopped.count("Stopped before a plan was found") == 2
    for run in batch.runs.all():
        assert run.status == "done" and run.result == {"status": "stopped", "seconds": 0}
    page = html(browser.get(reverse("planning:planner_run", args=[run.pk])))
    assert "The planner was stopped before it found a plan." in page


def test_nothing_ticked_is_refused_in_swedish_and_nothing_starts(cast, offices):
    cast["hr"].language = "sv"
    cast["hr"].save()
    response = post_page(cast["hr"], reverse("planning:offices_planner"), SETTINGS)
    assert response.status_code == 422
    assert "Kryssa i minst ett kontor att planera." in response.content.decode()
    assert not PlannerRun.objects.exists() and not PlannerBatch.objects.exists()
    form = html(session_client(cast["hr"]).get(reverse("planning:offices_planner")))
    assert "Göteborg: 2 personer, 1 arbetsplats" in form
    batch = start(cast["hr"], offices)
    run_due_tasks()
    page = html(session_client(cast["hr"]).get(reverse("planning:planner_batch", args=[batch.pk])))
    assert "Kontor planerade tillsammans, vecka 50" in page and "2 av 2 kontor klara" in page


def test_without_a_worker_the_page_says_so_after_a_few_seconds(cast, offices):
    batch = start(cast["hr"], offices)
    url = reverse("planning:planner_batch", args=[batch.pk])
    assert "No worker" not in html(session_client(cast["hr"]).get(url))
    with time_machine.travel(NOW + datetime.timedelta(seconds=11), tick=False):
        later = html(session_client(cast["hr"]).get(url))
    assert "No worker has started these offices." in later and "manage.py db_worker" in later


def test_the_page_runs_as_many_queries_for_two_offices_as_for_one(cast, offices):
    def queries_for(sites, *, finished: bool) -> int:
        PlannerBatch.objects.all().delete()
        batch = start(cast["hr"], sites)
        if finished:
            run_due_tasks()
        browser = session_client(cast["hr"])
        with CaptureQueriesContext(connection) as counted:
            html(browser.get(reverse("planning:planner_batch", args=[batch.pk])))
        return len(counted)

    for finished in (False, True):
        assert queries_for(offices[:1], finished=finished) == queries_for(offices, finished=finished)


def test_stopping_one_office_on_its_own_page_leaves_stop_all_for_the_others(cast, offices):
    batch = start(cast["hr"], offices)
    first = batch.runs.order_by("site__name").first()
    assert post_page(cast["hr"], reverse("planning:planner_stop", args=[first.pk]), {}).status_code == 302
    page = html(session_client(cast["hr"]).get(reverse("planning:planner_batch", args=[batch.pk])))
    assert page.count("Stopping…") == 1 and "Waiting to start" in page
    assert "Stop all and keep the best plans so far" in page and "Stop asked" not in page
    run_page = html(session_client(cast["hr"]).get(reverse("planning:planner_run", args=[first.pk])))
    assert "Stop asked: the best plan so far is kept." in run_page
    assert "Stop and keep the best plan so far" not in run_page


def test_stop_reaches_an_office_being_planned_but_not_one_finished(cast, offices):
    batch = start(cast["hr"], offices)
    planning, finished = batch.runs.order_by("site__name")
    PlannerRun.objects.filter(pk=planning.pk).update(status=PlannerRun.Status.RUNNING)  # as a worker has it
    PlannerRun.objects.filter(pk=finished.pk).update(
        status=PlannerRun.Status.DONE, result={"status": "optimal"}
    )
    browser = session_client(cast["hr"])
    browser.get(reverse("planning:planner_batch", args=[batch.pk]))
    browser.post(
        reverse("planning:planner_batch_stop", args=[batch.pk]),
        {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value},
    )
    assert PlannerRun.objects.get(pk=planning.pk).stop_requested
    assert not PlannerRun.objects.get(pk=finished.pk).stop_requested


def test_the_count_is_announced_again_only_when_an_office_finishes(cast, offices):
    batch = start(cast["hr"], offices)
    browser = session_client(cast["hr"])
    url = reverse("planning:planner_batch", args=[batch.pk])
    full = html(browser.get(url))
    assert '<span id="batch-count" role="status">0 of 2 offices finished</span>' in full
    assert 'hx-vals=\'{"shown": "0"}\'' in full and full.count('id="batch-count"') == 1
    assert "hx-swap-oob" not in html(browser.get(url, {"shown": "0"}, HTTP_HX_REQUEST="true"))
    run_due_tasks()
    polled = html(browser.get(url, {"shown": "0"}, HTTP_HX_REQUEST="true"))
    assert '<span id="batch-count" hx-swap-oob="innerHTML">2 of 2 offices finished</span>' in polled


def test_a_run_that_failed_says_to_start_again(cast, offices):
    batch = start(cast["hr"], offices)
    run = batch.runs.order_by("site__name").first()
    PlannerRun.objects.filter(pk=run.pk).update(status=PlannerRun.Status.DONE, result={"status": "failed"})
    browser = session_client(cast["hr"])
    assert "The planner failed; start it again" in html(
        browser.get(reverse("planning:planner_batch", args=[batch.pk]))
    )
    assert "The planner failed on this run. Start it again" in html(
        browser.get(reverse("planning:planner_run", args=[run.pk]))
    )


def test_an_office_where_nobody_is_based_is_not_offered_and_an_id_out_of_range_is_refused(cast, offices):
    Site.objects.create(code="EMP", name="Empty office", country="SE", desk_capacity=5)
    form = html(session_client(cast["hr"]).get(reverse("planning:offices_planner")))
    assert "Göteborg: 2 people, 1 desk" in form and "Empty office" not in form
    for sites in (["99999999999999999999999"], ["-1"], ["Göteborg"]):
        response = post_page(cast["hr"], reverse("planning:offices_planner"), {**SETTINGS, "sites": sites})
        assert response.status_code == 422 and "Tick offices from the list." in response.content.decode()
    assert not PlannerBatch.objects.exists()


def test_a_batch_whose_offices_were_removed_is_still_hr_s_alone(cast, offices):
    batch = start(cast["hr"], offices)
    batch.runs.all().delete()
    url = reverse("planning:planner_batch", args=[batch.pk])
    assert session_client(cast["employee"]).get(url).status_code == 403
    assert session_client(cast["hr"]).get(url).status_code == 200


# The same through the API with a personal token, as an integration plans every office each week.


def token_client(person) -> Client:
    return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {bearer(person)}")


def test_the_api_starts_follows_and_stops_several_offices(cast, offices):
    client = token_client(cast["hr"])
    body = {"sites": [site.pk for site in offices], "week": "2026-W50", "time_limit": 5}
    response = client.post("/api/v1/planner/offices", body, content_type="application/json")
    assert response.status_code == 201, response.content
    started = response.json()
    assert (started["total"], started["finished"], started["week"]) == (2, 0, "2026-W50")
    assert [office["site_name"] for office in started["offices"]] == ["Göteborg", "Stockholm"]
    assert {office["status_text"] for office in started["offices"]} == {"Waiting to start"}
    run_due_tasks()
    followed = client.get(f"/api/v1/planner/offices/{started['id']}").json()
    assert followed["finished"] == 2 and followed["notice"] == ""
    for office in followed["offices"]:
        run = client.get(office["url"]).json()
        assert run["site"] == office["site"] and run["result"]["status"] in ("optimal", "feasible")
        assert office["how_close"] == "The best possible" or office["how_close"].startswith("At most")
    second = client.post("/api/v1/planner/offices", body, content_type="application/json").json()
    stopped = client.post(f"/api/v1/planner/offices/{second['id']}/stop").json()
    assert [office["stop_requested"] for office in stopped["offices"]] == [True, True]
    assert {office["status_text"] for office in stopped["offices"]} == {"Stopping…"}


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"sites": [], "week": "2026-W50"}, "sites: Tick at least one office to plan."),
        ({"sites": [99999], "week": "2026-W50"}, "99999 is not one of the available choices"),
        ({"sites": "all", "week": "2026-W50"}, "sites"),
        ({"week": "2026-W50"}, "sites"),
        ({"sites": [1], "week": "2026-W48"}, "week: Week 48, 2026 has passed."),
        ({"sites": [1], "week": "2026-W50", "time_limit": 600}, "time_limit:"),
        ({"sites": [1], "week": "2026-W50", "stray": 1}, "stray"),
    ],
)
def test_every_input_is_checked_and_nothing_starts(cast, body, says):
    response = token_client(cast["hr"]).post("/api/v1/planner/offices", body, content_type="application/json")
    assert response.status_code in (400, 422) and says in response.content.decode()
    assert not PlannerBatch.objects.exists() and not PlannerRun.objects.exists()


def test_a_manager_may_neither_start_nor_follow_offices(cast, offices):
    batch = start(cast["hr"], offices)
    client = token_client(cast["manager"])
    body = {"sites": [offices[0].pk], "week": "2026-W50"}
    assert client.post("/api/v1/planner/offices", body, content_type="application/json").status_code == 403
    assert client.get(f"/api/v1/planner/offices/{batch.pk}").status_code == 403
    assert client.post(f"/api/v1/planner/offices/{batch.pk}/stop").status_code == 403
    assert not batch.runs.filter(stop_requested=True).exists()
