"""Fixtures every test can use, in any app or under tests/ (a fixture needs no import, so a lower app's
tests may use one built with a higher app's code).

The fixed cast, like healthchecks' Alice, Bob and Charlie: Åsa is an employee in Support Sweden; Björn
is her line manager; Cecilia manages Björn (so she sees Åsa transitively); Karin is the HR approver,
Elin works in HR, Ingrid is the administrator; Olav works in another unit and manages nobody.
Åsa's `agreement` (drafted from her approved request for Mondays and Thursdays at home) and `active`
(the same, signed and in force); `page`, a phone-sized tab of a real browser.

Plain helper functions live in each app's `testing.py`, not here.
"""

import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import translation

from distans.agreements import services as agreement_services
from distans.agreements.demo import pass_checklist
from distans.agreements.testing import agreement_of, approved, signed
from distans.core.roles import Role
from distans.core.testing import CAST_PASSWORD
from distans.org.models import Person, Position, RemoteSuitability, Site, Unit


@pytest.fixture
def site(db):
    return Site.objects.create(code="STO", name="Stockholm", country="SE", desk_capacity=40)


@pytest.fixture
def position(db):
    return Position.objects.create(
        code="CSA", name="Customer service adviser", remote_suitability=RemoteSuitability.PARTLY
    )


@pytest.fixture
def units(db):
    top = Unit.objects.create(code="TOP", name="Nordvik")
    support = Unit.objects.create(code="SUP", name="Support Sweden", parent=top)
    sales = Unit.objects.create(code="SAL", name="Sales Norway", parent=top)
    return {"top": top, "support": support, "sales": sales}


def make_person(email, first, last, number, *, unit=None, manager=None, roles=(), **extra):
    person = Person.objects.create_user(
        email,
        CAST_PASSWORD,
        first_name=first,
        last_name=last,
        employee_number=number,
        unit=unit,
        manager=manager,
        **extra,
    )
    for role in roles:
        person.groups.add(Group.objects.get(name=role.value))
    return person


@pytest.fixture
def cast(db, units, site, position):
    cecilia = make_person("cecilia@example.com", "Cecilia", "Wahlberg", "100", unit=units["top"])
    bjorn = make_person(
        "bjorn@example.com", "Björn", "Ekström", "101", unit=units["support"], manager=cecilia, site=site
    )
    asa = make_person(
        "asa@example.com",
        "Åsa",
        "Öberg",
        "102",
        unit=units["support"],
        manager=bjorn,
        site=site,
        position=position,
    )
    karin = make_person(
        "karin@example.com",
        "Karin",
        "Ståhl",
        "103",
        unit=units["top"],
        manager=cecilia,
        roles=[Role.HR_APPROVER],
    )
    elin = make_person(
        "elin@example.com", "Elin", "Sjöberg", "104", unit=units["top"], manager=karin, roles=[Role.HR]
    )
    ingrid = make_person(
        "ingrid@example.com",
        "Ingrid",
        "Nyström",
        "105",
        unit=units["top"],
        manager=cecilia,
        roles=[Role.ADMIN],
    )
    olav = make_person(
        "olav@example.com",
        "Olav",
        "Haugen",
        "106",
        unit=units["sales"],
        manager=cecilia,
        country="NO",
        time_zone="Europe/Oslo",
    )
    units["support"].manager = bjorn
    units["support"].save()
    return {
        "skip": cecilia,
        "manager": bjorn,
        "employee": asa,
        "hr_approver": karin,
        "hr": elin,
        "admin": ingrid,
        "outsider": olav,
    }


@pytest.fixture
def agreement(cast):
    approved(cast["employee"], cast["manager"], flexible=False, weekdays=[0, 3])
    return agreement_of(cast["employee"])


@pytest.fixture
def active(cast, agreement):
    person, manager = cast["employee"], cast["manager"]
    for key in ("it-security", "workplace-se", "insurance"):
        pass_checklist(person, key, manager)
    agreement = signed(agreement, person, manager)
    agreement_services.agreement_apply_due(today=agreement.start_date)
    agreement.refresh_from_db()
    return agreement


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(monkeypatch):
    """Debian's Chromium driven by Playwright; the test runs the live server (`live_server`)."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Chromium is missing: install the Debian packages chromium and "
            "chromium-driver (make test does so when run as root)."
        )
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test are
    # still synchronous, so Django's async guard would object without this.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        yield context.new_page()
        browser.close()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language. A request switches the thread's language (a token's
    owner's, a signed-in person's) and, in a test, nothing switches it back before the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
