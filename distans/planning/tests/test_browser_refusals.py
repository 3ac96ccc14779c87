"""Every refusal is seen where the click happened: in a real browser, a day the server refuses says
why in place, in the person's language, and keeps its state; a request that fails without an answer
to show (a 403, no connection) says so beside the buttons."""

import datetime

import pytest
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from distans.core.testing import browser_sign_in
from distans.planning import queries, rules, services
from distans.planning.models import DayChange
from distans.policy import services as policy_services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        translated = gettext(text)
    assert translated != text, f"{text!r} has no {language} translation"
    return translated


def office_day(tab, office: str, other: str):
    """The week's first office day that can still be changed, found again by its id after a swap."""
    day = (
        tab.locator("article.day")
        .filter(has=tab.locator(".where", has_text=office))
        .filter(has=tab.get_by_role("button", name=other, exact=True))
        .first
    )
    return tab.locator("#" + day.get_attribute("id"))


def test_a_refused_day_says_why_in_place_in_her_language_and_stays_as_it_was(page, live_server, cast):
    asa = cast["employee"]
    asa.language = "sv"
    asa.save()
    # HR publishes a policy that allows no flexible days; Åsa has no agreement.
    draft = policy_services.policy_draft_create(actor=cast["hr"])
    policy_services.policy_draft_update(actor=cast["hr"], version=draft, flex_days_allowed=False)
    policy_services.policy_publish(actor=cast["hr"], version=draft)

    browser_sign_in(page, live_server, asa.email)
    page.get_by_role("link", name="Min vecka").click()
    page.get_by_role("link", name="Nästa vecka →").click()
    office, remote = in_language("sv", "Office"), in_language("sv", "Remote")
    day = office_day(page, office, remote)
    label = day.locator(".where").inner_text()
    expect(day.get_by_role("button", name=office, exact=True)).to_have_attribute("aria-pressed", "true")

    day.get_by_role("button", name=remote, exact=True).click()

    reason = in_language(
        "sv", "Remote days need an agreement: the policy allows no flexible days without one."
    )
    expect(day.get_by_role("alert")).to_have_text(reason)
    expect(day.locator(".where")).to_have_text(label)
    expect(day.get_by_role("button", name=office, exact=True)).to_have_attribute("aria-pressed", "true")
    expect(day.get_by_role("button", name=remote, exact=True)).to_have_attribute("aria-pressed", "false")
    expect(day.get_by_role("button", name=remote, exact=True)).to_be_focused()  # where she clicked
    expect(page.locator(".request-error")).to_have_count(0)  # the server's reason, not a generic one
    expect(page.locator("#request-alert")).to_be_empty()
    assert not DayChange.objects.filter(person=asa).exists()

    page.reload()
    expect(day.locator(".where")).to_have_text(label)
    expect(day.get_by_role("alert")).to_have_count(0)


def test_a_request_that_fails_without_an_answer_to_show_says_so_beside_the_buttons(page, live_server, cast):
    olav = cast["outsider"]  # Oslo; his menu and messages are in Norwegian
    olav.language = "nb"
    olav.site = cast["employee"].site
    olav.save()
    browser_sign_in(page, live_server, olav.email)
    page.get_by_role("link", name="Min uke").click()
    page.get_by_role("link", name="Neste uke →").click()
    office, away = in_language("nb", "Office"), in_language("nb", "Away")
    day = office_day(page, office, away)
    label = day.locator(".where").inner_text()

    # He signs out and in again in another tab: this page's security token is no longer valid,
    # and the server refuses the change with a 403 page that is no fragment to show.
    other = page.context.new_page()
    other.goto(live_server.url + "/")
    other.locator("form[action='/logout/'] button").click()
    browser_sign_in(other, live_server, olav.email)
    other.close()

    day.get_by_role("button", name=away, exact=True).click()
    expect(day.get_by_role("alert")).to_have_text(
        in_language("nb", "This was not allowed, so nothing was changed. Reload the page and try again.")
    )
    expect(day.locator(".where")).to_have_text(label)
    assert not DayChange.objects.filter(person=olav).exists()

    page.reload()
    expect(day.get_by_role("alert")).to_have_count(0)
    page.context.set_offline(True)
    day.get_by_role("button", name=away, exact=True).click()
    expect(day.get_by_role("alert")).to_have_text(
        in_language("nb", "No connection to Distans. Check your network and try again.")
    )
    expect(day.locator(".where")).to_have_text(label)

    page.context.set_offline(False)
    day.get_by_role("button", name=away, exact=True).click()  # back online, the same click works
    expect(day.locator(".where")).to_contain_text(away)
    expect(day.get_by_role("alert")).to_have_count(0)
    assert DayChange.objects.get(person=olav).kind == "away"


def test_office_at_her_usual_office_when_every_desk_is_taken_is_refused_in_place(page, live_server, cast):
    """Her usual week says office; she moved Monday home, and meanwhile Björn took the only desk.
    Choosing the office again must count the desks like any office day, and say so where she clicked."""
    asa, site = cast["employee"], cast["employee"].site
    asa.language = "da"
    asa.save()
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    services.day_set(actor=asa, person=asa, date=monday, kind="remote")
    site.desk_capacity = 1  # Björn's usual office day takes the only desk
    site.save()

    browser_sign_in(page, live_server, asa.email)
    page.goto(f"{live_server.url}/plans/?week={rules.iso_week(monday)}")
    office = in_language("da", "Office")
    day = page.locator(f"#day-{monday.isoformat()}")
    label = day.locator(".where").inner_text()
    day.get_by_role("button", name=office, exact=True).click()

    with translation.override("da"):
        reason = gettext(
            "All %(desks)s desks at %(site)s are taken on %(date)s. Choose another day or another way to "
            "work."
        ) % {"desks": 1, "site": site.name, "date": formats.date_format(monday, "DATE_FORMAT")}
    expect(day.get_by_role("alert")).to_have_text(reason)
    expect(day.locator(".where")).to_have_text(label)
    expect(day.get_by_role("button", name=office, exact=True)).to_be_focused()
    assert DayChange.objects.get(person=asa).kind == "remote"
    assert queries.office_count(site, monday) == 1
