"""A leaver deactivated by the identity provider (SCIM) goes through the leaver flow the whole product
follows: her agreement ends at the next sweep, and what was lent is asked back."""

import json

from django.test import Client

from distans.agreements.testing import agreement_in_force
from distans.core.schedule import hourly_jobs
from distans.equipment.models import ItemType
from distans.equipment.services import loan_create
from distans.scim.tokens import token_create


def test_entra_deactivating_a_person_ends_her_agreement_and_asks_back_the_laptop(cast):
    employee = cast["employee"]
    agreement = agreement_in_force(cast)
    assert agreement.status == "active"
    loan = loan_create(
        actor=cast["hr"], person=employee, item_type=ItemType.objects.first(), serial_number="L-1"
    )
    _token, raw = token_create(actor=cast["admin"], name="Entra ID")
    entra = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

    # Entra ID matches the person Distans already has by userName, then deactivates her.
    found = entra.get("/scim/v2/Users", {"filter": f'userName eq "{employee.email}"'}).json()
    [resource] = found["Resources"]
    response = entra.patch(
        f"/scim/v2/Users/{resource['id']}",
        json.dumps(
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "Replace", "path": "active", "value": "False"}],
            }
        ),
        content_type="application/scim+json",
    )
    assert response.status_code == 200
    hourly_jobs.collect()  # the hourly sweep's jobs

    agreement.refresh_from_db()
    loan.refresh_from_db()
    assert agreement.status == "ended"
    assert loan.due_back is not None
