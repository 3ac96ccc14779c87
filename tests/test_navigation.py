"""The menu marks the page you are on: its own item, or the one it belongs under, and only that one."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from distans.core.testing import html
from distans.planning import services

WEIGHTS = {"preferences": 3, "colocation": 2, "fairness": 2, "stability": 1, "balance": 1}


def marked(response) -> list[str]:
    """The labels of the main menu's items marked as the current page."""
    menu = re.search(r'<nav aria-label="Main">(.*?)</nav>', html(response), re.S).group(1)
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', menu)


def _monday() -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=7 - today.weekday())


def test_planning_pages_mark_their_own_item(client, cast):
    manager, unit = cast["manager"], cast["employee"].unit
    client.force_login(manager)
    assert marked(client.get(reverse("planning:my_week"))) == ["My week"]
    assert marked(client.get(reverse("planning:my_team"))) == ["Team week"]
    assert marked(client.get(reverse("planning:team", args=[unit.pk]))) == ["Team week"]
    assert marked(client.get(reverse("planning:problems"))) == ["Problems ahead"]


def test_the_planner_pages_sit_under_team_week_or_under_sites(client, cast):
    manager, hr, unit, site = cast["manager"], cast["hr"], cast["employee"].unit, cast["employee"].site
    team_run = services.planner_start(
        actor=manager, unit=unit, monday=_monday(), weights=WEIGHTS, choose_office_day=False, time_limit=5
    )
    office_run = services.planner_start(
        actor=hr, site=site, monday=_monday(), weights=WEIGHTS, choose_office_day=False, time_limit=5
    )

    client.force_login(manager)
    assert marked(client.get(reverse("planning:planner", args=[unit.pk]))) == ["Team week"]
    assert marked(client.get(reverse("planning:planner_run", args=[team_run.pk]))) == ["Team week"]
    # The part htmx polls while the planner works is no page: it has no menu at all.
    assert "<nav" not in html(
        client.get(reverse("planning:planner_run", args=[team_run.pk]), HTTP_HX_REQUEST="true")
    )

    client.force_login(hr)
    assert marked(client.get(reverse("planning:site", args=[site.pk]))) == ["Sites"]
    assert marked(client.get(reverse("planning:site_planner", args=[site.pk]))) == ["Sites"]
    assert marked(client.get(reverse("planning:planner_run", args=[office_run.pk]))) == ["Sites"]
    # HR manages no team; Problems ahead is hers to mark if her menu has it, never My week.
    problems = client.get(reverse("planning:problems"))
    assert marked(problems) == (["Problems ahead"] if ">Problems ahead</a>" in html(problems) else [])


@pytest.mark.parametrize(
    ("url", "item"),
    [
        ("core:my_page", "My page"),
        ("arrangements:mine", "Requests"),
        ("arrangements:new", "Requests"),
        ("arrangements:to_decide", "To decide"),
        ("followup:overview", "Follow-up"),
    ],
)
def test_other_pages_keep_their_item(client, cast, url, item):
    client.force_login(cast["manager"])
    assert marked(client.get(reverse(url))) == [item]
