from django.core.management import call_command

from distans.checklists.models import Assignment, Response
from distans.checklists.queries import consistency, to_answer
from distans.checklists.rules import applies_to
from distans.core.translated import localized
from distans.org.models import Person


def test_demo_gives_the_demo_logins_work_and_the_reports_data(db, capsys):
    call_command("demo", "--people", "120")
    asa = Person.objects.get(email="asa.oberg@nordvik.example")
    bjorn = Person.objects.get(email="bjorn.ekstrom@nordvik.example")
    assert {row["assignment"].version.template.key for row in to_answer(asa)} == {
        "suitability",
        "it-security",
        "insurance",
    }
    assert [row["role"] for row in to_answer(bjorn)] == ["manager"]
    assert consistency()["overall"]["count"] >= 10
    pulse = Response.objects.filter(assignment__version__template__key="pulse", status="submitted")
    assert pulse.count() >= 5
    # Each answers only the questions for the person's country: no Danish insurance item for a Swede.
    answered = Response.objects.select_related("assignment__person").prefetch_related(
        "assignment__version__items"
    )
    foreign = [
        (response.assignment.person.country, localized(item.text))
        for response in answered
        for item in response.assignment.version.items.all()
        if str(item.pk) in response.answers
        and not applies_to(item.countries, response.assignment.person.country)
    ]
    assert foreign == []
    count = Assignment.objects.count()
    call_command("demo", "--people", "120")
    assert Assignment.objects.count() == count
