"""The team week is kept between requests and never shown after anything it is made from changed: the
plan stamp (triggers of migration planning 0007) changes with every write to those tables, however
written (a form, `update()`, a bulk insert)."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from distans.core.roles import Role
from distans.core.testing import CAST_PASSWORD, html, post_page
from distans.org.models import Person
from distans.planning import queries
from distans.planning.models import DayChange

MIGRATION = __import__("distans.planning.migrations.0007_plan_stamp", fromlist=["MODELS"])
SIGN_IN = __import__("distans.planning.migrations.0008_plan_stamp_ignores_sign_in", fromlist=["IGNORED"])


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def _team_page(client, unit) -> str:
    response = client.get(reverse("planning:team", args=[unit.pk]), {"week": "2026-W50"})
    assert response.status_code == 200
    return html(response)


def test_every_table_a_week_is_made_from_changes_the_stamp(db):
    """A later migration that rebuilds one of these tables (SQLite does, to alter a column) drops its
    triggers; this fails then, and the migration must create them again."""
    from django.apps import apps

    tables = MIGRATION.tables(apps)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%plan_changed%'"
            )
        else:
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers"
                " WHERE trigger_name LIKE '%plan_changed'"
            )
        triggered = {row[0] for row in cursor.fetchall()}
    assert set(tables) <= triggered


def test_a_changed_day_shows_on_the_next_request_though_the_week_is_kept(client, cast):
    unit = cast["employee"].unit
    client.force_login(cast["manager"])
    assert "Away · Leave" not in _team_page(client, unit)
    before = queries.plan_stamp()
    client.post(
        reverse("planning:day_set", args=[cast["employee"].pk]),
        {"date": "2026-12-08", "kind": "away", "away_reason": "leave"},
    )
    assert queries.plan_stamp() != before
    assert "Away · Leave" in _team_page(client, unit)


def test_a_member_moved_in_bulk_leaves_the_kept_week(client, cast):
    unit = cast["employee"].unit
    client.force_login(cast["manager"])
    assert "Öberg" in _team_page(client, unit)
    Person.objects.filter(pk=cast["employee"].pk).update(unit=cast["hr"].unit)  # no signal, no save()
    assert "Öberg" not in _team_page(client, unit)
    DayChange.objects.bulk_create(
        [DayChange(person=cast["manager"], date=datetime.date(2026, 12, 9), kind="remote")]
    )
    assert "Remote" in _team_page(client, unit).split("<tbody")[1]


def test_a_role_taken_away_counts_from_the_next_request(client, cast):
    hr = cast["hr"]
    client.force_login(hr)
    other_unit = cast["employee"].unit
    assert client.get(reverse("planning:team", args=[other_unit.pk])).status_code == 200
    hr.groups.remove(Group.objects.get(name=Role.HR))
    assert client.get(reverse("planning:team", args=[other_unit.pk])).status_code == 404


def test_signing_in_keeps_the_kept_weeks(client, cast):
    """A sign-in writes the person's last login; no week reads it, so the kept weeks stay."""
    cast["employee"].set_password("a long enough secret 1")
    cast["employee"].save()
    before = queries.plan_stamp()
    response = client.post(
        reverse("login"), {"username": cast["employee"].email, "password": "a long enough secret 1"}
    )
    assert response.status_code == 302
    Person.objects.filter(pk=cast["employee"].pk).update(invited_at=datetime.datetime.now(datetime.UTC))
    assert queries.plan_stamp() == before


def test_people_trigger_on_every_column_a_week_may_read(db):
    """A column added to people later must be added to the update trigger by its migration."""
    table = Person._meta.db_table
    expected = {f.column for f in Person._meta.concrete_fields} - set(SIGN_IN.IGNORED)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
                [f"{table}_plan_changed_update"],
            )
            sql = cursor.fetchone()[0]
            listed = sql.split(" OF ", 1)[1].split(" ON ", 1)[0]
            columns = {name.strip().strip('"') for name in listed.split(",")}
        else:
            cursor.execute(
                "SELECT event_object_column FROM information_schema.triggered_update_columns"
                " WHERE trigger_name = %s",
                [f"{table}_update_plan_changed"],
            )
            columns = {row[0] for row in cursor.fetchall()}
    assert columns == expected


def test_the_kept_grid_shows_away_reasons_only_to_those_who_may_see_them(client, cast):
    """The drawn grid is kept as well: one drawn for the manager, who sees why someone is away, is never
    shown to a colleague, who sees only that they are away."""
    unit = cast["employee"].unit
    colleague = Person.objects.create_user(
        "colleague@example.com", first_name="Per", last_name="Holm", unit=unit, manager=cast["manager"]
    )
    client.force_login(cast["manager"])
    client.post(
        reverse("planning:day_set", args=[cast["employee"].pk]),
        {"date": "2026-12-08", "kind": "away", "away_reason": "leave"},
    )
    stamp = queries.plan_stamp()
    assert "Away · Leave" in _team_page(client, unit)
    client.force_login(colleague)
    page = _team_page(client, unit)
    assert queries.plan_stamp() == stamp  # the same kept week
    assert "Holm" in page and "Away" in page and "Leave" not in page
    client.force_login(cast["manager"])
    assert "Away · Leave" in _team_page(client, unit)


def test_changing_a_password_keeps_the_kept_weeks(cast):
    """The password form saves the password alone; a whole-row save would throw every kept week away."""
    before = queries.plan_stamp()
    response = post_page(
        cast["employee"],
        reverse("password_change"),
        {
            "old_password": CAST_PASSWORD,
            "new_password1": "a long enough secret 2",
            "new_password2": "a long enough secret 2",
        },
    )
    assert response.status_code == 302
    cast["employee"].refresh_from_db()
    assert cast["employee"].check_password("a long enough secret 2")
    assert queries.plan_stamp() == before
