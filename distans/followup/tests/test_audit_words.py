"""The audit log reads in the reader's language: the changes to a deviation, a loan and an evaluation
name every field in Swedish, people and things by their names and choices by their labels, never an id
or a code; the page costs the same few queries however many objects its entries refer to."""

import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from distans.equipment import services as equipment
from distans.equipment.models import ItemType
from distans.followup import services

# Words that are the same in English and Swedish.
SAME_IN_BOTH = {"Person", "Status", "Version"}


def _history(cast, active):
    employee, manager, hr = cast["employee"], cast["manager"], cast["hr"]
    deviation = services.deviation_report(
        actor=employee,
        person=employee,
        kind="security",
        description="The laptop was left on the train.",
        occurred_on=timezone.localdate(),
    )
    services.deviation_respond(actor=manager, deviation=deviation, note="Reported to IT.")
    services.deviation_close(
        actor=manager, deviation=deviation, actions_taken="A new laptop, encrypted.", consequence="talk"
    )
    loan = equipment.loan_create(
        actor=hr, person=employee, item_type=ItemType.objects.get(key="laptop"), serial_number="PF-1234"
    )
    equipment.loan_return(actor=hr, loan=loan, condition="worn")
    evaluation = services.evaluation_schedule_first(active)
    services.evaluation_hold(actor=manager, evaluation=evaluation, outcome="continue")


def _changes(client) -> tuple[str, list[str], list[str]]:
    log = client.get(reverse("core:audit_log")).content.decode().split("<tbody>")[1].split("</tbody>")[0]
    return log, re.findall(r"<dt>(.*?)</dt>", log), re.findall(r"<dd>(.*?)</dd>", log)


def test_changes_to_a_deviation_a_loan_and_an_evaluation_read_in_swedish(cast, active):
    _history(cast, active)
    hr = cast["hr"]
    client = Client()
    client.force_login(hr)
    hr.language = "en"
    hr.save()
    _log, english_fields, _values = _changes(client)
    hr.language = "sv"
    hr.save()
    log, fields, values = _changes(client)
    assert len(fields) == len(english_fields) > 6
    untranslated = {sv for sv, en in zip(fields, english_fields, strict=True) if sv == en} - SAME_IN_BOTH
    assert untranslated == set()
    rows = list(zip(fields, values, strict=True))
    shown = " | ".join(values)
    assert ("Person", "Åsa Öberg") in rows, "the person by name"
    references = {"Person", "Ansökan", "Överenskommelse", "Utrustning"}
    assert [row for row in rows if row[0] in references and re.search(r"(^|→ )\d+$", row[1])] == [], "no ids"
    assert "Bärbar dator" in shown and "laptop" not in shown, "the kind of equipment by name"
    assert "Säkerhetsincident" in shown and "Ett samtal" in shown and "Sliten" in shown
    assert ("Typ av uppföljning", "Regelbunden uppföljning") in rows
    assert "Uppföljning: Åsa Öberg: Regelbunden uppföljning" in log, "named in the reader's language"


def test_the_log_names_what_its_entries_refer_to_in_a_fixed_number_of_queries(
    cast, active, django_assert_max_num_queries
):
    _history(cast, active)
    hr = cast["hr"]
    client = Client()
    client.force_login(hr)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("core:audit_log"))
    people = [cast["manager"], cast["hr"], cast["admin"]]
    for number, person in enumerate(people):
        equipment.loan_create(
            actor=hr,
            person=person,
            item_type=ItemType.objects.get(key="screen"),
            serial_number=f"PF-{number}",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("core:audit_log")).content.decode()
    assert all(person.full_name in page for person in people)
