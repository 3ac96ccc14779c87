"""An agreement's terms as a typed structure: what is stored reads back the same, rows written before
still load, and terms no agreement can have are refused in words, naming the term, with nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from distans.agreements import services as agreement_services
from distans.agreements import text as agreement_text
from distans.agreements.terms import AgreementTerms
from distans.agreements.testing import agreement_in_force
from distans.core.errors import DomainError


def test_the_terms_of_a_real_agreement_are_written_back_exactly_as_stored(cast):
    version = agreement_in_force(cast).versions.get()
    stored = version.terms
    assert AgreementTerms.from_dict(stored).to_dict() == stored
    # The order of the keys is not compared: PostgreSQL's jsonb keeps its own, and nothing reads it.
    terms = version.agreement_terms
    assert terms.days_per_week == Decimal("2.0") and stored["days_per_week"] == "2.0"
    assert terms.start_date == datetime.date.fromisoformat(stored["start_date"])
    assert terms.working_hours == {"phrase": "as_at_office"}


def test_a_row_written_with_few_terms_loads_with_what_readers_assumed():
    terms = AgreementTerms.from_dict({"days_per_week": "2", "unknown": "ignored"})
    assert terms.days == Decimal(2) and terms.flexible and terms.weekdays == ()
    assert terms.location == "home" and terms.notice_weeks is None and terms.end_date is None
    assert AgreementTerms.from_dict({}).days == 0


@pytest.mark.parametrize(
    ("term", "value"),
    [
        ("days_per_week", "many"),
        ("days_per_week", "9"),
        ("start_date", "2027-13-01"),
        ("weekdays", [0, 7]),
        ("flexible", "yes"),
        ("notice_weeks", -1),
        ("equipment", {"other": 1}),
        ("employer", 12),
    ],
)
def test_terms_no_agreement_can_have_are_refused_naming_the_term(term, value):
    with translation.override("sv"), pytest.raises(DomainError) as refused:
        AgreementTerms.from_dict({"start_date": "2027-01-04", term: value})
    assert refused.value.field == term
    assert f"Villkoret ”{term}”" in refused.value.message


def test_terms_that_are_not_a_mapping_are_refused():
    with pytest.raises(DomainError):
        AgreementTerms.from_dict(["days_per_week", "2"])


def test_a_change_with_a_term_no_agreement_can_have_saves_nothing(cast):
    agreement = agreement_in_force(cast)
    version = agreement_services.agreement_amend(
        actor=cast["manager"], agreement=agreement, change_note="Days"
    )
    before = dict(version.terms)
    with pytest.raises(DomainError) as refused:
        agreement_services.agreement_terms_update(
            actor=cast["manager"], agreement=agreement, values={"weekdays": ["monday"]}
        )
    assert refused.value.field == "weekdays"
    version.refresh_from_db()
    assert version.terms == before


dates = st.none() | st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))
weekdays = st.lists(st.integers(0, 6), max_size=7).map(tuple)
text = st.text(max_size=20)
words = (
    text
    | st.fixed_dictionaries({"phrase": text})
    | st.fixed_dictionaries(
        {"items": st.lists(st.fixed_dictionaries({"name": text, "serial": text}), max_size=2)}
    )
)


@given(
    st.builds(
        AgreementTerms,
        employer=text,
        employee_number=st.none() | text,
        employment_start=dates,
        start_date=dates,
        end_date=dates,
        days_per_week=st.none() | st.decimals(min_value=0, max_value=7, places=1),
        flexible=st.booleans(),
        weekdays=weekdays,
        office_weekdays=weekdays,
        working_hours=words,
        equipment=words,
        trial=st.booleans(),
        trial_weeks=st.integers(0, 52),
        notice_weeks=st.none() | st.integers(0, 26),
        workplace_check=dates,
        policy_version=st.none() | st.integers(1, 99),
    )
)
def test_any_terms_read_back_as_written(terms):
    assert AgreementTerms.from_dict(terms.to_dict()) == terms


def test_the_notice_reads_as_a_period_on_the_summary_and_in_the_genitive_in_the_text():
    terms = AgreementTerms(start_date=datetime.date(2026, 1, 5), notice_weeks=4)
    with translation.override("sv"):
        values = agreement_text.display_values(terms, "sv")
    assert values["notice_period"] == "4 veckor"  # "Uppsägningstid: 4 veckor"
    assert values["notice"] == "4 veckors"  # "… med 4 veckors uppsägningstid"


def test_work_abroad_without_a_country_is_refused_on_the_country_field_in_swedish():
    from distans.agreements.forms import TermsForm

    data = {
        "initiator": "employee",
        "start_date": "2027-01-04",
        "location": "abroad",
        "abroad_country": "",
        "days_per_week": "2",
        "flexible": "on",
        "averaging_weeks": "4",
    }
    with translation.override("sv"):
        form = TermsForm(data, country="SE")
        assert not form.is_valid()
        assert form.errors["abroad_country"] == ["Behövs när arbetsplatsen är utomlands."]
        assert TermsForm({**data, "abroad_country": "ES"}, country="SE").is_valid()
