from django.core.management import call_command

from distans.agreements.models import Agreement
from distans.arrangements.models import Request
from distans.arrangements.queries import to_decide
from distans.org.models import Person


def test_demo_has_a_request_for_every_route(db, capsys):
    call_command("demo", "--people", "120")
    # The requests behind the demo's active agreements are shown by agreements' demo test.
    requests = Request.objects.select_related("person").exclude(
        pk__in=Agreement.objects.filter(status="active").values("request")
    )
    approved = requests.get(status="approved")
    assert (approved.person.country, approved.days_per_week, approved.route) == ("SE", 2, ["manager"])
    norwegian = requests.get(person__country="NO")
    assert (norwegian.days_per_week, norwegian.route, norwegian.current_step) == (
        3,
        ["manager", "hr_approver"],
        "hr_approver",
    )
    karin = Person.objects.get(email="karin.stahl@nordvik.example")
    assert norwegian in to_decide(karin)
    spain = requests.get(location="abroad")
    assert {"abroad_review", "abroad_social_security"} <= {finding["code"] for finding in spain.findings}
    bjorn = Person.objects.get(email="bjorn.ekstrom@nordvik.example")
    (asa_request,) = to_decide(bjorn)
    assert (asa_request.person.first_name, asa_request.days_per_week) == ("Åsa", 3)
    assert asa_request.person.agreements.get(status="active").days_per_week == 2  # the change she asks for
    assert requests.get(status="draft").person.position.remote_suitability == "onsite"
    count = Request.objects.count()
    call_command("demo", "--people", "120")
    assert Request.objects.count() == count
