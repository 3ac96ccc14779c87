"""Who is at the office today: the people planned there, visitors included, for the roles the organisation
chooses."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse

from distans.org.models import Site
from distans.planning.models import DayChange, WorkPattern

# Monday 7 December 2026, 09:00 in Stockholm: a working day, no holiday.
MORNING = datetime.datetime(2026, 12, 7, 8, tzinfo=datetime.UTC)
TODAY = MORNING.date()


@pytest.fixture
def day(cast, site):
    """Åsa works from home on Mondays; Björn comes in as usual; Olav, based nowhere, visits Stockholm
    today; Elin is away."""
    WorkPattern.objects.create(person=cast["employee"], valid_from=datetime.date(2026, 1, 5), mon="remote")
    DayChange.objects.create(person=cast["outsider"], date=TODAY, kind="office", site=site)
    DayChange.objects.create(person=cast["hr"], date=TODAY, kind="away", away_reason="leave")
    cast["manager"].phone = "+46 70 123 45 67"
    cast["manager"].save()
    return cast


@time_machine.travel(MORNING, tick=False)
def test_the_list_names_everyone_planned_at_the_office_today(
    client, day, site, django_assert_max_num_queries
):
    Site.objects.create(code="OSL", name="Oslo", country="NO")
    client.force_login(day["hr"])
    with django_assert_max_num_queries(15):
        response = client.get(reverse("reports:today"), {"site": site.pk})
    page = response.content.decode()
    names = [f"{person.last_name}, {person.first_name}" for person in response.context["people"]]
    assert names == ["Ekström, Björn", "Haugen, Olav"]
    assert "+46 70 123 45 67" in page
    assert "2 people planned at the office." in page
    assert "Computed" in page
    assert "Stockholm · Monday 7 December 2026" in page
    for language, heading in (("nb", "mandag 7. desember 2026"), ("da", "mandag 7. december 2026")):
        day["hr"].language = language
        day["hr"].save()
        assert heading in client.get(reverse("reports:today"), {"site": site.pk}).content.decode()


@time_machine.travel(MORNING, tick=False)
def test_the_reader_s_own_site_comes_first(client, day, site):
    client.force_login(day["manager"])
    day["manager"].groups.add(Group.objects.get(name="hr"))
    response = client.get(reverse("reports:today"))
    assert response.context["site"] == site


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("employee", 403),
        ("manager", 403),
        ("hr_approver", 403),
        ("hr", 200),
        ("admin", 200),
        ("outsider", 403),
    ],
)
def test_hr_and_administrators_see_it_by_default(client, cast, site, role, status):
    client.force_login(cast[role])
    assert client.get(reverse("reports:today")).status_code == status


def test_the_organisation_chooses_a_reception_group_instead(client, cast, site, settings):
    settings.REPORT_TODAY_ROLES = ["reception"]
    reception = Group.objects.create(name="reception")
    cast["employee"].groups.add(reception)
    client.force_login(cast["employee"])
    assert client.get(reverse("reports:today")).status_code == 200
    client.force_login(cast["hr"])
    assert client.get(reverse("reports:today")).status_code == 403


def test_an_unknown_site_is_named_as_the_problem(client, cast, site):
    client.force_login(cast["hr"])
    response = client.get(reverse("reports:today"), {"site": "999999"})
    assert response.context["form"].errors.keys() == {"site"} and response.context["site"] is None
