"""Access for writing to checklists: 404 for what the user may not see, 403 for what she may see but
not change (`distans.checklists.permissions`)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from distans.checklists import services, template_services
from distans.checklists.permissions import get_assignment_for_user, get_version_for_user
from distans.checklists.testing import builtin


def test_only_hr_edits_a_template_version_and_only_hr_knows_a_draft(cast):
    template = builtin("it-security")
    published = template.versions.get(published_at__isnull=False).pk
    draft = template_services.checklist_draft_create(actor=cast["hr"], template=template).pk
    for pk in (published, draft):
        assert get_version_for_user(cast["hr"], pk, for_write=True).pk == pk
    assert get_version_for_user(cast["employee"], published).pk == published
    with pytest.raises(PermissionDenied):
        get_version_for_user(cast["employee"], published, for_write=True)
    with pytest.raises(Http404):
        get_version_for_user(cast["employee"], draft, for_write=True)


def test_who_assigned_it_her_managers_and_hr_cancel_an_assignment(cast):
    assignment = services.assignment_create(
        actor=cast["manager"],
        template=builtin("it-security"),
        person=cast["employee"],
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    for role in ("manager", "skip", "hr"):
        assert get_assignment_for_user(cast[role], assignment.pk, for_write=True) == assignment
    with pytest.raises(PermissionDenied):  # she answers it, and does not cancel it
        get_assignment_for_user(cast["employee"], assignment.pk, for_write=True)
    with pytest.raises(Http404):
        get_assignment_for_user(cast["outsider"], assignment.pk, for_write=True)
