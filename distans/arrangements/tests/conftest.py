import pytest

from distans.arrangements.testing import assessed


@pytest.fixture
def asa_assessed(cast):
    return assessed(cast["employee"], cast["manager"])
