"""Equipment lost or returned damaged is reported as a deviation: follow-up answers equipment's
`loan_report` hook with its form, filled in with the loan."""

from django.urls import reverse

from distans.equipment import services
from distans.equipment.models import ItemType


def item(key):
    return ItemType.objects.get(key=key)


def test_a_lost_or_damaged_item_leads_to_a_deviation(client, cast):
    lost = services.loan_create(actor=cast["hr"], person=cast["employee"], item_type=item("mobile-phone"))
    damaged = services.loan_create(actor=cast["hr"], person=cast["employee"], item_type=item("headset"))
    client.force_login(cast["hr"])
    response = client.post(reverse("equipment:lost", args=[lost.pk]))
    lost.refresh_from_db()
    assert lost.status == "lost"
    assert response.url.startswith(reverse("followup:deviation_new")) and f"loan={lost.pk}" in response.url
    form = client.get(response.url).content.decode()
    assert f'<option value="{lost.pk}" selected>' in form
    response = client.post(reverse("equipment:return", args=[damaged.pk]), {"condition": "damaged"})
    assert f"loan={damaged.pk}" in response.url and "kind=lost_equipment" in response.url
