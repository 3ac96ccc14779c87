from django.urls import reverse

from distans.core.models import AuditEntry
from distans.core.testing import html


def test_admin_edits_a_person_in_the_admin_site_and_it_is_audited_and_searchable(client, cast):
    client.force_login(cast["admin"])
    asa = cast["employee"]
    url = reverse("admin:org_person_change", args=[asa.pk])
    assert "Öberg" in html(client.get(url))
    data = {
        "email": asa.email,
        "first_name": "Åsa",
        "last_name": "Öberg-Nilsson",
        "employee_number": asa.employee_number,
        "phone": "",
        "unit": asa.unit_id,
        "manager": asa.manager_id,
        "position": asa.position_id,
        "site": asa.site_id,
        "country": "SE",
        "language": "sv",
        "time_zone": "Europe/Stockholm",
        "employment_start": "",
        "commute_distance_km": "",
        "commute_mode": "",
        "is_active": "on",
        "groups": [],
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin.change")
    assert entry.actor == cast["admin"] and "last_name" in entry.changes
    client.force_login(cast["outsider"])
    assert "Åsa Öberg-Nilsson" in html(client.get(reverse("org:directory"), {"q": "nilsson"}))


def test_admin_can_open_the_add_person_form(client, cast):
    client.force_login(cast["admin"])
    assert "password1" in html(client.get(reverse("admin:org_person_add")))
