"""The agreement page shows follow-up's part: its evaluations for everyone who sees the agreement, and
booking one for the line manager and HR while it is in effect (followup answers `detail_sections`)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from distans.followup.models import EvaluationKind


def test_the_manager_may_book_an_evaluation_on_the_agreement_page_and_the_employee_sees_it_booked(
    client, cast, active
):
    page = reverse("agreements:detail", args=[active.pk])
    book = reverse("followup:book", args=[active.pk])
    client.force_login(cast["manager"])
    assert book in client.get(page).content.decode()
    due = timezone.localdate() + datetime.timedelta(days=7)
    client.post(book, {"due": due.isoformat()})
    client.force_login(cast["employee"])
    html = client.get(page).content.decode()
    assert book not in html
    evaluation = active.evaluations.get(kind=EvaluationKind.ON_DEMAND, due_date=due)
    assert reverse("followup:evaluation", args=[evaluation.pk]) in html
