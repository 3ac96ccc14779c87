"""The person picker: a search by the start of a name, e-mail or employee number, among only the people
the purpose lets the signed-in user pick, through an index, ten at a time; and a text field the server
resolves when there is no JavaScript."""

import pytest
from django import forms
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.core.testing import html, session_client
from distans.org import person_picker
from distans.org.hooks import person_choices
from distans.org.models import Person
from distans.org.permissions import own_or_reports
from distans.org.person_picker import Choices

PURPOSE = "org.test_own_team"


@pytest.fixture(autouse=True)
def own_team_purpose():
    """A purpose as an app above registers one: oneself and one's reports."""
    person_choices.subscribe(PURPOSE, lambda *, user: own_or_reports(Person.objects.all(), user, "pk"))
    yield
    person_choices.unsubscribe(PURPOSE)


def suggestions(person, query, purpose=PURPOSE):
    client = session_client(person)
    return client.get(
        reverse("org:person_search"),
        {"purpose": purpose, "field": "person_text", "person_text": query},
        HTTP_HX_REQUEST="true",
    )


@pytest.mark.parametrize("query", ["åsa", "ASA", "öb", "oberg", "asa@exa", "102", "Öberg Å", "åsa öberg"])
def test_a_person_is_found_by_the_start_of_a_name_e_mail_or_number(cast, query):
    found = person_picker.search(Choices(Person.objects.all()), query)
    assert [person.full_name for person in found] == ["Åsa Öberg"], query


def test_only_the_start_counts_and_every_word_must_match(cast):
    people = Choices(Person.objects.all())
    assert person_picker.search(people, "berg") == []  # inside Öberg, Sjöberg: not a start
    assert person_picker.search(people, "åsa ström") == []
    assert person_picker.search(people, "") == []


def test_the_endpoint_answers_only_people_the_user_may_pick(cast):
    # Björn manages Åsa; Olav is in another unit. HR would find him through a purpose that allows it.
    page = html(suggestions(cast["manager"], "olav"))
    assert "Olav" not in page and "No one found" in page
    page = html(suggestions(cast["manager"], "å"))
    assert "Åsa Öberg" in page and 'data-label="Åsa Öberg (asa@example.com)"' in page
    assert "Olav" not in html(suggestions(cast["manager"], "haugen@"))
    assert "Olav Haugen" in html(suggestions(cast["outsider"], "olav"))  # himself


def test_leavers_are_not_offered(cast):
    cast["employee"].is_active = False
    cast["employee"].save()
    assert "Åsa" not in html(suggestions(cast["manager"], "åsa"))


def test_a_purpose_that_takes_leavers_says_so_in_its_own_answer(cast):
    """Whether people who have left may be picked is each purpose's answer, not the picker's list."""
    cast["employee"].is_active = False
    cast["employee"].save()
    person_choices.subscribe("org.test_leavers", lambda *, user: Choices(Person.objects.all(), leavers=True))
    try:
        page = html(suggestions(cast["manager"], "åsa", purpose="org.test_leavers"))
        assert "Åsa Öberg" in page and "(has left)" in page
        assert "(has left)" not in html(suggestions(cast["manager"], "björn", purpose="org.test_leavers"))
        assert "Åsa" not in html(suggestions(cast["manager"], "åsa"))  # a plain answer: active people
    finally:
        person_choices.unsubscribe("org.test_leavers")


def test_a_purpose_gives_typed_text_its_own_meaning_among_its_people(cast):
    """ "#102" names Åsa by her number for this purpose; what it names is still only the purpose's people."""

    def by_hash(text):
        return Q(employee_number=text[1:]) if text.startswith("#") else None

    person_choices.subscribe(
        "org.test_named",
        lambda *, user: Choices(own_or_reports(Person.objects.all(), user, "pk"), named=by_hash),
    )
    try:
        assert "Åsa Öberg" in html(suggestions(cast["manager"], "#102", purpose="org.test_named"))
        assert "Olav" not in html(suggestions(cast["manager"], "#106", purpose="org.test_named"))
        assert "Åsa" not in html(suggestions(cast["manager"], "#102"))  # other purposes: no meaning
    finally:
        person_choices.unsubscribe("org.test_named")


