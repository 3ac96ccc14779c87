"""A request's history reads the audit log and says each step by its action's label, translated."""

import datetime
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from distans.arrangements.services import request_create, request_submit
from distans.arrangements.testing import assessed


def test_a_requests_history_says_each_step_by_its_label_in_the_readers_language(cast):
    person = cast["employee"]
    assessed(person, person.manager)
    remote = request_create(
        actor=person, person=person, days_per_week=Decimal(2), start_date=datetime.date(2030, 1, 7)
    )
    request_submit(actor=person, request=remote)
    person.language = "sv"
    person.save()
    client = Client()
    client.force_login(person)
    page = client.get(reverse("arrangements:detail", args=[remote.pk])).content.decode()
    assert "Skapad" in page and "Skickad för beslut" in page and "request.submit" not in page
