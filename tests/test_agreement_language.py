"""The agreement in the person's language, its terms editor, and what a draft allows.

Cast (the project's fixed one): Åsa, an employee in Support Sweden, writes in Swedish (or Norwegian or
Danish, where the test says so); Björn is her line manager and works in English; Elin is in HR."""

import re
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from distans.agreements import services as agreement_services
from distans.agreements.models import Agreement
from distans.agreements.testing import signed
from distans.arrangements import services
from distans.arrangements.testing import assessed, draft
from distans.core.errors import DomainError
from distans.core.testing import as_post, browser_form
from distans.equipment import services as equipment_services
from distans.equipment.models import ItemType
from distans.planning import services as planning_services

# Words that, in an agreement in Swedish, Norwegian or Danish, can only be English leaking in. Case
# matters: the Nordic languages write months and weekdays in lower case.
ENGLISH = [
    "as at the office",
    "under the employment contract",
    "laptop",
    "Laptop",
    "mobile phone",
    "phone and headset",  # "headset" alone is Swedish and Danish too
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Yes",
    "No",
    "yes",
    "no",
    "own home",
    "the employee",
    "the employer",
    "until further notice",
    "flexible days",
    "fixed days",
    "none agreed",
    "a trial of",
    "weeks",
    "before the agreement takes effect",
    "Employee",
    "Line manager",
]


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def swedish_draft(cast, language="sv", **values) -> Agreement:
    """Åsa, in `language`, asks for two fixed days with a trial; her team has an office day; Björn
    (English) approves."""
    person, manager = cast["employee"], cast["manager"]
    person.language = language
    person.save()
    planning_services.unit_settings_save(
        actor=manager, unit=person.unit, office_weekdays=[1], meeting_note="Tisdag 09:00"
    )
    assessed(person, manager)
    values = {"flexible": False, "weekdays": [0, 3], "trial": True, **values}
    request = services.request_submit(actor=person, request=draft(person, **values))
    while request.current_step:  # the line manager, then the HR approver when the route asks for one
        decider = manager if request.current_step == "manager" else cast["hr_approver"]
        request = services.request_decide(actor=decider, request=request, decision="approve")
    return Agreement.objects.get(person=person)


# 2. Drafted in the person's language, every value in it


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_the_draft_is_the_country_s_template_in_the_person_s_language_with_no_english_value(cast, language):
    agreement = swedish_draft(cast, language)
    version = agreement.versions.get()
    assert (version.template.country, version.template.language, version.language) == (
        "SE",
        language,
        language,
    )
    text = agreement_services.compose(version)
    assert english_in(text) == []
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "dates in the language's own format, not ISO"
    if language == "sv":
        assert "samma som på arbetsplatsen, enligt anställningsavtalet" in text
        assert "bärbar dator, mobiltelefon och headset" in text
        assert "fasta dagar: måndag, torsdag" in text and "kontorsdagar (tisdag)" in text
        start = agreement.start_date
        months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                  "oktober", "november", "december"]  # fmt: skip
        assert f"{start.day} {months[start.month - 1]} {start.year}" in text


def test_the_terms_keep_codes_not_words(cast):
    version = swedish_draft(cast).versions.get()
    assert version.terms["working_hours"] == {"phrase": "as_at_office"}
    assert version.terms["equipment"] == {"phrase": "standard_equipment"}
    assert version.terms["weekdays"] == [0, 3] and version.terms["location"] == "home"


def test_lent_equipment_is_named_in_the_agreement_s_language(cast):
    laptop = ItemType.objects.get(key="laptop")
    equipment_services.loan_create(
        actor=cast["hr"], person=cast["employee"], item_type=laptop, serial_number="SN-42"
    )
    version = swedish_draft(cast).versions.get()
    text = agreement_services.compose(version)
    assert f"{laptop.name['sv']} (SN-42)" in text and english_in(text) == []


def test_an_abroad_draft_says_abroad_in_swedish(cast):
    agreement = swedish_draft(cast, location="abroad", abroad_country="Spanien", time_zone="Europe/Madrid")
    text = agreement_services.compose(agreement.versions.get())
    assert "utomlands" in text and "Spanien" in text and english_in(text) == []


def test_the_signature_block_has_swedish_roles_and_times_with_their_zone(cast, tmp_path):
    person, manager = cast["employee"], cast["manager"]
    agreement = signed(swedish_draft(cast), person, manager)  # both sign with English as active language
    version = agreement.versions.get()
    path = tmp_path / "agreement.pdf"
    path.write_bytes(bytes(version.pdf))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    block = text[text.index("Underskrifter") :]
    assert "Medarbetare" in block and "Närmaste chef" in block and "Arbetsgivare" in block
    assert "Employee" not in block and "Line manager" not in block and "Employer" not in block
    zone = timezone.localtime(version.signed_at).tzname()  # CET or CEST in Stockholm
    times = re.findall(rf"\d{{1,2}} [a-zåäö]+ \d{{4}} \d{{2}}:\d{{2}} {zone}", block)
    assert len(times) == 2, block


