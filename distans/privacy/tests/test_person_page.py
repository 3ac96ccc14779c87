"""A person's page shows HR the legal holds on her, and places one or records an access request for her,
a leaver too, without searching for her again."""

from django.urls import reverse

from distans.core.testing import html, session_client
from distans.org import services as org_services
from distans.privacy.models import AccessRequest, LegalHold


def test_hr_places_a_hold_and_records_a_request_from_a_leaver_s_page(cast):
    org_services.person_deactivate(actor=cast["admin"], person=cast["employee"])
    hr = session_client(cast["hr"])
    url = reverse("org:person", args=[cast["employee"].pk])
    page = html(hr.get(url))
    assert "No legal hold." in page and "Place a legal hold" in page and "Record an access request" in page
    token = hr.cookies["csrftoken"].value
    assert '<input type="hidden" name="back" value="person">' in page

    placed = hr.post(
        reverse("privacy:hold_place"),
        {
            "hold-person": cast["employee"].pk,
            "hold-person_text": "Åsa Öberg (asa@example.com)",
            "hold-reason": "Claim about overtime",
            "back": "person",
            "csrfmiddlewaretoken": token,
        },
    )
    assert LegalHold.objects.filter(person=cast["employee"], lifted_at__isnull=True).exists()
    assert placed.status_code == 302 and placed.url == url  # back where HR acted
    back = html(hr.get(url))
    assert "Claim about overtime" in back and "The legal hold is placed" in back
    # Lifting it from her page returns there too.
    hold = LegalHold.objects.get(person=cast["employee"])
    lift = reverse("privacy:hold_lift", args=[hold.pk]) + "?back=person"
    assert f'href="{lift}"' in back
    assert f'href="{url}"' in html(hr.get(lift))  # "Keep it" goes back to her
    lifted = hr.post(lift, {"reason": "Settled", "csrfmiddlewaretoken": token})
    assert lifted.status_code == 302 and lifted.url == url
    assert "No legal hold." in html(hr.get(url))

    answer = hr.post(
        reverse("privacy:overview"),
        {
            "access-person": cast["employee"].pk,
            "access-person_text": "Åsa Öberg (asa@example.com)",
            "access-received_on": "2026-11-30",
            "access-note": "Letter",
            "csrfmiddlewaretoken": token,
        },
    )
    assert answer.status_code == 302
    assert AccessRequest.objects.filter(person=cast["employee"], note="Letter").exists()


def test_only_hr_and_administrators_see_privacy_on_a_person_s_page(cast):
    LegalHold.objects.create(person=cast["employee"], reason="Claim about overtime", placed_by=cast["hr"])
    url = reverse("org:person", args=[cast["employee"].pk])
    assert "Claim about overtime" in html(session_client(cast["admin"]).get(url))
    for role in ["employee", "manager", "hr_approver"]:
        page = html(session_client(cast[role]).get(url))
        assert "Claim about overtime" not in page and "Place a legal hold" not in page, role


def test_a_hold_placed_on_the_privacy_page_stays_there_whatever_back_says(cast):
    hr = session_client(cast["hr"])
    hr.get(reverse("privacy:overview"))
    placed = hr.post(
        reverse("privacy:hold_place"),
        {
            "hold-person": cast["employee"].pk,
            "hold-reason": "Claim pending",
            "back": "https://elsewhere.example/",
            "csrfmiddlewaretoken": hr.cookies["csrftoken"].value,
        },
    )
    assert placed.status_code == 302 and placed.url == reverse("privacy:overview")
