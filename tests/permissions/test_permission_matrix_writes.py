"""Every write route × every role, with a payload a permitted role succeeds with (the matrix is
writes.py).

A page route that reads the POST, or an /api/v1 operation that is not a GET, without an entry in
WRITES fails `test_every_write_route_is_in_the_matrix`; one whose payload no role could send
successfully fails `test_every_write_route_succeeds_for_a_role_and_refuses_the_others_by_permission`.
"""

import pytest

from tests.permissions.support import api_write_operations, page_write_routes
from tests.permissions.writes import LOGIN, ROLES, SUCCESS, WRITES, send


def test_every_write_route_is_in_the_matrix():
    routes = page_write_routes() | set(api_write_operations())
    assert routes - set(WRITES) == set(), "write routes without a decision in WRITES"
    assert set(WRITES) - routes == set(), "WRITES names routes that no longer write"


def test_every_write_route_succeeds_for_a_role_and_refuses_the_others_by_permission():
    """A payload that fails validation for every role never reaches the permission check, and the
    matrix would test nothing. So each route names a role whose request succeeds with its effect
    (`send` checks the status and the effect), and every other role is refused by permission (403,
    404, the login page or 401), never by validation (400, 422)."""
    api = api_write_operations()
    for name, write in WRITES.items():
        assert write.succeeds(), f"{name}: no role succeeds with an effect"
        assert write.ok in SUCCESS, f"{name}: {write.ok} is not a success"
        refusals = {write.expected(role, api=name in api) for role in ROLES} - {write.ok}
        assert refusals <= {403, 404, 401, LOGIN}, f"{name}: refused with {refusals}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(name for name, write in WRITES.items() if not write.in_force))
def test_write_route_as_role(cast, name, role):
    send(name, role, cast)
