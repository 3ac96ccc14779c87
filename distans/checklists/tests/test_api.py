"""The checklist API: templates, assignments, drafts and submission, honouring permissions."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.checklists import services
from distans.checklists.models import Response
from distans.checklists.testing import GOOD_SUITABILITY, answers_for, builtin


def put(client, url, body):
    return client.put(url, json.dumps(body), content_type="application/json")


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_templates_lists_the_published_builtins_in_the_users_language(client, cast):
    cast["outsider"].language = "da"
    cast["outsider"].save()
    client.force_login(cast["outsider"])
    rows = client.get(reverse("api:checklist_templates")).json()
    titles = {row["key"]: row["title"] for row in rows}
    assert titles["pulse"] == "Trivselsmåling"
    assert len(rows) == 9 and all(row["item_count"] > 0 for row in rows)


def test_assignments_filter_by_person_and_status(client, cast, suitability, due):
    services.assignment_create(
        actor=cast["hr"], template=builtin("it-security"), person=cast["outsider"], due_date=due
    )
    client.force_login(cast["hr"])
    rows = client.get(reverse("api:checklist_assignments"), {"person": cast["employee"].pk}).json()["items"]
    assert [row["id"] for row in rows] == [suitability.pk]
    assert client.get(reverse("api:checklist_assignments"), {"status": "completed"}).json()["count"] == 0
    client.force_login(cast["outsider"])
    rows = client.get(reverse("api:checklist_assignments")).json()["items"]
    assert [row["person_id"] for row in rows] == [cast["outsider"].pk]


def test_assignment_list_query_count_does_not_grow(client, cast, due):
    client.force_login(cast["hr"])
    counts = []
    for _round in range(2):
        for key in ("it-security", "insurance"):
            services.assignment_create(
                actor=cast["hr"], template=builtin(key), person=cast["employee"], due_date=due
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("api:checklist_assignments")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_draft_then_submit_returns_the_result(client, cast, suitability):
    client.force_login(cast["manager"])
    url = reverse("api:checklist_response_save", args=[suitability.pk])
    draft = answers_for(suitability, q1="yes")
    body = put(client, url, {"answers": draft, "role": "manager"}).json()
    assert body["status"] == "draft" and body["answers"] == draft and len(body["items"]) == 12

    result = post(
        client,
        reverse("api:checklist_submit", args=[suitability.pk]),
        {"answers": answers_for(suitability, **{**GOOD_SUITABILITY, "q11": "no"}), "role": "manager"},
    )
    body = result.json()
    assert result.status_code == 200
    assert body["outcome"] == "pass_with_actions" and body["score"] is not None
    assert body["actions"][0]["owner_id"] == cast["employee"].pk

    client.force_login(cast["employee"])
    seen = client.get(reverse("api:checklist_response", args=[suitability.pk]), {"role": "manager"}).json()
    assert seen["outcome"] == "pass_with_actions"


def test_bad_answers_are_refused_in_the_users_language_and_the_draft_is_kept(client, cast, suitability):
    cast["manager"].language = "sv"
    cast["manager"].save()
    client.force_login(cast["manager"])
    url = reverse("api:checklist_response_save", args=[suitability.pk])
    kept = answers_for(suitability, q1="yes")
    put(client, url, {"answers": kept, "role": "manager"})
    response = put(client, url, {"answers": answers_for(suitability, q1="kanske"), "role": "manager"})
    assert response.status_code == 422
    assert response.json()["code"] == "bad_answers"
    assert "svara ja eller nej" in response.json()["message"]
    assert Response.objects.get().answers == kept


def test_someone_elses_draft_stays_private(client, cast, suitability):
    services.response_save(
        actor=cast["manager"],
        assignment=suitability,
        role="manager",
        answers=answers_for(suitability, q1="no"),
    )
    client.force_login(cast["employee"])
    body = client.get(reverse("api:checklist_response", args=[suitability.pk]), {"role": "manager"}).json()
    assert body["answers"] == {} and body["status"] == "new"


def test_only_the_respondent_may_answer(client, cast, suitability):
    client.force_login(cast["hr"])
    response = put(
        client,
        reverse("api:checklist_response_save", args=[suitability.pk]),
        {"answers": {}, "role": "manager"},
    )
    assert response.status_code == 403
