"""Leavers: deactivating someone is confirmed first, and HR and administrators find people who have left
in the people list, marked with when they left."""

import datetime

import pytest
from django.urls import reverse

from distans.core.testing import csrf_token, html, session_client
from distans.org import services
from distans.org.models import Person


def test_deactivating_asks_first_and_says_what_happens(cast):
    admin = session_client(cast["admin"])
    person_page = html(admin.get(reverse("org:person", args=[cast["outsider"].pk])))
    confirm_url = reverse("org:person_deactivate", args=[cast["outsider"].pk])
    assert f'href="{confirm_url}"' in person_page and "Deactivate…" in person_page

    page = html(admin.get(confirm_url))
    assert "Deactivate Olav Haugen?" in page
    assert "signed out everywhere now, and their API tokens stop working" in page
    assert "agreements end" in page and "equipment lent to them is asked back" in page
    assert "plans and the planner" in page

    url = reverse("org:person_set_active", args=[cast["outsider"].pk])
    token = csrf_token(admin, signed_in=True)
    refused = admin.post(url, {"active": "0", "csrfmiddlewaretoken": token})
    assert refused.status_code == 400
    assert "Tick the box to confirm" in html(refused) and "Deactivate Olav Haugen?" in html(refused)
    assert Person.objects.get(pk=cast["outsider"].pk).is_active

    done = admin.post(url, {"active": "0", "confirm": "on", "csrfmiddlewaretoken": token}, follow=True)
    assert "Olav Haugen is deactivated" in html(done)
    assert not Person.objects.get(pk=cast["outsider"].pk).is_active


@pytest.mark.parametrize("role", ["employee", "manager", "hr"])
def test_only_an_administrator_is_asked_to_deactivate(cast, role):
    client = session_client(cast[role])
    assert client.get(reverse("org:person_deactivate", args=[cast["employee"].pk])).status_code == 403


@pytest.fixture
def leaver(cast, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC))
    services.person_deactivate(actor=cast["admin"], person=cast["employee"])
    time_machine.move_to(datetime.datetime(2026, 4, 1, 10, tzinfo=datetime.UTC))
    return cast["employee"]


@pytest.mark.parametrize("role", ["hr", "admin"])
def test_hr_and_admins_find_people_who_have_left_by_name_or_number(cast, leaver, role):
    client = session_client(cast[role])
    assert "Show people who have left" in html(client.get(reverse("org:directory")))
    assert "Åsa Öberg" not in html(client.get(reverse("org:directory"), {"q": "102"}))
    for query in ["åsa", "102"]:
        page = html(client.get(reverse("org:directory"), {"q": query, "left": "on"}))
        assert "Åsa Öberg" in page and "Left on 2 March 2026" in page and "Björn" not in page, query
    assert "Left on 2 March 2026" in html(client.get(reverse("org:person", args=[leaver.pk])))


def test_a_leaver_without_a_date_is_marked_as_having_left(cast):
    Person.objects.filter(pk=cast["employee"].pk).update(is_active=False)  # as an old import left them
    page = html(session_client(cast["hr"]).get(reverse("org:directory"), {"left": "on"}))
    assert "Åsa Öberg" in page and "Has left" in page


@pytest.mark.parametrize("role", ["manager", "outsider", "hr_approver"])
def test_others_do_not_find_leavers_in_the_people_list(cast, leaver, role):
    """Not even her own manager, who still reaches her page by a link."""
    page = html(session_client(cast[role]).get(reverse("org:directory"), {"q": "åsa", "left": "on"}))
    assert "Åsa Öberg" not in page and "Show people who have left" not in page


def test_an_empty_list_of_leavers_says_nobody_has_left(cast):
    page = html(session_client(cast["hr"]).get(reverse("org:directory"), {"left": "on"}))
    assert "Nobody here has left." in page and "Try part of a name" not in page
    searched = html(session_client(cast["hr"]).get(reverse("org:directory"), {"q": "zzz", "left": "on"}))
    assert "Try part of a name" in searched
