"""Who sees and handles follow-up. Evaluations and deviations are seen by the person, her managers at
any depth and HR, never by colleagues. The line manager (the personnel manager) or HR holds an
evaluation and handles a deviation; a manager higher up may step in when it was escalated."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import is_hr
from distans.followup.models import Deviation, Evaluation
from distans.org.permissions import manages


def can_view_about(user, person) -> bool:
    return person.pk == user.pk or is_hr(user) or manages(user, person)


def can_report_about(user, person) -> bool:
    return can_view_about(user, person)


def can_hold(user, person) -> bool:
    return person.pk != user.pk and (person.manager_id == user.pk or is_hr(user))


def can_handle_deviation(user, deviation: Deviation) -> bool:
    if deviation.person_id == user.pk:
        return False
    return (
        is_hr(user)
        or deviation.handler_id == user.pk
        or (deviation.escalated_at is not None and manages(user, deviation.person))
    )


def get_evaluation_for_user(user, pk: int) -> Evaluation:
    evaluation = get_object_or_404(
        Evaluation.objects.select_related("person__manager", "agreement", "assignment"), pk=pk
    )
    if not can_view_about(user, evaluation.person):
        raise Http404
    return evaluation


def get_deviation_for_user(user, pk: int) -> Deviation:
    deviation = get_object_or_404(
        Deviation.objects.select_related(
            "person__manager", "agreement", "handler", "reported_by", "loan__item_type"
        ),
        pk=pk,
    )
    if not can_view_about(user, deviation.person):
        raise Http404
    return deviation
