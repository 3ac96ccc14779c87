"""The whole loop in a real browser, on the organisation exactly as `manage.py demo` builds it, changed only
through the pages as its people would change them: a request, its decision, the agreement and its
signatures, the checklists, the agreement taking effect, a follow-up that amends it, a suspension, and
what each of these does to the weekly plan. Each person sees their pages in their own language.

The ORM is only read, to choose a suitable person and to check what was stored; time passes with
`time_machine`, and the background tasks that are due run as the worker would run them."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db.models import Count, Exists, OuterRef
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar
from playwright.sync_api import expect

from distans.agreements.models import Agreement
from distans.checklists.models import Kind, Response, Role
from distans.core.testing import menu_click, run_due_tasks
from distans.org.demo import DEMO_PASSWORD
from distans.org.models import Person
from distans.planning.models import DayChange, UnitPlanSettings
from distans.planning.rules import public_holidays

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WEEK = datetime.timedelta(days=7)


# --- what the test reads and how time passes ----------------------------------------------------------


def in_language(language: str, text: str, **values) -> str:
    """A message as the catalogue says it in `language`; it must have a translation."""
    with translation.override(language):
        translated = gettext(text)
    assert translated != text or language == "en", f"{text!r} has no {language} translation"
    return translated % values if values else translated


def long_date(language: str, day: datetime.date) -> str:
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


def at(day: datetime.date, hour: int = 8):
    """Travel to a local time on a day; the clock runs on from there (for the live server too)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return time_machine.travel(moment, tick=True)


def plain_monday(country: str, *, after: datetime.date, weeks: int = 1) -> datetime.date:
    """The first Monday on or after `after` that begins `weeks` weeks without a public holiday."""
    monday = after + datetime.timedelta(days=-after.weekday() % 7)
    while True:
        days = [monday + datetime.timedelta(days=offset) for offset in range(7 * weeks)]
        holidays = {**public_holidays(country, days[0].year), **public_holidays(country, days[-1].year)}
        if not any(day in holidays for day in days if day.weekday() < 5):
            return monday
        monday += WEEK


def home_days(person: Person, monday: datetime.date, count: int) -> list[datetime.date]:
    """The first `count` days of the week that are not the team's office day: the days someone who
    follows the team's rhythm would pick to work at home."""
    settings = UnitPlanSettings.objects.filter(unit=person.unit).first()
    office = set(settings.office_weekdays) if settings else set()
    days = [monday + datetime.timedelta(days=weekday) for weekday in range(5) if weekday not in office]
    return days[:count]


def unique_names() -> set[tuple[str, str]]:
    """Names only one person has, so that a link with the name is theirs."""
    return set(
        Person.objects.values_list("first_name", "last_name")
        .annotate(count=Count("id"))
        .filter(count=1)
        .values_list("first_name", "last_name")
    )


def newcomer(country: str, language: str, *, assessed: bool) -> Person:
    """An employee who may work remotely in part, has never asked and has no plan changes from today on
    (past leave and sick days are her history, not her week), whose line manager reads the pages in the
    same language; neither has a name anyone else has. `assessed`: whether
    the demo's manager has already assessed her suitability."""
    unique = unique_names()
    assessment = Response.objects.filter(
        assignment__person=OuterRef("pk"),
        assignment__version__template__kind=Kind.SUITABILITY,
        role=Role.MANAGER,
        status=Response.Status.SUBMITTED,
    )
    changes_ahead = DayChange.objects.filter(person=OuterRef("pk"), date__gte=timezone.localdate())
    candidates = (
        Person.objects.annotate(assessed=Exists(assessment), changes_ahead=Exists(changes_ahead))
        .filter(
            assessed=assessed,
            country=country,
            language=language,
            is_active=True,
            position__remote_suitability__in=["partly", "fully"],
            manager__language=language,
            reports__isnull=True,
            remote_requests__isnull=True,
            agreements__isnull=True,
            changes_ahead=False,
        )
        .select_related("manager")
        .order_by("pk")
    )
    for person in candidates:
        if {
            (person.first_name, person.last_name),
            (person.manager.first_name, person.manager.last_name),
        } <= unique:
            return person
    pytest.fail(f"The demo has no {country} employee without a request to start from.")


