"""Who may change a request and open its suitability assessment (`distans.arrangements.permissions`)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from distans.arrangements import services
from distans.arrangements.permissions import can_assess_suitability, get_request_for_user
from distans.arrangements.testing import draft
from distans.core.testing import csrf_token, session_client

ROLES = ("employee", "manager", "skip", "hr", "hr_approver", "outsider")


def test_only_she_changes_her_draft_others_who_see_it_are_refused(cast):
    pk = draft(cast["employee"]).pk
    assert get_request_for_user(cast["employee"], pk, for_write=True).pk == pk
    for role in ("manager", "hr", "hr_approver"):
        with pytest.raises(PermissionDenied):
            get_request_for_user(cast[role], pk, for_write=True)
    with pytest.raises(Http404):
        get_request_for_user(cast["outsider"], pk, for_write=True)


def test_the_deciding_manager_opens_the_assessment_at_her_step_only(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    assert {role for role in ROLES if can_assess_suitability(cast[role], request)} == {"manager"}
    request = services.request_decide(actor=cast["manager"], request=request, decision="approve")
    approver = cast["hr_approver"]  # at the HR approver's step, an approver who is also HR
    approver.groups.add(*cast["hr"].groups.all())
    approver._role_cache = None
    assert not can_assess_suitability(approver, request)
    client = session_client(approver)
    page = client.get(reverse("arrangements:detail", args=[request.pk]))
    assert reverse("arrangements:assess", args=[request.pk]) not in page.content.decode()
    token = csrf_token(client, signed_in=True)
    posted = client.post(reverse("arrangements:assess", args=[request.pk]), {"csrfmiddlewaretoken": token})
    assert posted.status_code == 403
