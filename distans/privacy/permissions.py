"""Who may do what in privacy: everyone downloads their own data; HR and administrators answer access
requests, set retention and publish the notice."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import is_admin, is_hr
from distans.org.models import Person
from distans.privacy.models import AccessRequest, LegalHold


def can_manage_privacy(user) -> bool:
    return is_hr(user) or is_admin(user)


def get_person_for_privacy(user, pk: int) -> Person:
    """A person whose data HR may produce: 404 for anyone else, as if the page were not there."""
    if not can_manage_privacy(user):
        raise_404()
    return get_object_or_404(Person, pk=pk)


def get_access_request_for_user(user, pk: int) -> AccessRequest:
    if not can_manage_privacy(user):
        raise_404()
    return get_object_or_404(AccessRequest.objects.select_related("person"), pk=pk)


def get_hold_for_user(user, pk: int) -> LegalHold:
    if not can_manage_privacy(user):
        raise_404()
    return get_object_or_404(LegalHold.objects.select_related("person", "placed_by", "lifted_by"), pk=pk)


def raise_404():
    raise Http404
