"""Agreements hears an approved request through arrangements' hook and drafts the agreement."""

from distans.agreements.models import Agreement
from distans.arrangements import hooks, services
from distans.arrangements.testing import assessed, draft


def test_agreements_subscribes_to_approved_requests_when_the_app_is_ready():
    assert "agreements.draft_from_request" in hooks.request_approved.subscribers


def test_the_approval_drafts_the_agreement_from_the_request(cast):
    assessed(cast["employee"], cast["manager"])
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    assert not Agreement.objects.exists()
    services.request_decide(actor=cast["manager"], request=request, decision="approve")
    agreement = Agreement.objects.get()
    assert (agreement.person, agreement.request, agreement.status) == (cast["employee"], request, "draft")
    assert agreement.versions.get().created_by == cast["manager"]
