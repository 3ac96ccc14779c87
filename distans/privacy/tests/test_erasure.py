"""A leaver past the period becomes "former employee #n"; what must be kept stays, under its own period."""

import datetime

import time_machine
from django.utils import timezone

from distans.agreements.models import Agreement, AgreementVersion
from distans.core.models import AuditEntry
from distans.core.testing import bearer, session_client
from distans.org import services as org_services
from distans.org.audit_actions import OrgAudit
from distans.org.models import Person
from distans.planning.models import DayChange
from distans.privacy import services
from distans.privacy.models import FormerEmployee, LegalHold

YEAR = datetime.timedelta(days=365)
DAY = datetime.timedelta(days=1)


def _leave(cast, person):
    org_services.person_deactivate(actor=cast["admin"], person=person)


def _run(delta):
    with time_machine.travel(timezone.now() + delta, tick=False):
        return services.retention_daily()


def test_a_leaver_becomes_former_employee_n_after_two_years(cast, active):
    employee = cast["employee"]
    bearer(employee)
    DayChange.objects.create(person=employee, date=timezone.localdate(), kind="remote")
    own_entries = AuditEntry.objects.filter(actor=employee).count()
    _leave(cast, employee)
    assert _run(2 * YEAR - datetime.timedelta(days=1))["retention.leavers"] == 0
    assert _run(2 * YEAR + datetime.timedelta(days=1))["retention.leavers"] == 1
    employee.refresh_from_db()
    number = FormerEmployee.objects.get(person=employee).pk
    assert employee.full_name == f"Former employee #{number}"
    assert employee.email.endswith(".invalid") and not employee.employee_number and not employee.phone
    assert not employee.has_usable_password() and not employee.groups.exists()
    assert not employee.api_tokens.exists()
    assert not DayChange.objects.filter(person=employee).exists()
    # The log keeps what was done, no longer by whom.
    entries = AuditEntry.objects.filter(actor=employee)
    assert entries.count() == own_entries
    assert set(entries.values_list("actor_name", flat=True)) == {employee.full_name}
    assert not AuditEntry.objects.filter(actor_name__icontains="Öberg").exists()
    assert not AuditEntry.objects.filter(object_repr__icontains="Öberg").exists()
    # The signed agreement stays until its own period ends (ten years after it ended, in Sweden).
    assert Agreement.objects.filter(person=employee).exists()
    assert AgreementVersion.objects.filter(agreement__person=employee).exclude(pdf=None).exists()
    assert not Person.objects.filter(last_name="Öberg").exists()


def test_a_leaver_on_legal_hold_keeps_their_name(cast):
    employee = cast["employee"]
    _leave(cast, employee)
    services.legal_hold_place(actor=cast["hr"], person=employee, reason="Dispute")
    assert _run(3 * YEAR)["retention.leavers"] == 0
    employee.refresh_from_db()
    assert employee.last_name == "Öberg"


def test_hr_places_a_hold_on_a_leaver_from_the_page(cast):
    """Those who have left are the ones a hold protects: HR finds them in the hold form's person field."""
    employee = cast["employee"]
    _leave(cast, employee)
    client = session_client(cast["hr"])
    client.get("/privacy/hr/")  # the page with the form, which sets the CSRF cookie
    response = client.post(
        "/privacy/hr/holds/",
        {
            "hold-person": employee.pk,
            "hold-reason": "Claim pending",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302
    assert LegalHold.objects.get(lifted_at__isnull=True).person == employee


def test_someone_still_employed_is_never_anonymised(cast):
    assert _run(30 * YEAR)["retention.leavers"] == 0
    assert not FormerEmployee.objects.exists()


def test_two_leavers_get_their_own_numbers(cast):
    _leave(cast, cast["employee"])
    _leave(cast, cast["outsider"])
    _run(3 * YEAR)
    names = set(Person.objects.filter(is_active=False).values_list("first_name", flat=True))
    numbers = FormerEmployee.objects.values_list("pk", flat=True)
    assert names == {f"Former employee #{number}" for number in numbers} and len(names) == 2


def test_what_the_identity_provider_wrote_about_a_leaver_goes_with_her_name(cast):
    from distans.scim import services as scim_services
    from distans.scim import tokens as scim_tokens
    from distans.scim.models import ProvisionedPerson
    from distans.scim.resources import UserResource, parse

    employee = cast["employee"]
    token, _raw = scim_tokens.token_create(actor=cast["admin"], name="Entra ID")
    user = parse(
        UserResource,
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": employee.email,
            "name": {"givenName": employee.first_name, "familyName": employee.last_name},
            "emails": [{"value": employee.email, "primary": True}],
        },
    )
    scim_services.user_replace(token=token, person=employee, user=user)
    assert ProvisionedPerson.objects.filter(person=employee).exists()
    _leave(cast, employee)
    assert _run(2 * YEAR + datetime.timedelta(days=1))["retention.leavers"] == 1
    assert not ProvisionedPerson.objects.filter(person=employee).exists()


def test_the_period_counts_from_the_day_she_left_not_from_a_later_change(cast):
    """As her page says when she left: a correction to a leaver's record a year later moves nothing."""
    employee = cast["employee"]
    _leave(cast, employee)
    with time_machine.travel(timezone.now() + YEAR, tick=False):
        employee.refresh_from_db()
        employee.phone = "+46 70 000 00 00"
        employee.save()
    assert _run(2 * YEAR + DAY)["retention.leavers"] == 1


def test_a_leaver_whose_leaving_is_no_longer_logged_counts_from_the_last_change(cast):
    employee = cast["employee"]
    _leave(cast, employee)
    # As the audit log's own retention removes it (the ORM's manager refuses to).
    AuditEntry._base_manager.filter(action=OrgAudit.PERSON_DEACTIVATE).delete()
    assert _run(2 * YEAR - DAY)["retention.leavers"] == 0
    assert _run(2 * YEAR + DAY)["retention.leavers"] == 1
