"""What every request reads by its key with SQL compiled once (core.rows): the signed-in person
(identity.backends) and the unit of a page (org.permissions) come back exactly as the ORM returns them."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from distans.core.permissions import group_names, is_hr, is_manager
from distans.core.roles import roles_and_manages
from distans.core.rows import row_by_pk
from distans.identity.backends import PasswordBackend
from distans.org.models import Person, Unit
from distans.org.permissions import get_unit_for_user


def _fields(instance) -> dict:
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


def test_the_signed_in_person_is_read_as_the_orm_reads_her(cast):
    asa = cast["employee"]
    Person.objects.filter(pk=asa.pk).update(
        last_login=timezone.now(), employment_start=datetime.date(2024, 3, 1), is_staff=True
    )
    read = PasswordBackend().get_user(asa.pk)
    assert _fields(PasswordBackend().get_user(str(asa.pk))) == _fields(read)  # as a session may hold it
    assert _fields(read) == _fields(Person.objects.get(pk=asa.pk))
    assert timezone.is_aware(read.last_login) and read.is_staff is True
    assert not read._state.adding and read.full_name == asa.full_name


def test_the_signed_in_person_comes_with_her_roles(cast):
    hr, manager, employee = (
        PasswordBackend().get_user(cast[name].pk) for name in ("hr", "manager", "employee")
    )
    with CaptureQueriesContext(connection) as captured:
        assert is_hr(hr) and not is_manager(hr)
        assert is_manager(manager) and not is_hr(manager)
        assert group_names(employee) == set() and not is_manager(employee)
    assert len(captured) == 0  # read with the person, not asked again
    assert (group_names(hr), is_manager(manager)) == (
        roles_and_manages(cast["hr"].pk)[0],
        roles_and_manages(cast["manager"].pk)[1],
    )


def test_a_person_who_left_or_never_was_is_not_signed_in(cast):
    client = Client()
    client.force_login(cast["employee"])
    Person.objects.filter(pk=cast["employee"].pk).update(is_active=False)
    assert client.get(reverse("core:my_page"))["Location"].startswith(reverse("login"))
    assert PasswordBackend().get_user(10**6) is None


def test_a_unit_is_its_own_row_and_an_unknown_one_is_not_found(cast):
    support = cast["employee"].unit
    unit = get_unit_for_user(cast["employee"], support.pk)
    assert _fields(unit) == _fields(Unit.objects.get(pk=support.pk))
    for missing in (10**6, 2**63, -(2**63) - 1):  # beyond 64 bits SQLite would fail rather than find none
        with pytest.raises(Http404):
            get_unit_for_user(cast["employee"], missing)
    assert row_by_pk(Unit, 2**70) is None


def test_a_session_of_someone_unknown_signs_no_one_in(cast):
    client = Client()
    client.force_login(cast["employee"])
    session = client.session
    session[SESSION_KEY] = "999999"
    session.save()
    assert client.get(reverse("core:my_page"))["Location"].startswith(reverse("login"))
