from datetime import timedelta

from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from distans.agreements.history_demo import IMPORTED
from distans.agreements.models import Agreement, AgreementVersion
from distans.checklists.models import Assignment, Item, KnownFact
from distans.checklists.rules import whole_months


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


def test_demo_history_is_dated_when_it_happened(db):
    """The history the demo writes like an import keeps its own dates, and what Distans knows
    (months employed) is filled in from the employment start, as the services fill it in."""
    call_command("demo", "--people", "60")
    imported = AgreementVersion.objects.filter(signatures__user_agent=IMPORTED).distinct()
    assert imported.exists()
    for version in imported.select_related("agreement__request"):
        assert version.created_at == version.sent_at == version.agreement.created_at
        assert version.created_at.date() < version.effective_from
        decisions = version.agreement.request.decisions.order_by("step")
        assert [d.decided_at for d in decisions][-1] == version.agreement.request.decided_at
    assignments = Assignment.objects.filter(
        status="completed", completed_at__lt=timezone.now() - timedelta(days=20)
    )
    assert assignments.exists()
    months_items = {
        str(pk) for pk in Item.objects.filter(known=KnownFact.MONTHS_EMPLOYED).values_list("pk", flat=True)
    }
    checked = 0
    for assignment in assignments.select_related("person").prefetch_related("responses"):
        assert assignment.created_at < assignment.completed_at
        expected = whole_months(assignment.person.employment_start, assignment.completed_at.date())
        for response in assignment.responses.all():
            for item_id in months_items & response.answers.keys():
                assert response.answers[item_id] == expected and expected >= 1
                checked += 1
    assert checked, "the suitability assessments ask for the months of employment"
