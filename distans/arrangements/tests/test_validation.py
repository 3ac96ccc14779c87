"""Issue 14: junk in a request is refused at the edge (422 naming the field, nothing stored), and
refusals follow the error contract: 403 not allowed, 409 when the request has moved on."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from distans.arrangements import services
from distans.arrangements.models import Decision, Request
from distans.arrangements.testing import draft, start
from distans.core.errors import DomainError
from distans.core.testing import api_as, as_post, browser_form, send


def api(person):
    """POST as an integration does: with the person's read-write token."""
    client = api_as(person)
    return lambda url, body=None: send(client, "post", url, body or {})


def request_body(**changes):
    return {"days_per_week": "2", "start_date": start().isoformat(), **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weekdays": [9, -1], "flexible": False}, "weekdays"),
        ({"location": "moon"}, "location"),
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"end_date": "2999-01-01"}, "end_date"),
        ({"days_per_week": "7"}, "days_per_week"),
    ],
)
def test_junk_in_a_request_is_refused_naming_the_field_and_nothing_is_stored(cast, changes, field):
    answer = api(cast["employee"])(reverse("api:requests"), request_body(**changes))
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid" and field in answer.json()["message"]
    assert not Request.objects.exists()


def test_the_api_says_it_in_the_person_s_language(cast):
    asa = cast["employee"]
    asa.language = "sv"
    asa.save()
    answer = api(asa)(reverse("api:requests"), request_body(weekdays=[9]))
    assert answer.status_code == 422 and "weekdays" in answer.json()["message"]
    assert "Some values" not in answer.json()["message"]


def test_an_end_before_the_start_is_a_422_not_a_database_error(cast):
    body = request_body(end_date=(start() - datetime.timedelta(days=1)).isoformat())
    answer = api(cast["employee"])(reverse("api:requests"), body)
    assert answer.status_code == 422
    assert answer.json() == {"code": "end_before_start", "message": "The end cannot be before the start."}
    assert not Request.objects.exists()


def test_a_changed_request_ending_before_its_start_is_refused(cast):
    asa = cast["employee"]
    request = draft(asa)
    with pytest.raises(DomainError) as refused:
        services.request_update(actor=asa, request=request, end_date=start() - datetime.timedelta(days=1))
    assert refused.value.code == "end_before_start" and refused.value.field == "end_date"
    request.refresh_from_db()
    assert request.end_date is None


def _post_new_request(person, **fields):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    url = reverse("arrangements:new")
    form = browser_form(client.get(url).content.decode())
    data = as_post(form.data)
    data.update({name: [value] for name, value in fields.items()})
    return client.post(url, data)


def test_the_form_refuses_the_year_0001_on_the_page(cast):
    answer = _post_new_request(cast["employee"], start_date="0001-01-01")
    page = answer.content.decode()
    assert answer.status_code == 400
    assert "Choose a date between 2000-01-01 and 2100-12-31." in page
    assert not Request.objects.exists()


def test_the_form_refuses_an_end_before_the_start_on_the_page(cast):
    answer = _post_new_request(
        cast["employee"],
        start_date=start().isoformat(),
        end_date=(start() - datetime.timedelta(days=1)).isoformat(),
    )
    assert answer.status_code == 400
    assert "The end cannot be before the start." in answer.content.decode()
    assert not Request.objects.exists()


def test_the_date_picker_offers_only_dates_in_the_window(cast):
    client = Client()
    client.force_login(cast["employee"])
    page = client.get(reverse("arrangements:new")).content.decode()
    assert 'min="2000-01-01"' in page and 'max="2100-12-31"' in page


@pytest.fixture
def in_review(cast, asa_assessed):
    asa = cast["employee"]
    return services.request_submit(actor=asa, request=draft(asa))


def test_a_junk_decision_is_refused_and_nothing_is_recorded(cast, in_review):
    decide = api(cast["manager"])
    url = reverse("api:request_decide", args=[in_review.pk])
    assert decide(url, {"decision": "maybe"}).status_code == 422
    answer = decide(url, {"decision": "approve_with_changes", "changes": {"weekdays": [9]}})
    assert answer.status_code == 422 and "weekdays" in answer.json()["message"]
    assert not Decision.objects.exists()


def test_the_employee_deciding_her_own_request_is_not_allowed(cast, in_review):
    url = reverse("api:request_decide", args=[in_review.pk])
    answer = api(cast["employee"])(url, {"decision": "approve"})
    assert answer.status_code == 403 and answer.json()["code"] == "not_allowed"


def test_a_step_decided_meanwhile_is_a_conflict(cast, in_review):
    decide = api(cast["manager"])
    url = reverse("api:request_decide", args=[in_review.pk])
    seen = {"round": in_review.round, "step": in_review.step}
    assert decide(url, {"decision": "return", "comment": "More, please.", **seen}).status_code == 200
    again = decide(url, {"decision": "approve", **seen})
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    assert Decision.objects.count() == 1


def test_withdrawing_twice_is_a_conflict_and_someone_else_s_is_not_allowed(cast, in_review):
    url = reverse("api:request_withdraw", args=[in_review.pk])
    assert api(cast["manager"])(url).status_code == 403, "the manager may see it, not withdraw it"
    withdraw = api(cast["employee"])
    assert withdraw(url).status_code == 200
    again = withdraw(url)
    assert again.status_code == 409 and again.json()["code"] == "not_now"
