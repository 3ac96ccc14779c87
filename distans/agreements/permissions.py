"""Who may see and act on an agreement.

Seen by the person, their managers at any depth, HR and HR approvers. Prepared, sent, amended by HR or
a manager in line; suspended by the line manager or HR; ended by either side.

`can_*_agreement` and `signing_party` say who may act at all: the services check them, the API refuses
with them. `can_*_now` add whether the agreement's state allows it now: what its page offers.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.agreements import rules
from distans.agreements.models import Agreement, AgreementVersion, VersionStatus
from distans.arrangements.permissions import is_hr_approver
from distans.core.permissions import is_hr
from distans.org.permissions import manages


def can_view_agreement(user, agreement) -> bool:
    return (
        agreement.person_id == user.pk
        or is_hr(user)
        or is_hr_approver(user)
        or manages(user, agreement.person)
    )


def can_manage_agreement(user, agreement) -> bool:
    return agreement.person_id != user.pk and (is_hr(user) or manages(user, agreement.person))


def can_suspend_agreement(user, agreement) -> bool:
    return agreement.person_id != user.pk and (is_hr(user) or agreement.person.manager_id == user.pk)


def can_end_agreement(user, agreement) -> bool:
    return agreement.person_id == user.pk or can_manage_agreement(user, agreement)


def signing_party(user, agreement) -> str | None:
    """Which side the user signs for: the employee herself, or the employer by the line manager or HR."""
    if agreement.person_id == user.pk:
        return "employee"
    if agreement.person.manager_id == user.pk or is_hr(user):
        return "employer"
    return None


def can_view_register(user) -> bool:
    return is_hr(user) or is_hr_approver(user)


def can_end_by_agreement(user, agreement) -> bool:
    """Ending on an earlier day than the notice, as both sides agreed: recorded by HR or the manager."""
    return can_manage_agreement(user, agreement)


def can_edit_terms_now(user, agreement, pending: AgreementVersion | None) -> bool:
    """`pending`: the version being prepared or signed (`queries.pending_version`)."""
    return (
        can_manage_agreement(user, agreement)
        and pending is not None
        and pending.status == VersionStatus.DRAFT
    )


def can_send_now(user, agreement, pending: AgreementVersion | None) -> bool:
    return can_edit_terms_now(user, agreement, pending)


def can_sign_now(user, agreement, pending: AgreementVersion | None) -> bool:
    """A party to it whose side has not signed the version waiting for signatures."""
    if pending is None or pending.status != VersionStatus.AWAITING_SIGNATURES:
        return False
    party = signing_party(user, agreement)
    return party is not None and party not in {s.party for s in pending.signatures.all()}


def can_amend_now(user, agreement, pending: AgreementVersion | None) -> bool:
    return can_manage_agreement(user, agreement) and pending is None and agreement.status in rules.AMENDABLE


def can_suspend_now(user, agreement) -> bool:
    return can_suspend_agreement(user, agreement) and rules.allowed(agreement.status, rules.SUSPEND)


def can_reinstate_now(user, agreement) -> bool:
    return can_suspend_agreement(user, agreement) and rules.allowed(agreement.status, rules.REINSTATE)


def can_end_now(user, agreement) -> bool:
    """Not once notice is given: the agreement already has its last day."""
    return (
        can_end_agreement(user, agreement)
        and rules.allowed(agreement.status, rules.END)
        and not agreement.ends_on
    )


def can_view_inspectorate_list(user) -> bool:
    """The list the Norwegian labour inspectorate may ask for: HR."""
    return is_hr(user)


def can_manage_agreement_templates(user) -> bool:
    return is_hr(user)


def get_agreement_for_user(user, pk: int, *, for_write: bool = False) -> Agreement:
    """404 when the user may not see the agreement; with `for_write`, 403 when she may see it but not
    prepare, send or amend it (signing, suspending and ending have their own `can_*_agreement`)."""
    agreement = get_object_or_404(
        Agreement.objects.select_related("person__manager", "person__unit", "person__position"), pk=pk
    )
    if not can_view_agreement(user, agreement):
        raise Http404
    if for_write and not can_manage_agreement(user, agreement):
        raise PermissionDenied
    return agreement
