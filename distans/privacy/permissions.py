"""Who may do what in privacy: everyone downloads their own data; HR and administrators answer access
requests, set retention and publish the notice."""

import re

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import is_admin, is_hr
from distans.org.models import Person
from distans.privacy.models import AccessRequest, FormerEmployee, LegalHold

# "#3", or "nr 3" / "nr. 3" as the Nordic languages write former employee #3.
FORMER_NUMBER = re.compile(r"(?:#|nr\.?)\s*(\d{1,9})", re.IGNORECASE)


def can_manage_privacy(user) -> bool:
    return is_hr(user) or is_admin(user)


def get_person_for_privacy(user, pk: int) -> Person:
    """A person whose data HR may produce: 404 for anyone else, as if the page were not there."""
    if not can_manage_privacy(user):
        raise_404()
    return get_object_or_404(Person, pk=pk)


def find_leaver_for_privacy(user, text: str) -> Person | None:
    """Someone who has left, for HR to answer their access request by what HR has on file (the
    person picker finds leavers too, by name): by exact e-mail address or employee number while
    not anonymised, by "#n" once they are former employee #n. None when no leaver matches; 404 for
    anyone but HR and administrators."""
    if not can_manage_privacy(user):
        raise_404()
    text = text.strip()
    number = FORMER_NUMBER.fullmatch(text)
    if number:
        former = FormerEmployee.objects.filter(pk=int(number.group(1))).select_related("person").first()
        return former.person if former else None
    if not text:
        return None
    return (
        Person.objects.filter(is_active=False)
        .exclude(pk__in=FormerEmployee.objects.values("person"))
        .filter(Q(email__iexact=text) | Q(employee_number=text))
        .first()
    )


def get_access_request_for_user(user, pk: int) -> AccessRequest:
    if not can_manage_privacy(user):
        raise_404()
    return get_object_or_404(AccessRequest.objects.select_related("person"), pk=pk)


def get_hold_for_user(user, pk: int) -> LegalHold:
    if not can_manage_privacy(user):
        raise_404()
    return get_object_or_404(LegalHold.objects.select_related("person"), pk=pk)


def raise_404():
    raise Http404
