"""The menu: short groups by role, registered by the apps (core names none of them), marking the page
you are on (its own item, or the one it belongs under, and only that one), and the language in one step."""

import ast
import datetime
import pathlib
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from distans.core.context_processors import navigation
from distans.core.roles import Role
from distans.core.testing import html
from distans.org.models import Person
from distans.planning import services

WEIGHTS = {"preferences": 3, "colocation": 2, "fairness": 2, "stability": 1, "balance": 1}


def main_menu(response) -> str:
    return re.search(
        r'<nav id="main-menu" class="mainnav" aria-label="[^"]*">(.*?)</nav>', html(response), re.S
    ).group(1)


def marked(response) -> list[str]:
    """The labels of the main menu's items marked as the current page."""
    return re.findall(
        r'<a class="nav-link" href="[^"]*" aria-current="page">([^<]*)</a>', main_menu(response)
    )


def groups(response) -> dict[str, list[str]]:
    """The menu as a person sees it: each group's name and its items' labels. A group of one item is
    that item's link alone, under its own label."""
    menu, found = main_menu(response), {}
    for group in re.findall(
        r'<li class="nav-group[^"]*">(.*?)</li>\s*(?=<li class="nav-group|</ul>\s*$)', menu, re.S
    ):
        heading = re.search(r'<button class="nav-group-toggle"[^>]*>([^<]*)</button>', group)
        links = re.findall(r'<a class="nav-link" href="[^"]*"[^>]*>([^<]*)</a>', group)
        found[heading.group(1) if heading else links[0]] = links
    return found


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


ME = ["My page", "My week", "Requests", "Agreements", "Checklists", "Follow-up", "Equipment"]
ORGANISATION = ["People", "Units", "Sites", "Policy", "Privacy"]
REPORTS = ["Business case", "Does it work?"]
REPORTS_AND_TODAY = [*REPORTS, "At the office today"]


def non_manager_hr_approver(cast):
    person = Person.objects.create_user(
        "nina@example.com",
        "x",
        first_name="Nina",
        last_name="Lund",
        employee_number="190",
        unit=cast["hr"].unit,
    )
    person.groups.add(Group.objects.get(name=Role.HR_APPROVER.value))
    return person


def test_each_role_sees_its_own_short_groups(client, cast):
    client.force_login(cast["employee"])
    assert groups(client.get(reverse("core:my_page"))) == {
        "My work": ME,
        "Team week": ["Team week"],
        "Organisation": ORGANISATION,
    }

    client.force_login(cast["manager"])
    assert groups(client.get(reverse("core:my_page"))) == {
        "My work": ["My page", "My week", "Requests", "Agreements", "Checklists", "Equipment"],
        "My team": [
            "Team week",
            "To decide",
            "Problems ahead",
            "Follow-up",
            "Attachment watch",
            "Checklist reports",
        ],
        "Reports": REPORTS,
        "Organisation": ORGANISATION,
    }

    client.force_login(cast["hr"])
    assert groups(client.get(reverse("core:my_page"))) == {
        "My work": ME,
        "Team week": ["Team week"],
        "HR": [
            "All requests",
            "Agreement register",
            "Problems ahead",
            "Checklist reports",
            "Equipment on loan",
            "Attachment watch",
            "Wellbeing pulse",
        ],
        "Policy and templates": [
            "Policy versions",
            "Agreement templates",
            "Checklist templates",
            "Privacy and retention",
        ],
        "Reports": REPORTS_AND_TODAY,
        "Organisation": ORGANISATION,
        "Audit log": ["Audit log"],
    }

    client.force_login(non_manager_hr_approver(cast))
    assert groups(client.get(reverse("core:my_page"))) == {
        "My work": ME,
        "Team week": ["Team week"],
        "HR": ["All requests", "To decide", "Agreement register", "Problems ahead", "Attachment watch"],
        "Reports": REPORTS,
        "Organisation": ORGANISATION,
    }

    client.force_login(cast["admin"])
    assert groups(client.get(reverse("core:my_page"))) == {
        "My work": ME,
        "Team week": ["Team week"],
        "Reports": REPORTS_AND_TODAY,
        "Organisation": ORGANISATION,
        "Administration": [
            "Import",
            "Audit log",
            "Equipment on loan",
            "Site administration",
            "Jobs",
            "Privacy and retention",
        ],
    }


