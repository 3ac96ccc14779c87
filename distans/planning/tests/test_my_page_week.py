"""My page's week at a glance: one's own days, the team office day and who of the team is at the office."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import formats

from distans.core.testing import html
from distans.org.models import Person
from distans.planning import services
from distans.planning.models import UnitPlanSettings

TUESDAY = datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def _my_page(client, person) -> str:
    client.force_login(person)
    return html(client.get(reverse("core:my_page")))


def _day(page: str, date: datetime.date) -> str:
    """The text of one day's line on My page (the days are in order, Monday first)."""
    days = page.split('<li class="glance-day')[1:]
    return days[date.weekday()].split("</li>")[0]


def test_the_employee_sees_her_days_the_team_day_and_who_is_in(client, cast):
    employee, manager = cast["employee"], cast["manager"]
    UnitPlanSettings.objects.create(unit=employee.unit, office_weekdays=[2])
    services.day_set(actor=employee, person=employee, date=TUESDAY, kind="remote")
    services.day_set(actor=manager, person=manager, date=TUESDAY, kind="remote")
    page = _my_page(client, employee)
    assert "This week" in page and page.index("This week") < page.index("Needs your attention")
    assert "Remote" in _day(page, TUESDAY) and 'aria-current="date"' in _day(page, TUESDAY)
    wednesday = _day(page, TUESDAY + datetime.timedelta(days=1))
    assert "Office · Stockholm" in wednesday and "Team office day" in wednesday
    assert "At the office: Björn Ekström" in wednesday
    assert "No colleague at the office" in _day(page, TUESDAY)
    assert reverse("planning:my_week") in page and reverse("planning:my_team") in page


def test_the_manager_sees_his_team_by_name_and_a_link_to_its_week(client, cast):
    employee, manager = cast["employee"], cast["manager"]
    services.day_set(actor=employee, person=employee, date=TUESDAY, kind="away", away_reason="sick")
    page = _my_page(client, manager)
    assert "No colleague at the office" in _day(page, TUESDAY)
    assert "sick" not in _day(page, TUESDAY).lower()  # her reason is not on his home page
    assert "At the office: Åsa Öberg" in _day(page, TUESDAY + datetime.timedelta(days=1))
    assert reverse("planning:team", args=[employee.unit.pk]) in page


def test_a_big_team_is_counted_in_a_bounded_number_of_queries(client, cast, django_assert_max_num_queries):
    manager = cast["manager"]
    for number in range(12):
        Person.objects.create_user(
            f"member{number}@example.com",
            "x",
            first_name="Member",
            last_name=str(number),
            employee_number=f"9{number}",
            unit=manager.unit,
            manager=manager,
            site=manager.site,
        )
    client.force_login(manager)
    # The first visit after plans change also works out his problems ahead (`planning.attention`): a
    # fixed ten more, kept until plans change again.
    with django_assert_max_num_queries(45):
        client.get(reverse("core:my_page"))
    with django_assert_max_num_queries(35):  # the whole page; the team adds none per person
        page = html(client.get(reverse("core:my_page")))
    assert "13 of 13 colleagues at the office" in _day(page, TUESDAY)
    assert "Member 0" not in _day(page, TUESDAY)


def test_at_the_weekend_the_week_ahead_is_shown(client, cast):
    with time_machine.travel(datetime.datetime(2026, 12, 5, 9, tzinfo=datetime.UTC), tick=False):
        page = _my_page(client, cast["employee"])
    monday = formats.date_format(datetime.date(2026, 12, 7), "MONTH_DAY_FORMAT")
    assert "Next week" in page and f'Monday <span class="muted">{monday}</span>' in page
