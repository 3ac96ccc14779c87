from django.core.management import call_command
from django.db.models import Count

from distans.agreements.models import Agreement


def test_demo_has_agreements_in_effect_in_every_country(db):
    call_command("demo", "--people", "120")
    active = Agreement.objects.filter(status="active")
    assert set(active.values_list("country", flat=True)) == {"SE", "NO", "DK"}
    amended = active.annotate(number=Count("versions")).get(number=2)
    assert amended.country == "NO" and amended.days_per_week == 2
    assert [v.status for v in amended.versions.order_by("number")] == ["superseded", "signed"]
    assert all(a.versions.get(status="signed").signatures.count() == 2 for a in active)
    assert Agreement.objects.filter(status="draft").exists(), "an approved request waiting for HR to send"
    count = active.count()
    call_command("demo", "--people", "120")
    assert Agreement.objects.filter(status="active").count() == count
