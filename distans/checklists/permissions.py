"""Who may see and do what with checklists.

- Templates: HR writes them; everyone signed in may read published ones.
- An assignment and its answers: the person it is about, the assessor, the person's managers at
  any depth, and HR. Nobody else, and no colleague.
- Pulse answers are never shown per person, not even to HR: only the respondent sees their own;
  everyone else sees aggregates of at least PULSE_MIN_GROUP people.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.checklists.models import Action, Assignment, Kind, Role, TemplateVersion
from distans.core.permissions import is_hr, is_manager
from distans.org.permissions import manages


def can_manage_templates(user) -> bool:
    return is_hr(user)


def can_view_reports(user) -> bool:
    """Completion and open actions: HR for everyone, a manager for her reports at any depth."""
    return is_hr(user) or is_manager(user)


def can_view_organisation_reports(user) -> bool:
    """Consistency of assessors and the pulse across units: HR only."""
    return is_hr(user)


def can_view_checklists_of(user, person) -> bool:
    """A person's checklists: the person, their managers at any depth, and HR (not admins)."""
    return person.pk == user.pk or is_hr(user) or manages(user, person)


def can_assign(user, person) -> bool:
    return person.is_active and (is_hr(user) or manages(user, person))


def can_view_assignment(user, assignment: Assignment) -> bool:
    if assignment.person_id == user.pk:
        return True
    if assignment.version.template.kind == Kind.PULSE:
        return False
    return assignment.assessor_id == user.pk or is_hr(user) or manages(user, assignment.person)


def is_respondent(user, assignment: Assignment, role: str) -> bool:
    """Whether the user answers in this role, whatever state the checklist is in."""
    if role == Role.EMPLOYEE:
        return assignment.person_id == user.pk
    return assignment.assessor_id == user.pk


def can_answer(user, assignment: Assignment, role: str) -> bool:
    return (
        assignment.status == Assignment.Status.OPEN
        and role in assignment.roles()
        and is_respondent(user, assignment, role)
    )


def can_cancel(user, assignment: Assignment) -> bool:
    return assignment.status == Assignment.Status.OPEN and (
        is_hr(user) or assignment.assigned_by_id == user.pk or manages(user, assignment.person)
    )


def can_complete_action(user, action: Action) -> bool:
    person = action.response.assignment.person
    return action.owner_id == user.pk or person.pk == user.pk or is_hr(user) or manages(user, person)


def get_assignment_for_user(user, pk: int, *, for_write: bool = False) -> Assignment:
    """404 when the user may not see it; with `for_write`, 403 unless she may cancel it (answers are
    per role: `can_answer`)."""
    assignment = get_object_or_404(
        Assignment.objects.select_related("version__template", "person__unit", "assessor"), pk=pk
    )
    if not can_view_assignment(user, assignment):
        raise Http404
    if for_write and not can_cancel(user, assignment):
        raise PermissionDenied
    return assignment


def get_version_for_user(user, pk: int, *, for_write: bool = False) -> TemplateVersion:
    """Published versions are readable by everyone signed in; drafts only by HR (404 for anyone else).
    With `for_write`, 403 for anyone but HR."""
    version = get_object_or_404(TemplateVersion.objects.select_related("template"), pk=pk)
    if version.is_draft and not can_manage_templates(user):
        raise Http404
    if for_write and not can_manage_templates(user):
        raise PermissionDenied
    return version


def get_action_for_user(user, pk: int, *, for_write: bool = False) -> Action:
    """404 when the user may not see its checklist; with `for_write`, 403 unless she may mark it done."""
    action = get_object_or_404(
        Action.objects.select_related(
            "response__assignment__person", "response__assignment__version__template"
        ),
        pk=pk,
    )
    if not can_view_assignment(user, action.response.assignment):
        raise Http404
    if for_write and not can_complete_action(user, action):
        raise PermissionDenied
    return action
