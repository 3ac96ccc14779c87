import pytest
from django.core.management import call_command

from distans.org.demo import demo_load, demo_logins
from distans.org.models import Person, RemoteSuitability, Site, Unit
from distans.org.rules import find_cycle


@pytest.mark.django_db
def test_demo_is_realistic_and_nordic(capsys):
    call_command("demo", "--people", "300")  # as `make run` builds it
    assert Person.objects.count() == 300
    assert set(Site.objects.values_list("country", flat=True)) == {"SE", "NO", "DK"}
    kinds = set(Person.objects.values_list("position__remote_suitability", flat=True))
    assert kinds == {s.value for s in RemoteSuitability}
    names = "".join(Person.objects.values_list("last_name", flat=True))
    assert all(letter in names for letter in "åäöøæ")
    assert Person.objects.filter(time_zone="Asia/Bangkok").count() == 1
    parents = dict(Unit.objects.values_list("code", "parent__code"))
    assert find_cycle(parents) is None and Unit.objects.filter(manager__isnull=True).count() == 0
    assert Person.objects.filter(manager__isnull=True).count() == 1  # only the chief executive
    # A manager tells their people apart by name: no two in one unit share one.
    named = Person.objects.values_list("unit", "first_name", "last_name")
    assert len(set(named)) == len(named)
    # Positions are named in the language of the country where the person works.
    titles = {
        country: set(Person.objects.filter(country=country).values_list("position__name", flat=True))
        for country in ("SE", "NO", "DK")
    }
    assert titles["SE"] >= {"Vd", "Kundtjänstmedarbetare", "Lagermedarbetare"}
    assert titles["NO"] >= {"Kundeservicemedarbeider", "Lagermedarbeider"}
    assert titles["DK"] >= {"Kundeservicemedarbejder", "Lagermedarbejder"}
    assert not titles["NO"] & titles["SE"] - {"HR-partner", "IT-supporttekniker", "Kvalitetstekniker"}
    out = capsys.readouterr().out
    for login in demo_logins():
        assert login.email in out
        assert Person.objects.get(email=login.email).check_password("distans-demo")


@pytest.mark.django_db
def test_demo_twice_changes_nothing(capsys):
    call_command("demo", "--people", "80")
    before = list(Person.objects.order_by("pk").values_list("pk", "email", "updated_at"))
    call_command("demo", "--people", "80")
    assert "nothing changed" in capsys.readouterr().out
    assert list(Person.objects.order_by("pk").values_list("pk", "email", "updated_at")) == before


@pytest.mark.django_db
def test_same_seed_gives_the_same_organisation():
    demo_load(people=90, seed=11)
    first = list(
        Person.objects.order_by("employee_number").values_list(
            "employee_number", "email", "unit__code", "manager__employee_number"
        )
    )
    Person.objects.all().delete()
    Unit.objects.update(parent=None)
    Unit.objects.all().delete()
    Site.objects.all().delete()
    from distans.org.models import Position

    Position.objects.all().delete()
    demo_load(people=90, seed=11)
    again = list(
        Person.objects.order_by("employee_number").values_list(
            "employee_number", "email", "unit__code", "manager__employee_number"
        )
    )
    assert again == first
