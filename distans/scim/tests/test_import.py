"""The CSV import and SCIM agree: a person the provider keeps up to date is left alone by the import,
which says which rows it skipped and why."""

from django.utils import translation

from distans.org.importing import build_plan
from distans.org.models import Person
from distans.org.services import org_import
from distans.org.testing import csv_bytes
from distans.scim import services
from distans.scim.resources import UserResource, parse

HEADER = "employee_number;email;first_name;last_name;unit;country"


def provision(token, person):
    user = parse(
        UserResource,
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": person.email,
            "name": {"givenName": person.first_name, "familyName": person.last_name},
            "emails": [{"value": person.email, "primary": True}],
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "102"},
        },
    )
    services.user_replace(token=token, person=person, user=user)


def test_the_import_skips_a_provisioned_person_and_says_why(cast, client_token):
    token, _raw = client_token
    provision(token, cast["employee"])
    data = csv_bytes(
        [
            "102;asa@example.com;Åsa;Renamed;SAL;SE",  # provisioned: left alone
            "106;olav@example.com;Olav;Haugen-Berg;SAL;NO",  # not provisioned: updated
        ],
        header=HEADER,
    )
    summary = org_import(actor=cast["hr"], data=data)

    assert summary.updated == 1
    assert Person.objects.get(employee_number="102").last_name == "Öberg"
    assert Person.objects.get(employee_number="106").last_name == "Haugen-Berg"
    with translation.override("sv"):
        [skipped] = build_plan(data).skipped
    assert skipped.row == 2
    assert "102" in skipped.message and "Entra ID" in skipped.message
    assert "importen" in skipped.message  # in the reader's language


def test_people_not_provisioned_are_imported_as_before(cast):
    data = csv_bytes(["102;asa@example.com;Åsa;Renamed;SUP;SE"], header=HEADER)
    assert not build_plan(data).skipped
    org_import(actor=cast["hr"], data=data)
    assert Person.objects.get(employee_number="102").last_name == "Renamed"


def test_the_import_page_lists_the_skipped_rows_and_the_admin_pages_leave_a_provisioned_person_alone(
    cast, client_token
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from distans.core.testing import csrf_token

    token, _raw = client_token
    provision(token, cast["employee"])
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(cast["admin"])
    data = csv_bytes(["102;asa@example.com;Åsa;Renamed;SAL;SE"], header=HEADER)
    page = admin.post(
        reverse("org:import"),
        {
            "file": SimpleUploadedFile("people.csv", data, "text/csv"),
            "csrfmiddlewaretoken": csrf_token(admin, signed_in=True),
        },
    ).content.decode()
    assert "1 row skipped:" in page and "Row 2: " in page and "Entra ID" in page

    change = admin.get(reverse("admin:org_person_change", args=[cast["employee"].pk])).content.decode()
    assert 'name="last_name"' not in change and 'name="phone"' in change  # the provider's fields read-only
    refused = admin.post(
        reverse("org:person_set_active", args=[cast["employee"].pk]),
        {"active": "0", "csrfmiddlewaretoken": csrf_token(admin, signed_in=True)},
        follow=True,
    ).content.decode()
    assert "is kept up to date by Entra ID" in refused
    assert Person.objects.get(pk=cast["employee"].pk).is_active