def test_a_signer_abroad_signs_on_her_own_clock(cast, tmp_path):
    person, manager = cast["employee"], cast["manager"]
    person.time_zone = "Asia/Bangkok"
    person.save()
    agreement = signed(swedish_draft(cast), person, manager)
    path = tmp_path / "agreement.pdf"
    path.write_bytes(bytes(agreement.versions.get().pdf))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "+07" in text, "Bangkok's zone beside the employee's signature"


# 1. The terms editor, through the form as a browser sends it


def test_the_editor_shows_the_draft_s_two_days_and_saves_it_unchanged(cast):
    agreement = swedish_draft(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    url = reverse("agreements:edit", args=[agreement.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = browser_form(page.content.decode())
    assert form.selected["days_per_week"] == "2", "the draft's own days, not the first choice"
    sent = as_post(form.data)
    assert sent["weekdays"] == ["0", "3"]
    assert sent["working_hours"] == ["samma som på arbetsplatsen, enligt anställningsavtalet"], (
        "the editor shows the words that go into the Swedish agreement"
    )
    assert sent["csrfmiddlewaretoken"][0]
    saved = client.post(url, sent)
    assert saved.status_code == 302 and saved.url == reverse("agreements:detail", args=[agreement.pk])
    version = agreement.versions.get()
    agreement.refresh_from_db()
    assert version.terms["days_per_week"] == "2" and agreement.days_per_week == 2
    assert version.terms["weekdays"] == [0, 3]
    assert version.terms["working_hours"] == {"phrase": "as_at_office"}, "unchanged words keep their code"


def test_the_editor_saves_changed_days_and_typed_words(cast):
    agreement = swedish_draft(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    url = reverse("agreements:edit", args=[agreement.pk])
    sent = as_post(browser_form(client.get(url).content.decode()).data)
    sent.update(days_per_week=["1.5"], weekdays=["0", "3"], working_hours=["08.00–16.30"])
    assert client.post(url, sent).status_code == 302
    version = agreement.versions.get()
    assert version.terms["days_per_week"] == "1.5" and version.terms["working_hours"] == "08.00–16.30"
    page = client.get(url).content.decode()
    assert browser_form(page).selected["days_per_week"] == "1.5"


def test_the_editor_without_a_csrf_token_is_refused(cast):
    agreement = swedish_draft(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    url = reverse("agreements:edit", args=[agreement.pk])
    sent = as_post(browser_form(client.get(url).content.decode()).data)
    del sent["csrfmiddlewaretoken"]
    assert client.post(url, sent).status_code == 403


# 3. A draft is not ended


def test_end_is_not_offered_on_a_draft_and_the_service_says_why(cast):
    agreement = swedish_draft(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()
    assert (
        "End the agreement" not in page and reverse("agreements:act", args=[agreement.pk, "end"]) not in page
    )
    with pytest.raises(DomainError, match="draft and not in force") as refused:
        agreement_services.agreement_end(actor=cast["manager"], agreement=agreement, last_day=None, reason="")
    assert refused.value.code == "not_in_force"
    agreement.refresh_from_db()
    assert agreement.status == "draft" and agreement.versions.get().status == "draft"


def test_ending_a_draft_on_the_page_shows_the_reason(cast):
    agreement = swedish_draft(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    detail = reverse("agreements:detail", args=[agreement.pk])
    send = reverse("agreements:act", args=[agreement.pk, "send"])
    token = dict(browser_form(client.get(detail).content.decode(), send).data)["csrfmiddlewaretoken"]
    sent = {"csrfmiddlewaretoken": token, "reason": ""}  # as a stale page or a crafted post would
    answer = client.post(reverse("agreements:act", args=[agreement.pk, "end"]), sent, follow=True)
    assert "draft and not in force" in answer.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "draft"


def test_an_agreement_awaiting_signatures_can_still_be_withdrawn_by_ending_it(cast):
    agreement = swedish_draft(cast)
    agreement_services.agreement_send(actor=cast["manager"], agreement=agreement)
    agreement_services.agreement_end(
        actor=cast["manager"], agreement=agreement, last_day=None, reason="Changed plans"
    )
    agreement.refresh_from_db()
    assert agreement.status == "ended" and agreement.versions.get().status == "cancelled"


def test_a_signed_agreement_can_be_ended(cast):
    agreement = signed(swedish_draft(cast), cast["employee"], cast["manager"])
    agreement_services.agreement_end(actor=cast["employee"], agreement=agreement, last_day=None, reason="")
    agreement.refresh_from_db()
    assert agreement.ends_on is not None