# --- what a person does on the pages -----------------------------------------------------------------


def sign_in(tab, live_server, person_or_email, home: str):
    """Sign in with the demo password, whatever language the sign-in page speaks; `home` is the
    heading of My page in the person's language."""
    email = getattr(person_or_email, "email", person_or_email)
    tab.goto(live_server.url + "/")
    tab.locator("#id_username").fill(email)
    tab.locator("#id_password").fill(DEMO_PASSWORD)
    tab.locator("#id_password").press("Enter")
    expect(tab.get_by_role("heading", name=home, exact=True)).to_be_visible()


def sign_out(tab):
    tab.locator("form[action='/logout/'] button").click()
    expect(tab.locator("#id_password")).to_be_visible()


def answer_all(tab, *, yes: str, submit: str, result: str):
    """Answer a checklist as someone for whom everything is in order: yes, the best score, the first
    choice; then submit and see the result."""
    questions = tab.locator("fieldset.question")
    expect(questions.first).to_be_visible()
    for question in questions.all():
        for label in (yes, "5"):
            choice = question.get_by_label(label, exact=True)
            if choice.count():
                choice.check()
                break
        else:
            radios = question.get_by_role("radio")
            if radios.count():
                radios.first.check()
    tab.get_by_role("button", name=submit, exact=True).click()
    expect(tab.get_by_text(result)).to_be_visible()


def sign_agreement(tab, *, read_and_sign: str, accept: str, password: str, sign: str, signed: str):
    tab.get_by_role("link", name=read_and_sign).click()
    tab.get_by_label(accept).check()
    tab.get_by_label(password).fill(DEMO_PASSWORD)
    tab.get_by_role("button", name=sign, exact=True).click()
    expect(tab.get_by_text(signed)).to_be_visible()


def to_answer(tab):
    """The checklists waiting for the signed-in person's answers."""
    return tab.locator("section[aria-labelledby=todo-title]")


def day(tab, date: datetime.date):
    return tab.locator(f"#day-{date.isoformat()}")


def team_row(tab, person: Person):
    return tab.get_by_role("row").filter(has=tab.get_by_role("rowheader", name=person.full_name))


def status_badge(tab):
    return tab.locator("h1 .badge").first


# --- 1. Sweden: asked, assessed, approved, signed, checked, in effect ---------------------------------


