import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from distans.agreements import services as agreement_services
from distans.core.errors import DomainError
from distans.core.testing import run_due_tasks
from distans.equipment import rules, services
from distans.equipment.forms import LOAN_PERSON
from distans.equipment.models import EquipmentRequest, ItemType, Loan


@pytest.mark.parametrize(
    ("eligibility", "days", "verdict"),
    [
        ("everyone", "2", "yes"),
        ("everyone", "0", "decision"),
        ("above_days", "2", "no"),
        ("above_days", "2.5", "yes"),
        ("decision", "5", "decision"),
    ],
)
def test_entitlement_follows_the_policy(eligibility, days, verdict):
    assert rules.entitlement(eligibility, Decimal(days), Decimal(2)) == verdict


def item(key):
    return ItemType.objects.get(key=key)


def test_the_catalogue_ships_in_four_languages(db):
    laptop = item("laptop")
    assert set(laptop.name) == {"en", "sv", "nb", "da"} and laptop.eligibility == "everyone"
    assert item("mobile-phone").private_use, "a phone may be a taxable benefit"


def test_a_screen_is_refused_at_two_days_and_a_chair_goes_to_the_manager(cast, active):
    person, manager = cast["employee"], cast["manager"]
    with pytest.raises(DomainError, match="only above"):
        services.equipment_request_create(actor=person, item_type=item("screen"), reason="Ergonomics")
    request = services.equipment_request_create(
        actor=person, item_type=item("chair"), reason="Back pain at home"
    )
    with pytest.raises(DomainError):
        services.equipment_request_decide(actor=person, request=request, approve=True)
    with pytest.raises(DomainError, match="Say why"):
        services.equipment_request_decide(actor=manager, request=request, approve=False)
    services.equipment_request_decide(actor=manager, request=request, approve=True)
    assert EquipmentRequest.objects.get().status == "approved"


def test_a_serial_number_is_on_loan_once(cast):
    services.loan_create(
        actor=cast["hr"], person=cast["employee"], item_type=item("laptop"), serial_number="A1"
    )
    with pytest.raises(DomainError, match="already on loan"):
        services.loan_create(
            actor=cast["hr"], person=cast["manager"], item_type=item("laptop"), serial_number="A1"
        )
    with pytest.raises(DomainError):
        services.loan_create(actor=cast["manager"], person=cast["employee"], item_type=item("headset"))
    assert Loan.objects.count() == 1


def test_receipt_is_acknowledged_by_the_borrower_only(cast):
    loan = services.loan_create(actor=cast["hr"], person=cast["employee"], item_type=item("headset"))
    with pytest.raises(DomainError):
        services.loan_acknowledge(actor=cast["manager"], loan=loan)
    services.loan_acknowledge(actor=cast["employee"], loan=loan)
    loan.refresh_from_db()
    assert loan.acknowledged_at is not None


def test_ending_the_agreement_asks_for_the_equipment_back(cast, active):
    loan = services.loan_create(actor=cast["hr"], person=cast["employee"], item_type=item("laptop"))
    agreement_services.agreement_end(
        actor=cast["hr"], agreement=active, last_day=timezone.localdate(), reason="x", by_agreement=True
    )
    agreement_services.agreement_apply_due(today=timezone.localdate() + datetime.timedelta(days=1))
    loan.refresh_from_db()
    assert loan.due_back == timezone.localdate() + datetime.timedelta(days=1 + services.RETURN_DAYS)
    mail.outbox.clear()
    run_due_tasks()
    assert any("return the equipment" in message.subject for message in mail.outbox)
    services.loan_return(actor=cast["hr"], loan=loan, condition="good")
    loan.refresh_from_db()
    assert loan.status == "returned"


