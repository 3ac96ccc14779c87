"""The accessibility statement: open to everyone, in each language, linked from every page's footer, with
the contact address from the settings and the supervisory authorities of the three countries."""

import pytest
from django.test import Client
from django.urls import reverse

STATEMENT = reverse("core:accessibility")


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Accessibility statement"),
        ("sv", "Tillgänglighetsredogörelse"),
        ("nb", "Tilgjengelighetserklæring"),
        ("da", "Tilgængelighedserklæring"),
    ],
)
def test_anyone_reads_the_statement_in_their_language_without_signing_in(db, language, heading):
    response = Client(headers={"accept-language": language}).get(STATEMENT)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    for authority in ("https://www.digg.se/", "https://www.uutilsynet.no/", "https://digst.dk/"):
        assert f'href="{authority}"' in page


def test_feedback_goes_to_the_address_in_the_settings(db, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@nordvik.example"
    page = Client().get(STATEMENT).content.decode()
    assert 'href="mailto:tillganglighet@nordvik.example"' in page


def test_without_a_setting_feedback_goes_to_the_sender_address(db, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "Distans <distans@nordvik.example>"
    page = Client().get(STATEMENT).content.decode()
    assert 'href="mailto:distans@nordvik.example"' in page


def test_every_page_links_to_the_statement_in_its_footer(client, cast):
    signed_out = client.get(reverse("login")).content.decode()
    client.force_login(cast["employee"])
    signed_in = client.get(reverse("core:my_page")).content.decode()
    for page in (signed_out, signed_in):
        footer = page.split('<footer class="site-footer">', 1)[1]
        assert f'href="{STATEMENT}"' in footer.split("</footer>", 1)[0]
