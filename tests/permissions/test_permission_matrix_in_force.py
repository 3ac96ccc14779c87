"""The write routes that act on an agreement in force, for every role (see writes.py).

Making an agreement in force takes the whole path (assessment, request, approval, checklists, both
signatures, activation), so it is made once for this module: Åsa's, with Björn as her manager.
"""

import pytest

from distans.org.models import Person
from tests.permissions.support import build_cast, module_data
from tests.permissions.writes import ROLES, WRITES, send


@pytest.fixture(scope="module")
def cast_ids(django_db_setup, django_db_blocker):
    def build():
        from distans.agreements.testing import agreement_in_force

        ids = build_cast()
        people = Person.objects.in_bulk(ids.values())
        agreement_in_force({role: people[pk] for role, pk in ids.items()})
        return ids

    with module_data(django_db_blocker, build) as ids:
        yield ids


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(name for name, write in WRITES.items() if write.in_force))
def test_write_route_as_role(cast, name, role):
    send(name, role, cast)
