"""A realistic, deterministic Nordic organisation for trying Distans and for benchmarks.

Nordvik Group has offices in Sweden, Norway and Denmark, six departments split into teams of
about ten, positions of all three remote-suitability kinds, and one colleague who works from
Thailand (seed 003). The same --people and --seed always give the same organisation.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from distans.core.roles import Role
from distans.org.models import CommuteMode, Person, Position, RemoteSuitability, Site, Unit
from distans.org.rules import fold

DOMAIN = "nordvik.example"
DEMO_PASSWORD = "distans-demo"

FIRST_NAMES = {
    "SE": [
        "Anna",
        "Björn",
        "Åsa",
        "Erik",
        "Karin",
        "Lars",
        "Maja",
        "Oskar",
        "Sofia",
        "Göran",
        "Elin",
        "Johan",
        "Linnéa",
        "Mikael",
        "Ingrid",
        "Pär",
        "Märta",
        "Håkan",
        "Ebba",
        "Nils",
    ],
    "NO": [
        "Ola",
        "Kari",
        "Sigrid",
        "Håvard",
        "Ingvild",
        "Øystein",
        "Solveig",
        "Bjørn",
        "Tone",
        "Jørgen",
        "Astrid",
        "Knut",
        "Siri",
        "Pål",
        "Ragnhild",
        "Eirik",
        "Marte",
        "Trond",
    ],
    "DK": [
        "Mette",
        "Søren",
        "Anders",
        "Lærke",
        "Mads",
        "Frederikke",
        "Jens",
        "Sørine",
        "Rasmus",
        "Ida",
        "Niels",
        "Karoline",
        "Bjørk",
        "Signe",
        "Mikkel",
        "Astrid",
        "Thorbjørn",
        "Freja",
    ],
}
LAST_NAMES = {
    "SE": [
        "Öberg",
        "Ekström",
        "Lindqvist",
        "Åström",
        "Bergström",
        "Nyström",
        "Sjöberg",
        "Löfgren",
        "Ståhl",
        "Wallin",
        "Holmén",
        "Näslund",
        "Forsberg",
        "Hägg",
        "Lundén",
    ],
    "NO": [
        "Nygård",
        "Haugen",
        "Bakke",
        "Sæther",
        "Østby",
        "Solberg",
        "Bråten",
        "Løvås",
        "Hansen",
        "Moe",
        "Strøm",
        "Aasen",
        "Kvalø",
        "Dahl",
        "Rønning",
    ],
    "DK": [
        "Søndergaard",
        "Kjær",
        "Møller",
        "Jørgensen",
        "Lykke",
        "Bækgaard",
        "Thygesen",
        "Nørgaard",
        "Holm",
        "Damgaard",
        "Løkke",
        "Kristensen",
        "Vestergaard",
        "Friis",
    ],
}
PHONE_PREFIX = {"SE": "+46 70", "NO": "+47 9", "DK": "+45 2"}
TIME_ZONE = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen"}
LANGUAGE = {"SE": "sv", "NO": "nb", "DK": "da"}

SITES = [
    ("STO", "Stockholm, Kungsholmen", "Fleminggatan 18, 112 26 Stockholm", "SE"),
    ("GOT", "Göteborg, Lindholmen", "Lindholmspiren 7, 417 56 Göteborg", "SE"),
    ("OSL", "Oslo, Bjørvika", "Dronning Eufemias gate 16, 0191 Oslo", "NO"),
    ("BGO", "Bergen, Solheimsviken", "Damsgårdsveien 35, 5058 Bergen", "NO"),
    ("CPH", "København, Ørestad", "Ørestads Boulevard 73, 2300 København S", "DK"),
    ("AAR", "Aarhus, Åbyhøj", "Søren Frichs Vej 38, 8230 Åbyhøj", "DK"),
]
# Operations and Logistics work at the distribution centres, where everyone has a workstation; the
# offices above have desks for the hybrid staff (sized by the weekly plans' demo).
DEPOTS = [
    ("JKG", "Jönköping, distributionscentral", "Logistikgatan 4, 553 02 Jönköping", "SE"),
    ("GRD", "Gardermoen, distribusjonssenter", "Gardermoveien 12, 2060 Gardermoen", "NO"),
    ("KOL", "Kolding, distributionscenter", "Trianglen 10, 6000 Kolding", "DK"),
]
DEPOT_DEPARTMENT = "OPS"
# Each country names its positions in its own language, as its teams are named: code, remote
# suitability, and the name in Sweden, Norway and Denmark.
POSITIONS = {
    "CEO": (RemoteSuitability.PARTLY, "Vd", "Administrerende direktør", "Administrerende direktør"),
    "HEAD": (RemoteSuitability.PARTLY, "Avdelningschef", "Avdelingsleder", "Afdelingsleder"),
    "TL": (RemoteSuitability.PARTLY, "Teamledare", "Teamleder", "Teamleder"),
    "DEV": (RemoteSuitability.FULLY, "Systemutvecklare", "Systemutvikler", "Systemudvikler"),
    "ITS": (RemoteSuitability.PARTLY, "IT-supporttekniker", "IT-supporttekniker", "IT-supporter"),
    "CSA": (
        RemoteSuitability.PARTLY,
        "Kundtjänstmedarbetare",
        "Kundeservicemedarbeider",
        "Kundeservicemedarbejder",
    ),
    "HRP": (RemoteSuitability.PARTLY, "HR-partner", "HR-partner", "HR-partner"),
    "ACC": (RemoteSuitability.PARTLY, "Redovisningsekonom", "Regnskapsøkonom", "Regnskabsmedarbejder"),
    "KAM": (
        RemoteSuitability.FULLY,
        "Kundansvarig säljare",
        "Kundeansvarlig selger",
        "Kundeansvarlig sælger",
    ),
    "WHS": (RemoteSuitability.ONSITE, "Lagermedarbetare", "Lagermedarbeider", "Lagermedarbejder"),
    "REC": (RemoteSuitability.ONSITE, "Receptionist", "Resepsjonist", "Receptionist"),
    "LAB": (RemoteSuitability.ONSITE, "Kvalitetstekniker", "Kvalitetstekniker", "Kvalitetstekniker"),
}
POSITION_COUNTRIES = ("SE", "NO", "DK")
# code, name (the group's, run from Stockholm), share of the staff, position mix of its team members
DEPARTMENTS = [
    ("CS", "Kundtjänst", 0.30, ["CSA"] * 9 + ["REC"]),
    ("OPS", "Drift och logistik", 0.25, ["WHS"] * 7 + ["LAB"] * 3),
    ("IT", "IT", 0.15, ["DEV"] * 7 + ["ITS"] * 3),
    ("SAL", "Försäljning", 0.15, ["KAM"]),
    ("FIN", "Ekonomi", 0.08, ["ACC"]),
    ("HR", "HR", 0.07, ["HRP"]),
]
# Each country names its own teams: "Kundeservice Norge 2".
TEAM_NAMES = {
    "CS": {"SE": "Kundtjänst", "NO": "Kundeservice", "DK": "Kundeservice"},
    "OPS": {"SE": "Logistik", "NO": "Logistikk", "DK": "Logistik"},
    "IT": {"SE": "IT", "NO": "IT", "DK": "IT"},
    "SAL": {"SE": "Försäljning", "NO": "Salg", "DK": "Salg"},
    "FIN": {"SE": "Ekonomi", "NO": "Økonomi", "DK": "Økonomi"},
    "HR": {"SE": "HR", "NO": "HR", "DK": "HR"},
}
COUNTRY_NAME = {"SE": "Sverige", "NO": "Norge", "DK": "Danmark"}
TEAM_SIZE = 10

# The people whose logins the demo prints: (role, first name, last name, country).
DEMO_LOGINS = {
    "employee": ("Åsa", "Öberg", "SE"),
    "manager": ("Björn", "Ekström", "SE"),
    "hr_approver": ("Karin", "Ståhl", "SE"),
    "hr": ("Elin", "Sjöberg", "SE"),
    "admin": ("Ingrid", "Nyström", "SE"),
}
ABROAD = ("Niklas", "Lindgren", "Asia/Bangkok")
RESERVED_NAMES = {(first, last) for first, last, _c in DEMO_LOGINS.values()} | {ABROAD[:2]}


@dataclass
class Login:
    role: str
    name: str
    email: str


def email_for(first: str, last: str, taken: set[str]) -> str:
    base = f"{fold(first)}.{fold(last)}".replace(" ", "")
    candidate, n = f"{base}@{DOMAIN}", 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}@{DOMAIN}"
    taken.add(candidate)
    return candidate


def demo_logins() -> list[Login]:
    return [
        Login(role, f"{first} {last}", f"{fold(first)}.{fold(last)}@{DOMAIN}")
        for role, (first, last, _country) in DEMO_LOGINS.items()
    ]


def is_loaded() -> bool:
    return Person.objects.filter(email=demo_logins()[-1].email).exists()


class _Builder:
    def __init__(self, people: int, seed: int):
        self.rng = random.Random(seed)
        self.target = people
        self.count = 0
        # Reserved, so that a random colleague never takes a demo login's address.
        self.emails: set[str] = {login.email for login in demo_logins()}
        self.sites: dict[str, Site] = {}
        self.positions: dict[tuple[str, str], Position] = {}
        self.fixed: dict[str, Person] = {}
        self.names_in_unit: dict[int, set[tuple[str, str]]] = {}
        # Everyone can sign in with the demo password (one hash for all: hashing is slow by design).
        self.password = make_password(DEMO_PASSWORD)

    def person(
        self,
        *,
        unit: Unit,
        position: str,
        country: str,
        manager: Person | None,
        name: tuple[str, str] | None = None,
        site: Site | None = None,
    ) -> Person:
        rng = self.rng
        self.count += 1
        if name:
            first, last = name
            email = f"{fold(first)}.{fold(last)}@{DOMAIN}"
        else:
            # Nobody shares a name with a demo login, nor with a colleague in the same unit.
            first, last = rng.choice(FIRST_NAMES[country]), rng.choice(LAST_NAMES[country])
            taken = self.names_in_unit.setdefault(unit.pk, set())
            while (first, last) in RESERVED_NAMES or (first, last) in taken:
                first = rng.choice(FIRST_NAMES[country])
            taken.add((first, last))
            email = email_for(first, last, self.emails)
        number = f"E{self.count:06d}"
        distance = Decimal(str(round(min(rng.lognormvariate(2.3, 0.8), 120), 1)))
        mode = (
            CommuteMode.WALK
            if distance < 2
            else CommuteMode.BICYCLE
            if distance < 6
            else rng.choice([CommuteMode.PUBLIC, CommuteMode.PUBLIC, CommuteMode.CAR])
        )
        person = Person(
            email=email,
            first_name=first,
            last_name=last,
            employee_number=number,
            phone=f"{PHONE_PREFIX[country]} {rng.randint(100, 999)} {rng.randint(10, 99)} "
            f"{rng.randint(10, 99)}",
            unit=unit,
            manager=manager,
            position=self.position(position, country),
            site=site or self.sites[self.site_codes(country)[0]],
            country=country,
            time_zone=ABROAD[2] if (first, last) == ABROAD[:2] else TIME_ZONE[country],
            language=LANGUAGE[country],
            employment_start=date(2026, 1, 1) - timedelta(days=rng.randint(30, 365 * 22)),
            commute_distance_km=distance,
            commute_mode=mode,
            password=self.password,
        )
        person.index_for_search()
        return person

    def position(self, code: str, country: str) -> Position:
        """The position in the language of the country where the person works, made on first use."""
        if (code, country) not in self.positions:
            suitability, *names = POSITIONS[code]
            self.positions[(code, country)] = Position.objects.create(
                code=f"{code}-{country}",
                name=names[POSITION_COUNTRIES.index(country)],
                remote_suitability=suitability,
            )
        return self.positions[(code, country)]

    @staticmethod
    def site_codes(country: str) -> list[str]:
        return [code for code, _name, _address, c in SITES if c == country]

    def build(self) -> None:
        for code, name, address, country in SITES + DEPOTS:
            self.sites[code] = Site.objects.create(
                code=code,
                name=name,
                address=address,
                country=country,
                time_zone=TIME_ZONE[country],
                desk_capacity=max(10, self.target // 12),
            )
        top = Unit.objects.create(code="NORDVIK", name="Nordvik Group")
        ceo = self.save([self.person(unit=top, position="CEO", country="SE", manager=None)])[0]
        top.manager = ceo
        departments = [Unit(code=code, name=name, parent=top) for code, name, *_ in DEPARTMENTS]
        Unit.objects.bulk_create(departments)
        heads = self.save(
            [
                self.person(
                    unit=unit,
                    position="HEAD",
                    country="SE",
                    manager=ceo,
                    name=DEMO_LOGINS["hr_approver"][:2] if unit.code == "HR" else None,
                )
                for unit in departments
            ]
        )
        for unit, head in zip(departments, heads, strict=True):
            unit.manager = head
        self.fixed["hr_approver"] = heads[[d[0] for d in DEPARTMENTS].index("HR")]
        remaining = max(self.target - self.count, 0)
        teams, team_specs = [], []
        offices_used = {"SE": 0, "NO": 0, "DK": 0}  # each country's teams alternate between its offices
        for (code, _name, share, mix), department, head in zip(DEPARTMENTS, departments, heads, strict=True):
            n_teams = max(1, round(remaining * share / TEAM_SIZE))
            for i in range(n_teams):
                country = ["SE", "NO", "DK"][i % 3]
                number = i // 3 + 1
                if code == DEPOT_DEPARTMENT:
                    site = self.sites[next(depot for depot, *_rest, c in DEPOTS if c == country)]
                else:
                    site = self.sites[self.site_codes(country)[offices_used[country] % 2]]
                    offices_used[country] += 1
                teams.append(
                    Unit(
                        code=f"{code}-{country}-{number}",
                        parent=department,
                        name=f"{TEAM_NAMES[code][country]} {COUNTRY_NAME[country]} {number}",
                    )
                )
                team_specs.append((country, site, mix, head))
        Unit.objects.bulk_create(teams, batch_size=1000)
        leaders = self.save(
            [
                self.person(
                    unit=team,
                    position="TL",
                    country=country,
                    manager=head,
                    site=site,
                    name=self.fixed_name(team, "manager"),
                )
                for team, (country, site, _mix, head) in zip(teams, team_specs, strict=True)
            ]
        )
        for team, leader in zip(teams, leaders, strict=True):
            team.manager = leader
        members = []
        per_team = max(self.target - self.count, 0) // max(len(teams), 1)
        extra = max(self.target - self.count, 0) - per_team * len(teams)
        for index, (team, leader, (country, site, mix, _head)) in enumerate(
            zip(teams, leaders, team_specs, strict=True)
        ):
            for slot in range(per_team + (1 if index < extra else 0)):
                fixed = self.fixed_name(team, slot)
                members.append(
                    self.person(
                        unit=team,
                        position=mix[slot % len(mix)],
                        country=country,
                        manager=leader,
                        site=site,
                        name=fixed,
                    )
                )
        members = self.save(members)
        Unit.objects.bulk_update([top, *departments, *teams], ["manager"], batch_size=1000)
        self.assign_roles(leaders + members)
        for code, *_rest in DEPOTS:  # a workstation for everyone at a distribution centre
            depot = self.sites[code]
            depot.desk_capacity = Person.objects.filter(site=depot).count()
            depot.save(update_fields=["desk_capacity"])

    @staticmethod
    def fixed_name(team: Unit, slot: str | int) -> tuple[str, str] | None:
        """The demo logins sit in the first Swedish teams, which every demo size has."""
        wanted = {
            ("CS-SE-1", "manager"): DEMO_LOGINS["manager"],
            ("CS-SE-1", 0): DEMO_LOGINS["employee"],
            ("CS-SE-1", 1): ABROAD,
            ("HR-SE-1", 0): DEMO_LOGINS["hr"],
            ("IT-SE-1", 0): DEMO_LOGINS["admin"],
        }.get((team.code, slot))
        return wanted[:2] if wanted else None

    def save(self, people: list[Person]) -> list[Person]:
        return Person.objects.bulk_create(people, batch_size=2000)

    def assign_roles(self, people: list[Person]) -> None:
        by_name = {(p.first_name, p.last_name): p for p in people}
        self.fixed.update(
            {
                role: by_name[(first, last)]
                for role, (first, last, _c) in DEMO_LOGINS.items()
                if (first, last) in by_name
            }
        )
        groups = {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}
        self.fixed["hr_approver"].groups.add(groups[Role.HR_APPROVER], groups[Role.HR])
        self.fixed["hr"].groups.add(groups[Role.HR])
        self.fixed["admin"].groups.add(groups[Role.ADMIN])
        # The demo logins start in English; each can switch language in the menu.
        Person.objects.filter(pk__in=[p.pk for p in self.fixed.values()]).update(language="en")


MIN_PEOPLE = 60


def demo_load(*, people: int = 300, seed: int = 1) -> bool:
    """Load the demo organisation unless it is there already; True when it loaded it."""
    if people < MIN_PEOPLE:
        raise ValueError(f"The demo organisation needs at least {MIN_PEOPLE} people.")
    if is_loaded():
        return False
    with transaction.atomic():
        _Builder(people, seed).build()
    return True
