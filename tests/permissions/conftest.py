"""The permission matrix's cast: conftest.py's people plus Lena, Åsa's colleague in Support Sweden, and
Nils, who manages Sales Norway, where Olav works; written once per module (see support.py)."""

import pytest

from distans.org.models import Person
from tests.permissions.support import build_cast, module_data


@pytest.fixture(scope="module")
def cast_ids(django_db_setup, django_db_blocker):
    with module_data(django_db_blocker, build_cast) as ids:
        yield ids


@pytest.fixture
def cast(db, cast_ids):
    """Fresh instances each test, so no role cache or changed field leaks from one test to the next."""
    found = Person.objects.select_related("unit", "site").in_bulk(cast_ids.values())
    return {role: found[pk] for role, pk in cast_ids.items()}
