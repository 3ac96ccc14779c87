"""The fixed cast every test module can use, like healthchecks' Alice, Bob and Charlie.

Åsa is an employee in Support Sweden; Björn is her line manager; Cecilia manages Björn (so she
sees Åsa transitively); Karin is the HR approver, Elin works in HR, Ingrid is the administrator;
Olav works in another unit and manages nobody.
"""

import pytest
from django.contrib.auth.models import Group

from distans.org.models import Person, Position, RemoteSuitability, Role, Site, Unit


@pytest.fixture
def site(db):
    return Site.objects.create(code="STO", name="Stockholm", country="SE", desk_capacity=40)


@pytest.fixture
def position(db):
    return Position.objects.create(code="CSA", name="Customer service adviser",
                                   remote_suitability=RemoteSuitability.PARTLY)


@pytest.fixture
def units(db):
    top = Unit.objects.create(code="TOP", name="Nordvik")
    support = Unit.objects.create(code="SUP", name="Support Sweden", parent=top)
    sales = Unit.objects.create(code="SAL", name="Sales Norway", parent=top)
    return {"top": top, "support": support, "sales": sales}


def make_person(email, first, last, number, *, unit=None, manager=None, roles=(), **extra):
    person = Person.objects.create_user(
        email, "correct horse battery", first_name=first, last_name=last,
        employee_number=number, unit=unit, manager=manager, **extra)
    for role in roles:
        person.groups.add(Group.objects.get(name=role.value))
    return person


@pytest.fixture
def cast(db, units, site, position):
    cecilia = make_person("cecilia@example.com", "Cecilia", "Wahlberg", "100", unit=units["top"])
    bjorn = make_person("bjorn@example.com", "Björn", "Ekström", "101", unit=units["support"],
                        manager=cecilia, site=site)
    asa = make_person("asa@example.com", "Åsa", "Öberg", "102", unit=units["support"],
                      manager=bjorn, site=site, position=position)
    karin = make_person("karin@example.com", "Karin", "Ståhl", "103", unit=units["top"],
                        manager=cecilia, roles=[Role.HR_APPROVER])
    elin = make_person("elin@example.com", "Elin", "Sjöberg", "104", unit=units["top"],
                       manager=karin, roles=[Role.HR])
    ingrid = make_person("ingrid@example.com", "Ingrid", "Nyström", "105", unit=units["top"],
                         manager=cecilia, roles=[Role.ADMIN])
    olav = make_person("olav@example.com", "Olav", "Haugen", "106", unit=units["sales"],
                       manager=cecilia, country="NO", time_zone="Europe/Oslo")
    units["support"].manager = bjorn
    units["support"].save()
    return {"skip": cecilia, "manager": bjorn, "employee": asa, "hr_approver": karin, "hr": elin,
            "admin": ingrid, "outsider": olav}
