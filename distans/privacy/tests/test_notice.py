"""The privacy notice every employee reads and HR's record of processing: drawn from the models and the
retention periods, in four languages, kept in versions."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from distans.core.models import AuditEntry
from distans.core.testing import html, post_page, session_client
from distans.privacy import export, retention, services
from distans.privacy.models import NoticeVersion, PrivacySettings


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Privacy notice"),
        ("sv", "Integritetsmeddelande"),
        ("nb", "Personvernerklæring"),
        ("da", "Privatlivserklæring"),
    ],
)
def test_every_employee_reads_the_notice_in_her_language(cast, language, words):
    employee = cast["employee"]
    employee.language = language
    employee.save()
    page = html(session_client(employee).get(reverse("privacy:notice")))
    assert words in page
    assert "10" in page  # the Swedish period for agreements, from the retention rules


def test_the_notice_names_the_data_from_the_models(cast):
    page = html(session_client(cast["employee"]).get(reverse("privacy:notice")))
    assert "IP address" in page and "Browser" in page  # the signature's fields
    assert "Contract of employment" in page
    assert "consent" in page  # and that no processing relies on it


def test_a_changed_period_is_published_by_the_daily_run_and_the_old_version_is_kept(cast):
    hr = cast["hr"]
    first = services.notice_publish(actor=hr)
    assert services.notice_publish(actor=hr) == first  # nothing changed: no new version
    services.retention_rules_set(actor=hr, days={("agreements", "SE"): 365 * 12})
    assert NoticeVersion.objects.count() == 1  # it takes effect, and is told, with the next run
    assert "The next daily run publishes them" in html(session_client(hr).get(reverse("privacy:notice")))
    services.retention_daily()
    second = NoticeVersion.objects.first()
    assert second.number == 2
    assert second.periods["agreements"]["SE"] == 365 * 12
    employee = session_client(cast["employee"])
    assert "12 years" in html(employee.get(reverse("privacy:notice")))
    old = html(employee.get(reverse("privacy:notice_version", args=[1])))
    assert "10 years" in old and "12 years" not in old


def _periods(**changed) -> dict[str, str]:
    cells = {
        f"{key}:{country}": str(days)
        for key, by_country in retention.periods().items()
        for country, days in by_country.items()
    }
    return cells | changed


def test_an_edit_and_its_undo_publish_no_new_version(cast):
    hr = cast["hr"]
    services.notice_publish(actor=hr)
    for days in ("4380", "3650"):  # twelve years, then back to ten
        response = post_page(hr, reverse("privacy:retention"), _periods(**{"agreements:SE": days}))
        assert response.status_code == 302
    services.retention_daily()
    assert NoticeVersion.objects.count() == 1
    page = html(session_client(cast["employee"]).get(reverse("privacy:notice")))
    assert "Version 1," in page and "10 years" in page
    assert "The next daily run publishes them" not in html(session_client(hr).get(reverse("privacy:notice")))


def test_hr_publishes_from_the_page(cast):
    response = post_page(cast["hr"], reverse("privacy:notice"), {})
    assert response.status_code == 405
    client = session_client(cast["hr"])
    client.get(reverse("privacy:notice"))
    response = client.post(
        reverse("privacy:notice_publish"), {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )
    assert response.status_code == 302
    assert NoticeVersion.objects.get().number == 1


def test_the_record_of_processing_is_for_hr_and_admin(cast):
    assert session_client(cast["employee"]).get(reverse("privacy:record")).status_code == 403
    page = html(session_client(cast["admin"]).get(reverse("privacy:record")))
    assert "Record of processing" in page and "Audit log" in page


# The regulation research's bookkeeping ("research G6", "[R]", "[V2]", "§ 8 [V2]") is for those who keep the
# defaults, never for a customer.
RESEARCH = re.compile(r"\[(R|V\d?)\]|research|forskning|G\d\b|jura360|not yet verified", re.IGNORECASE)


@pytest.mark.parametrize("language", ["en", "sv", "nb", "da"])
@pytest.mark.parametrize("name", ["privacy:retention", "privacy:record", "privacy:notice"])
def test_retention_rules_cite_their_source_without_research_markers(cast, language, name):
    hr = cast["hr"]
    hr.language = language
    hr.save()
    page = html(session_client(hr).get(reverse(name)))
    content = page.split('<main id="content">', 1)[1]  # not the header's random CSRF token ("…g9")
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", content)  # nor a form's below it
    assert not RESEARCH.search(content), RESEARCH.search(content)
    if name == "privacy:retention":
        assert "Preskriptionslag (1981:130), 2 §" in page
        assert 'href="https://lovdata.no/lov/1979-05-18-18"' in page


def test_no_research_marker_reaches_the_export(cast, active):
    with translation.override("en"):
        assert not RESEARCH.search(str(export.as_json(cast["employee"])))


def test_the_record_of_processing_speaks_of_the_employee_in_the_third_person(cast):
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    page = html(session_client(hr).get(reverse("privacy:record")))
    record = re.sub(r"<[^>]+>", " ", page[page.index("<main") : page.index("</main>")])
    for you in (" din ", " ditt ", " dina ", "Din ", "Dina ", " du ", "Du "):
        assert you not in record, you
    assert "efter en avvägning mot medarbetarens intressen och rättigheter" in record
    notice = html(session_client(hr).get(reverse("privacy:notice")))
    assert "Dina chefer i linjen och HR." in notice  # the notice still speaks to the employee


# Words a reader could take for the program's own: field names of the database, or "n" for a number.
RAW = {
    "en": ("Object id", "Object type", "Starts with", "Monday", "Round", "#n"),
    "sv": ("Objekt-id", "Objekttyp", "Börjar med", "Måndag", "Omgång", "nr n"),
    "nb": ("Objekt-id", "Objekttype", "Begynner med", "Mandag", "Runde", "nr. n"),
    "da": ("Objekt-id", "Objekttype", "Begynder med", "Mandag", "Runde", "nr. n"),
}


@pytest.mark.parametrize("language", ["en", "sv", "nb", "da"])
def test_the_notice_names_every_kind_of_data_in_words(cast, language):
    employee = cast["employee"]
    employee.language = language
    employee.save()
    page = html(session_client(employee).get(reverse("privacy:notice")))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page[page.index("<main") : page.index("</main>")]))
    for raw in RAW[language]:
        assert raw not in text, raw
    with translation.override(language):
        from django.utils.translation import gettext

        assert gettext("Where the work is done on each weekday") in text
        assert gettext("What the entry is about") in text


def _save_settings(hr, **fields):
    data = {"controller": "", "contact": "", "transfers": "", "security": ""} | fields
    return post_page(hr, reverse("privacy:settings"), data)


def test_without_a_contact_the_notice_says_to_ask_hr(cast, settings):
    settings.PRIVACY_CONTACT = ""
    employee = session_client(cast["employee"])
    assert "Questions and requests: ask HR." in html(employee.get(reverse("privacy:notice")))
    assert "Ask HR." in html(employee.get(reverse("privacy:mine")))
    settings.PRIVACY_CONTACT = "dpo@env.example"  # the environment's default
    assert "Questions and requests: dpo@env.example" in html(employee.get(reverse("privacy:notice")))


def test_hr_sets_the_contact_in_the_app_and_the_notice_names_it(cast, settings):
    settings.PRIVACY_CONTACT = "dpo@env.example"
    hr = cast["hr"]
    services.notice_publish(actor=hr)
    response = _save_settings(hr, controller="Nordvik AB", contact="integritet@nordvik.example")
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="privacy.settings_change").changes["contact"] == [
        "",
        "integritet@nordvik.example",
    ]
    employee = session_client(cast["employee"])
    assert "Ask: integritet@nordvik.example" in html(employee.get(reverse("privacy:mine")))
    services.retention_daily()  # the next run publishes the notice with the new contact
    page = html(employee.get(reverse("privacy:notice")))
    assert "Version 2," in page and "Nordvik AB" in page and "integritet@nordvik.example" in page
    assert "dpo@env.example" in html(employee.get(reverse("privacy:notice_version", args=[1])))


def test_the_record_of_processing_states_transfers_and_security(cast):
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    page = html(session_client(hr).get(reverse("privacy:record")))
    assert "Överföring till tredje land" in page and "Säkerhetsåtgärder" in page
    assert "Krypterade anslutningar (TLS)" in page  # the default, drawn from docs/deployment.md
    assert "Kontakt i dataskyddsfrågor: HR" in page
    _save_settings(hr, transfers="Backups in Norway, with a processor agreement.", security="TLS, backups.")
    page = html(session_client(hr).get(reverse("privacy:record")))
    assert "Backups in Norway, with a processor agreement." in page and "TLS, backups." in page
    assert "Krypterade anslutningar" not in page


@pytest.mark.parametrize("role", ["employee", "manager", "hr_approver"])
def test_only_hr_and_admin_change_the_privacy_details(cast, role):
    assert session_client(cast[role]).get(reverse("privacy:settings")).status_code == 403
    client = session_client(cast[role])
    client.get(reverse("privacy:mine"))
    data = {"contact": "me", "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    assert client.post(reverse("privacy:settings"), data).status_code == 403
    assert not PrivacySettings.objects.exists()


def test_a_too_long_contact_is_refused_on_its_field(cast):
    response = _save_settings(cast["hr"], contact="x" * 201)
    assert response.status_code == 400
    assert "at most 200 characters" in html(response)
    assert not PrivacySettings.objects.exists()
