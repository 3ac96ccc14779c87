"""Duties: a unit keeps several (add, change, remove; saving never drops one), and the team week shows
who covers each one on each day, in their own hours and time zone, and the days nobody does. A colleague
working from abroad under an agreement is shown abroad with the country, not at the office."""

import datetime
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from distans.agreements.testing import agreement_in_force
from distans.core.services import token_create
from distans.org.models import Person
from distans.planning import queries, services
from distans.planning.testing import MAILBOX

PHONE = {
    "name": "Telephone",
    "weekdays": [0, 2],
    "start": "13:00",
    "end": "16:00",
    "time_zone": "Europe/Stockholm",
    "min_people": 1,
}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


class _PageForm(HTMLParser):
    """What a browser sends from the page's own POST form (the one without an action): inputs as
    filled in, ticked boxes, the selected option of each select."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._inside = self._select = None
        self._first: dict[str, str] = {}
        self._chosen: dict[str, str] = {}

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and self._inside is None:
            self._inside = "action" not in attrs
        if not self._inside:
            return
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(attrs["name"], attrs.get("value", "on"))
            elif kind != "submit":
                self._add(attrs["name"], attrs.get("value") or "")
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select:
            self._first.setdefault(self._select, attrs.get("value", ""))
            if "selected" in attrs:
                self._chosen[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            self._add(self._select, self._chosen.get(self._select, self._first.get(self._select, "")))
            self._select = None
        elif tag == "form" and self._inside is not None:
            self._inside = False if self._inside else None


def page_form(client, url) -> dict[str, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    parser = _PageForm()
    parser.feed(response.content.decode())
    assert parser.data["csrfmiddlewaretoken"][0]
    return parser.data


def fill(data, index, **values):
    for name, value in values.items():
        data[f"duty-{index}-{name}"] = value if isinstance(value, list) else [value]


@pytest.fixture
def bjorn(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    return client


def settings_url(cast):
    return reverse("planning:unit_settings", args=[cast["employee"].unit_id])


def test_a_manager_adds_changes_and_removes_duties_and_each_save_keeps_the_others(cast, bjorn):
    unit = cast["employee"].unit
    url = settings_url(cast)

    data = page_form(bjorn, url)  # no duty yet: one empty one to fill in
    assert data["duty-TOTAL_FORMS"] == ["1"] and data["duty-0-name"] == [""]
    fill(data, 0, name="Shared mailbox", weekdays=["0", "1", "2", "3", "4"], start="08:00", end="12:00")
    response = bjorn.post(url, {**data, "another": ["1"]})
    assert response.status_code == 302 and response.url == url  # back for the next duty

    data = page_form(bjorn, url)  # the mailbox as saved, and an empty one for a second duty
    assert data["duty-0-name"] == ["Shared mailbox"] and data["duty-1-name"] == [""]
    fill(data, 1, name="Telephone", weekdays=["0", "2"], start="13:00", end="16:00")
    assert bjorn.post(url, data).status_code == 302
    assert [duty["name"] for duty in queries.unit_settings(unit)["duties"]] == ["Shared mailbox", "Telephone"]

    data = page_form(bjorn, url)  # change the telephone's hours and the office days: the mailbox stays
    fill(data, 1, end="17:00", min_people="2")
    data["office_weekdays"] = ["1"]
    assert bjorn.post(url, data).status_code == 302
    settings = queries.unit_settings(unit)
    assert settings["office_weekdays"] == [1]
    assert settings["duties"] == [
        MAILBOX,
        {**PHONE, "end": "17:00", "min_people": 2},
    ]

    data = page_form(bjorn, url)  # remove the mailbox: only the telephone is left
    fill(data, 0, DELETE="on")
    assert bjorn.post(url, data).status_code == 302
    assert [duty["name"] for duty in queries.unit_settings(unit)["duties"]] == ["Telephone"]


def test_the_page_shows_every_duty_and_offers_the_usual_time_zones(cast, bjorn):
    services.unit_settings_save(actor=cast["manager"], unit=cast["employee"].unit, duties=[MAILBOX, PHONE])
    page = bjorn.get(settings_url(cast)).content.decode()
    assert "Shared mailbox" in page and "Telephone" in page and "New duty" in page
    assert all(f'name="duty-{number}-DELETE"' in page for number in range(2))  # the two kept …
    assert 'name="duty-2-name"' in page and 'name="duty-2-DELETE"' not in page  # … and an empty new one
    assert "duty-3-" not in page
    assert '<option value="Asia/Bangkok">Thailand Time (Bangkok)</option>' in page
    assert '<option value="Europe/Copenhagen">Central European Time (Copenhagen)</option>' in page
    assert "America/Argentina/Jujuy" not in page  # a list people choose from, not every zone there is
    cast["manager"].language = "sv"
    cast["manager"].save()
    swedish = bjorn.get(settings_url(cast)).content.decode()
    assert '<option value="Europe/Copenhagen">centraleuropeisk tid (Köpenhamn)</option>' in swedish


def test_wrong_duties_are_refused_with_the_reasons_in_swedish_and_nothing_is_lost(cast, bjorn):
    manager = cast["manager"]
    manager.language = "sv"
    manager.save()
    services.unit_settings_save(actor=manager, unit=cast["employee"].unit, duties=[MAILBOX])
    url = settings_url(cast)
    data = page_form(bjorn, url)
    fill(data, 0, start="12:00", end="08:00")  # ends before it starts
    fill(data, 1, name="Telefon", min_people="0", time_zone="Mars/Olympus", start="13:00", end="16:00")
    response = bjorn.post(url, data)
    page = response.content.decode()
    assert response.status_code == 422
    assert "Bevakningen måste sluta efter att den börjat." in page
    assert "Välj de dagar bevakningen behövs." in page
    assert "Kontrollera att detta värde är större än eller lika med 1." in page
    assert "Välj ett giltigt alternativ." in page
    assert queries.unit_settings(cast["employee"].unit)["duties"] == [MAILBOX]

    data = page_form(bjorn, url)
    fill(data, 1, name="shared mailbox ", weekdays=["0"], start="13:00", end="16:00")
    page = bjorn.post(url, data).content.decode()
    assert "Två bevakningar har samma namn; ge var och en ett eget." in page


def test_a_page_opened_before_someone_else_added_a_duty_cannot_drop_it(cast, bjorn):
    unit = cast["employee"].unit
    url = settings_url(cast)
    data = page_form(bjorn, url)  # Björn opens the settings …
    services.unit_settings_save(actor=cast["hr"], unit=unit, duties=[MAILBOX])  # … HR adds the mailbox
    data["office_weekdays"] = ["3"]
    response = bjorn.post(url, data)  # Björn saves what he saw: no duty
    assert response.status_code == 409
    assert "Someone else changed the duties while you were editing them." in response.content.decode()
    assert queries.unit_settings(unit)["duties"] == [MAILBOX]
    assert queries.unit_settings(unit)["office_weekdays"] == []


def test_a_post_without_the_csrf_token_is_refused(cast, bjorn):
    data = page_form(bjorn, settings_url(cast))
    del data["csrfmiddlewaretoken"]
    assert bjorn.post(settings_url(cast), data).status_code == 403


# The team week


def _colleague(cast, first, last, **extra):
    return Person.objects.create_user(
        f"{first.lower()}@example.com",
        "x",
        first_name=first,
        last_name=last,
        unit=cast["employee"].unit,
        manager=cast["manager"],
        site=cast["employee"].site,
        **extra,
    )


def test_the_team_week_shows_who_covers_each_duty_in_their_own_hours_and_the_uncovered_days(cast):
    """Niklas works 13:00–18:00 in Bangkok: in winter that is 07:00–12:00 in Stockholm, so he covers the
    Stockholm morning's mailbox, and not the afternoon's telephone. On Wednesday Åsa and Björn are on
    leave: Niklas alone keeps the mailbox, nobody the telephone. On Friday all three are away."""
    asa, unit = cast["employee"], cast["employee"].unit
    niklas = _colleague(cast, "Niklas", "Lindgren", time_zone="Asia/Bangkok")
    services.pattern_set(
        actor=cast["hr"],
        person=niklas,
        valid_from=datetime.date(2026, 12, 1),
        days=["office"] * 5 + ["off"] * 2,
        work_start=datetime.time(13),
        work_end=datetime.time(18),
    )
    wednesday, friday = datetime.date(2026, 12, 9), datetime.date(2026, 12, 11)
    for person, dates in (
        (asa, (wednesday, friday)),
        (cast["manager"], (wednesday, friday)),
        (niklas, (friday,)),
    ):
        for date in dates:
            services.day_set(actor=person, person=person, date=date, kind="away", away_reason="leave")
    services.unit_settings_save(
        actor=cast["manager"], unit=unit, duties=[MAILBOX, {**PHONE, "min_people": 2, "end": "16:30"}]
    )
    client = Client()
    client.force_login(asa)
    page = client.get(reverse("planning:team", args=[unit.pk]), {"week": "2026-W50"}).content.decode()
    duties = page[page.index('id="duties"') :]
    mailbox = duties[duties.index("Shared mailbox") : duties.index("Telephone")]
    telephone = duties[duties.index("Telephone") :]
    assert "08:00–12:00 Stockholm time, 1 person" in mailbox
    assert mailbox.count("Niklas Lindgren 13:00–18:00 Bangkok time = 07:00–12:00 Stockholm time") == 4
    assert mailbox.count("Åsa Öberg 08:00–16:30") == 3
    assert mailbox.count("Not covered") == 1  # Friday, everyone away
    assert "13:00–16:30 Stockholm time, 2 people" in telephone
    assert "Niklas" not in telephone  # his day ends at noon in Stockholm
    assert telephone.count("Not covered") == 1  # Wednesday; Monday has Åsa and Björn
    assert telephone.count("Åsa Öberg 08:00–16:30") == 1


def test_the_telephone_needing_two_is_marked_when_only_one_works_its_hours(cast):
    asa, unit = cast["employee"], cast["employee"].unit
    services.day_set(actor=asa, person=asa, date=datetime.date(2026, 12, 7), kind="away", away_reason="sick")
    oslo = {**PHONE, "min_people": 2, "time_zone": "Europe/Oslo"}
    services.unit_settings_save(actor=cast["manager"], unit=unit, duties=[oslo])
    client = Client()
    client.force_login(asa)
    page = client.get(reverse("planning:team", args=[unit.pk]), {"week": "2026-W50"}).content.decode()
    duties = page[page.index('id="duties"') :]
    assert duties.count("Only 1 of 2") == 1  # Monday: Björn alone; Wednesday both work
    assert "13:00–16:00 Oslo time, 2 people" in duties
    assert "<li>Björn Ekström 08:00–16:30</li>" in duties  # Oslo keeps Stockholm's clock: no sum
    assert "–" in duties  # Tuesday, Thursday and Friday have no telephone duty


def test_the_team_week_in_swedish_words_the_cover_across_time_zones(cast):
    unit = cast["employee"].unit
    niklas = _colleague(cast, "Niklas", "Lindgren", time_zone="Asia/Bangkok")
    services.pattern_set(
        actor=cast["hr"],
        person=niklas,
        valid_from=datetime.date(2026, 12, 1),
        days=["office"] * 5 + ["off"] * 2,
        work_start=datetime.time(13),
        work_end=datetime.time(18),
    )
    services.unit_settings_save(actor=cast["manager"], unit=unit, duties=[MAILBOX])
    asa = cast["employee"]
    asa.language = "sv"
    asa.save()
    client = Client()
    client.force_login(asa)
    page = client.get(reverse("planning:team", args=[unit.pk]), {"week": "2026-W50"}).content.decode()
    assert "Bevakningar" in page
    assert "Niklas Lindgren 13:00–18:00 (tid i Bangkok) = 07:00–12:00 (tid i Stockholm)" in page
    assert "08:00–12:00 (tid i Stockholm), 1 person" in page


def test_a_colleague_working_from_abroad_is_shown_abroad_with_the_country(cast):
    """Åsa's agreement is for all five days from Thailand: the team grid and her week show her abroad in
    Thailand, to her colleagues too; never at the Stockholm office."""
    asa = cast["employee"]
    agreement_in_force(
        cast,
        days="5",
        flexible=False,
        weekdays=[0, 1, 2, 3, 4],
        location="abroad",
        abroad_country="Thailand",
        time_zone="Asia/Bangkok",
        start=datetime.date(2026, 12, 7),
    )
    colleague = _colleague(cast, "Cay", "Lee")
    client = Client()
    client.force_login(colleague)
    page = client.get(reverse("planning:team", args=[asa.unit_id]), {"week": "2026-W50"}).content.decode()
    row = page[page.index("Åsa Öberg") :]
    row = row[: row.index("</tr>")]
    assert row.count("Abroad · Thailand") == 5 and "Office" not in row
    # The API says the same as the page.
    _token, raw = token_create(actor=colleague, person=colleague, name="Calendar sync")
    days = (
        Client()
        .get(
            "/api/v1/plans",
            {"person": asa.pk, "from": "2026-12-07", "to": "2026-12-11"},
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        .json()
    )
    assert [(day["kind"], day["detail"]) for day in days] == [("abroad", "Thailand")] * 5
    client.force_login(asa)
    page = client.get(reverse("planning:my_week"), {"week": "2026-W50"}).content.decode()
    assert page.count("Abroad · Thailand") == 5
    assert "Office · Stockholm" not in page
