"""A form's change address opened by hand (a bookmark, a pasted link, a reload) says in the reader's
language that nothing was changed and leads back, never the browser's bare "method not allowed"."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def signed_in(person, language="en") -> Client:
    person.language = language
    person.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    return client


def test_it_leads_back_to_the_page_the_reader_came_from(cast):
    client = signed_in(cast["employee"], "sv")
    profile = "http://testserver" + reverse("core:profile")
    response = client.get(reverse("core:language"), headers={"referer": profile})
    page = response.content.decode()
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "Inget ändrades" in page and f'href="{profile}"' in page


def test_without_a_page_of_its_own_it_leads_to_the_nearest_page_above_or_my_page(cast):
    client = signed_in(cast["employee"], "da")
    elsewhere = {"referer": "https://elsewhere.example/trap"}
    revoke = client.get(reverse("core:token_revoke", args=[1]), headers=elsewhere).content.decode()
    # Above it, /profile/tokens/ is itself a change address: the way back skips it for the profile.
    assert f'href="{reverse("core:profile")}"' in revoke and "elsewhere" not in revoke
    page = client.get(reverse("core:language")).content.decode()
    assert "Intet blev ændret" in page and f'href="{reverse("core:my_page")}"' in page


def test_the_api_keeps_its_own_error_body(cast):
    client = signed_in(cast["employee"])
    response = client.put("/api/v1/me")
    assert response.status_code == 405 and response.json()["code"]
