"""Dates and numbers as each language writes them, on the pages people open every day, in date inputs
and in e-mails: "7 dec." / "7. des." / "7. dec." in the week, "1,5 dagar", short dates in tables and
lists, long ones in sentences and a person's details.

Cast (the project's fixed one, all in the language under test): Åsa has an agreement in force for
1.5 remote days a week from Tuesday 1 December 2026 and has worked since 18 July 2020; Björn, her line
manager, looks at her team's week, the agreements, her agreement and her page."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from distans.agreements.testing import agreement_in_force, agreement_of, approved
from distans.arrangements import services
from distans.arrangements.testing import assessed, draft
from distans.core.testing import html, post_page, run_due_tasks
from distans.formats.months import MONTHS_ABBREVIATED

EXPECTED = {
    # a week card's day, a column's day, a date in a table, a date in a person's details, 1.5 days
    "sv": ("7 dec.", "mån 7 dec.", "2026-12-01", "18 juli 2020", "1,5"),
    "nb": ("7. des.", "man 7. des.", "01.12.2026", "18. juli 2020", "1,5"),
    "da": ("7. dec.", "man 7. dec.", "01.12.2026", "18. juli 2020", "1,5"),
    "en": ("7 Dec", "Mon 7 Dec", "2026-12-01", "18 July 2020", "1.5"),
}
# Nordic languages write months in lower case, so a capitalised abbreviation is English leaking in.
ENGLISH_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
POINT_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def visible(response) -> str:
    """The words on the page: no markup, attributes, scripts or styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", html(response), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def everyone_speaks(cast, language):
    for person in cast.values():
        person.language = language
        person.save(update_fields=["language"])


@pytest.fixture
def pages(cast):
    """What Åsa and Björn see, in `language`, once Åsa's agreement is in force."""

    def open_pages(language):
        everyone_speaks(cast, language)
        asa, bjorn = cast["employee"], cast["manager"]
        asa.employment_start = datetime.date(2020, 7, 18)
        asa.save(update_fields=["employment_start"])
        agreement = agreement_in_force(cast, days="1.5")
        mine, managers = Client(), Client()
        mine.force_login(asa)
        managers.force_login(bjorn)
        return {
            "my week": visible(mine.get(reverse("planning:my_week"), {"week": "2026-W50"})),
            "team week": visible(
                managers.get(reverse("planning:team", args=[asa.unit_id]), {"week": "2026-W50"})
            ),
            "agreements": visible(managers.get(reverse("agreements:list"))),
            "agreement": visible(managers.get(reverse("agreements:detail", args=[agreement.pk]))),
            "person": visible(managers.get(reverse("org:person", args=[asa.pk]))),
        }

    return open_pages


@pytest.mark.parametrize("language", ["sv", "nb", "da", "en"])
def test_the_key_pages_write_dates_and_numbers_as_the_language_does(pages, language):
    card, column, short, long, days = EXPECTED[language]
    seen = pages(language)
    assert f"{card}" in seen["my week"] and re.search(rf"{re.escape(days)}\b", seen["my week"])
    assert column in seen["team week"]
    assert short in seen["agreements"] and days in seen["agreements"]
    assert re.search(rf"{re.escape(days)}\b", seen["agreement"])
    assert long in seen["person"]


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_no_english_month_or_decimal_point_in_a_nordic_page(pages, language):
    for name, text in pages(language).items():
        assert ENGLISH_MONTH.findall(text) == [], name
        assert POINT_DECIMAL.findall(text) == [], name
        if language != "sv":  # Swedish writes short dates in ISO form; Norwegian and Danish do not
            assert ISO_DATE.findall(text) == [], name


@pytest.mark.parametrize("language", ["da", "nb", "sv"])
def test_date_inputs_hold_iso_dates_while_the_page_is_in_another_language(cast, language):
    """A date input shows nothing for "01.12.2026": the Danish and Norwegian request and terms forms
    must fill it with 2026-12-01, and the days with Nordic labels."""
    everyone_speaks(cast, language)
    approved(cast["employee"], cast["manager"], days="1.5")
    manager = Client()
    manager.force_login(cast["manager"])
    agreement = agreement_of(cast["employee"])
    page = html(manager.get(reverse("agreements:edit", args=[agreement.pk])))
    start = agreement.start_date.isoformat()
    assert re.search(rf'type="date" name="start_date"[^>]*value="{start}"', page) or re.search(
        rf'value="{start}"[^>]*type="date"', page
    )
    assert '<option value="1.5" selected>1,5</option>' in page


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_a_date_out_of_range_is_named_in_the_language_s_short_form(cast, language):
    everyone_speaks(cast, language)
    asa = cast["employee"]
    assessed(asa, cast["manager"])
    page = visible(
        post_page(asa, reverse("arrangements:new"), {"days_per_week": "2", "start_date": "1999-12-31"})
    )
    with translation.override(language):
        low = formats.date_format(datetime.date(2000, 1, 1), "SHORT_DATE_FORMAT")
    assert low in page and ("2000-01-01" in page) == (language == "sv")


def test_the_decision_e_mail_says_half_days_with_a_decimal_comma(cast):
    everyone_speaks(cast, "da")
    assessed(cast["employee"], cast["manager"])
    services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="2.5"))
    run_due_tasks()
    # The worker sends the checklist's result mail too, in no set order: the request's mail is the one
    # that links to the request.
    (sent,) = [message for message in mail.outbox if "/requests/" in message.body]
    assert sent.to == ["bjorn@example.com"] and "2,5" in sent.body and "2.5" not in sent.body


def test_every_language_has_every_date_style_distans_names():
    """A format name missing in one language would print the name itself, letter by letter as a date."""
    day = datetime.date(2026, 12, 7)
    for language in EXPECTED:
        with translation.override(language):
            for name in ("DAY_MONTH_FORMAT", "WEEKDAY_DAY_MONTH_FORMAT", "WEEKDAY_DATE_FORMAT"):
                assert "_" not in formats.date_format(day, name) and "FORMAT" not in formats.get_format(name)


def test_months_are_abbreviated_with_a_full_stop_in_swedish():
    with translation.override("sv"):
        assert [str(month) for month in MONTHS_ABBREVIATED.values()][::4] == ["jan.", "maj", "sep."]
        assert formats.date_format(datetime.date(2026, 3, 2), "DAY_MONTH_FORMAT") == "2 mars"


@pytest.mark.parametrize(("language", "total"), [("sv", "2\u202f134"), ("nb", "2\u202f134"), ("da", "2.134")])
def test_large_numbers_are_grouped_as_the_language_groups_thousands(rf, language, total):
    page = Paginator(range(213_400), 100).page(1)
    with translation.override(language):
        pager = render_to_string("core/pager.html", {"page": page, "request": rf.get("/people/")})
    assert total in pager and "2134" not in pager