def test_a_swedish_employee_gets_two_days_and_my_week_holds_her_to_them(page, live_server):
    call_command("demo", verbosity=0)
    employee = newcomer("SE", "sv", assessed=False)
    manager = employee.manager
    start = plain_monday("SE", after=timezone.localdate() + 2 * WEEK)

    # She asks for two flexible days a week from her own home.
    sign_in(page, live_server, employee, "Min sida")
    menu_click(page, "Ansökningar")
    page.get_by_role("link", name="Ansök om distansarbete").click()
    page.get_by_label("Dagar i veckan").select_option("2")
    page.get_by_label("Start:", exact=True).fill(start.isoformat())
    findings = page.locator("#findings")
    expect(findings).to_contain_text("Vem beslutar: din närmaste chef")
    expect(findings).to_contain_text("Din chef bedömer lämpligheten för distansarbete före beslutet")
    page.get_by_label("Motivering").fill("Fokustid för analyser två dagar i veckan.")
    page.get_by_role("button", name="Spara som utkast").click()
    expect(status_badge(page)).to_have_text("Utkast")
    page.get_by_role("button", name="Skicka för beslut").click()
    expect(status_badge(page)).to_have_text("Under behandling")
    expect(page.get_by_text("Närmaste chef – väntar")).to_be_visible()
    sign_out(page)

    # Her manager assesses her suitability first, as the policy requires, then approves.
    sign_in(page, live_server, manager, "Min sida")
    page.get_by_role("link", name="1 ansökan om distansarbete väntar på ditt beslut.").click()
    page.get_by_role("link", name=employee.full_name).click()
    expect(page.get_by_text("Lämplighetsbedömning: inte gjord ännu")).to_be_visible()
    page.get_by_role("button", name="Bedöm lämpligheten nu").click()
    expect(page.get_by_role("heading", name="Passar för distansarbete – bedömning")).to_be_visible()
    expect(page.get_by_text(f"Din bedömning av {employee.full_name}")).to_be_visible()
    answer_all(page, yes="Ja", submit="Skicka in", result="Dina svar är inskickade. Resultat: Godkänd.")
    menu_click(page, "Att besluta")
    page.get_by_role("link", name=employee.full_name).click()
    expect(page.get_by_text("Lämplighetsbedömning: Godkänd")).to_be_visible()
    page.get_by_label("Bevilja", exact=True).check()
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_text("Ditt beslut är registrerat, och medarbetaren får besked.")).to_be_visible()
    expect(status_badge(page)).to_have_text("Beviljad")

    # The approved request is a draft agreement in Swedish, from the Swedish template; the manager sends it.
    menu_click(page, "Överenskommelser")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    expect(
        page.get_by_role("heading", name=f"Överenskommelse om distansarbete: {employee.full_name}")
    ).to_be_visible()
    expect(status_badge(page)).to_have_text("Utkast")
    terms = page.locator("section[aria-labelledby=terms-title]")
    expect(terms).to_contain_text("2 · flexibla dagar som bestäms i veckoplaneringen")
    expect(terms).to_contain_text(f"{long_date('sv', start)} · tills vidare")
    expect(page.get_by_role("button", name="Avsluta överenskommelsen")).to_have_count(
        0
    )  # a draft is not ended
    page.get_by_role("button", name="Skicka för underskrift").click()
    expect(page.get_by_text("Skickad för underskrift. Båda parter har fått besked.")).to_be_visible()
    expect(status_badge(page)).to_have_text("Väntar på underskrifter")
    sign_out(page)
    run_due_tasks()  # the worker sends the e-mails: both are asked to sign, in Swedish
    for signer in (employee, manager):
        assert any(
            message.to == [signer.email]
            and message.subject == in_language("sv", "A remote work agreement waits for your signature")
            for message in mail.outbox
        )

    # She reads the whole text in Swedish and signs with her password.
    sign_in(page, live_server, employee, "Min sida")
    menu_click(page, "Överenskommelser")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    page.get_by_role("link", name="Läs och skriv under").click()
    expect(page.get_by_role("heading", name="Skriv under överenskommelsen")).to_be_visible()
    expect(page.get_by_text("Antal distansdagar per vecka: 2, flexibla dagar")).to_be_visible()
    page.go_back()
    sign_agreement(
        page,
        read_and_sign="Läs och skriv under",
        accept="Jag har läst och godkänner överenskommelsen",
        password="Ditt lösenord",
        sign="Skriv under",
        signed="Du har skrivit under överenskommelsen.",
    )
    expect(page.get_by_text(f"✓ {employee.full_name} · Medarbetare")).to_be_visible()
    sign_out(page)

    # Her line manager signs for the employer; the page says what is still missing before it applies.
    sign_in(page, live_server, manager, "Min sida")
    menu_click(page, "Överenskommelser")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    sign_agreement(
        page,
        read_and_sign="Läs och skriv under",
        accept="Jag har läst och godkänner överenskommelsen",
        password="Ditt lösenord",
        sign="Skriv under",
        signed="Du har skrivit under överenskommelsen.",
    )
    expect(status_badge(page)).to_have_text("Underskriven, gäller ännu inte")
    waiting = page.locator(".notice.warning")
    expect(waiting).to_contain_text(f"Den börjar gälla {long_date('sv', start)}.")
    missing = {
        "IT-säkerhet": "IT-säkerhet vid distansarbete",
        "Hemarbetsplats och arbetsmiljö": "Riskbedömning av arbetsmiljön vid distansarbete",
        "Försäkring": "Försäkring vid distansarbete",
    }
    for kind in missing:
        expect(waiting).to_contain_text(f"Checklista som återstår: {kind}")

    # From there the manager assigns the three checklists to her.
    waiting.get_by_role("link", name="Checklistor").click()
    expect(page.get_by_role("heading", name=f"Checklistor: {employee.full_name}")).to_be_visible()
    for title in missing.values():
        page.get_by_role("link", name="Tilldela en checklista").click()
        page.get_by_label("Checklista:").select_option(label=title)
        page.get_by_role("button", name="Tilldela").click()
        expect(
            page.get_by_text(f"Checklistan är tilldelad; {employee.full_name} får besked via e-post.")
        ).to_be_visible()
        page.get_by_role("link", name=employee.full_name).click()
    sign_out(page)

    # She answers them; the joint risk assessment still waits for her manager's part.
    sign_in(page, live_server, employee, "Min sida")
    for title in missing.values():
        menu_click(page, "Checklistor")
        to_answer(page).get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", name=title)).to_be_visible()
        answer_all(page, yes="Ja", submit="Skicka in", result="Dina svar är inskickade. Resultat: Godkänd.")
    menu_click(page, "Checklistor")
    expect(to_answer(page)).to_contain_text("Inget att besvara just nu.")
    menu_click(page, "Överenskommelser")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    expect(page.locator(".notice.warning")).to_contain_text(
        "Checklista som återstår: Hemarbetsplats och arbetsmiljö"
    )
    expect(page.locator(".notice.warning")).not_to_contain_text("Checklista som återstår: IT-säkerhet")
    sign_out(page)

    sign_in(page, live_server, manager, "Min sida")
    menu_click(page, "Checklistor")
    to_answer(page).get_by_role("listitem").filter(
        has_text=f"din bedömning av {employee.full_name}"
    ).get_by_role("link", name="Riskbedömning av arbetsmiljön vid distansarbete").click()
    answer_all(page, yes="Ja", submit="Skicka in", result="Dina svar är inskickade. Resultat: Godkänd.")
    menu_click(page, "Överenskommelser")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    expect(page.locator(".notice.warning")).to_contain_text(f"Den börjar gälla {long_date('sv', start)}.")
    expect(page.get_by_text("Checklista som återstår")).to_have_count(0)
    sign_out(page)
    agreement = Agreement.objects.get(person=employee)
    assert agreement.status == "signed" and agreement.versions.get().language == "sv"

    # On the start date the hourly sweep puts it in effect, and both are told in Swedish.
    with at(start):
        run_due_tasks()
        agreement.refresh_from_db()
        assert agreement.status == "active"
        subjects = [message.subject for message in mail.outbox if message.to == [employee.email]]
        assert in_language("sv", "Your remote work agreement is now in effect") in subjects

        # My week allows exactly two remote days and refuses a third, saying why where she clicked.
        sign_in(page, live_server, employee, "Min sida")
        menu_click(page, "Min vecka")
        expect(page.get_by_text("Distansdagar per vecka enligt din överenskommelse: 2.")).to_be_visible()
        *two, third_day = home_days(employee, start, 3)
        for date in two:
            day(page, date).get_by_role("button", name="Distans", exact=True).click()
            expect(day(page, date).locator(".where")).to_contain_text("Distans")
            expect(day(page, date).get_by_role("button", name="Distans", exact=True)).to_have_attribute(
                "aria-pressed", "true"
            )
        third = day(page, third_day)
        before = third.locator(".where").inner_text()
        assert before.startswith("Kontor")
        third.get_by_role("button", name="Distans", exact=True).click()
        expect(third.get_by_role("alert")).to_have_text(
            in_language(
                "sv", "Your agreement covers %(days)s days a week; this would be %(count)s.", days=2, count=3
            )
        )
        expect(third.locator(".where")).to_have_text(before)
        expect(third.get_by_role("button", name="Kontor", exact=True)).to_have_attribute(
            "aria-pressed", "true"
        )
        changes = DayChange.objects.filter(person=employee, date__gte=start)
        assert sorted(changes.values_list("date", "kind")) == [(date, "remote") for date in two]


