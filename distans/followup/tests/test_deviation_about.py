"""A deviation's "About" is a person picker: the page lists no one, its search finds only the people
the user may report about, and the form takes the person chosen or typed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.core.testing import html, post_page, session_client
from distans.followup.forms import DEVIATION_ABOUT
from distans.followup.models import Deviation
from distans.org.models import Person
from distans.org.person_picker import label


def search(person, query):
    return html(
        session_client(person).get(
            reverse("org:person_search"), {"purpose": DEVIATION_ABOUT, "q": query}, HTTP_HX_REQUEST="true"
        )
    )


def test_a_manager_finds_her_reports_not_another_unit_s_people_and_hr_finds_everyone(cast):
    assert "Åsa Öberg" in search(cast["manager"], "åsa")
    assert "Olav Haugen" not in search(cast["manager"], "olav")
    assert "Olav Haugen" not in search(cast["manager"], "olav@example.com")
    assert "Olav Haugen" not in search(cast["employee"], "olav")
    assert "Olav Haugen" in search(cast["hr"], "hau")


def many(n, manager):
    Person.objects.bulk_create(
        Person(email=f"p{i}.{n}@example.com", first_name="Per", last_name=f"Nilsson{n}-{i}", manager=manager)
        for i in range(n)
    )


def page_queries(person) -> tuple[int, str]:
    client = session_client(person)
    client.get(reverse("followup:deviation_new"))  # sessions, CSRF cookie
    with CaptureQueriesContext(connection) as captured:
        page = html(client.get(reverse("followup:deviation_new")))
    return len(captured.captured_queries), page


def test_the_form_lists_no_one_so_its_queries_do_not_grow_with_the_organisation(cast):
    many(20, cast["manager"])
    small, page = page_queries(cast["hr"])
    assert "Nilsson" not in page
    many(400, cast["manager"])
    large, page = page_queries(cast["hr"])
    assert large == small and "Nilsson400" not in page
    assert 'role="combobox"' in page


def test_the_person_chosen_from_the_list_is_reported_about(cast):
    data = {"kind": "other", "occurred_on": "2026-01-05", "description": "The VPN drops."}
    asa = cast["employee"]
    post_page(
        cast["manager"],
        reverse("followup:deviation_new"),
        {**data, "person": asa.pk, "person_text": label(asa)},
    )
    assert Deviation.objects.get().person == asa


def test_someone_the_user_may_not_report_about_is_refused_however_named(cast):
    data = {"kind": "other", "occurred_on": "2026-01-05", "description": "x"}
    olav = cast["outsider"]
    typed = post_page(
        cast["manager"], reverse("followup:deviation_new"), {**data, "person": "", "person_text": olav.email}
    )
    assert "No one you can choose here matches" in typed.content.decode()
    by_id = post_page(cast["manager"], reverse("followup:deviation_new"), {**data, "person": olav.pk})
    assert by_id.status_code == 403
    assert not Deviation.objects.exists()
