import datetime
import re
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from distans.agreements import builtin as agreement_builtin
from distans.agreements import rules as agreement_rules
from distans.agreements import services as agreement_services
from distans.agreements import text as agreement_text
from distans.agreements.demo import pass_checklist
from distans.agreements.models import Agreement, AgreementTemplate, AgreementVersion, Signature
from distans.agreements.terms import AgreementTerms
from distans.agreements.testing import PASSWORD, agreement_of, approved, signed
from distans.arrangements import services
from distans.arrangements.testing import draft
from distans.core.errors import DomainError
from distans.core.testing import run_due_tasks

# Templates


@pytest.mark.parametrize("country", agreement_builtin.COUNTRIES)
@pytest.mark.parametrize("language", agreement_builtin.LANGUAGES)
def test_every_shipped_template_renders_every_term(db, country, language):
    template = AgreementTemplate.objects.get(country=country, language=language, status="published")
    terms = {
        "employer": "Nordvik Group",
        "employee": "Åsa Öberg",
        "start_date": "2027-01-04",
        "days_per_week": "3",
        "flexible": False,
        "weekdays": [0, 2, 4],
        "working_hours": "08:00–16:30",
        "notice_weeks": 4,
        "equipment": "Laptop",
        "trial": True,
        "trial_weeks": 12,
        "evaluation_months": 6,
        "location": "abroad",
        "abroad_country": "Spain",
        "evening_work": True,
        "meeting_times": "Mon 09:00",
        "office_weekdays": [1],
    }
    text = agreement_text.compose(
        template.title, template.sections, AgreementTerms.from_dict(terms), language, Decimal(2)
    )
    assert "{" not in text, "every placeholder is filled"
    assert "Åsa Öberg" in text and "08:00–16:30" in text and "Spain" in text
    assert not agreement_rules.template_problems(country, template.sections, set(agreement_text.PLACEHOLDERS))


def test_norwegian_template_has_every_item_of_the_regulation(db):
    template = AgreementTemplate.objects.get(country="NO", language="nb", status="published")
    keys = [section["key"] for section in template.sections]
    assert set(agreement_rules.NO_REQUIRED_SECTIONS) <= set(keys)
    without_trial = [s for s in template.sections if s["key"] != "trial"]
    assert ("no_section", "trial") in agreement_rules.template_problems("NO", without_trial, set())


def test_conditional_sections_follow_the_terms(db):
    template = AgreementTemplate.objects.get(country="DK", language="da", status="published")
    base = {
        "employer": "N",
        "employee": "E",
        "start_date": "2027-01-04",
        "working_hours": "8–16",
        "notice_weeks": 4,
        "equipment": "PC",
    }
    two = agreement_text.compose(
        template.title,
        template.sections,
        AgreementTerms.from_dict({**base, "days_per_week": "2"}),
        "da",
        Decimal(2),
    )
    three = agreement_text.compose(
        template.title,
        template.sections,
        AgreementTerms.from_dict({**base, "days_per_week": "3"}),
        "da",
        Decimal(2),
    )
    assert "Skærmarbejde i hjemmet" not in two
    assert "Skærmarbejde i hjemmet" in three and "afkald" in three


# From request to active agreement


def test_approved_request_drafts_an_agreement_filled_from_the_request(cast, agreement):
    version = agreement.versions.get()
    assert agreement.status == "draft" and version.status == "draft"
    assert version.terms["days_per_week"] == "2.0" and version.terms["weekdays"] == [0, 3]
    assert version.terms["employer"] == "Nordvik" and version.terms["manager"] == "Björn Ekström"
    assert version.template.country == "SE"


def test_a_missing_required_term_stops_generation_and_names_it(cast, agreement):
    agreement_services.agreement_terms_update(
        actor=cast["manager"], agreement=agreement, values={"working_hours": ""}
    )
    with pytest.raises(DomainError) as error:
        agreement_services.agreement_send(actor=cast["manager"], agreement=agreement)
    assert "Working hours on remote days" in error.value.message
    assert agreement.versions.get().text == ""


