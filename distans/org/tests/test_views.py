import pytest
from django.urls import reverse

from distans.core.testing import html
from distans.org.demo import demo_load
from distans.org.models import Person


def test_directory_search_finds_nordic_names_with_or_without_diacritics(client, cast):
    client.force_login(cast["outsider"])
    for query in ["öberg", "ÖBERG", "oberg", "åsa öb"]:
        page = html(client.get(reverse("org:directory"), {"q": query}))
        assert "Åsa Öberg" in page, query
        assert "Björn Ekström" not in page, query


def test_directory_search_as_htmx_returns_only_the_results(client, cast):
    client.force_login(cast["employee"])
    response = client.get(reverse("org:directory"), {"q": "ström"}, HTTP_HX_REQUEST="true")
    page = html(response)
    assert page.lstrip().startswith('<div id="results"')
    assert "Björn Ekström" in page and "Ingrid Nyström" in page and "Åsa Öberg" not in page


def test_directory_hides_leavers(client, cast):
    cast["manager"].is_active = False
    cast["manager"].save()
    client.force_login(cast["employee"])
    assert "Björn Ekström" not in html(client.get(reverse("org:directory")))
    assert client.get(reverse("org:person", args=[cast["manager"].pk])).status_code == 404


@pytest.mark.django_db
def test_directory_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    demo_load(people=120, seed=3)
    client.force_login(Person.objects.get(email="asa.oberg@nordvik.example"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("org:directory"))
    assert response.status_code == 200
    assert html(response).count('<td><a href="/people/') == 50  # one page


@pytest.mark.django_db
def test_unit_pages_run_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    demo_load(people=120, seed=3)
    person = Person.objects.get(email="asa.oberg@nordvik.example")
    client.force_login(person)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("org:unit_list")).status_code == 200
    with django_assert_max_num_queries(12):
        page = html(client.get(reverse("org:unit", args=[person.unit_id])))
    assert "Åsa Öberg" in page and "Björn Ekström" in page


@pytest.mark.parametrize(
    "viewer, sees_details",
    [
        ("employee", True),
        ("manager", True),
        ("skip", True),
        ("hr", True),
        ("admin", True),
        ("outsider", False),
        ("hr_approver", False),
    ],
)
def test_full_record_only_for_self_managers_in_line_hr_and_admin(client, cast, viewer, sees_details):
    client.force_login(cast[viewer])
    page = html(client.get(reverse("org:person", args=[cast["employee"].pk])))
    assert "asa@example.com" in page  # the directory card is for everyone
    assert ("Employee number" in page) is sees_details


def test_a_person_s_record_names_the_position_and_the_time_zone_in_words(client, cast):
    cast["hr"].language = "sv"
    cast["hr"].save()
    client.force_login(cast["hr"])
    page = html(client.get(reverse("org:person", args=[cast["employee"].pk])))
    assert "Customer service adviser" in page  # the position's own name, as the organisation wrote it
    assert "Europe/Stockholm" not in page and "(Stockholm)" in page


def test_my_page_shows_the_team_and_what_needs_attention(client, cast):
    cast["employee"].position = None
    cast["employee"].save()
    client.force_login(cast["manager"])
    page = html(client.get(reverse("core:my_page")))
    assert "Åsa Öberg" in page
    assert "1 of your reports has no position" in page
    client.force_login(cast["employee"])
    page = html(client.get(reverse("core:my_page")))
    assert "Nothing needs your attention right now." in page


def test_admin_deactivates_a_leaver_who_is_signed_out_at_once(client, cast):
    from django.test import Client

    leaver = Client()
    leaver.force_login(cast["outsider"])
    assert leaver.get(reverse("core:my_page")).status_code == 200
    client.force_login(cast["admin"])
    response = client.post(
        reverse("org:person_set_active", args=[cast["outsider"].pk]), {"active": "0", "confirm": "on"}
    )
    assert response.status_code == 302
    assert leaver.get(reverse("core:my_page")).status_code == 302  # back to sign-in
    cast["outsider"].refresh_from_db()
    assert not cast["outsider"].is_active


def test_admin_cannot_deactivate_themself(client, cast):
    client.force_login(cast["admin"])
    response = client.post(
        reverse("org:person_set_active", args=[cast["admin"].pk]), {"active": "0", "confirm": "on"}
    )
    assert "You cannot deactivate yourself." in html(response)  # on the confirmation page
    cast["admin"].refresh_from_db()
    assert cast["admin"].is_active


def test_language_switch_saves_to_profile_and_speaks_it(client, cast):
    client.force_login(cast["employee"])
    response = client.post(reverse("core:language"), {"language": "sv", "next": "/people/"})
    assert response.status_code == 302 and response["Location"] == "/people/"
    cast["employee"].refresh_from_db()
    assert cast["employee"].language == "sv"
    page = html(client.get(reverse("core:my_page")))
    assert "Min sida" in page and 'lang="sv"' in page


def test_language_switch_ignores_foreign_redirects(client, cast):
    client.force_login(cast["employee"])
    response = client.post(reverse("core:language"), {"language": "da", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_dates_follow_the_language_with_iso_week(client, cast, time_machine):
    time_machine.move_to("2026-11-23 09:00:00+01:00")
    cast["employee"].language = "nb"
    cast["employee"].save()
    client.force_login(cast["employee"])
    page = html(client.get(reverse("core:my_page")))
    assert "mandag 23. november 2026" in page and "uke 48" in page


def test_with_many_units_the_directory_filters_by_unit_from_links_not_a_huge_list(client, cast):
    from distans.org.forms import MAX_UNITS_IN_SELECT
    from distans.org.models import Unit

    Unit.objects.bulk_create(Unit(code=f"U{i}", name=f"Team {i}") for i in range(MAX_UNITS_IN_SELECT))
    client.force_login(cast["employee"])
    page = html(client.get(reverse("org:directory"), {"unit": cast["outsider"].unit_id}))
    assert '<select name="unit"' not in page
    assert "Olav Haugen" in page and "Björn Ekström" not in page


def test_sites_page_shows_desks_and_how_many_work_there(client, cast):
    client.force_login(cast["employee"])
    page = html(client.get(reverse("org:site_list")))
    assert "Stockholm" in page and "<td>40</td>" in page  # desks
    assert "<td>2</td>" in page  # Björn and Åsa are at the Stockholm office
