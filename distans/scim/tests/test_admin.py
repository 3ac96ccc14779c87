"""An administrator creates a provisioning token in the admin site; it is shown once and works."""

import re

from django.test import Client

from distans.core.models import AuditEntry
from distans.scim.audit_actions import ScimAudit
from distans.scim.models import ProvisioningToken


def _csrf(response) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert found
    return found[1]


def test_an_administrator_creates_a_token_shown_once_that_a_scim_client_can_use(cast):
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(cast["admin"])
    form = admin.get("/admin/scim/provisioningtoken/add/")
    assert form.status_code == 200
    response = admin.post(
        "/admin/scim/provisioningtoken/add/",
        {"name": "Okta", "csrfmiddlewaretoken": _csrf(form)},
        follow=True,
    )
    shown = re.search(r"dscim_[\w-]+", response.content.decode())
    assert shown, "the new token is shown once"
    raw = shown[0]
    token = ProvisioningToken.objects.get(name="Okta")
    assert token.created_by == cast["admin"] and raw not in token.key_hash
    assert AuditEntry.objects.filter(action=ScimAudit.TOKEN_CREATE, actor=cast["admin"]).exists()
    listed = Client().get("/scim/v2/Users", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert listed.status_code == 200
    # The same name again is refused on the form, not with an error page.
    again = admin.get("/admin/scim/provisioningtoken/add/")
    refused = admin.post(
        "/admin/scim/provisioningtoken/add/", {"name": "okta", "csrfmiddlewaretoken": _csrf(again)}
    )
    assert refused.status_code == 200
    assert ProvisioningToken.objects.count() == 1


def test_hr_cannot_reach_the_tokens(cast):
    hr = Client()
    hr.force_login(cast["hr"])
    assert hr.get("/admin/scim/provisioningtoken/add/").status_code in (302, 403)
