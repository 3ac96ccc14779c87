"""The privacy notice every employee reads and HR's record of processing: drawn from the models and the
retention periods, in four languages, kept in versions."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from distans.core.testing import html, post_page, session_client
from distans.privacy import export, services
from distans.privacy.models import NoticeVersion


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


def test_a_changed_period_publishes_a_new_version_and_the_old_one_is_kept(cast):
    hr = cast["hr"]
    first = services.notice_publish(actor=hr)
    assert services.notice_publish(actor=hr) == first  # nothing changed: no new version
    services.retention_rules_set(actor=hr, days={("agreements", "SE"): 365 * 12})
    second = NoticeVersion.objects.first()
    assert second.number == 2
    assert second.periods["agreements"]["SE"] == 365 * 12
    employee = session_client(cast["employee"])
    assert "12 years" in html(employee.get(reverse("privacy:notice")))
    old = html(employee.get(reverse("privacy:notice_version", args=[1])))
    assert "10 years" in old and "12 years" not in old


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
    assert not RESEARCH.search(page), RESEARCH.search(page)
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