def test_hr_lists_what_is_out_and_exports_it(client, cast, django_assert_max_num_queries):
    for n in range(3):
        services.loan_create(
            actor=cast["hr"], person=cast["employee"], item_type=item("laptop"), serial_number=f"S{n}"
        )
    client.force_login(cast["hr"])
    with django_assert_max_num_queries(12):
        page = client.get(reverse("equipment:loans"))
    assert page.content.decode().count("Åsa Öberg") >= 3
    csv = client.get(reverse("equipment:loans"), {"format": "csv"}).content.decode("utf-8-sig")
    assert "S2" in csv and "Öberg" in csv
    client.force_login(cast["employee"])
    assert client.get(reverse("equipment:loans")).status_code == 403


def test_the_api_lends_and_takes_back(client, cast):
    import json

    client.force_login(cast["hr"])
    body = client.post(
        "/api/v1/equipment/loans",
        json.dumps({"person": cast["employee"].pk, "item": "screen", "serial_number": "X9"}),
        content_type="application/json",
    )
    assert body.status_code == 201 and body.json()["item"] == "screen"
    loan_id = body.json()["id"]
    client.force_login(cast["outsider"])
    assert client.get("/api/v1/equipment/loans").json() == []
    client.force_login(cast["hr"])
    returned = client.post(
        f"/api/v1/equipment/loans/{loan_id}/return",
        json.dumps({"condition": "worn"}),
        content_type="application/json",
    ).json()
    assert returned["status"] == "returned"


def test_my_page_asks_to_confirm_receipt_and_an_amendment_lists_the_loans(client, cast, active):
    services.loan_create(
        actor=cast["hr"], person=cast["employee"], item_type=item("screen"), serial_number="SC-7"
    )
    client.force_login(cast["employee"])
    page = client.get(reverse("core:my_page")).content.decode()
    assert "Confirm that you received 1 item of equipment." in page
    lent_on = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Waiting since {lent_on}" in page.split("Confirm that you received")[1]  # how long it has waited
    version = agreement_services.agreement_amend(
        actor=cast["manager"], agreement=active, change_note="New screen"
    )
    assert "Screen (SC-7)" in agreement_services.compose(version)  # in the agreement's own language


def test_an_employee_asks_for_equipment_and_the_manager_decides_on_the_page(client, cast):
    client.force_login(cast["employee"])
    page = client.get(reverse("equipment:mine")).content.decode()
    assert "your manager decides" in page
    client.post(reverse("equipment:mine"), {"item_type": item("chair").pk, "reason": "Back pain at home"})
    request = EquipmentRequest.objects.get()
    client.force_login(cast["manager"])
    assert "Back pain at home" in client.get(reverse("equipment:mine")).content.decode()
    client.post(reverse("equipment:decide", args=[request.pk]), {"approve": "yes", "comment": ""})
    request.refresh_from_db()
    assert request.status == "approved"


def test_hr_lends_to_a_person_found_by_name_and_others_cannot_search_the_borrowers(cast):
    search = reverse("org:person_search")
    hr = Client(enforce_csrf_checks=True)
    hr.force_login(cast["hr"])
    found = hr.get(search, {"purpose": LOAN_PERSON, "q": cast["employee"].first_name[:3]}).content.decode()
    assert cast["employee"].full_name in found
    page = hr.get(reverse("equipment:loans"))
    assert 'role="combobox"' in page.content.decode()  # the picker, not a box for an e-mail address
    hr.post(
        reverse("equipment:loans"),
        {
            "person_text": cast["employee"].full_name,  # typed without choosing, as without JavaScript
            "item_type": item("screen").pk,
            "serial_number": "SC-9",
            "condition": "new",
            "csrfmiddlewaretoken": page.cookies["csrftoken"].value,
        },
    )
    assert Loan.objects.get(serial_number="SC-9").person == cast["employee"]

    employee = Client()
    employee.force_login(cast["employee"])
    assert (
        cast["manager"].full_name
        not in employee.get(
            search, {"purpose": LOAN_PERSON, "q": cast["manager"].first_name}
        ).content.decode()
    )
