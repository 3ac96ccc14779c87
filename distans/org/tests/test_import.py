"""Importing the organisation from CSV: all or nothing, every problem listed with its row."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from distans.core.models import AuditEntry
from distans.org.importing import ImportRejected
from distans.org.models import Person, Position, Site, Unit
from distans.org.services import org_import
from distans.org.testing import GOOD_ROWS, csv_bytes


def problems_of(data):
    with pytest.raises(ImportRejected) as caught:
        org_import(actor=None, data=data)
    return caught.value.problems


@pytest.mark.django_db
def test_file_with_bom_semicolons_and_nordic_letters_imports_everything():
    summary = org_import(actor=None, data=csv_bytes(GOOD_ROWS))
    assert (summary.created, summary.updated, summary.units_created) == (4, 0, 3)
    asa = Person.objects.get(employee_number="3")
    assert asa.full_name == "Åsa Öberg"
    assert asa.manager.full_name == "Björn Åström"
    assert asa.unit.parent.code == "HQ"
    assert Unit.objects.get(code="SUP").manager == asa.manager
    sigrid = Person.objects.get(employee_number="1")
    assert str(sigrid.commute_distance_km) == "12.5"
    assert sigrid.employment_start.isoformat() == "2015-03-01"
    assert (sigrid.language, sigrid.time_zone) == ("nb", "Europe/Oslo")
    assert Position.objects.get(code="WHS").remote_suitability == "onsite"
    assert Site.objects.get(code="CPH").country == "DK"
    assert not asa.has_usable_password()


@pytest.mark.django_db
def test_comma_separated_file_without_bom_imports():
    rows = [row.replace(",", ".") for row in GOOD_ROWS]
    summary = org_import(actor=None, data=csv_bytes(rows, bom=False, delimiter=","))
    assert summary.created == 4


@pytest.mark.django_db
def test_reimport_updates_by_employee_number_and_keeps_what_the_file_does_not_mention():
    org_import(actor=None, data=csv_bytes(GOOD_ROWS))
    Person.objects.filter(employee_number="3").update(phone="+46 70 111 22 33")
    second = csv_bytes(
        ["3;asa.oberg@nordvik.example;Åsa;Öberg-Lind;SUP"],
        header="employee_number;email;first_name;last_name;unit;country".replace(";country", ""),
    )
    with pytest.raises(ImportRejected):  # country is a required column
        org_import(actor=None, data=second)
    second = csv_bytes(
        ["3;asa.oberg@nordvik.example;Åsa;Öberg-Lind;SUP;SE;"],
        header="employee_number;email;first_name;last_name;unit;country;phone",
    )
    summary = org_import(actor=None, data=second)
    assert (summary.created, summary.updated) == (0, 1)
    asa = Person.objects.get(employee_number="3")
    assert asa.last_name == "Öberg-Lind" and asa.email == "asa.oberg@nordvik.example"
    assert asa.phone == "+46 70 111 22 33"  # empty cell: unchanged
    assert asa.manager.employee_number == "2"  # column absent: unchanged
    assert asa.employment_start.isoformat() == "2021-01-04"
    assert Person.objects.count() == 4  # people not in the file are left alone
    entry = AuditEntry.objects.filter(action="org.import").first()
    assert entry.changes["updated"]["3"]["last_name"] == ["Öberg", "Öberg-Lind"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "row, column, words",
    [
        ("5;new@nordvik.example;Ny;Person;SUP;;;99;;;;;;;SE;;;", "manager", "99"),
        ("5;asa@nordvik.example;Ny;Person;SUP;;;;;;;;;;SE;;;", "email", "row 4"),
        ("5;new@nordvik.example;Ny;Person;SUP;;;;;;;;;;SE;31.02.2020;;", "employment_start", "31.02.2020"),
        ("5;new@nordvik.example;Ny;Person;SUP;;;;;;;;;;Finland;;;", "country", "Finland"),
        ("5;not-an-email;Ny;Person;SUP;;;;;;;;;;SE;;;", "email", "not-an-email"),
        ("5;new@nordvik.example;Ny;Person;NEW;;;;;;;;;;SE;;;", "unit_name", "NEW"),
        ("5;new@nordvik.example;Ny;Person;SUP;;;;;;;;;;SE;;tolv;", "commute_km", "tolv"),
        ("5;new@nordvik.example;Ny;Person;SUP;;;;;DEV;Developer;;;;SE;;;", "remote_suitability", "DEV"),
    ],
)
def test_a_bad_row_rejects_the_whole_file_and_names_row_and_problem(row, column, words):
    problems = problems_of(csv_bytes([*GOOD_ROWS, row]))
    assert [(p.row, p.column) for p in problems] == [(6, column)]
    assert words in problems[0].message
    assert Person.objects.count() == 0 and Unit.objects.count() == 0


@pytest.mark.django_db
def test_cycle_in_the_unit_tree_is_rejected():
    rows = [
        *GOOD_ROWS,
        "5;a@nordvik.example;A;A;X1;X one;X2;;;;;;;;SE;;;",
        "6;b@nordvik.example;B;B;X2;X two;X1;;;;;;;;SE;;;",
    ]
    problems = problems_of(csv_bytes(rows))
    assert any(
        p.column == "parent_unit" and "X1 → X2 → X1" in p.message or "X2 → X1 → X2" in p.message
        for p in problems
    )


@pytest.mark.django_db
def test_cycle_of_managers_is_rejected():
    rows = [
        *GOOD_ROWS,
        "5;a@nordvik.example;A;A;SUP;;;6;;;;;;;SE;;;",
        "6;b@nordvik.example;B;B;SUP;;;5;;;;;;;SE;;;",
    ]
    problems = problems_of(csv_bytes(rows))
    assert [p.column for p in problems] == ["manager"]


@pytest.mark.django_db
def test_every_problem_is_listed_not_just_the_first():
    rows = [*GOOD_ROWS, "5;bad;;Person;SUP;;;;;;;;;;Mars;;;", "2;x@nordvik.example;X;Y;SUP;;;;;;;;;;SE;;;"]
    problems = problems_of(csv_bytes(rows))
    found = {(p.row, p.column) for p in problems}
    assert {(6, "email"), (6, "first_name"), (6, "country"), (7, "employee_number")} <= found


@pytest.mark.django_db
def test_missing_required_column_and_non_utf8_file_are_explained():
    problems = problems_of(b"employee_number;email\n1;a@b.se\n")
    assert {p.column for p in problems} == {"first_name", "last_name", "unit", "country"}
    problems = problems_of("employee_number;email\n1;åsa@b.se\n".encode("latin-1"))
    assert "UTF-8" in problems[0].message


@pytest.mark.django_db
def test_problems_come_in_the_users_language():
    with translation.override("sv"):
        problems = problems_of(
            csv_bytes([*GOOD_ROWS, "5;new@nordvik.example;Ny;Person;SUP;;;99;;;;;;;SE;;;"])
        )
    assert "Okänd chef" in problems[0].message


@pytest.mark.django_db
def test_dry_run_saves_nothing():
    summary = org_import(actor=None, data=csv_bytes(GOOD_ROWS), dry_run=True)
    assert summary.created == 4
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_command_imports_and_reports_problems(tmp_path, capsys):
    good = tmp_path / "org.csv"
    good.write_bytes(csv_bytes(GOOD_ROWS))
    call_command("import_org", str(good))
    assert "4 new" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(["9;x@nordvik.example;X;Y;SUP;;;77;;;;;;;SE;;;"]))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_org", str(bad))
    assert "row 2, manager" in capsys.readouterr().err


def test_upload_page_imports_for_admin_and_lists_problems(client, cast):
    client.force_login(cast["admin"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("org.csv", csv_bytes([*GOOD_ROWS, "5;x;X;Y;SUP;;;;;;;;;;SE;;;"]))
    response = client.post(reverse("org:import"), {"file": bad})
    assert response.status_code == 400
    assert "is not a valid e-mail address" in response.content.decode()
    assert not Person.objects.filter(employee_number="1").exists()
    good = SimpleUploadedFile("org.csv", csv_bytes(GOOD_ROWS))
    response = client.post(reverse("org:import"), {"file": good})
    assert response.status_code == 200
    assert "4 new, 0 updated, 0 unchanged" in response.content.decode()
    assert Person.objects.filter(employee_number="4", last_name="Kjær").exists()


@pytest.mark.django_db
def test_reimport_runs_a_number_of_queries_that_does_not_grow_with_the_file(django_assert_max_num_queries):
    def rows(suffix):
        return [
            f"{n};p{n}@nordvik.example;P{n};Nilsson{suffix};SUP;Kundtjänst;;"
            f"{'' if n == 1 else 1};;CSA;Kundrådgivare;partly;STO;Stockholm;SE;;;"
            for n in range(1, 61)
        ]

    org_import(actor=None, data=csv_bytes(rows("")))
    with django_assert_max_num_queries(25):
        summary = org_import(actor=None, data=csv_bytes(rows("-Ek")))
    assert (summary.created, summary.updated) == (0, 60)
    assert Person.objects.filter(last_name="Nilsson-Ek").count() == 60


# What the database cannot store is a row problem on every database, never a 500 or a cut.
TOO_LONG = "9" * 300


@pytest.mark.django_db
@pytest.mark.parametrize(
    "row, column, words",
    [
        (
            f"{TOO_LONG};new@nordvik.example;Ny;Person;SUP;;;;;;;;;;SE;;;",
            "employee_number",
            "300 characters long; at most 32 fit",
        ),
        ("5;new@nordvik.example;Ny\x00a;Person;SUP;;;;;;;;;;SE;;;", "first_name", "NUL character"),
        (
            f"5;new@nordvik.example;Ny;{'L' * 101};SUP;;;;;;;;;;SE;;;",
            "last_name",
            "101 characters long; at most 100 fit",
        ),
        (f"5;{'a' * 250}@nordvik.example;Ny;Person;SUP;;;;;;;;;;SE;;;", "email", "at most 254 fit"),
        (f"5;new@nordvik.example;Ny;Person;{'U' * 33};New unit;;;;;;;;;SE;;;", "unit", "at most 32 fit"),
        (f"5;new@nordvik.example;Ny;Person;NEW;{'N' * 121};;;;;;;;;SE;;;", "unit_name", "at most 120 fit"),
        ("5;new@nordvik.example;Ny;Person;SUP;;;\x001;;;;;;;SE;;;", "manager", "NUL character"),
        ("5;new@nordvik.example;Ny;Person;SUP;;;;;;;;ST\x00O;;SE;;;", "site", "NUL character"),
    ],
)
def test_what_cannot_be_stored_rejects_the_file_naming_row_and_column(row, column, words):
    problems = problems_of(csv_bytes([*GOOD_ROWS, row]))
    assert (6, column) in [(p.row, p.column) for p in problems]
    assert any(words in p.message for p in problems if p.column == column)
    assert Person.objects.count() == 0 and Unit.objects.count() == 0 and Site.objects.count() == 0


@pytest.mark.django_db
def test_a_long_name_or_phone_is_refused_not_cut():
    header = "employee_number;email;first_name;last_name;unit;unit_name;country;phone"
    problems = problems_of(
        csv_bytes([f"5;new@nordvik.example;{'F' * 100};{'L' * 100};SUP;Support;SE;{'4' * 41}"], header=header)
    )
    assert [(p.row, p.column) for p in problems] == [(2, "phone")]
    org_import(
        actor=None,
        data=csv_bytes(
            [f"5;new@nordvik.example;{'F' * 100};{'L' * 100};SUP;Support;SE;{'4' * 40}"], header=header
        ),
    )
    stored = Person.objects.get(employee_number="5")
    assert (len(stored.first_name), len(stored.last_name), len(stored.phone)) == (100, 100, 40)


@pytest.mark.django_db
def test_a_nul_byte_problem_comes_in_the_users_language():
    with translation.override("sv"):
        problems = problems_of(csv_bytes([*GOOD_ROWS[:3], GOOD_ROWS[3].replace("Søren", "Sø\x00ren")]))
    assert [(p.row, p.column) for p in problems] == [(5, "first_name")]
    assert "NUL-tecken" in problems[0].message


def test_upload_page_lists_what_cannot_be_stored_and_saves_nothing(cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["admin"])
    rows = [*GOOD_ROWS, f"{TOO_LONG};n@nordvik.example;Ny\x00;Person;SUP;;;;;;;;;;SE;;;"]
    response = client.post(
        reverse("org:import"),
        {
            "file": SimpleUploadedFile("org.csv", csv_bytes(rows)),
            "csrfmiddlewaretoken": csrf_of(client, reverse("org:import")),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "<td>6</td><td>employee_number</td>" in page and "at most 32 fit" in page
    assert "<td>6</td><td>first_name</td>" in page and "NUL character" in page
    assert "Nothing was changed." in page
    assert not Person.objects.filter(employee_number__in=["1", "2", "3", "4"]).exists()


@pytest.mark.django_db
def test_command_lists_what_cannot_be_stored_and_saves_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([*GOOD_ROWS, f"{TOO_LONG};n@nordvik.example;Ny\x00;Person;SUP;;;;;;;;;;SE;;;"]))
    with pytest.raises(CommandError, match="Nothing was imported: 2 problem"):
        call_command("import_org", str(bad))
    err = capsys.readouterr().err
    assert "row 6, employee_number: “employee_number” is 300 characters long; at most 32 fit." in err
    assert "row 6, first_name: “first_name” contains a NUL character" in err
    assert Person.objects.count() == 0


def csrf_of(client, url) -> str:
    """The CSRF token of the form on a page, as a browser sends it back."""
    page = client.get(url).content.decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found is not None, "the page has a form"
    return found.group(1)
