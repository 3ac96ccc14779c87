"""My page's things to do, in order of urgency: overdue first, then by due date, then those waiting
longest, then the rest."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from distans.core import home
from distans.core.testing import html

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def todo():
    """A source of things to do, given in no particular order."""
    items = [
        {"text": "No date at all", "url": None},
        {"text": "Due next week", "url": None, "due": TODAY + datetime.timedelta(days=7)},
        {"text": "Waiting since last month", "url": None, "since": TODAY - datetime.timedelta(days=30)},
        {"text": "Overdue since yesterday", "url": None, "due": TODAY - datetime.timedelta(days=1)},
        {"text": "Due tomorrow", "url": None, "due": TODAY + datetime.timedelta(days=1)},
    ]
    home.attention_sources.subscribe("test.todo", lambda user: [dict(item) for item in items])
    yield
    home.attention_sources.unsubscribe("test.todo")


def test_things_to_do_are_ordered_by_urgency(client, cast, todo):
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        client.force_login(cast["employee"])
        page = html(client.get(reverse("core:my_page")))
    order = [
        "Overdue since yesterday",
        "Due tomorrow",
        "Due next week",
        "Waiting since last month",
        "No date at all",
    ]
    assert [page.index(text) for text in order] == sorted(page.index(text) for text in order)
    overdue = page.split("Overdue since yesterday")[1].split("</li>")[0]
    assert 'class="overdue"' in overdue  # marked, not only placed first


def test_an_overdue_checklist_comes_before_a_request_waiting(cast):
    items = home.by_urgency(
        [
            {"text": "request", "since": TODAY},
            {"text": "checklist", "due": TODAY - datetime.timedelta(days=2)},
        ],
        TODAY,
    )
    assert [item["text"] for item in items] == ["checklist", "request"]
    assert items[0]["overdue"] and not items[1]["overdue"]


@pytest.mark.parametrize(
    ("language", "due", "downloads"),
    [("sv", "Senast 8 december 2026", "Ladda ned allt"), ("da", "Senest 8. december 2026", "Hent alt")],
)
def test_my_page_writes_dates_one_way_and_danish_fetches(client, cast, todo, language, due, downloads):
    """Dates on My page are in the language's one long style (not "Senast 2026-12-08" beside
    "1 december 2026"), and Danish says "Hent", not "Download", for downloading."""
    cast["employee"].language = language
    cast["employee"].save(update_fields=["language"])
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        client.force_login(cast["employee"])
        page = html(client.get(reverse("core:my_page")))
    assert due in page and "2026-12-0" not in page and "30.11.2026" not in page
    assert downloads in page and "Download" not in page
