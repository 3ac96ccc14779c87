from django.core.management import call_command

from distans.arrangements.models import Request
from distans.arrangements.queries import to_decide
from distans.org.models import Person


def test_demo_has_a_request_for_every_route(db, capsys):
    call_command("demo", "--people", "120")
    requests = Request.objects.select_related("person")
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
    thailand = requests.get(location="abroad")
    assert {"abroad_review", "abroad_social_security"} <= {finding["code"] for finding in thailand.findings}
    bjorn = Person.objects.get(email="bjorn.ekstrom@nordvik.example")
    assert {request.person.first_name for request in to_decide(bjorn)} == {"Åsa", "Niklas"}
    assert requests.get(status="draft").person.position.remote_suitability == "onsite"
    count = requests.count()
    call_command("demo", "--people", "120")
    assert Request.objects.count() == count
