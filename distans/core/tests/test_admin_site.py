"""Django's admin site is the administrators': anyone else signed in gets the "Not allowed" page every
other page gives, someone not signed in signs in where everyone does, and the admin's own sign-in form,
which would bypass single sign-on and two-factor sign-in, is never shown. What it says is in the reader's
language: help texts, fieldsets, roles, audit actions."""

import pytest
from django.apps import apps
from django.test import Client
from django.utils import translation

from distans.core.audit import audit_record
from distans.core.audit_actions import CoreAudit
from distans.core.testing import CAST_PASSWORD

pytestmark = pytest.mark.django_db


def _in_swedish(person) -> Client:
    person.language = "sv"
    person.save()
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize("role", ["employee", "manager", "hr"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/org/person/", "/admin/login/"])
def test_someone_signed_in_who_is_no_administrator_is_not_allowed(cast, role, path):
    response = _in_swedish(cast[role]).get(path)
    page = response.content.decode()
    assert response.status_code == 403
    assert "Inte tillåtet" in page and "Tillbaka till Min sida" in page
    assert 'name="password"' not in page


def test_someone_not_signed_in_signs_in_where_everyone_does_and_comes_back(client, cast):
    response = client.get("/admin/org/person/", follow=True)
    assert response.redirect_chain[-1][0] == "/login/?next=/admin/org/person/"
    response = client.post(
        "/login/?next=/admin/org/person/", {"username": cast["admin"].email, "password": CAST_PASSWORD}
    )
    assert response.url == "/admin/org/person/"
    assert client.get(response.url).status_code == 200


def test_the_admins_own_sign_in_form_signs_no_one_in(client, cast):
    response = client.post("/admin/login/", {"username": cast["admin"].email, "password": CAST_PASSWORD})
    assert response.status_code == 302 and response.url.startswith("/login/")
    assert client.get("/admin/").status_code == 302


def test_an_administrator_uses_the_admin_site_in_her_language(cast):
    admin = _in_swedish(cast["admin"])
    assert admin.get("/admin/login/").url == "/admin/"
    page = admin.get(f"/admin/org/person/{cast['employee'].pk}/change/").content.decode()
    assert "Anställning och pendling" in page, "the fieldsets"
    assert "HR med beslutanderätt" in page and ">hr_approver<" not in page, "groups by their roles"
    audit_record(actor=cast["admin"], action=CoreAudit.PERSON_PREFERENCES, obj=cast["employee"])
    log = admin.get("/admin/core/auditentry/").content.decode()
    assert "Personliga inställningar ändrade" in log and ">person.preferences<" not in log


def test_every_help_text_is_in_the_readers_language():
    texts = {
        f"{model._meta.label}.{field.name}": field.help_text
        for model in apps.get_models()
        if model.__module__.startswith("distans.")
        for field in model._meta.get_fields()
        if getattr(field, "help_text", "")
    }
    assert texts
    with translation.override("en"):
        english = {name: str(text) for name, text in texts.items()}
    with translation.override("sv"):
        assert [name for name, text in texts.items() if str(text) == english[name]] == []
