"""One error contract under /api/v1/: every error is {"code", "message"} in the reader's language, token
clients write without CSRF while sessions need it, and the schema documents every error it can give."""

import datetime
import logging

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone
from ninja.openapi.schema import OpenAPISchema
from schemathesis.openapi import from_dict

from distans.api import api
from distans.arrangements import api as arrangements_api
from distans.arrangements.models import Request
from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.org.models import Unit


def bearer(person, scope=ApiToken.Scope.READ_WRITE):
    _token, raw = token_create(actor=person, person=person, name="Script", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def draft_payload():
    return {
        "days_per_week": "2",
        "start_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }


def test_an_unknown_path_is_a_json_404_in_the_readers_language(cast):
    cast["employee"].language = "sv"
    cast["employee"].save()
    client = Client()
    client.force_login(cast["employee"])
    response = client.get("/api/v1/no/such/thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "code": "not_found",
        "message": "Hittades inte, eller så saknar du behörighet att se det.",
    }
    # A token client without Accept-Language gets its owner's language too.
    with_token = Client().get("/api/v1/no/such/thing", **bearer(cast["employee"]))
    assert with_token.json()["message"] == "Hittades inte, eller så saknar du behörighet att se det."
    anonymous = Client().post("/api/v1/nowhere", {}, content_type="application/json")
    assert anonymous.status_code == 404 and anonymous.json()["code"] == "not_found"


def test_a_wrong_method_is_a_json_405_naming_the_allowed_ones(cast):
    response = Client().delete("/api/v1/me", **bearer(cast["employee"]))
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_without_credentials_the_answer_is_401(db):
    response = Client(enforce_csrf_checks=True).get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {
        "code": "unauthenticated",
        "message": "Sign in, or send a personal API token as “Authorization: Bearer …”.",
    }
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION="Bearer dst_not-a-token")
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer dst_not-a-token"}):  # a write: not a CSRF refusal
        response = Client(enforce_csrf_checks=True).post(
            "/api/v1/requests", draft_payload(), content_type="application/json", **headers
        )
        assert response.status_code == 401 and response.json()["code"] == "unauthenticated"


def test_a_token_client_writes_without_csrf(cast):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/requests", draft_payload(), content_type="application/json", **bearer(cast["employee"])
    )
    assert response.status_code == 201, response.content
    assert Request.objects.get(pk=response.json()["id"]).person == cast["employee"]


def test_a_session_write_needs_its_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["employee"])
    response = client.post("/api/v1/requests", draft_payload(), content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert not Request.objects.exists()
    client.get("/profile/")  # a page sets the CSRF cookie, as the browser gets it
    response = client.post(
        "/api/v1/requests",
        draft_payload(),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 201
    assert Request.objects.count() == 1


def test_refusals_are_403_and_a_state_moved_on_is_409(cast):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/equipment/loans",
        {"person": cast["employee"].pk, "item": "laptop"},
        content_type="application/json",
        **bearer(cast["employee"]),
    )
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    headers = bearer(cast["employee"])
    created = client.post("/api/v1/requests", draft_payload(), content_type="application/json", **headers)
    withdraw = f"/api/v1/requests/{created.json()['id']}/withdraw"
    assert client.post(withdraw, **headers).status_code == 200
    response = client.post(withdraw, **headers)
    assert response.status_code == 409
    assert set(response.json()) == {"code", "message"}


def test_invalid_input_is_a_422_naming_the_fields_in_the_readers_language(cast):
    cast["employee"].language = "nb"
    cast["employee"].save()
    response = Client().post(
        "/api/v1/requests",
        {"days_per_week": "9", "start_date": "someday"},
        content_type="application/json",
        **bearer(cast["employee"]),
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert "days_per_week" in body["message"] and "start_date" in body["message"]
    assert "payload" not in body["message"]
    assert body["message"].startswith("Noen verdier er ugyldige")
    response = Client().post("/api/v1/requests", content_type="application/json", **bearer(cast["employee"]))
    assert response.status_code == 422
    assert response.json()["message"] == "Noen verdier er ugyldige: days_per_week, start_date."
    response = Client().post(
        "/api/v1/requests", "{not json", content_type="application/json", **bearer(cast["employee"])
    )
    assert response.status_code == 422 and response.json()["code"] == "invalid_body"
    assert not Request.objects.exists()


def test_a_constraint_that_escapes_a_service_is_a_logged_409(cast, monkeypatch, caplog):
    """The backstop for a race the service did not foresee: a real unique constraint fires inside the
    service's transaction, and the client gets 409, not 500; nothing of it is stored."""
    real_create = arrangements_api.services.request_create

    def racing_create(**kwargs):
        with transaction.atomic():
            real_create(**kwargs)
            Unit.objects.create(code=cast["employee"].unit.code, name="Twin")  # lost the race

    monkeypatch.setattr(arrangements_api.services, "request_create", racing_create)
    client = Client(enforce_csrf_checks=True)
    headers = bearer(cast["employee"])
    with caplog.at_level(logging.WARNING, logger="distans.api"):
        response = client.post(
            "/api/v1/requests", draft_payload(), content_type="application/json", **headers
        )
    assert response.status_code == 409
    assert response.json() == {
        "code": "conflict",
        "message": "This clashes with something saved meanwhile. Reload and try again.",
    }
    assert "IntegrityError" in caplog.text
    assert not Request.objects.exists()
    assert client.get("/api/v1/me", **headers).status_code == 200  # the connection is still usable


def test_an_unexpected_error_is_a_json_500_and_logged(cast, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(arrangements_api.services, "request_create", broken)
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="distans.api"):
        response = client.post(
            "/api/v1/requests", draft_payload(), content_type="application/json", **bearer(cast["employee"])
        )
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "a bug" in caplog.text


@pytest.mark.django_db
def test_every_operation_documents_its_errors():
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["components"]["schemas"]["Error"]["required"] == ["code", "message"]
    writes = {"post", "put", "patch", "delete"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            expected = {"401", "403", "404", "422", "429"} | ({"409"} if method in writes else set())
            assert expected <= set(operation["responses"]), f"{method.upper()} {path}"
            assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }
            assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_the_schema_is_valid_openapi(db):
    schema = from_dict(Client().get("/api/v1/openapi.json").json())
    schema.validate()  # against the OpenAPI 3.1 meta-schema
    assert len(list(schema.get_all_operations())) == sum(
        len(operations) for operations in schema.raw_schema["paths"].values()
    )
    assert all(result.ok() for result in schema.get_all_operations())


def test_no_two_schemas_share_a_name():
    """ninja keeps one definition per name: two enums both called `Status` would silently document
    one of them wrongly."""
    clashes = set()

    class Checked(OpenAPISchema):
        def add_schema_definitions(self, definitions):
            clashes.update(
                name
                for name, definition in definitions.items()
                if self.schemas.get(name, definition) != definition
            )
            super().add_schema_definitions(definitions)

    Checked(api, "/api/v1/")
    assert not clashes