def test_two_signatures_make_a_pdf_whose_hash_never_changes(cast, agreement):
    agreement = signed(agreement, cast["employee"], cast["manager"])
    version = agreement.versions.get()
    assert agreement.status == "signed" and version.status == "signed"
    assert {s.party for s in version.signatures.all()} == {"employee", "employer"}
    assert all(s.text_sha256 == agreement_text.sha256(version.text) for s in version.signatures.all())
    assert bytes(version.pdf).startswith(b"%PDF") and version.pdf_sha256
    with pytest.raises(DomainError):
        agreement_services.agreement_terms_update(
            actor=cast["manager"], agreement=agreement, values={"days_per_week": "5"}
        )
    version.refresh_from_db()
    assert agreement_text.sha256(version.text) == version.text_sha256


def test_signing_needs_the_tick_and_the_right_password(cast, agreement):
    agreement_services.agreement_send(actor=cast["manager"], agreement=agreement)
    with pytest.raises(DomainError, match="Tick"):
        agreement_services.agreement_sign(
            actor=cast["employee"], agreement=agreement, accepted=False, password=PASSWORD
        )
    with pytest.raises(DomainError, match="password"):
        agreement_services.agreement_sign(
            actor=cast["employee"], agreement=agreement, accepted=True, password="guess"
        )
    with pytest.raises(DomainError):
        agreement_services.agreement_sign(
            actor=cast["outsider"], agreement=agreement, accepted=True, password=PASSWORD
        )
    assert not Signature.objects.exists()


def test_activation_waits_for_the_start_and_the_required_checklists(cast, agreement):
    person, manager = cast["employee"], cast["manager"]
    agreement = signed(agreement, person, manager)
    start = agreement.start_date
    assert agreement_services.agreement_apply_due(today=start)["activated"] == 0  # checklists not passed yet
    for key in ("it-security", "workplace-se", "insurance"):
        pass_checklist(person, key, manager)
    assert agreement_services.agreement_apply_due(today=start - datetime.timedelta(days=1))["activated"] == 0
    assert agreement_services.agreement_apply_due(today=start)["activated"] == 1
    agreement.refresh_from_db()
    assert agreement.status == "active"


def test_the_hourly_sweep_activates_on_the_start_date(cast, agreement):
    person, manager = cast["employee"], cast["manager"]
    for key in ("it-security", "workplace-se", "insurance"):
        pass_checklist(person, key, manager)
    agreement = signed(agreement, person, manager)
    with time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(agreement.start_date, datetime.time(8)))
    ):
        run_due_tasks()
    agreement.refresh_from_db()
    assert agreement.status == "active"
    assert any("now in effect" in message.subject for message in mail.outbox)


def test_an_amendment_needs_both_signatures_again(cast, active):
    person, manager = cast["employee"], cast["manager"]
    agreement_services.agreement_amend(actor=manager, agreement=active, change_note="One day fewer")
    agreement_services.agreement_terms_update(
        actor=manager, agreement=active, values={"days_per_week": "1", "weekdays": [0], "flexible": False}
    )
    agreement_services.agreement_send(actor=manager, agreement=active)
    agreement_services.agreement_sign(actor=person, agreement=active, accepted=True, password=PASSWORD)
    first, second = active.versions.order_by("number")
    assert first.status == "signed" and second.status == "awaiting_signatures", "v1 stays in force meanwhile"
    agreement_services.agreement_sign(actor=manager, agreement=active, accepted=True, password=PASSWORD)
    first.refresh_from_db(), second.refresh_from_db(), active.refresh_from_db()
    assert first.status == "superseded" and second.status == "signed"
    assert active.status == "active" and active.days_per_week == Decimal("1")
    assert first.pdf_sha256 != second.pdf_sha256


def test_suspend_reinstate_and_end_with_notice(cast, active):
    manager, person = cast["manager"], cast["employee"]
    with pytest.raises(DomainError):
        agreement_services.agreement_suspend(actor=person, agreement=active, reason="no")
    agreement_services.agreement_suspend(
        actor=manager, agreement=active, reason="Not reachable in agreed hours"
    )
    active.refresh_from_db()
    assert active.status == "suspended"
    agreement_services.agreement_reinstate(actor=manager, agreement=active, reason="Talked it through")
    today = timezone.localdate()
    with pytest.raises(DomainError, match="notice"):
        agreement_services.agreement_end(actor=person, agreement=active, last_day=today, reason="")
    agreement_services.agreement_end(actor=person, agreement=active, last_day=None, reason="Moving closer")
    active.refresh_from_db()
    assert active.status == "active" and active.ends_on == today + datetime.timedelta(weeks=4)
    agreement_services.agreement_apply_due(today=active.ends_on + datetime.timedelta(days=1))
    active.refresh_from_db()
    assert active.status == "ended" and active.ended_by == "employee"


