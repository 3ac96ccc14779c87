"""The agreement in force governs the plan: what it allows, from when, through amendments, suspension,
reinstatement and notice; a draft grants nothing."""

import datetime

import pytest
import time_machine

from distans.agreements import services as agreement_services
from distans.agreements.models import Agreement
from distans.agreements.rights import rights_for, rights_on
from distans.agreements.testing import agreement_in_force
from distans.arrangements import services as request_services
from distans.arrangements.testing import assessed, draft
from distans.core.errors import DomainError
from distans.planning import rules, services
from distans.planning.models import DayChange
from distans.planning.queries import person_days, week_of

TODAY = datetime.date(2026, 12, 1)  # a Tuesday
NEXT_MONDAY = datetime.date(2026, 12, 7)
PASSWORD = "correct horse battery"
ONE_WEEK = datetime.timedelta(weeks=1)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def remote_weekdays(person, monday):
    return [day.date.weekday() for day in person_days(person, week_of(monday)) if day.kind == "remote"]


def sign_both(agreement, person, manager):
    agreement_services.agreement_send(actor=manager, agreement=agreement)
    for signer in (person, manager):
        agreement_services.agreement_sign(actor=signer, agreement=agreement, accepted=True, password=PASSWORD)


def test_an_approved_request_and_its_draft_agreement_grant_nothing(cast):
    asa = cast["employee"]
    assessed(asa, cast["manager"])
    request = request_services.request_submit(actor=asa, request=draft(asa, flexible=False, weekdays=[0, 4]))
    request_services.request_decide(actor=cast["manager"], request=request, decision="approve")
    assert Agreement.objects.get(person=asa).status == "draft"
    assert rights_on([asa.pk], request.start_date) == {}
    assert (
        remote_weekdays(asa, request.start_date - datetime.timedelta(days=request.start_date.weekday())) == []
    )


def test_fixed_weekdays_become_the_usual_week_from_the_day_the_agreement_takes_effect(cast):
    asa = cast["employee"]
    agreement_in_force(cast, days="2", start=NEXT_MONDAY, flexible=False, weekdays=[0, 4])
    assert remote_weekdays(asa, TODAY) == []
    assert remote_weekdays(asa, NEXT_MONDAY) == [0, 4]
    assert remote_weekdays(asa, NEXT_MONDAY + 4 * ONE_WEEK) == [0, 4]


def test_an_amendment_takes_over_from_its_own_start_once_both_have_signed(cast, django_assert_num_queries):
    asa, bjorn = cast["employee"], cast["manager"]
    agreement = agreement_in_force(cast, days="3", start=NEXT_MONDAY)
    services.pattern_set(
        actor=asa,
        person=asa,
        valid_from=NEXT_MONDAY,
        days=["remote", "office", "remote", "office", "remote"] + ["off", "off"],
    )
    amendment_start = NEXT_MONDAY + 2 * ONE_WEEK
    agreement_services.agreement_amend(
        actor=bjorn, agreement=agreement, change_note="Fewer days after the evaluation"
    )
    agreement_services.agreement_terms_update(
        actor=bjorn,
        agreement=agreement,
        values={"days_per_week": "2", "start_date": amendment_start.isoformat()},
    )
    assert rights_on([asa.pk], amendment_start)[asa.pk].days_per_week == 3  # not signed yet
    sign_both(agreement, asa, bjorn)
    with django_assert_num_queries(1):
        rights = rights_for([asa.pk], NEXT_MONDAY)[asa.pk]
    assert [(right.start, right.days_per_week) for right in rights] == [
        (NEXT_MONDAY, 3),
        (amendment_start, 2),
    ]
    assert remote_weekdays(asa, NEXT_MONDAY + ONE_WEEK) == [0, 2, 4]
    assert remote_weekdays(asa, amendment_start) == [0, 2]  # the first two of the days she chose
    services.day_set(actor=asa, person=asa, date=amendment_start + datetime.timedelta(days=1), kind="office")
    with pytest.raises(DomainError) as refused:
        services.day_set(
            actor=asa, person=asa, date=amendment_start + datetime.timedelta(days=3), kind="remote"
        )
    assert refused.value.message == "Your agreement covers 2 days a week; this would be 3."


def test_a_suspension_takes_the_remote_days_away_and_reinstating_gives_them_back(cast):
    asa, bjorn = cast["employee"], cast["manager"]
    agreement = agreement_in_force(cast, days="2", flexible=False, weekdays=[0, 4])
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY + ONE_WEEK, kind="office")
    assert remote_weekdays(asa, NEXT_MONDAY) == [0, 4]
    agreement_services.agreement_suspend(actor=bjorn, agreement=agreement, reason="Security incident")
    assert remote_weekdays(asa, NEXT_MONDAY) == []
    assert rights_on([asa.pk], NEXT_MONDAY) == {}
    with pytest.raises(DomainError) as refused:
        services.pattern_set(
            actor=bjorn, person=asa, valid_from=NEXT_MONDAY, days=["remote"] + ["office"] * 4 + ["off"] * 2
        )
    assert refused.value.code == "pattern_needs_agreement"
    agreement_services.agreement_reinstate(actor=bjorn, agreement=agreement, reason="Laptop encrypted again")
    assert remote_weekdays(asa, NEXT_MONDAY) == [0, 4]


def test_remote_days_booked_under_the_agreement_end_with_it(cast):
    asa, bjorn = cast["employee"], cast["manager"]
    agreement = agreement_in_force(cast, days="2")
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="remote")
    last_day = NEXT_MONDAY + 6 * ONE_WEEK
    services.day_set(actor=asa, person=asa, date=last_day + ONE_WEEK, kind="remote")
    agreement_services.agreement_end(
        actor=bjorn, agreement=agreement, last_day=last_day, reason="Moving on-site"
    )
    assert list(DayChange.objects.filter(person=asa).values_list("date", flat=True)) == [NEXT_MONDAY]
    assert rights_on([asa.pk], last_day + datetime.timedelta(days=1)) == {}
    assert asa.pk in rights_on([asa.pk], last_day)


def test_half_days_alternate_between_weeks(cast):
    asa = cast["employee"]
    agreement_in_force(cast, days="2.5")
    odd = NEXT_MONDAY if NEXT_MONDAY.isocalendar()[1] % 2 else NEXT_MONDAY + ONE_WEEK
    for week in (odd, odd + ONE_WEEK):
        allowed = rules.weekly_allowance(2.5, week)
        for offset in range(allowed):
            services.day_set(
                actor=asa, person=asa, date=week + datetime.timedelta(days=offset), kind="remote"
            )
        with pytest.raises(DomainError, match=f"which is {allowed} days this week"):
            services.day_set(actor=asa, person=asa, date=week + datetime.timedelta(days=4), kind="remote")
    assert [rules.weekly_allowance(2.5, week) for week in (odd, odd + ONE_WEEK)] == [3, 2]
