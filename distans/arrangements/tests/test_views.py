"""Request pages: asking with live findings, deciding, lists, the HR overview and its CSV."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.arrangements import services
from distans.arrangements.models import Request
from distans.arrangements.testing import draft, start
from distans.core.testing import html


def form(days="2", **extra):
    return {
        "days_per_week": days,
        "pattern": "flexible",
        "location": "home",
        "start_date": start().isoformat(),
        **extra,
    }


def test_the_form_shows_the_findings_live(client, cast):
    client.force_login(cast["employee"])
    response = client.post(reverse("arrangements:evaluate"), form("3"), HTTP_HX_REQUEST="true")
    page = html(response)
    assert "the HR approver" in page and "more than the 2 a line manager may approve" in page
    assert 'id="findings"' in page and "<html" not in page


def test_live_findings_in_swedish_name_the_policy(client, cast):
    cast["employee"].language = "sv"
    cast["employee"].save()
    client.force_login(cast["employee"])
    page = html(client.post(reverse("arrangements:evaluate"), form("3")))
    assert "så HR beslutar efter din chef" in page
    assert "version 1" in page


def test_employee_asks_and_sends_then_the_manager_sees_it_to_decide(client, cast, asa_assessed):
    client.force_login(cast["employee"])
    response = client.post(reverse("arrangements:new"), form("2", motivation="Focus work"))
    request = Request.objects.get()
    assert response.url == reverse("arrangements:detail", args=[request.pk])
    client.post(reverse("arrangements:act", args=[request.pk, "submit"]))
    request.refresh_from_db()
    assert request.status == "in_review"

    client.force_login(cast["manager"])
    page = html(client.get(reverse("arrangements:to_decide")))
    assert "Åsa Öberg" in page
    page = html(client.get(reverse("arrangements:detail", args=[request.pk])))
    assert "Your decision" in page and "Pass" in page
    client.post(
        reverse("arrangements:decide", args=[request.pk]), {"decision": "approve", "round": 1, "step": 0}
    )
    request.refresh_from_db()
    assert request.status == "approved"


def test_an_on_site_position_gets_a_blocking_finding_that_says_why(client, cast):
    position = cast["employee"].position
    position.remote_suitability = "onsite"
    position.save()
    client.force_login(cast["employee"])
    page = html(client.post(reverse("arrangements:evaluate"), form("1")))
    assert "marked as on-site only, so the policy does not allow remote work" in page
    assert "Stops the request" in page


def test_a_bad_form_answers_400_and_stores_nothing(client, cast):
    client.force_login(cast["employee"])
    response = client.post(reverse("arrangements:new"), form("2", location="abroad"))
    assert response.status_code == 400 and "Needed when the place of work is abroad." in html(response)
    assert not Request.objects.exists()


def test_manager_starts_a_request_for_an_employee(client, cast):
    client.force_login(cast["manager"])
    response = client.post(reverse("arrangements:new") + f"?person={cast['employee'].pk}", form("1"))
    request = Request.objects.get()
    assert request.person == cast["employee"] and request.created_by == cast["manager"]
    assert response.status_code == 302
    client.force_login(cast["outsider"])
    assert client.get(reverse("arrangements:new") + f"?person={cast['employee'].pk}").status_code == 403


def test_the_manager_starts_the_assessment_from_the_request(client, cast):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    client.force_login(cast["manager"])
    response = client.post(reverse("arrangements:assess", args=[request.pk]))
    assert "/checklists/assignments/" in response.url and response.url.endswith("/answer/manager/")
    again = client.post(reverse("arrangements:assess", args=[request.pk]))
    assert again.url == response.url  # the waiting assessment, not a second one


def test_overview_filters_and_exports_csv_with_nordic_letters(client, cast):
    draft(cast["employee"])
    draft(cast["outsider"], days="1")
    client.force_login(cast["hr"])
    page = html(client.get(reverse("arrangements:overview"), {"country": "NO"}))
    assert "Olav Haugen" in page and "Åsa Öberg" not in page
    page = html(client.get(reverse("arrangements:overview"), {"unit": cast["employee"].unit_id}))
    assert "Åsa Öberg" in page and "Olav Haugen" not in page
    response = client.get(reverse("arrangements:overview"), {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Åsa Öberg" in text and "Olav Haugen" in text and ";" in text.splitlines()[0]


def test_request_pages_run_a_bounded_number_of_queries(client, cast):
    client.force_login(cast["hr"])
    counts = []
    for _round in range(2):
        draft(cast["employee"])
        draft(cast["outsider"])
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("arrangements:overview"))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_policy_page_shows_the_text_and_the_rules_in_plain_words(client, cast):
    cast["outsider"].language = "nb"
    cast["outsider"].save()
    client.force_login(cast["outsider"])
    page = html(client.get(reverse("policy:page")))
    assert "Et gode, ikke en rettighet" in page
    assert "Nærmeste leder kan avtale inntil 2 dager i uken med deg." in page


def test_hr_drafts_edits_and_publishes_a_policy_version(client, cast):
    client.force_login(cast["hr"])
    response = client.post(reverse("policy:versions"))
    from distans.policy.models import PolicyVersion

    draft_version = PolicyVersion.objects.get(number=2)
    assert response.url == reverse("policy:version", args=[draft_version.pk])
    page = client.get(reverse("policy:version", args=[draft_version.pk]))
    data = {key: value for key, value in page.context["form"].initial.items() if value is not None}
    data.update(
        {
            "effective_from": start().isoformat(),
            "manager_max_days": "1",
            "required_checklists": ["it_security"],
            **{
                f"text_{code}": f"# Policy {code}\n<script>alert(1)</script>"
                for code in ("en", "sv", "nb", "da")
            },
        }
    )
    data = {key: value for key, value in data.items() if not isinstance(value, bool) or value}
    response = client.post(reverse("policy:version", args=[draft_version.pk]), data)
    assert response.status_code == 302, html(response)
    client.post(reverse("policy:publish", args=[draft_version.pk]))
    draft_version.refresh_from_db()
    assert draft_version.status == "published" and draft_version.manager_max_days == 1
    preview = html(client.get(reverse("policy:preview", args=[draft_version.pk])))
    assert "&lt;script&gt;" in preview and "<script>alert" not in preview


def test_api_evaluate_create_submit_and_decide(client, cast, asa_assessed):
    client.force_login(cast["employee"])
    body = {"days_per_week": "3", "start_date": start().isoformat()}
    evaluation = client.post(
        reverse("api:request_evaluate"), json.dumps(body), content_type="application/json"
    ).json()
    assert evaluation["route"] == ["manager", "hr_approver"]
    assert "above_manager_limit" in [finding["code"] for finding in evaluation["findings"]]
    created = client.post(reverse("api:requests"), json.dumps(body), content_type="application/json")
    assert created.status_code == 201
    request_id = created.json()["id"]
    submitted = client.post(reverse("api:request_submit", args=[request_id])).json()
    assert submitted["status"] == "in_review" and submitted["policy_version"] == 1
    client.force_login(cast["manager"])
    decided = client.post(
        reverse("api:request_decide", args=[request_id]),
        json.dumps({"decision": "approve"}),
        content_type="application/json",
    ).json()
    assert decided["step"] == 1
    client.force_login(cast["hr_approver"])
    decided = client.post(
        reverse("api:request_decide", args=[request_id]),
        json.dumps({"decision": "reject"}),
        content_type="application/json",
    )
    assert decided.status_code == 422 and decided.json()["code"] == "comment_required"
    assert client.get(reverse("api:policy")).json()["manager_max_days"] == "2.0"


def test_a_decider_who_lost_the_race_is_told_on_the_request_page(cast, asa_assessed):
    """The manager decides in one tab; the decision sent from a second tab, loaded before, says what
    happened instead of a bare 403."""
    from django.test import Client

    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    seen = {"decision": "approve", "comment": "", "round": request.round, "step": request.step}
    services.request_decide(actor=cast["manager"], request=request, decision="approve")
    client = Client()
    client.force_login(cast["manager"])
    response = client.post(reverse("arrangements:decide", args=[request.pk]), seen, follow=True)
    assert response.status_code == 200
    assert "Someone else has just decided this step" in html(response)
    request.refresh_from_db()
    assert (request.status, request.current_step) == ("in_review", "hr_approver")
    # Someone who may see the request but not decide its step is still refused.
    client.force_login(cast["skip"])
    now = {**seen, "round": request.round, "step": request.step}
    assert client.post(reverse("arrangements:decide", args=[request.pk]), now).status_code == 403