def test_a_temporary_agreement_expires_and_a_leaver_s_ends(cast):
    approved(cast["employee"], cast["manager"], end_date=timezone.localdate() + datetime.timedelta(days=60))
    agreement = signed(agreement_of(cast["employee"]), cast["employee"], cast["manager"])
    agreement_services.agreement_apply_due(today=agreement.end_date + datetime.timedelta(days=1))
    agreement.refresh_from_db()
    assert agreement.status == "expired"


def test_every_transition_is_audited(cast, active):
    from distans.core.models import AuditEntry

    actions = set(
        AuditEntry.objects.filter(object_type="agreements.agreement").values_list("action", flat=True)
    )
    assert {
        "agreement.draft",
        "agreement.send",
        "agreement.sign",
        "agreement.signed",
        "agreement.activate",
    } <= actions


# Pages


def test_employee_reads_signs_and_downloads_in_her_language(client, cast):
    person, manager = cast["employee"], cast["manager"]
    person.language = "sv"
    person.save()
    approved(person, manager)
    agreement = agreement_of(person)
    client.force_login(manager)
    assert client.post(reverse("agreements:act", args=[agreement.pk, "send"])).status_code == 302
    client.force_login(person)
    page = client.get(reverse("agreements:sign", args=[agreement.pk]), headers={"accept-language": "sv"})
    assert "Läs igenom hela texten" in page.content.decode()
    assert "Överenskommelse om distansarbete" in page.content.decode(), "the Swedish template"
    wrong = client.post(reverse("agreements:sign", args=[agreement.pk]), {"accepted": "on", "password": "x"})
    assert wrong.status_code == 200 and not Signature.objects.exists()
    client.post(reverse("agreements:sign", args=[agreement.pk]), {"accepted": "on", "password": PASSWORD})
    assert Signature.objects.filter(party="employee").exists()
    pdf = client.get(reverse("agreements:pdf", args=[agreement.pk, 1]))
    assert pdf["Content-Type"] == "application/pdf"


def test_verification_accepts_the_signed_pdf_and_refuses_a_tampered_one(client, cast, active):
    version = active.versions.get(status="signed")
    client.force_login(cast["hr"])
    good = client.post(reverse("agreements:verify"), {"pdf": _upload(bytes(version.pdf))})
    assert "It matches a signed agreement." in good.content.decode()
    original = bytes(version.pdf)
    middle = len(original) // 2
    tampered = original[:middle] + bytes([original[middle] ^ 1]) + original[middle + 1 :]
    bad = client.post(reverse("agreements:verify"), {"pdf": _upload(tampered)})
    assert "No signed agreement matches." in bad.content.decode()
    by_hash = client.post(reverse("agreements:verify"), {"sha256": version.text_sha256})
    assert "It matches a signed agreement." in by_hash.content.decode()


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("agreement.pdf", data, content_type="application/pdf")


def test_signed_pdf_holds_the_text_signatures_and_hash(cast, active, tmp_path):
    version = active.versions.get(status="signed")
    path = tmp_path / "a.pdf"
    path.write_bytes(bytes(version.pdf))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nordvik" in text and "Åsa Öberg" in text and "Björn Ekström" in text
    assert version.text_sha256[:16] in text.replace("\n", "")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("employee", 200),
        ("manager", 200),
        ("skip", 200),
        ("hr", 200),
        ("hr_approver", 200),
        ("admin", 404),
        ("outsider", 404),
    ],
)
def test_who_sees_an_agreement(client, cast, agreement, role, status):
    client.force_login(cast[role])
    assert client.get(reverse("agreements:detail", args=[agreement.pk])).status_code == status


