from django.core.management import call_command

from distans.core.models import ApiToken
from distans.core.services import token_create


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_me_by_session(client, cast):
    client.force_login(cast["hr_approver"])
    data = client.get("/api/v1/me").json()
    assert data["email"] == "karin@example.com"
    assert set(data["roles"]) == {"employee", "manager", "hr_approver"}


def test_token_works_until_revoked_and_only_its_hash_is_stored(client, cast):
    token, raw = token_create(actor=cast["employee"], person=cast["employee"], name="Calendar")
    assert raw.startswith("dst_") and raw not in token.key_hash
    assert client.get("/api/v1/me", **bearer(raw)).json()["email"] == "asa@example.com"
    token.refresh_from_db()
    assert token.last_used_at is not None
    client.force_login(cast["employee"])
    client.post(f"/profile/tokens/{token.pk}/revoke/")
    client.logout()
    response = client.get("/api/v1/me", **bearer(raw))
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_create_token_command_prints_it_once(cast, capsys):
    call_command("create_token", "asa@example.com", "--name", "Payroll")
    raw = capsys.readouterr().out.strip()
    assert ApiToken.objects.get(name="Payroll").hint == raw[:8]


def test_profile_page_creates_a_token_and_shows_it_once(client, cast):
    client.force_login(cast["employee"])
    page = client.post("/profile/tokens/", {"name": "Phone", "scope": "read"}).content.decode()
    token = ApiToken.objects.get(name="Phone")
    assert token.hint in page and "will not be shown again" in page
    assert token.hint + "…" in client.get("/profile/").content.decode()
    response = client.post("/profile/tokens/", {"name": "  ", "scope": "read"})
    assert response.status_code == 400


def test_errors_have_one_shape_in_the_users_language(client, cast):
    cast["employee"].language = "da"
    cast["employee"].save()
    client.force_login(cast["employee"])
    response = client.get("/api/v1/people/999999")
    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "Findes ikke, eller du har ikke adgang til at se det.",
    }
    response = client.get("/api/v1/people", {"unit": "abc"})
    assert response.status_code == 422 and response.json()["code"] == "invalid"


def test_openapi_schema_lists_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/me",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
        "/api/v1/units",
        "/api/v1/sites",
    } <= set(paths)


def test_profile_saves_time_zone_and_shows_roles_in_the_users_language(client, cast):
    client.force_login(cast["hr_approver"])
    response = client.post("/profile/", {"language": "sv", "time_zone": "Asia/Bangkok"})
    assert response.status_code == 302
    cast["hr_approver"].refresh_from_db()
    assert cast["hr_approver"].time_zone == "Asia/Bangkok"
    page = client.get("/profile/").content.decode()
    assert "HR med beslutanderätt" in page and "Chef" in page and "Dina inställningar är sparade" in page
    response = client.post("/profile/", {"language": "sv", "time_zone": "Mars/Olympus"})
    assert response.status_code == 400 and "Mars/Olympus" in response.content.decode()
    cast["hr_approver"].refresh_from_db()
    assert cast["hr_approver"].time_zone == "Asia/Bangkok"
