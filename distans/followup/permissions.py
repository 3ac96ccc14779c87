"""Who sees and handles follow-up. Evaluations and deviations are seen by the person, her managers at
any depth and HR, never by colleagues. The line manager (the personnel manager) or HR holds an
evaluation and handles a deviation; a manager higher up may step in when it was escalated."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.agreements.models import AgreementStatus
from distans.core.permissions import is_hr, is_manager
from distans.followup.models import Deviation, Evaluation
from distans.org.permissions import manages
from distans.planning.permissions import can_view_organisation_plans


def can_view_about(user, person) -> bool:
    return person.pk == user.pk or is_hr(user) or manages(user, person)


def can_report_about(user, person) -> bool:
    return can_view_about(user, person)


def can_hold(user, person) -> bool:
    return person.pk != user.pk and (person.manager_id == user.pk or is_hr(user))


def can_book_evaluation(user, agreement) -> bool:
    """An evaluation is booked, beside the ones the dates bring, for an agreement in effect."""
    return can_hold(user, agreement.person) and agreement.status == AgreementStatus.ACTIVE


def can_hold_now(user, evaluation: Evaluation) -> bool:
    """What the evaluation's page offers: holding it, while it is still to be held."""
    return evaluation.status == Evaluation.Status.SCHEDULED and can_hold(user, evaluation.person)


def can_watch_attachment(user) -> bool:
    """Attachment watch: a manager over her reports; HR and HR approvers over the organisation."""
    return is_manager(user) or can_view_organisation_plans(user)


def can_view_pulse(user) -> bool:
    """The wellbeing pulse beside the share of remote work, by unit and never per person: HR."""
    return is_hr(user)


def can_handle_deviation(user, deviation: Deviation) -> bool:
    if deviation.person_id == user.pk:
        return False
    return (
        is_hr(user)
        or deviation.handler_id == user.pk
        or (deviation.escalated_at is not None and manages(user, deviation.person))
    )


def can_handle_now(user, deviation: Deviation) -> bool:
    """What the deviation's page offers: responding and closing, until it is closed."""
    return deviation.status != Deviation.Status.CLOSED and can_handle_deviation(user, deviation)


def get_evaluation_for_user(user, pk: int, *, for_write: bool = False) -> Evaluation:
    """404 when the user may not see it; with `for_write`, 403 unless she may hold it."""
    evaluation = get_object_or_404(
        Evaluation.objects.select_related("person__manager", "agreement", "assignment"), pk=pk
    )
    if not can_view_about(user, evaluation.person):
        raise Http404
    if for_write and not can_hold(user, evaluation.person):
        raise PermissionDenied
    return evaluation


def get_deviation_for_user(user, pk: int, *, for_write: bool = False) -> Deviation:
    """404 when the user may not see it; with `for_write`, 403 unless she may handle it."""
    deviation = get_object_or_404(
        Deviation.objects.select_related(
            "person__manager", "agreement", "handler", "reported_by", "loan__item_type"
        ),
        pk=pk,
    )
    if not can_view_about(user, deviation.person):
        raise Http404
    if for_write and not can_handle_deviation(user, deviation):
        raise PermissionDenied
    return deviation
