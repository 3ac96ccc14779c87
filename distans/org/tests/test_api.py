"""The people, units and sites of the API: who sees a person's full record, filters, and lists that
run a bounded number of queries."""

import pytest

from distans.org.demo import demo_load
from distans.org.models import Person


def test_person_details_only_for_those_allowed(client, cast):
    client.force_login(cast["outsider"])
    data = client.get(f"/api/v1/people/{cast['employee'].pk}").json()
    assert data["name"] == "Åsa Öberg" and data["details"] is None
    client.force_login(cast["skip"])
    data = client.get(f"/api/v1/people/{cast['employee'].pk}").json()
    assert data["details"]["employee_number"] == "102"


def test_people_filter_by_unit_and_search(client, cast):
    client.force_login(cast["employee"])
    data = client.get("/api/v1/people", {"q": "asa oberg"}).json()
    assert [p["name"] for p in data["items"]] == ["Åsa Öberg"]
    data = client.get("/api/v1/people", {"unit": cast["outsider"].unit_id}).json()
    assert [p["name"] for p in data["items"]] == ["Olav Haugen"]


@pytest.mark.django_db
def test_lists_run_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    demo_load(people=150, seed=2)
    client.force_login(Person.objects.get(email="asa.oberg@nordvik.example"))
    for url in ["/api/v1/people?limit=100", "/api/v1/units", "/api/v1/sites"]:
        with django_assert_max_num_queries(6):
            response = client.get(url)
        assert response.status_code == 200 and response.json()["count"] > 0
