"""A leaver is signed out everywhere and their tokens stop, and coming back does not revive the old
sessions."""

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.org.services import person_deactivate, person_reactivate


def signed_in(email):
    client = Client()
    response = client.post(
        reverse("login"), {"username": email, "password": "correct horse battery"}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 302
    assert client.get("/api/v1/me").status_code == 200
    return client


def test_reactivating_does_not_bring_old_sessions_back(cast):
    """Regression: the deactivated person's session rows stayed, and worked again after reactivation."""
    laptop, phone = signed_in("olav@example.com"), signed_in("olav@example.com")
    colleague = signed_in("asa@example.com")
    person_deactivate(actor=cast["admin"], person=cast["outsider"])
    person_reactivate(actor=cast["admin"], person=cast["outsider"])
    for client in (laptop, phone):
        assert client.get("/api/v1/me").status_code == 401
        page = client.get(reverse("core:my_page"))
        assert page.status_code == 302 and page["Location"].startswith(reverse("login"))
    assert colleague.get("/api/v1/me").json()["email"] == "asa@example.com"
    assert Session.objects.count() == 1
    # Olav signs in afresh, as anyone coming back does.
    assert signed_in("olav@example.com").get("/api/v1/me").json()["email"] == "olav@example.com"


def test_deactivating_through_the_admin_site_ends_sessions_too(cast):
    olav = signed_in("olav@example.com")
    admin = Client()
    admin.force_login(cast["admin"])
    url = reverse("admin:org_person_change", args=[cast["outsider"].pk])
    form = admin.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(groups=[], is_active="", password=data.get("password", ""))
    for field in ("unit", "manager", "position", "site"):
        data[field] = data.get(field) or ""
    data["employment_start"] = data.get("employment_start") or ""
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    cast["outsider"].refresh_from_db()
    assert not cast["outsider"].is_active
    assert olav.get("/api/v1/me").status_code == 401
    assert not cast["outsider"].api_tokens.filter(revoked_at__isnull=True).exists()


def test_an_administrator_cannot_deactivate_herself_in_the_admin_site(cast):
    ingrid = cast["admin"]
    admin = Client()
    admin.force_login(ingrid)
    url = reverse("admin:org_person_change", args=[ingrid.pk])
    form = admin.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(groups=[group.pk for group in ingrid.groups.all()], is_active="")
    response = admin.post(url, data)
    assert response.status_code == 200
    assert "You cannot deactivate yourself." in response.content.decode()
    ingrid.refresh_from_db()
    assert ingrid.is_active


def test_deactivating_a_person_stops_their_tokens_at_once(client, cast):
    _token, raw = token_create(actor=cast["outsider"], person=cast["outsider"], name="Script")
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    person_deactivate(actor=cast["admin"], person=cast["outsider"])
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert not ApiToken.objects.filter(revoked_at__isnull=True).exists()
