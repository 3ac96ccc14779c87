"""An employee downloads everything Distans holds about her; HR answers access requests on time."""

import datetime
import json
import subprocess

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from distans.core.models import AuditEntry
from distans.core.testing import bearer, html, post_page, session_client
from distans.org import services as org_services
from distans.privacy import erasure, services
from distans.privacy.models import AccessRequest


def _json(person, url=None):
    response = session_client(person).get(url or reverse("privacy:mine_download", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def test_employee_downloads_her_agreement_signatures_and_checklists(cast, active):
    employee, manager = cast["employee"], cast["manager"]
    bearer(employee, name="My script")
    data = _json(employee)
    assert data["profile"][0]["email"] == employee.email
    assert "password" not in data["profile"][0]
    assert [agreement["id"] for agreement in data["agreements"]] == [active.pk]
    assert data["agreement_versions"][0]["text"]  # the frozen text of every version
    assert {signature["name"] for signature in data["signatures"]} == {employee.full_name}
    # The manager's signature is there, but not her address or browser.
    assert [signature["name"] for signature in data["other_signatures"]] == [manager.full_name]
    assert "ip_address" not in data["other_signatures"][0]
    assert {assignment["version"].split(" v")[0] for assignment in data["checklists"]}
    assert data["checklist_answers"]
    assert data["requests"] and data["decisions"]
    assert [token["name"] for token in data["api_tokens"]] == ["My script"]
    assert "key_hash" not in data["api_tokens"][0]
    assert any(entry["action"] == "agreement.sign" for entry in data["audit"]) or data["audit"]
    # What others did to her records is hers to see too, without their address.
    by_others = data["audit_records"]
    assert manager.full_name in {entry["actor"] for entry in by_others}
    assert all("ip_address" not in entry for entry in by_others)


def test_download_holds_nothing_of_a_colleague(cast, active):
    data = _json(cast["outsider"])
    assert data["agreements"] == [] and data["signatures"] == [] and data["requests"] == []
    assert data["profile"][0]["email"] == cast["outsider"].email


def test_each_download_is_audited(cast):
    employee = cast["employee"]
    _json(employee)
    entry = AuditEntry.objects.get(action="privacy.export")
    assert entry.actor == employee and entry.object_id == str(employee.pk)


def test_pdf_is_a_pdf_in_her_language(cast, active, monkeypatch):
    employee = cast["employee"]
    employee.language = "sv"
    employee.save()
    seen = {}
    import distans.privacy.export as export

    original = export.render_to_string
    monkeypatch.setattr(
        export, "render_to_string", lambda *a, **k: seen.setdefault("html", original(*a, **k))
    )
    response = session_client(employee).get(reverse("privacy:mine_download", args=["pdf"]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "Dina uppgifter i Distans" in seen["html"]
    assert "Överenskommelser" in seen["html"] or "överenskommelse" in seen["html"].lower()


def test_unknown_format_is_not_found(cast):
    assert session_client(cast["employee"]).get("/privacy/mine.xml").status_code == 404


def test_my_data_is_on_my_page(cast):
    page = html(session_client(cast["employee"]).get(reverse("core:my_page")))
    assert reverse("privacy:mine") in page


@pytest.mark.parametrize("role", ["employee", "manager", "hr_approver", "outsider"])
def test_only_hr_and_admin_produce_someone_elses_data(cast, role):
    url = reverse("privacy:person_download", args=[cast["employee"].pk, "json"])
    assert session_client(cast[role]).get(url).status_code == 404


def test_hr_records_a_request_with_its_one_month_deadline(cast):
    hr, employee = cast["hr"], cast["employee"]
    response = post_page(
        hr,
        reverse("privacy:overview"),
        {
            "access-person": employee.pk,
            "access-person_text": "",
            "access-received_on": "2026-01-31",
            "access-note": "E-mail to HR",
        },
    )
    assert response.status_code == 302, html(response)
    access = AccessRequest.objects.get()
    assert access.deadline == datetime.date(2026, 2, 28)  # one month, the month's last day
    page = html(session_client(hr).get(reverse("privacy:overview")))
    assert employee.full_name in page
    data = _json(hr, reverse("privacy:person_download", args=[employee.pk, "json"]))
    assert data["profile"][0]["email"] == employee.email


def _request(cast, received):
    from distans.privacy import services

    return services.access_request_create(actor=cast["hr"], person=cast["employee"], received_on=received)


def test_extension_within_the_first_month_tells_the_employee_why(cast, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    access = _request(cast, today)
    url = reverse("privacy:access_request", args=[access.pk])
    new_date = (access.deadline + datetime.timedelta(days=30)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_page(cast["hr"], url, {"extended_to": new_date, "reason": "Many records in archives"})
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.extended_to.isoformat() == new_date and access.extension_notified_at
    assert len(mail.outbox) == 1 and "Many records in archives" in mail.outbox[0].body
    assert mail.outbox[0].to == [cast["employee"].email]
    mine = html(session_client(cast["employee"]).get(reverse("privacy:mine")))
    assert "Many records in archives" in mine


def test_no_extension_after_the_first_month(cast):
    access = _request(cast, timezone.localdate() - datetime.timedelta(days=40))
    url = reverse("privacy:access_request", args=[access.pk])
    later = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = post_page(cast["hr"], url, {"extended_to": later, "reason": "Too late"})
    assert response.status_code == 400
    assert "within the first month" in html(response)
    access.refresh_from_db()
    assert access.extended_to is None and not mail.outbox


def test_extension_of_more_than_two_months_is_refused(cast):
    access = _request(cast, timezone.localdate())
    url = reverse("privacy:access_request", args=[access.pk])
    too_late = (access.deadline + datetime.timedelta(days=70)).isoformat()
    response = post_page(cast["hr"], url, {"extended_to": too_late, "reason": "Busy"})
    assert response.status_code == 400
    assert "at most two months" in html(response)


def test_hr_marks_a_request_answered(cast):
    access = _request(cast, timezone.localdate())
    client = session_client(cast["hr"])
    client.get(reverse("privacy:access_request", args=[access.pk]))
    response = client.post(
        reverse("privacy:access_deliver", args=[access.pk]),
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.delivered_at is not None


def test_future_received_date_is_refused_on_its_field(cast):
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = post_page(
        cast["hr"],
        reverse("privacy:overview"),
        {"access-person": cast["employee"].pk, "access-received_on": future},
    )
    assert response.status_code == 400
    assert "cannot be in the future" in html(response)
    assert not AccessRequest.objects.exists()


def test_hr_sees_a_waiting_request_with_its_deadline_on_my_page(cast):
    access = _request(cast, timezone.localdate())
    page = html(session_client(cast["hr"]).get(reverse("core:my_page")))
    assert f"Answer the access request from {cast['employee'].full_name}" in page
    assert reverse("privacy:access_request", args=[access.pk]) in page
    assert "Answer " not in html(session_client(cast["manager"]).get(reverse("core:my_page")))


def test_her_swedish_pdf_reads_as_swedish_words_not_codes(cast, active, tmp_path):
    """Labels, choices, answers and audit entries in words; no JSON, no codes, no English labels."""
    from distans.arrangements.models import Request

    employee = cast["employee"]
    employee.language = "sv"
    employee.save()
    Request.objects.filter(person=employee).update(route=["manager", "hr_approver"])
    response = session_client(employee).get(reverse("privacy:mine_download", args=["pdf"]))
    path = tmp_path / "data.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Dina uppgifter i Distans" in text and "Överenskommelser" in text
    assert "Närmaste chef → HR" in text  # the approval route, in words
    assert "Sverige" in text  # the agreement's country by name, not SE
    assert " → Ja" in text  # a checklist answer: question → answer
    assert "Skapad" in text and "Inskickad" in text
    assert "Beviljad" in text and "Bevilja\n" not in text  # the outcome of the manager's decision
    assert "Superanvändare" not in text and "Europe/Stockholm" not in text
    for code in ('{"', '["', "hr_approver", "in_review", "request.submit", "Created at", "Submitted"):
        assert code not in text, code
    # The same data, complete, for a program: codes stay codes there.
    data = _json(employee)
    assert data["requests"][0]["route"] == ["manager", "hr_approver"]


def _leaver_request(person, text):
    """HR types what they have on file in the person field, as without JavaScript (or before choosing)."""
    return post_page(
        person,
        reverse("privacy:overview"),
        {
            "access-person": "",
            "access-person_text": text,
            "access-received_on": timezone.localdate().isoformat(),
            "access-note": "Letter",
        },
    )


def _suggestions(person, text):
    response = session_client(person).get(
        reverse("org:person_search"),
        {"purpose": "privacy.person", "field": "access-person_text", "access-person_text": text},
        HTTP_HX_REQUEST="true",
    )
    return response.status_code, response.content.decode()


def test_hr_records_and_answers_a_request_from_someone_who_has_left(cast, active):
    hr, employee = cast["hr"], cast["employee"]
    org_services.person_deactivate(actor=cast["admin"], person=employee)
    assert "Åsa Öberg" in _suggestions(hr, "öberg")[1]  # the picker finds her by name for privacy
    response = _leaver_request(hr, employee.employee_number)
    assert response.status_code == 302, html(response)
    access = AccessRequest.objects.get(person=employee)
    page = html(session_client(hr).get(response["Location"]))
    assert employee.full_name in page
    data = _json(hr, reverse("privacy:person_download", args=[employee.pk, "json"]))
    assert [agreement["id"] for agreement in data["agreements"]] == [active.pk]
    client = session_client(hr)
    client.get(response["Location"])
    answered = client.post(
        reverse("privacy:access_deliver", args=[access.pk]),
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )
    assert answered.status_code == 302
    access.refresh_from_db()
    assert access.delivered_at is not None


def test_an_anonymised_leaver_is_found_by_former_employee_number_only(cast, active):
    hr, employee = cast["hr"], cast["employee"]
    email = employee.email
    org_services.person_deactivate(actor=cast["admin"], person=employee)
    former = erasure.anonymise(employee)
    refused = _leaver_request(hr, email)
    assert refused.status_code == 400
    assert "No one you can choose here matches “asa@example.com”" in html(refused)
    assert not AccessRequest.objects.exists()
    assert f"Former employee #{former.pk}" in _suggestions(hr, f"#{former.pk}")[1]
    assert "Former employee" not in _suggestions(hr, f"#{former.pk + 1}")[1]
    assert _leaver_request(hr, f"nr {former.pk}").status_code == 302  # as the Nordic languages write it
    assert AccessRequest.objects.get().person == employee


def test_only_hr_and_admin_find_people_who_have_left(cast):
    employee = cast["employee"]
    org_services.person_deactivate(actor=cast["admin"], person=employee)
    former = erasure.anonymise(cast["skip"])
    for role in ("manager", "hr_approver", "outsider"):
        for text in ("åsa", employee.email, f"#{former.pk}"):
            status, page = _suggestions(cast[role], text)
            assert status == 200 and "Åsa" not in page and "Former employee" not in page, (role, text)
    assert "Åsa Öberg" in _suggestions(cast["admin"], "åsa")[1]
    response = _leaver_request(cast["manager"], employee.email)
    assert response.status_code == 403
    assert not AccessRequest.objects.exists()


def _pdf_text(person, tmp_path) -> str:
    response = session_client(person).get(reverse("privacy:mine_download", args=["pdf"]))
    path = tmp_path / "data.pdf"
    path.write_bytes(response.content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_says_in_words_what_the_record_stores_as_codes(cast, active, tmp_path):
    """Her time zone by name, approval steps counted from 1, outcomes as outcomes, her roles; no flags of
    Django's that mean nothing to her."""
    import re

    text = _pdf_text(cast["employee"], tmp_path)
    assert "Europe/Stockholm" not in text and "Central European Time" in text
    assert "Superuser" not in text and not re.search(r"^\s*Staff\b", text, re.M)
    assert re.search(r"^\s*Step\s+1\s*$", text, re.M)  # the manager's decision, the first step
    assert not re.search(r"^\s*Step\s+0\s*$", text, re.M)
    assert re.search(r"^\s*Decision\s+Approved\s*$", text, re.M)
    assert "Object id" not in text
    # HR's roles, in words.
    assert re.search(r"^\s*Roles\s+HR\s*$", _pdf_text(cast["hr"], tmp_path), re.M)


def test_my_data_says_the_pdf_is_being_prepared_without_inline_script(cast):
    page = html(session_client(cast["employee"]).get(reverse("privacy:mine")))
    assert 'data-status="download-status"' in page and 'role="status"' in page
    assert "Preparing your file… this can take half a minute." in page
    assert "distans/download-status.js" in page and "<script>" not in page


def test_pdf_names_what_the_log_is_about_in_her_language_not_in_the_one_of_whoever_acted(cast, tmp_path):
    """The web's audit log names an entry's object now, in the reader's words; so does her PDF."""
    hr = cast["hr"]
    with translation.override("en"):  # she published the notice while using Distans in English
        services.notice_publish(actor=hr)
    hr.language = "sv"
    hr.save(update_fields=["language"])
    text = _pdf_text(hr, tmp_path)
    assert "Integritetsmeddelande," in text  # the object column; its cell wraps before "version 1"
    assert "Privacy notice" not in text


def test_a_download_answers_the_page_s_token_with_a_short_lived_cookie(cast):
    """download-status.js sends a token and clears "Preparing your file…" once this cookie arrives."""
    client = session_client(cast["employee"])
    url = reverse("privacy:mine_download", args=["json"])
    cookie = client.get(url, {"status": "k3j4h5g6f7"}).cookies["download-k3j4h5g6f7"]
    assert cookie.value == "1" and cookie["max-age"] == 60 and not cookie["httponly"]
    for token in ("", "<script>", "x" * 41):
        response = client.get(url, {"status": token})
        assert response.status_code == 200
        assert not [name for name in response.cookies if name.startswith("download-")], token