def test_an_unknown_purpose_is_not_found_and_a_visitor_must_sign_in(cast, client):
    assert suggestions(cast["hr"], "åsa", purpose="nothing.here").status_code == 404
    response = client.get(reverse("org:person_search"), {"purpose": PURPOSE, "q": "åsa"})
    assert response.status_code == 302 and reverse("login") in response.url


def test_ten_at_most_exact_number_first_then_by_name(cast, units):
    for n in range(15):
        Person.objects.create_user(
            f"anna{n}@example.com", "x", first_name="Anna", last_name=f"Berg{n:02}", employee_number=f"9{n}"
        )
    exact = Person.objects.create_user(
        "zed@example.com", "x", first_name="Zed", last_name="Z", employee_number="9"
    )
    found = person_picker.search(Choices(Person.objects.all()), "9")
    assert len(found) == 10 and found[0] == exact
    assert [p.last_name for p in found[1:]] == [f"Berg{n:02}" for n in range(9)]


def test_the_search_is_one_limited_query_through_the_indexes(cast):
    with CaptureQueriesContext(connection) as captured:
        person_picker.search(Choices(Person.objects.filter(is_active=True)), "öberg å")
    assert len(captured.captured_queries) == 1
    sql = captured.captured_queries[0]["sql"]
    assert "LIMIT 10" in sql
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        # Each way in (first name, last name, e-mail, number) is an index range, never a full scan.
        assert "SCAN org_person" not in plan, plan
        for index in ("first_key", "last_key", "email", "employee_number"):
            assert index in plan, plan


class Chosen(forms.Form):
    person = person_picker.PersonField(purpose=PURPOSE, label="Who")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].allow(user)


def chosen(user, data):
    form = Chosen(data, user=user)
    return form.cleaned_data["person"] if form.is_valid() else form.errors["person"][0]


def test_without_javascript_the_typed_text_is_resolved(cast):
    manager, asa = cast["manager"], cast["employee"]
    assert chosen(manager, {"person": "", "person_text": "ASA@example.com"}) == asa
    assert chosen(manager, {"person": "", "person_text": "102"}) == asa
    assert chosen(manager, {"person": "", "person_text": "öberg"}) == asa
    assert (
        chosen(manager, {"person": "", "person_text": "olav"}) == "No one you can choose here matches “olav”."
    )
    # The hidden id of an earlier choice does not win over what was typed since.
    assert chosen(manager, {"person": asa.pk, "person_text": "björn"}) == manager


def test_a_name_several_people_match_asks_for_more(cast, units):
    Person.objects.create_user(
        "asa2@example.com", "x", first_name="Åsa", last_name="Lind", manager=cast["manager"]
    )
    message = chosen(cast["manager"], {"person": "", "person_text": "åsa"})
    assert message.startswith("More than one person matches “åsa”")
    assert chosen(cast["manager"], {"person": "", "person_text": "åsa l"}).email == "asa2@example.com"


def test_a_choice_from_the_list_is_the_id_with_its_label_and_only_an_allowed_one(cast):
    manager, asa, olav = cast["manager"], cast["employee"], cast["outsider"]
    assert chosen(manager, {"person": asa.pk, "person_text": person_picker.label(asa)}) == asa
    assert chosen(manager, {"person": asa.pk}) == asa  # a client that posts the id alone
    assert chosen(manager, {"person": olav.pk}) == "Choose someone from the list."
    assert chosen(manager, {"person": "", "person_text": ""}) == "This field is required."


def test_the_field_renders_an_accessible_combobox_with_the_chosen_person(cast):
    form = Chosen(initial={"person": cast["employee"].pk}, user=cast["manager"])
    field = str(form["person"])
    assert 'role="combobox"' in field and 'aria-controls="id_person_options"' in field
    assert 'role="listbox"' in field and 'aria-autocomplete="list"' in field
    assert 'name="person_text"' in field and 'value="Åsa Öberg (asa@example.com)"' in field
    assert f'name="person" value="{cast["employee"].pk}"' in field
    assert 'id="id_person"' in field  # the label's "for" names the text field