# --- 2. Norway: three days through the HR approver, then a follow-up brings them down to two ----------


def test_a_norwegian_employee_gets_three_days_and_a_follow_up_brings_them_down_to_two(page, live_server):
    call_command("demo", verbosity=0)
    employee = newcomer("NO", "nb", assessed=True)
    manager = employee.manager
    start = plain_monday("NO", after=timezone.localdate() + 2 * WEEK, weeks=3)
    amended_from = start + 2 * WEEK

    # She asks for three flexible days; more than her manager may approve, so HR's approver decides too.
    sign_in(page, live_server, employee, "Min side")
    menu_click(page, "Søknader")
    page.get_by_role("link", name="Søk om hjemmekontor").click()
    page.get_by_label("Dager i uken").select_option("3")
    page.get_by_label("Start:", exact=True).fill(start.isoformat())
    findings = page.locator("#findings")
    expect(findings).to_contain_text("Hvem avgjør: nærmeste leder → HR")
    expect(findings).to_contain_text("skriftlig avtale")  # Norway's regulation on work in the home
    page.get_by_label("Begrunnelse").fill("Ro til feilsøking og dokumentasjon.")
    page.get_by_role("button", name="Lagre som utkast").click()
    page.get_by_role("button", name="Send til avgjørelse").click()
    expect(status_badge(page)).to_have_text("Til behandling")
    sign_out(page)

    sign_in(page, live_server, manager, "Min side")
    page.get_by_role("link", name=re.compile("venter på din avgjørelse")).click()
    page.get_by_role("link", name=employee.full_name).click()
    expect(page.get_by_text("Egnethetsvurdering: Godkjent")).to_be_visible()  # assessed earlier in the demo
    page.get_by_label("Innvilg", exact=True).check()
    page.get_by_role("button", name="Registrer avgjørelsen").click()
    expect(page.get_by_text("Avgjørelsen din er registrert, og arbeidstakeren får beskjed.")).to_be_visible()
    expect(status_badge(page)).to_have_text("Til behandling")  # now with the HR approver
    sign_out(page)

    sign_in(page, live_server, "karin.stahl@nordvik.example", "My page")
    menu_click(page, "To decide")
    page.get_by_role("link", name=employee.full_name).click()
    page.get_by_label("Approve", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(status_badge(page)).to_have_text("Approved")
    sign_out(page)

    # The agreement is drafted in Norwegian from the Norwegian template; the manager sends it, both sign.
    sign_in(page, live_server, manager, "Min side")
    menu_click(page, "Avtaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    expect(page.get_by_role("heading", name=f"Avtale om hjemmekontor: {employee.full_name}")).to_be_visible()
    expect(page.locator("section[aria-labelledby=terms-title]")).to_contain_text(
        "3 · fleksible dager som avtales i ukeplanen"
    )
    page.get_by_role("button", name="Send til signering").click()
    expect(status_badge(page)).to_have_text("Venter på signaturer")
    sign_out(page)
    norwegian = {
        "read_and_sign": "Les og signer",
        "accept": "Jeg har lest og godtar avtalen",
        "password": "Passordet ditt",
        "sign": "Signer",
        "signed": "Du har signert avtalen.",
    }
    sign_in(page, live_server, employee, "Min side")
    menu_click(page, "Avtaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    page.get_by_role("link", name="Les og signer").click()
    expect(page.get_by_role("heading", name="Signer avtalen")).to_be_visible()
    expect(page.get_by_text("Omfanget av hjemmearbeidet").first).to_be_visible()
    page.go_back()
    sign_agreement(page, **norwegian)
    sign_out(page)
    sign_in(page, live_server, manager, "Min side")
    menu_click(page, "Avtaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    sign_agreement(page, **norwegian)
    expect(status_badge(page)).to_have_text("Signert, gjelder ennå ikke")

    # The manager assigns the checklists the page names; she answers them and they pass.
    waiting = page.locator(".notice.warning")
    for kind in ("Informasjonssikkerhet", "Hjemmearbeidsplass og arbeidsmiljø", "Forsikring"):
        expect(waiting).to_contain_text(f"Sjekkliste som gjenstår: {kind}")
    checklists = [
        "Informasjonssikkerhet på hjemmekontor",
        "Egenerklæring for hjemmekontor",
        "Forsikring på hjemmekontor",
    ]
    waiting.get_by_role("link", name="Sjekklister").click()
    for title in checklists:
        page.get_by_role("link", name="Tildel en sjekkliste").click()
        page.get_by_label("Sjekkliste:").select_option(label=title)
        page.get_by_role("button", name="Tildel").click()
        expect(
            page.get_by_text(f"Sjekklisten er tildelt; {employee.full_name} får beskjed på e-post.")
        ).to_be_visible()
        page.get_by_role("link", name=employee.full_name).click()
    sign_out(page)
    sign_in(page, live_server, employee, "Min side")
    for title in checklists:
        menu_click(page, "Sjekklister")
        to_answer(page).get_by_role("link", name=title).click()
        answer_all(page, yes="Ja", submit="Send inn", result="Svarene dine er sendt inn. Resultat: Godkjent.")
    menu_click(page, "Avtaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    expect(page.locator(".notice.warning")).to_contain_text(f"Den gjelder fra {long_date('nb', start)}.")
    expect(page.get_by_text("Sjekkliste som gjenstår")).to_have_count(0)
    sign_out(page)

    agreement = Agreement.objects.get(person=employee)
    with at(start):
        run_due_tasks()  # the hourly sweep: it takes effect today
        agreement.refresh_from_db()
        assert agreement.status == "active"

        # She chooses her three days as her usual week.
        sign_in(page, live_server, employee, "Min side")
        menu_click(page, "Min uke")
        expect(page.get_by_text("Hjemmekontordager per uke etter avtalen din: 3.")).to_be_visible()
        chosen = home_days(employee, start, 3)
        with translation.override("nb"):
            for date in chosen:
                page.get_by_label(f"{formats.date_format(date, 'l')}:", exact=True).select_option("remote")
        page.get_by_role("button", name="Lagre min vanlige uke").click()
        expect(
            page.get_by_text(
                in_language("nb", "Your usual week is saved from %(date)s.", date=long_date("nb", start))
            )
        ).to_be_visible()
        for offset in range(5):
            date = start + datetime.timedelta(days=offset)
            expected = "Hjemmekontor" if date in chosen else re.compile("^Kontor")
            expect(day(page, date).locator(".where")).to_have_text(expected)
        sign_out(page)

        # Her manager books a follow-up conversation on the agreement.
        sign_in(page, live_server, manager, "Min side")
        menu_click(page, "Avtaler")
        page.locator("#content").get_by_role("link", name=employee.full_name).click()
        expect(status_badge(page)).to_have_text("Gjelder")
        page.get_by_label("Book en oppfølging nå").fill((start + datetime.timedelta(days=3)).isoformat())
        page.get_by_role("button", name="Book", exact=True).click()
        expect(page.get_by_role("heading", name=f"Oppfølgingssamtale: {employee.full_name}")).to_be_visible()
        expect(page.get_by_text("Avtalte hjemmekontordager per uke: 3.")).to_be_visible()
        sign_out(page)

    with at(start + datetime.timedelta(days=3), hour=10):
        # They meet and agree on fewer days: two, from the Monday two weeks after she started.
        sign_in(page, live_server, manager, "Min side")
        menu_click(page, "Oppfølging")
        page.locator("#content").get_by_role("link", name=employee.full_name).click()
        page.get_by_label("Færre hjemmekontordager").check()
        page.get_by_label("Nytt antall dager per uke (flere eller færre dager)").select_option("2")
        page.get_by_label("Hva dere ble enige om").fill("To dager i uken, resten på kontoret med teamet.")
        page.get_by_role("button", name="Registrer utfallet").click()
        expect(page.get_by_role("heading", name="Endring: versjon 2 · Utkast")).to_be_visible()
        page.get_by_role("link", name="Endre vilkårene").click()
        expect(page.get_by_label("Hjemmekontordager per uke")).to_have_value("2")
        page.get_by_label("Start:", exact=True).fill(amended_from.isoformat())
        page.get_by_role("button", name="Lagre utkastet").click()
        page.get_by_role("button", name="Send til signering").click()
        expect(page.get_by_role("heading", name="Endring: versjon 2 · Venter på signaturer")).to_be_visible()
        sign_out(page)
        for signer in (employee, manager):
            sign_in(page, live_server, signer, "Min side")
            menu_click(page, "Avtaler")
            page.locator("#content").get_by_role("link", name=employee.full_name).click()
            sign_agreement(page, **norwegian)
            sign_out(page)
        amendment = agreement.versions.get(number=2)
        assert amendment.status == "signed" and amendment.terms["days_per_week"] == "2"
        assert amendment.effective_from == amended_from

        # Until then her three days stay.
        sign_in(page, live_server, employee, "Min side")
        menu_click(page, "Min uke")
        page.get_by_role("link", name="Neste uke →").click()
        expect(page.get_by_text("Hjemmekontordager per uke etter avtalen din: 3.")).to_be_visible()
        expect(page.locator("article.day .where", has_text=re.compile("^Hjemmekontor$"))).to_have_count(3)
        sign_out(page)

    with at(amended_from):
        # From its start My week allows two and refuses the third, saying why.
        sign_in(page, live_server, employee, "Min side")
        menu_click(page, "Min uke")
        expect(page.get_by_text("Hjemmekontordager per uke etter avtalen din: 2.")).to_be_visible()
        *two, third_day = home_days(employee, amended_from, 3)  # the first two of her days stay at home
        for date in two:
            expect(day(page, date).locator(".where")).to_have_text("Hjemmekontor")
        third = day(page, third_day)
        expect(third.locator(".where")).to_contain_text("Kontor")
        third.get_by_role("button", name="Hjemmekontor", exact=True).click()
        expect(third.get_by_role("alert")).to_have_text(
            in_language(
                "nb", "Your agreement covers %(days)s days a week; this would be %(count)s.", days=2, count=3
            )
        )
        expect(third.locator(".where")).to_contain_text("Kontor")
        assert not DayChange.objects.filter(person=employee, date=third_day).exists()

        # Her calendar feed says the same: two days at home that week.
        calendar = page.locator("section", has=page.get_by_role("heading", name="I kalenderen din"))
        calendar.get_by_role("button", name="Lag en kalenderadresse").first.click()  # hers; then the team's
        address = calendar.locator(".token").first
        response = page.request.get(address.inner_text().strip())
        assert response.ok and response.headers["content-type"].startswith("text/calendar")
        week = {amended_from + datetime.timedelta(days=offset): "" for offset in range(5)}
        for event in Calendar.from_ical(response.body()).walk("VEVENT"):
            if event.decoded("dtstart") in week:
                week[event.decoded("dtstart")] = str(event["summary"])
        assert [date for date, summary in week.items() if summary.startswith("Hjemmekontor")] == two, week
        assert week[third_day].startswith("Kontor")

        # And the team week shows her at home on two days.
        menu_click(page, "Teamets uke")
        expect(page.get_by_role("heading", name=re.compile("^Teamets uke: "))).to_be_visible()
        cells = team_row(page, employee).get_by_role("cell")
        expect(cells).to_have_count(5)
        expect(cells.filter(has_text=re.compile("^Hjemmekontor$"))).to_have_count(2)
        for date in week:
            expect(cells.nth(date.weekday())).to_have_text("Hjemmekontor" if date in two else "Kontor")


# --- 3. Denmark: a suspension takes the remote days away, reinstating gives them back ---------------


def fixed_days_colleague(country: str, language: str, monday: datetime.date) -> tuple[Person, list[int]]:
    """An employee of the demo with an agreement in effect on fixed weekdays, never amended, whose manager
    reads the pages in the same language, with no changes planned in the week of `monday`; neither shares
    a name with anyone."""
    unique = unique_names()
    agreements = (
        Agreement.objects.filter(
            status="active",
            person__country=country,
            person__language=language,
            person__manager__language=language,
            person__reports__isnull=True,
        )
        .annotate(versions_count=Count("versions"))
        .filter(versions_count=1)
        .select_related("person__manager")
        .prefetch_related("versions")
        .order_by("pk")
    )
    for agreement in agreements:
        person, terms = agreement.person, agreement.versions.all()[0].terms
        names = {(person.first_name, person.last_name), (person.manager.first_name, person.manager.last_name)}
        planned = DayChange.objects.filter(person=person, date__range=(monday, monday + WEEK)).exists()
        if not terms.get("flexible", True) and terms.get("weekdays") and names <= unique and not planned:
            return person, sorted(terms["weekdays"])
    pytest.fail(f"The demo has no {country} agreement with fixed weekdays to suspend.")


def test_a_suspension_takes_the_remote_days_away_and_reinstating_gives_them_back(page, live_server):
    call_command("demo", verbosity=0)
    today = timezone.localdate()
    monday = plain_monday("DK", after=today + datetime.timedelta(days=1))
    employee, weekdays = fixed_days_colleague("DK", "da", monday)
    manager = employee.manager
    week = [monday + datetime.timedelta(days=offset) for offset in range(5)]
    remote_days = [date for date in week if date.weekday() in weekdays]
    with translation.override("da"):
        names = ", ".join(formats.date_format(date, "l") for date in remote_days)

    def to_the_week(tab):
        menu_click(tab, "Min uge")
        for _ in range((monday - (today - datetime.timedelta(days=today.weekday()))).days // 7):
            tab.get_by_role("link", name="Næste uge →").click()

    def team_week_shows(tab, remote: list[datetime.date]):
        menu_click(tab, "Teamets uge")
        for _ in range((monday - (today - datetime.timedelta(days=today.weekday()))).days // 7):
            tab.get_by_role("link", name="Næste uge →").click()
        cells = team_row(tab, employee).get_by_role("cell")
        expect(cells).to_have_count(5)
        for date in week:
            expect(cells.nth(date.weekday())).to_have_text("Hjemmearbejde" if date in remote else "Kontor")

    def my_week_shows(tab, remote: list[datetime.date]):
        for date in week:
            where = day(tab, date).locator(".where")
            if date in remote:
                expect(where).to_have_text("Hjemmearbejde")
            else:
                expect(where).to_have_text(re.compile("^Kontor · "))

    # Next week he works at home on his agreed days.
    sign_in(page, live_server, employee, "Min side")
    to_the_week(page)
    expect(page.locator("p.lead")).to_contain_text(
        f"Hjemmearbejdsdage om ugen ifølge din aftale: {len(weekdays)}. Dine hjemmearbejdsdage er {names}."
    )
    my_week_shows(page, remote_days)
    sign_out(page)

    # His manager suspends the agreement, with the reason; the team week shows him at the office.
    sign_in(page, live_server, manager, "Min side")
    menu_click(page, "Aftaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    expect(status_badge(page)).to_have_text("Gælder")
    reason = "Sikkerhedshændelse: den bærbare computer var ikke krypteret."
    suspend = page.locator("form").filter(has=page.get_by_role("button", name="Stil i bero", exact=True))
    suspend.get_by_label("Begrundelse").fill(reason)
    suspend.get_by_role("button", name="Stil i bero", exact=True).click()
    expect(page.get_by_text("Udført. Medarbejderen og lederen har fået besked.")).to_be_visible()
    expect(status_badge(page)).to_have_text("Stillet i bero")
    expect(
        page.get_by_text(
            f"Stillet i bero. Arbejd på kontoret, indtil aftalen gælder igen. Begrundelse: {reason}"
        )
    ).to_be_visible()
    team_week_shows(page, [])
    sign_out(page)
    assert Agreement.objects.get(person=employee, status="suspended")

    # His My week says so and has him at the office on those days too.
    sign_in(page, live_server, employee, "Min side")
    to_the_week(page)
    expect(page.locator("p.lead")).to_contain_text(
        in_language(
            "da",
            "Your agreement is suspended: until it is reinstated, remote days are flexible days within the "
            "policy's monthly allowance.",
        )
    )
    my_week_shows(page, [])
    for date in remote_days:
        expect(day(page, date).get_by_role("button", name="Kontor", exact=True)).to_have_attribute(
            "aria-pressed", "true"
        )
    sign_out(page)

    # Reinstated, with the reason: his days at home are back, in the team week and on his My week.
    sign_in(page, live_server, manager, "Min side")
    menu_click(page, "Aftaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    reinstate = page.locator("form").filter(has=page.get_by_role("button", name="Genindfør", exact=True))
    reinstate.get_by_label("Begrundelse").fill(
        "Computeren er krypteret igen, og han har gennemgået reglerne."
    )
    reinstate.get_by_role("button", name="Genindfør", exact=True).click()
    expect(page.get_by_text("Udført. Medarbejderen og lederen har fået besked.")).to_be_visible()
    expect(status_badge(page)).to_have_text("Gælder")
    team_week_shows(page, remote_days)
    sign_out(page)

    sign_in(page, live_server, employee, "Min side")
    to_the_week(page)
    expect(page.locator("p.lead")).to_contain_text(f"Dine hjemmearbejdsdage er {names}.")
    my_week_shows(page, remote_days)
