"""One request in review at a time: a second is refused with the reason and the way to the first.

Cast: Åsa, an employee in Support Sweden; Björn, her line manager; Olav, in another unit."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from distans.arrangements import services
from distans.arrangements.models import Request
from distans.arrangements.testing import draft
from distans.core import services as token_services
from distans.core.errors import DomainError
from distans.core.models import ApiToken
from distans.core.testing import as_post, browser_form


@pytest.fixture
def in_review(cast, asa_assessed):
    return services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))


def submitted_on(request: Request) -> str:
    return formats.date_format(timezone.localdate(request.submitted_at), "DATE_FORMAT")


def browser(person) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    return client


def test_a_second_request_is_refused_naming_the_first(cast, in_review):
    with pytest.raises(DomainError) as refused:
        draft(cast["employee"], days="1")
    assert refused.value.code == "request_in_review" and refused.value.status == 409
    assert refused.value.message == (
        f"You already have a request in review (from {submitted_on(in_review)}); withdraw it first or "
        "wait for the decision."
    )
    assert Request.objects.filter(person=cast["employee"]).count() == 1


def test_a_manager_starting_one_is_told_whose_request_waits(cast, in_review):
    with pytest.raises(DomainError, match="Åsa Öberg already has a request in review"):
        draft(cast["employee"], actor=cast["manager"], days="1")


def test_a_draft_made_earlier_cannot_be_sent_while_another_is_in_review(cast, asa_assessed):
    asa = cast["employee"]
    earlier = draft(asa, days="1")
    first = services.request_submit(actor=asa, request=draft(asa))
    with pytest.raises(DomainError, match="already have a request in review"):
        services.request_submit(actor=asa, request=earlier)
    earlier.refresh_from_db()
    assert earlier.status == "draft"
    services.request_withdraw(actor=asa, request=first)
    assert services.request_submit(actor=asa, request=earlier).status == "in_review"


def test_proposed_changes_not_yet_answered_still_count_as_in_review(cast, in_review):
    services.request_decide(
        actor=cast["manager"],
        request=in_review,
        decision="approve_with_changes",
        changes={"days_per_week": 1},
    )
    with pytest.raises(DomainError, match="in review"):
        draft(cast["employee"], days="1")


def test_someone_else_s_request_does_not_stop_hers(cast, in_review):
    olav = cast["outsider"]
    assert draft(olav).status == "draft"


def test_after_the_decision_a_new_request_can_be_made(cast, in_review):
    services.request_decide(actor=cast["manager"], request=in_review, decision="reject", comment="Not now")
    assert draft(cast["employee"], days="1").status == "draft"


# On the pages, where the user acts


def test_the_request_form_says_why_and_links_to_the_request_in_review(cast, in_review):
    page = browser(cast["employee"]).get(reverse("arrangements:new")).content.decode()
    assert f"You already have a request in review (from {submitted_on(in_review)})" in page
    assert reverse("arrangements:detail", args=[in_review.pk]) in page
    assert 'name="days_per_week"' not in page, "no form to fill in only to be refused"


def test_a_form_sent_from_a_page_opened_earlier_is_refused_in_place(cast, asa_assessed):
    asa = cast["employee"]
    client = browser(asa)
    url = reverse("arrangements:new")
    form = as_post(browser_form(client.get(url).content.decode()).data)  # the page is opened …
    first = services.request_submit(actor=asa, request=draft(asa))  # … another request goes in meanwhile
    form["days_per_week"] = ["1"]
    answer = client.post(url, form)
    page = answer.content.decode()
    assert answer.status_code == 409
    assert 'role="alert"' in page and "withdraw it first or wait for the decision" in page
    assert reverse("arrangements:detail", args=[first.pk]) in page
    assert 'name="days_per_week"' in page, "what she filled in is still there"
    assert Request.objects.filter(person=asa).count() == 1


def test_the_draft_s_page_offers_no_sending_while_another_is_in_review(cast, asa_assessed):
    asa = cast["employee"]
    earlier = draft(asa, days="1")
    first = services.request_submit(actor=asa, request=draft(asa))
    client = browser(asa)
    page = client.get(reverse("arrangements:detail", args=[earlier.pk])).content.decode()
    assert "Send for decision" not in page and "You already have a request in review" in page
    assert reverse("arrangements:detail", args=[first.pk]) in page
    token = dict(browser_form(page, reverse("arrangements:act", args=[earlier.pk, "withdraw"])).data)
    answer = client.post(
        reverse("arrangements:act", args=[earlier.pk, "submit"]),
        {"csrfmiddlewaretoken": token["csrfmiddlewaretoken"]},
        follow=True,
    )
    assert "You already have a request in review" in answer.content.decode()
    earlier.refresh_from_db()
    assert earlier.status == "draft"


def test_the_api_answers_409_with_the_reason(cast, in_review):
    asa = cast["employee"]
    _token, key = token_services.token_create(
        actor=asa, person=asa, name="script", scope=ApiToken.Scope.READ_WRITE
    )
    body = {"days_per_week": "1", "start_date": in_review.start_date.isoformat()}
    answer = Client().post(
        reverse("api:requests"),
        json.dumps(body),
        content_type="application/json",
        headers={"authorization": f"Bearer {key}"},
    )
    assert answer.status_code == 409
    assert answer.json()["code"] == "request_in_review"
    assert "withdraw it first" in answer.json()["message"]
