"""scim2-tester's checks against the running server (live_server), through the network as a client
calls it: discovery, then create, read, replace, PATCH of every attribute, search and delete of users
and groups. The run prints the count; none of the checks may fail (searching users and groups at once
is not offered, which the tester counts as skipped)."""

from typing import Any

import httpx
import pytest
from pydantic import Field
from scim2_client import BaseSyncSCIMClient
from scim2_models import ResourceType, ScimProvider
from scim2_tester import Status, check_server

from distans.scim.resources import CONFIG, DistansUser, Enterprise, Group

# A live server answers from another thread: the database is committed, and restored after the test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class EmployeeNumbers(Enterprise):
    """Employee numbers as Distans keeps them (at most 32 characters, unique): the tester draws its
    values from the examples, where it would otherwise send UUIDs (36)."""

    employee_number: str | None = Field(None, examples=[f"E{n}" for n in range(100_000, 200_000)])


# The client knows the server's models as it publishes them, with realistic employee numbers.
CLIENT_VIEW = ScimProvider(
    models=[DistansUser, EmployeeNumbers, Group],
    resource_types=[
        ResourceType.from_resource(DistansUser[EmployeeNumbers]),
        ResourceType.from_resource(Group),
    ],
    config=CONFIG,
)


class HttpxClient(BaseSyncSCIMClient):
    """scim2-client's network engine, on the httpx installed here."""

    def __init__(self, client: httpx.Client, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.client = client

    def _stays_under_base_url(self, endpoint: str) -> bool:
        url = self.client.build_request("GET", endpoint).url
        return str(url).startswith(str(self.client.base_url))

    def _parse_json(self, response):
        return response.json()

    def request(self, method: str, url: str, **kwargs: Any):
        return self.client.request(method, url, **kwargs)


def test_scim2_tester_finds_no_failure(live_server, client_token):
    _token, raw = client_token
    http = httpx.Client(base_url=f"{live_server.url}/scim/v2/", headers={"Authorization": f"Bearer {raw}"})
    results = check_server(HttpxClient(http, provider=CLIENT_VIEW))
    failed = [r for r in results if r.status in (Status.ERROR, Status.CRITICAL)]
    counts = {status.name: sum(r.status == status for r in results) for status in Status}
    print(f"scim2-tester: {len(results)} checks, {counts}")
    for result in failed:
        print(result.title, result.resource_type, result.reason)
    assert not failed
    assert counts["SUCCESS"] > 20
