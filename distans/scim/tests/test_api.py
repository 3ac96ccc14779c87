"""SCIM as Entra ID and Okta call it: a real provisioning token, CSRF enforced (a bearer client needs none),
the request shapes from Microsoft's documentation."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client, override_settings

from distans.core.models import AuditEntry
from distans.core.roles import Role
from distans.org.models import Person
from distans.scim import tokens
from distans.scim.audit_actions import ScimAudit
from distans.scim.forget import provisioning_forget
from distans.scim.models import ProvisionedPerson

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"


@pytest.fixture
def scim(client_token):
    _token, raw = client_token
    http = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

    def call(method: str, path: str, body=None):
        response = getattr(http, method)(
            f"/scim/v2/{path}",
            data=json.dumps(body) if body is not None else None,
            content_type="application/scim+json",
        )
        return response, (response.json() if response.content else None)

    return call


def entra_user(**extra):
    """A user as Entra ID's default attribute mapping sends her (Microsoft's SCIM documentation)."""
    return {
        "schemas": [USER, ENTERPRISE],
        "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        "userName": "Test_User_ab6490ee@testuser.com",
        "active": True,
        "displayName": "Hana Lindqvist",
        "name": {"formatted": "Hana Lindqvist", "familyName": "Lindqvist", "givenName": "Hana"},
        "emails": [{"primary": True, "type": "work", "value": "hana.lindqvist@example.com"}],
        "title": "Adviser",
        "preferredLanguage": "sv-SE",
        "addresses": [{"type": "work", "country": "SE"}],
        ENTERPRISE: {"employeeNumber": "700", "department": "Support Sweden"},
        **extra,
    }


def patch(*operations):
    return {"schemas": [PATCH], "Operations": list(operations)}


def test_no_token_or_a_revoked_one_is_refused(cast, client_token, scim):
    token, raw = client_token
    anonymous = Client().get("/scim/v2/Users")
    assert anonymous.status_code == 401
    assert anonymous.json()["status"] == "401"
    tokens.token_revoke(actor=cast["admin"], token=token)
    assert scim("get", "Users")[0].status_code == 401
    assert Client().get("/scim/v2/Users", HTTP_AUTHORIZATION="Bearer dst_not-a-token").status_code == 401


def test_no_write_without_a_provisioning_token_not_even_from_a_signed_in_administrator(cast):
    """SCIM answers its clients' tokens only: a browser session, however privileged, changes nothing."""
    admin = Client()
    admin.force_login(cast["admin"])
    before = Person.objects.count()
    for path in ("Users", "Users/.search", "Groups", "Groups/.search", ".search"):
        for client in (Client(), admin):
            response = client.post(f"/scim/v2/{path}", entra_user(), content_type="application/scim+json")
            assert response.status_code == 401, path
    assert Person.objects.count() == before


def test_entra_creates_a_person_in_the_unit_of_her_department_under_her_manager(cast, scim):
    body = entra_user()
    body[ENTERPRISE]["manager"] = {"value": str(cast["manager"].pk)}
    response, created = scim("post", "Users", body)
    assert response.status_code == 201, created
    assert response["Location"].endswith(f"/scim/v2/Users/{created['id']}")
    person = Person.objects.get(pk=created["id"])
    assert (person.email, person.first_name, person.last_name) == (
        "hana.lindqvist@example.com",
        "Hana",
        "Lindqvist",
    )
    assert person.employee_number == "700"
    assert person.unit.name == "Support Sweden"
    assert person.manager == cast["manager"]
    assert not person.has_usable_password()
    assert created["userName"] == "Test_User_ab6490ee@testuser.com"
    assert created[ENTERPRISE]["manager"]["value"] == str(cast["manager"].pk)
    entry = AuditEntry.objects.get(action=ScimAudit.USER_CREATE)
    assert entry.actor_name == "SCIM: Entra ID" and entry.object_id == str(person.pk)
    assert entry.changes["email"] == [None, "hana.lindqvist@example.com"]


