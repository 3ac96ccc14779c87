"""Issue 14: junk in a deviation is refused at the edge (422 naming the field, nothing stored), in the
API as on the page; a deviation closed twice is a conflict (409)."""

import pytest
from django.urls import reverse

from distans.core.testing import api_as, post_page, send
from distans.followup.models import Deviation


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"kind": "alien_abduction"}, "kind"), ({"occurred_on": "0001-01-01"}, "occurred_on")],
)
def test_junk_in_a_deviation_is_refused_naming_the_field_and_nothing_is_stored(cast, changes, field):
    body = {
        "person": cast["employee"].pk,
        "kind": "security",
        "description": "Lost a badge",
        "occurred_on": "2026-01-05",
        **changes,
    }
    answer = send(api_as(cast["manager"]), "post", "/api/v1/deviations", body)
    assert answer.status_code == 422 and field in answer.json()["message"]
    assert not Deviation.objects.exists()


def test_the_page_refuses_the_year_0001(cast):
    data = {
        "person": cast["employee"].pk,
        "kind": "security",
        "description": "Lost a badge",
        "occurred_on": "0001-01-01",
    }
    answer = post_page(cast["manager"], reverse("followup:deviation_new"), data)
    assert "Choose a date between 2000-01-01 and 2100-12-31." in answer.content.decode()
    assert not Deviation.objects.exists()


def test_closing_a_closed_deviation_is_a_conflict(cast):
    body = {
        "person": cast["employee"].pk,
        "kind": "security",
        "description": "Lost a badge",
        "occurred_on": "2026-01-05",
    }
    deviation = send(api_as(cast["manager"]), "post", "/api/v1/deviations", body).json()
    url = f"/api/v1/deviations/{deviation['id']}/close"
    hr = api_as(cast["hr"])
    close = {"actions_taken": "New badge", "consequence": "none"}
    assert send(hr, "post", url, close).json()["status"] == "closed"
    again = send(hr, "post", url, close)
    assert again.status_code == 409 and again.json()["code"] == "closed"
    assert send(hr, "post", url, {**close, "consequence": "fired"}).status_code == 422