def test_colleague_cannot_act_on_an_agreement(client, cast, active):
    client.force_login(cast["outsider"])
    client.post(reverse("agreements:act", args=[active.pk, "suspend"]), {"reason": "x"})
    active.refresh_from_db()
    assert active.status == "active"


def test_register_filters_and_exports(client, cast, active, django_assert_max_num_queries):
    client.force_login(cast["hr"])
    with django_assert_max_num_queries(14):
        page = client.get(reverse("agreements:register"), {"country": "SE", "status": "active"})
    assert "Åsa Öberg" in page.content.decode()
    assert "Åsa Öberg" not in client.get(reverse("agreements:register"), {"country": "NO"}).content.decode()
    csv = client.get(reverse("agreements:register"), {"format": "csv"}).content.decode("utf-8-sig")
    assert "Öberg" in csv.splitlines()[1]


def test_inspectorate_lists_norwegian_home_workers_with_signature_dates(client, cast):
    olav, skip = cast["outsider"], cast["skip"]
    approved(olav, skip)
    signed(agreement_of(olav), olav, skip)
    client.force_login(cast["hr"])
    page = client.get(reverse("agreements:inspectorate")).content.decode()
    assert "Olav Haugen" in page and "Åsa" not in page
    assert timezone.localdate().strftime("%Y") in page


def test_hr_edits_a_template_as_a_new_version_and_signed_text_stays(client, cast, active):
    client.force_login(cast["hr"])
    template = AgreementTemplate.objects.get(country="SE", language="en", status="published")
    page = client.post(reverse("agreements:template", args=[template.pk]), {"new_version": "1"})
    draft_template = AgreementTemplate.objects.get(country="SE", language="en", status="draft")
    assert page.url.endswith(f"/{draft_template.pk}/")
    data = {"title": "Remote work agreement 2027", "new_title": "Parking", "new_body": "No {unknown} field"}
    client.post(reverse("agreements:template", args=[draft_template.pk]), {**data, "publish": "1"})
    draft_template.refresh_from_db()
    assert draft_template.status == "draft", "an unknown field stops publishing"
    data["new_body"] = "Parking is not paid on remote days."
    client.post(reverse("agreements:template", args=[draft_template.pk]), {**data, "publish": "1"})
    draft_template.refresh_from_db()
    assert draft_template.status == "published" and draft_template.sections[-1]["title"] == "Parking"
    version = AgreementVersion.objects.get(agreement=active, status="signed")
    assert "Parking" not in version.text and agreement_text.sha256(version.text) == version.text_sha256


def test_a_new_approved_request_becomes_an_amendment_of_the_live_agreement(cast, active):
    person, manager = cast["employee"], cast["manager"]
    request = services.request_submit(actor=person, request=draft(person, days="1"))
    services.request_decide(actor=manager, request=request, decision="approve")
    assert Agreement.objects.filter(person=person).count() == 1
    amendment = active.versions.get(number=2)
    assert amendment.status == "draft" and amendment.terms["days_per_week"] == "1.0"
    assert active.versions.get(number=1).status == "signed", "the signed version stays in force"


def test_the_same_side_cannot_sign_twice(cast, agreement):
    agreement_services.agreement_send(actor=cast["manager"], agreement=agreement)
    agreement_services.agreement_sign(actor=cast["hr"], agreement=agreement, accepted=True, password=PASSWORD)
    with pytest.raises(DomainError, match="already signed"):
        agreement_services.agreement_sign(
            actor=cast["manager"], agreement=agreement, accepted=True, password=PASSWORD
        )
    assert Signature.objects.count() == 1


def test_my_page_lists_the_agreement_to_sign_and_the_draft_to_send(client, cast, agreement):
    client.force_login(cast["manager"])
    assert "agreement draft to check and send" in client.get(reverse("core:my_page")).content.decode()
    agreement_services.agreement_send(actor=cast["manager"], agreement=agreement)
    client.force_login(cast["employee"])
    page = client.get(reverse("core:my_page")).content.decode()
    assert "A remote work agreement waits for your signature." in page
    assert reverse("agreements:detail", args=[agreement.pk]) in page


def test_inspectorate_marks_sporadic_home_work_for_review(client, cast):
    olav, skip = cast["outsider"], cast["skip"]
    approved(olav, skip, days="0.5")
    signed(agreement_of(olav), olav, skip)
    client.force_login(cast["hr"])
    assert "Probably sporadic" in client.get(reverse("agreements:inspectorate")).content.decode()


