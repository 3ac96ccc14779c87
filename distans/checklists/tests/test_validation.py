"""Issue 14: junk in answers is refused at the edge (422 naming the field, nothing stored), a due date
in the year 0001 is refused on the page, and answering again after submitting is a conflict (409)."""

from django.urls import reverse

from distans.checklists.models import Assignment, Response
from distans.checklists.testing import GOOD_SUITABILITY, answers_for
from distans.core.testing import api_as, post_page, send


def test_an_unknown_role_is_refused_naming_it_and_nothing_is_stored(cast, suitability):
    url = reverse("api:checklist_response_save", args=[suitability.pk])
    answer = send(api_as(cast["manager"]), "put", url, {"answers": {}, "role": "boss"})
    assert answer.status_code == 422 and "role" in answer.json()["message"]
    assert not Response.objects.exists()


def test_submitting_twice_is_a_conflict(cast, suitability):
    client = api_as(cast["manager"])
    url = reverse("api:checklist_submit", args=[suitability.pk])
    body = {"answers": answers_for(suitability, **GOOD_SUITABILITY), "role": "manager"}
    assert send(client, "post", url, body).status_code == 200
    again = send(client, "post", url, body)
    assert again.status_code == 409 and again.json()["code"] == "not_open", "answered, so closed"


def test_a_due_date_in_the_year_0001_is_refused_on_the_page(cast):
    before = Assignment.objects.count()
    data = {"template": "", "due_date": "0001-01-01"}
    answer = post_page(cast["manager"], reverse("checklists:assign", args=[cast["employee"].pk]), data)
    assert answer.status_code == 400
    assert "Choose a date between 2000-01-01 and 2100-12-31." in answer.content.decode()
    assert Assignment.objects.count() == before
