"""The team week on a 390-pixel phone opens at today's column, beside the names, with its badges whole;
on a desktop, My page's narrow "You" card keeps a long Swedish job title on one line."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THURSDAY = datetime.date(2026, 12, 3)  # late in the week: Monday to Wednesday do not fit beside the names

# Where today's column and the names are in the grid's visible box, and whether each day's badge fits.
GRID = """() => {
  const wrap = document.querySelector(".week-grid-wrap");
  const box = wrap.getBoundingClientRect();
  const today = wrap.querySelector('th[aria-current="date"]');
  const names = wrap.querySelector("th.name-col");
  return {
    today: today.querySelector("time").getAttribute("datetime"),
    left: today.getBoundingClientRect().left - names.getBoundingClientRect().right,
    right: box.right - today.getBoundingClientRect().right,
    badges: [...wrap.querySelectorAll("th.day-col .badge")].map((badge) => [
      badge.textContent,
      badge.scrollWidth <= badge.clientWidth
        && badge.getBoundingClientRect().right <= badge.closest("th").getBoundingClientRect().right,
    ]),
  };
}"""


# The lines the position's words take in the "You" card (a word broken in two takes two).
POSITION_LINES = """() => {
  const card = document.querySelector('section[aria-labelledby="me-title"]');
  const position = [...card.querySelectorAll("dd")].find((dd) => dd.textContent.includes("medarbetare"));
  const range = document.createRange();
  range.selectNodeContents(position);
  return range.getClientRects().length;
}"""

SCROLL_NOTES = """() => {
  const wraps = [...document.querySelectorAll(".table-wrap:not([data-own-hint])")];
  const overflowing = wraps.filter((wrap) => wrap.scrollWidth > wrap.clientWidth);
  const noted = overflowing.filter((wrap) => wrap.previousElementSibling?.matches("[data-scroll-note]"));
  const grid = document.querySelector(".week-grid-wrap");
  return {overflowing: overflowing.length, noted: noted.length,
          on_grid: !!grid.previousElementSibling?.matches("[data-scroll-note]")};
}"""


def test_the_team_week_on_a_phone_opens_at_today_and_my_page_keeps_a_title_whole(page, live_server):
    moment = timezone.make_aware(datetime.datetime.combine(THURSDAY, datetime.time(8)))
    with time_machine.travel(moment, tick=True):
        call_command("demo", "--people", "60", verbosity=0)
        sign_in(page, live_server, "bjorn.ekstrom@nordvik.example")
        page.goto(f"{live_server.url}/plans/team/")
        grid = page.evaluate(GRID)  # as the page opens, before anyone scrolls
        # Every other table that scrolls sideways says so above it; the grid has its own hint.
        notes = page.evaluate(SCROLL_NOTES)

        page.context.clear_cookies()
        page.set_viewport_size({"width": 1280, "height": 900})
        sign_in(page, live_server, "asa.oberg@nordvik.example")  # a Kundtjänstmedarbetare
        assert page.evaluate(POSITION_LINES) == 1

    assert grid["today"] == THURSDAY.isoformat()
    assert notes["overflowing"] >= 1 and notes["noted"] == notes["overflowing"], notes
    assert notes["on_grid"] is False
    assert grid["left"] >= -1 and grid["right"] >= -1, grid  # wholly in view, not under the names
    assert len(grid["badges"]) >= 2 and all(whole for _text, whole in grid["badges"]), grid["badges"]