def test_a_second_create_of_the_same_user_is_a_conflict(cast, scim):
    assert scim("post", "Users", entra_user())[0].status_code == 201
    response, error = scim("post", "Users", entra_user())
    assert response.status_code == 409
    assert error["scimType"] == "uniqueness"
    assert Person.objects.filter(employee_number="700").count() == 1


def test_filters_entra_and_okta_match_users_by(cast, scim):
    _, created = scim("post", "Users", entra_user())
    for query in (
        'userName eq "test_user_ab6490ee@testuser.com"',
        'externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"',
        'emails.value eq "hana.lindqvist@example.com"',
        'emails[type eq "work"].value eq "hana.lindqvist@example.com"',
    ):
        response, found = scim("get", f"Users?filter={query}")
        assert response.status_code == 200
        assert [r["id"] for r in found["Resources"]] == [created["id"]], query
    # Someone Distans had before provisioning is found by her e-mail as userName, to be linked, not doubled.
    _, found = scim("get", 'Users?filter=userName eq "asa@example.com"')
    assert [r["id"] for r in found["Resources"]] == [str(cast["employee"].pk)]
    _, none = scim("get", 'Users?filter=userName eq "nobody@example.com"')
    assert none["totalResults"] == 0 and none["Resources"] == []
    response, error = scim("get", 'Users?filter=title co "x"')
    assert response.status_code == 400 and error["scimType"] == "invalidFilter"