@pytest.mark.parametrize("role", ["employee", "manager", "hr_approver", "hr", "admin", "skip"])
def test_every_group_is_short_and_every_page_appears_once(client, cast, role):
    client.force_login(cast[role])
    page = client.get(reverse("core:my_page"))
    assert all(len(items) <= 7 for items in groups(page).values())
    links = re.findall(r'<a class="nav-link" href="([^"]*)"', main_menu(page))
    assert len(links) == len(set(links))


def test_the_menu_speaks_the_persons_language(client, cast):
    manager = cast["manager"]
    manager.language = "sv"
    manager.save()
    client.force_login(manager)
    menu = groups(client.get(reverse("planning:my_week")))
    assert list(menu) == ["Mitt arbete", "Min grupp", "Rapporter", "Organisation"]
    assert menu["Min grupp"][0] == "Gruppens vecka"


def test_the_group_of_the_current_page_is_marked(client, cast):
    client.force_login(cast["manager"])
    menu = main_menu(client.get(reverse("arrangements:to_decide")))
    current = re.findall(r'<li class="nav-group current">\s*<button[^>]*>([^<]*)</button>', menu)
    assert current == ["My team"]


def test_the_menu_costs_a_fixed_number_of_queries(cast, django_assert_max_num_queries):
    """Whoever signs in, the menu asks the database once (her roles and whether she manages anyone)."""
    request = RequestFactory().get(reverse("core:my_page"))
    request.resolver_match = None
    for role in ("employee", "manager", "hr", "admin"):
        request.user = Person.objects.get(pk=cast[role].pk)
        with django_assert_max_num_queries(1):
            assert "main-menu" in str(navigation(request)["nav_groups"])


def _named_app_urls(text: str) -> set[str]:
    apps = "org|checklists|policy|arrangements|agreements|planning|equipment|followup|reports"
    return set(re.findall(rf"\b(?:{apps}):[a-z_]+", text))


def _strings_outside_docstrings(path: pathlib.Path) -> str:
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return " ".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


def test_core_names_no_app_above_it():
    """The apps register their menu items; core's code and templates name none of their pages."""
    root = pathlib.Path(__file__).resolve().parent.parent / "distans"
    core = [path for path in (root / "core").rglob("*.py") if "tests" not in path.parts]
    named = {path.name: _named_app_urls(_strings_outside_docstrings(path)) for path in core}
    templates = [*(root / "core" / "templates").rglob("*.html"), root / "templates" / "base.html"]
    named |= {path.name: _named_app_urls(path.read_text()) for path in templates}
    assert {name: urls for name, urls in named.items() if urls} == {}


def test_the_language_changes_in_one_step(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["employee"])
    page = html(client.get(reverse("planning:my_week")))
    form = re.search(r'<form class="langform".*?</form>', page, re.S).group(0)
    buttons = re.findall(
        r'<button type="submit" name="language" value="(\w+)" lang="(\w+)"([^>]*)>([^<]*)</button>', form
    )
    assert [(value, lang, label) for value, lang, _current, label in buttons] == [
        ("en", "en", "English"),
        ("sv", "sv", "Svenska"),
        ("nb", "nb", "Norsk bokmål"),
        ("da", "da", "Dansk"),
    ]
    assert [value for value, _lang, current, _label in buttons if "aria-current" in current] == ["en"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(
        reverse("core:language"),
        {"csrfmiddlewaretoken": token, "next": reverse("planning:my_week"), "language": "sv"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("planning:my_week")
    assert "<h1>Min vecka</h1>" in html(client.get(response["Location"]))
    assert "Change" not in form