# API


def _api(client, method, url, **payload):
    import json

    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_api_sends_signs_and_amends(client, cast, agreement):
    person, manager = cast["employee"], cast["manager"]
    client.force_login(manager)
    assert (
        _api(client, "post", f"/api/v1/agreements/{agreement.pk}/send").json()["status"]
        == "awaiting_signatures"
    )
    wrong = _api(client, "post", f"/api/v1/agreements/{agreement.pk}/sign", accepted=True, password="x")
    assert wrong.status_code == 422 and wrong.json()["code"] == "wrong_password"
    _api(client, "post", f"/api/v1/agreements/{agreement.pk}/sign", accepted=True, password=PASSWORD)
    client.force_login(person)
    body = _api(
        client, "post", f"/api/v1/agreements/{agreement.pk}/sign", accepted=True, password=PASSWORD
    ).json()
    assert body["status"] == "signed" and len(body["versions"][0]["signatures"]) == 2
    assert client.get(f"/api/v1/agreements/{agreement.pk}/pdf").content.startswith(b"%PDF")
    client.force_login(manager)
    bad = _api(
        client,
        "post",
        f"/api/v1/agreements/{agreement.pk}/amend",
        change_note="x",
        terms={"days_per_week": "9"},
    )
    assert bad.status_code == 422
    assert AgreementVersion.objects.filter(agreement=agreement).count() == 1, (
        "a refused amendment leaves nothing"
    )
    body = _api(
        client,
        "post",
        f"/api/v1/agreements/{agreement.pk}/amend",
        change_note="Fewer days",
        terms={"days_per_week": "1", "weekdays": [0]},
        send=True,
    ).json()
    assert [v["status"] for v in body["versions"]] == ["awaiting_signatures", "signed"]
    assert body["versions"][0]["terms"]["days_per_week"] == "1"


def test_api_lists_only_what_the_user_may_see(client, cast, agreement, django_assert_max_num_queries):
    client.force_login(cast["outsider"])
    assert client.get("/api/v1/agreements").json() == []
    client.force_login(cast["hr"])
    with django_assert_max_num_queries(8):
        rows = client.get("/api/v1/agreements", {"person": cast["employee"].pk}).json()
    assert [row["id"] for row in rows] == [agreement.pk]


def test_hr_sees_every_template_by_country_and_language(client, cast):
    client.force_login(cast["hr"])
    page = client.get(reverse("agreements:templates")).content.decode()
    assert len(re.findall(r'href="/agreements/templates/\d+/"', page)) == 16
    assert "Avtale om hjemmekontor" in page and "Aftale om hjemmearbejde" in page


def pdf_objects(data: bytes) -> bytes:
    """The PDF with every compressed stream inflated, to read its catalogue and structure."""
    import zlib

    parts = [data]
    for start in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[start.end() :]))
        except zlib.error:
            pass
    return b"\n".join(parts)


def test_signed_pdf_is_archival_tagged_and_describes_itself(cast, active, tmp_path):
    version = active.versions.get(status="signed")
    path = tmp_path / "a.pdf"
    path.write_bytes(bytes(version.pdf))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {key: value.strip() for key, value in fields.items()}
    assert fields["Title"] == version.template.title
    assert fields["Author"] == version.agreement_terms.employer
    assert "Åsa Öberg" in fields["Subject"] and str(version.number) in fields["Subject"]
    assert fields["Tagged"] == "yes"
    xmp = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert fields["CreationDate"]  # the moment it was signed, not when the copy was drawn:
    assert f"<xmp:CreateDate>{timezone.localtime(version.signed_at):%Y-%m-%dT%H:%M:%S}" in xmp
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    objects = pdf_objects(bytes(version.pdf))
    assert f"/Lang ({version.language})".encode() in objects
    assert b"/OutputIntents" in objects and b"/GTS_PDFA1" in objects  # the sRGB profile PDF/A asks for
    assert b"/StructTreeRoot" in objects and b"/Marked true" in objects
    assert all(tag in objects for tag in (b"/H1", b"/P", b"/Table", b"/TH", b"/TD"))
