"""What every signed-in page costs, and that what is kept to make it cheap never shows one person's page to
another: the session read with SQL written once (core.sessions), the person with her roles in one query
(core.roles, core.rows), the
menu drawn once per role set and language (core.context_processors), the layout's fixed parts once per
language (core/templatetags/chrome.py)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from distans.core import menu as core_menu
from distans.core.roles import Role, roles_and_manages
from distans.core.testing import html


def test_a_signed_in_page_reads_the_session_and_the_person_with_her_roles_in_two_queries(client, cast):
    client.force_login(cast["manager"])
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/no-such-page/")  # the layout with the menu, and nothing of a page's own
    assert page.status_code == 404 and 'id="main-menu"' in page.content.decode()
    assert len(captured) == 2


def test_roles_and_whether_she_manages_anyone_in_one_query(cast):
    assert roles_and_manages(cast["employee"].pk) == (set(), False)
    assert roles_and_manages(cast["manager"].pk) == (set(), True)
    assert roles_and_manages(cast["hr"].pk) == ({Role.HR.value}, False)
    cast["employee"].groups.add(Group.objects.get(name=Role.HR_APPROVER.value))
    assert roles_and_manages(cast["employee"].pk) == ({Role.HR_APPROVER.value}, False)
    # Her only report leaves: she manages no one from then on.
    cast["employee"].is_active = False
    cast["employee"].save(update_fields=["is_active"])
    assert roles_and_manages(cast["manager"].pk) == (set(), False)
    assert roles_and_manages(10**6) == (set(), False)  # no such person


def test_a_signed_out_session_does_not_sign_in_again(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["employee"])
    stolen = client.cookies["sessionid"].value
    page = html(client.get(reverse("core:my_page")))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert client.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    replay = Client()
    replay.cookies["sessionid"] = stolen
    again = replay.get(reverse("core:my_page"))
    assert again.status_code == 302 and again["Location"].startswith(reverse("login"))


def test_an_expired_session_does_not_sign_in(client, cast):
    client.force_login(cast["employee"])
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    page = client.get(reverse("core:my_page"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("login"))


def _menu(client) -> str:
    menu = re.search(r'<nav id="main-menu".*?</nav>', html(client.get(reverse("core:my_page"))), re.S)
    assert menu
    return menu.group(0)


def test_a_role_given_or_taken_shows_in_the_menu_of_the_next_page(client, cast):
    employee = cast["employee"]
    client.force_login(employee)
    assert "Agreement register" not in _menu(client)
    employee.groups.add(Group.objects.get(name=Role.HR.value))
    assert "Agreement register" in _menu(client)
    employee.groups.clear()
    assert "Agreement register" not in _menu(client)


def test_a_menu_item_shown_by_anything_but_roles_is_refused(client, cast):
    """The menu is kept per role set: an item shown by, say, her unit would show to others with her roles."""
    by_unit = core_menu.MenuItem(core_menu.Group.ADMIN, 99, "Odd", "core:profile", lambda user: user.unit_id)
    core_menu.menu.register(by_unit)
    try:
        client.force_login(cast["employee"])
        with pytest.raises(AttributeError):
            client.get(reverse("core:my_page"))
    finally:
        core_menu.menu.unregister(by_unit.group, by_unit.url_name)


def test_the_kept_parts_of_the_layout_carry_nothing_of_anyone_elses_page(cast):
    asa, olav = cast["employee"], cast["outsider"]
    olav.language = "nb"
    olav.save()
    pages = {}
    for person in (asa, olav, asa):  # Åsa again, after Olav's page was drawn
        client = Client(enforce_csrf_checks=True)
        client.force_login(person)
        page = html(client.get(reverse("core:my_page")))
        # The token the page gives htmx is this visitor's own: her next change is accepted with it.
        token = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', page)
        assert token
        chosen = {"language": person.language, "next": "/"}
        changed = client.post(reverse("core:language"), chosen, HTTP_X_CSRFTOKEN=token.group(1))
        assert changed.status_code == 302
        pages[person.pk] = page
    assert asa.full_name in pages[asa.pk] and olav.full_name not in pages[asa.pk]
    assert olav.full_name in pages[olav.pk] and asa.full_name not in pages[olav.pk]
    assert '<html lang="nb">' in pages[olav.pk] and "Logg ut" in pages[olav.pk]
    assert '<html lang="en">' in pages[asa.pk] and "Sign out" in pages[asa.pk]
    assert "Logg ut" not in pages[asa.pk]