def test_paging_by_start_index_and_count(cast, scim, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # the token, its use, the count, the page
        _, first = scim("get", "Users?startIndex=1&count=3")
    _, second = scim("get", "Users?startIndex=4&count=3")
    assert first["totalResults"] == Person.objects.count() == second["totalResults"]
    assert first["itemsPerPage"] == 3 and first["startIndex"] == 1
    assert not {r["id"] for r in first["Resources"]} & {r["id"] for r in second["Resources"]}
    assert scim("get", "Users?startIndex=x")[0].status_code == 400


def test_entra_patch_shapes_update_the_person(cast, scim):
    _, created = scim("post", "Users", entra_user())
    new_manager = cast["hr_approver"]
    response, answered = scim(
        "patch",
        f"Users/{created['id']}",
        patch(
            {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "hana.l@example.com"},
            {"op": "Replace", "path": "name.familyName", "value": "Berg"},
            {"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "SAL"},
            {"op": "Add", "path": f"{ENTERPRISE}:manager", "value": {"value": str(new_manager.pk)}},
        ),
    )
    assert response.status_code == 200, answered
    person = Person.objects.get(pk=created["id"])
    assert (person.email, person.last_name, person.unit.code, person.manager) == (
        "hana.l@example.com",
        "Berg",
        "SAL",
        new_manager,
    )
    # Entra ID also sends the manager as a bare id, and a replace without a path.
    scim(
        "patch",
        f"Users/{created['id']}",
        patch(
            {"op": "Replace", "path": f"{ENTERPRISE}:manager", "value": str(cast["manager"].pk)},
            {"op": "Replace", "value": {"name.givenName": "Hanna", "displayName": "Hanna Berg"}},
        ),
    )
    person.refresh_from_db()
    assert (person.first_name, person.manager) == ("Hanna", cast["manager"])
    update = AuditEntry.objects.filter(action=ScimAudit.USER_UPDATE).order_by("pk").first()
    assert update.actor_name == "SCIM: Entra ID"
    assert update.changes["last_name"] == ["Lindqvist", "Berg"]


def test_entra_deactivates_with_active_as_the_string_false(cast, scim):
    _, created = scim("post", "Users", entra_user())
    person = Person.objects.get(pk=created["id"])
    person.api_tokens.create(name="calendar", key_hash="x" * 64, hint="dst_x")
    response, answered = scim(
        "patch", f"Users/{created['id']}", patch({"op": "Replace", "path": "active", "value": "False"})
    )
    assert response.status_code == 200, answered
    assert answered["active"] is False
    person.refresh_from_db()
    assert not person.is_active
    assert not person.api_tokens.filter(revoked_at__isnull=True).exists()
    assert AuditEntry.objects.filter(action="person.deactivate", object_id=str(person.pk)).exists()
    # And back: a rehire.
    scim("patch", f"Users/{created['id']}", patch({"op": "Replace", "value": {"active": True}}))
    person.refresh_from_db()
    assert person.is_active


def test_put_replaces_and_delete_deactivates_and_hides(cast, scim):
    _, created = scim("post", "Users", entra_user())
    body = entra_user(name={"givenName": "Hana", "familyName": "Ek"})
    response, answered = scim("put", f"Users/{created['id']}", body)
    assert response.status_code == 200 and answered["name"]["familyName"] == "Ek"
    response, _ = scim("delete", f"Users/{created['id']}")
    assert response.status_code == 204
    person = Person.objects.get(pk=created["id"])
    assert not person.is_active  # her records stay for HR
    assert scim("get", f"Users/{created['id']}")[0].status_code == 404
    assert AuditEntry.objects.filter(action=ScimAudit.USER_DELETE, actor_name="SCIM: Entra ID").exists()


def test_bad_input_is_a_scim_error_and_changes_nothing(cast, scim):
    count = Person.objects.count()
    for body in ({"schemas": [USER]}, {"schemas": [USER], "userName": "not-an-address"}, [1, 2]):
        response, error = scim("post", "Users", body)
        assert response.status_code == 400, body
        assert error["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert scim("get", "Users/abc")[0].status_code == 404
    assert scim("get", "Users/999999")[0].status_code == 404
    assert scim("get", "Users/" + "9" * 30)[0].status_code == 404
    assert scim("get", 'Users?filter=id eq "' + "9" * 30 + '"')[0].status_code == 200
    assert (
        scim("patch", f"Users/{cast['employee'].pk}", {"Operations": [{"op": "jump"}]})[0].status_code == 400
    )
    assert Person.objects.count() == count


@override_settings(SCIM_ROLE_GROUPS={"hr": frozenset({"Distans HR"}), "admin": frozenset({"Distans admins"})})
def test_groups_grant_and_remove_roles(cast, scim):
    employee = cast["employee"]
    response, group = scim(
        "post",
        "Groups",
        {
            "schemas": [GROUP],
            "displayName": "Distans HR",
            "members": [{"value": str(employee.pk)}],
        },
    )
    assert response.status_code == 201, group
    assert employee.groups.filter(name=Role.HR).exists()
    _, found = scim("get", 'Groups?filter=displayName eq "distans hr"')
    assert [g["id"] for g in found["Resources"]] == [group["id"]]
    twice = scim("post", "Groups", {"schemas": [GROUP], "displayName": "DISTANS HR"})[0]
    assert twice.status_code == 409
    # Entra ID removes a member by a filter on the path.
    response, _ = scim(
        "patch",
        f"Groups/{group['id']}",
        patch({"op": "Remove", "path": f'members[value eq "{employee.pk}"]'}),
    )
    assert response.status_code == 200
    assert not employee.groups.filter(name=Role.HR).exists()
    # The HR approver role, which no SCIM group maps, stays as Distans gave it.
    approver = cast["hr_approver"]
    scim(
        "patch",
        f"Groups/{group['id']}",
        patch({"op": "Add", "path": "members", "value": [{"value": str(approver.pk)}]}),
    )
    assert set(approver.groups.values_list("name", flat=True)) == {Role.HR, Role.HR_APPROVER}
    assert scim("delete", f"Groups/{group['id']}")[0].status_code == 204
    assert set(approver.groups.values_list("name", flat=True)) == {Role.HR_APPROVER}
    assert Group.objects.filter(name=Role.HR).exists()


def test_discovery_endpoints(cast, scim):
    _, config = scim("get", "ServiceProviderConfig")
    assert config["patch"]["supported"] and config["filter"]["supported"]
    _, types = scim("get", "ResourceTypes")
    assert {t["name"] for t in types["Resources"]} == {"User", "Group"}
    _, schemas = scim("get", "Schemas")
    assert ENTERPRISE in {s["id"] for s in schemas["Resources"]}
    assert scim("get", f"Schemas/{ENTERPRISE}")[0].status_code == 200
    assert scim("get", "Nothing")[0].status_code == 404


def test_a_provisioned_person_is_marked_until_erased(cast, scim):
    _, created = scim("post", "Users", entra_user())
    person = Person.objects.get(pk=created["id"])
    assert ProvisionedPerson.objects.get(person=person).token.name == "Entra ID"
    provisioning_forget(person=person)
    assert not ProvisionedPerson.objects.filter(person=person).exists()


def test_a_deleted_user_created_again_is_the_same_person_rehired(cast, scim):
    _, created = scim("post", "Users", entra_user())
    scim("delete", f"Users/{created['id']}")
    response, again = scim("post", "Users", entra_user())
    assert response.status_code == 201, again
    assert again["id"] == created["id"]
    assert Person.objects.get(pk=created["id"]).is_active


def test_an_employee_number_longer_than_distans_keeps_is_refused_by_name(cast, scim):
    body = entra_user()
    body[ENTERPRISE]["employeeNumber"] = "9" * 33
    response, error = scim("post", "Users", body)
    assert response.status_code == 400
    assert "employee_number" in error["detail"]
    assert not Person.objects.filter(email="hana.lindqvist@example.com").exists()


@override_settings(SCIM_ROLE_GROUPS={"hr": frozenset({"Distans HR"})})
def test_every_scim_write_names_the_client_as_the_actor_and_lists_only_what_changed(cast, scim):
    """Who acted is the client ("SCIM: <token name>"), also on the rows org writes for it (the leaver,
    the roles); the changes are the person's or group's own fields, never the client's name."""
    start = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    _, created = scim("post", "Users", entra_user())
    person = Person.objects.get(pk=created["id"])
    scim("patch", f"Users/{person.pk}", patch({"op": "Replace", "path": "name.familyName", "value": "Berg"}))
    unchanged = entra_user(name={"givenName": "Hana", "familyName": "Berg"})
    scim("put", f"Users/{person.pk}", unchanged)  # no change, no row
    _, group = scim("post", "Groups", {"schemas": [GROUP], "displayName": "Distans HR"})
    member = {"op": "Add", "path": "members", "value": [{"value": created["id"]}]}
    scim("patch", f"Groups/{group['id']}", patch(member))
    scim("patch", f"Users/{person.pk}", patch({"op": "Replace", "path": "active", "value": "False"}))
    scim("patch", f"Users/{person.pk}", patch({"op": "Replace", "path": "active", "value": True}))
    scim("delete", f"Users/{person.pk}")
    scim("delete", f"Groups/{group['id']}")
    entries = list(AuditEntry.objects.filter(pk__gt=start).order_by("pk"))
    assert [(e.action, e.actor_id, e.actor_name) for e in entries] == [
        (action, None, "SCIM: Entra ID")
        for action in (
            ScimAudit.USER_CREATE,
            ScimAudit.USER_UPDATE,
            ScimAudit.GROUP_CREATE,
            ScimAudit.GROUP_UPDATE,
            "person.roles",
            "person.deactivate",
            "person.reactivate",
            ScimAudit.USER_DELETE,
            "person.deactivate",
            "person.roles",  # a deleted user holds no role a group gave
            ScimAudit.GROUP_DELETE,
        )
    ]
    changes = [e.changes for e in entries]
    assert all("client" not in c for c in changes)
    assert set(changes[0]) == {"email", "first_name", "last_name", "employee_number", "unit_id"}
    assert changes[1] == {"last_name": ["Lindqvist", "Berg"]}
    assert changes[2] == {"display_name": [None, "Distans HR"]}
    assert changes[3] == {"members_added": [person.pk]}
    assert changes[7] == {}
    assert changes[10] == {"members_removed": [person.pk]}
