"""The audit log says what each decision did: a line manager's approval that sends a request on to HR
grants nothing yet, and a decision without a comment shows no empty change."""

import pytest
from django.test import Client
from django.urls import reverse

from distans.arrangements import services
from distans.arrangements.testing import draft


def _audit_rows(reader, language: str) -> list[str]:
    reader.language = language
    reader.save()
    client = Client()
    client.force_login(reader)
    page = client.get(reverse("core:audit_log"), {"object_type": "arrangements.request"}).content.decode()
    return page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]


@pytest.mark.parametrize(
    ("language", "sent_on", "granted"),
    [
        ("sv", "Godkänd av närmaste chef och skickad vidare till HR med beslutanderätt", "Beviljad"),
        ("en", "Approved by the line manager, sent on to HR approver", "Approved"),
    ],
)
def test_a_first_step_approval_says_it_sent_the_request_on_and_the_last_says_granted(
    cast, asa_assessed, language, sent_on, granted
):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    services.request_decide(actor=cast["manager"], request=request, decision="approve")
    services.request_decide(actor=cast["hr_approver"], request=request, decision="approve")
    rows = _audit_rows(cast["hr"], language)
    (managers,) = [row for row in rows if "Björn Ekström" in row]
    (hrs,) = [row for row in rows if "Karin Ståhl" in row]
    assert f'<td class="audit-action">{sent_on}</td>' in managers
    assert f'<td class="audit-action">{granted}</td>' in hrs
    # Neither gave a comment: the log shows no empty "Comment" for it.
    assert not [row for row in rows if "<dd>–</dd>" in row or "– → –" in row]
