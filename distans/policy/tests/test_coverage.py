"""Which weekdays a request would leave the unit short on (pure)."""

import datetime
import math
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from distans.policy import findings, rules

START = datetime.date(2027, 1, 4)
FIVE_DAYS = ("office",) * 5 + ("off",) * 2
NEEDED = [3, 4, 0, 0, 0, 0, 0]
OTHERS = [2, 3, 5, 5, 5, 0, 0]  # without the person: Monday and Tuesday one short


def request(days="1", weekdays=()):
    return rules.RequestSpec(days=Decimal(days), start=START, flexible=not weekdays, weekdays=tuple(weekdays))


def test_fixed_weekdays_are_short_where_the_others_alone_are_too_few():
    found = rules.coverage_shortfalls(request("2", (0, 2)), FIVE_DAYS, OTHERS, NEEDED)
    assert found == (rules.Shortfall(weekday=0, needed=3, available=2),)


def test_a_day_the_person_does_not_work_is_never_their_shortfall():
    part_time = ("off",) + FIVE_DAYS[1:]
    assert rules.coverage_shortfalls(request("1", (0,)), part_time, OTHERS, NEEDED) == ()


def test_flexible_days_are_short_only_when_they_cannot_avoid_the_short_days():
    assert rules.coverage_shortfalls(request("3"), FIVE_DAYS, OTHERS, NEEDED) == ()
    assert [day.weekday for day in rules.coverage_shortfalls(request("3.5"), FIVE_DAYS, OTHERS, NEEDED)] == [
        0,
        1,
    ]


def test_the_finding_names_the_weekday_and_how_many_are_missing():
    evaluation = rules.evaluate(
        request("1", (0,)),
        rules.PersonSpec(country="SE", suitability="partly"),
        rules.PolicyParams(version=1),
        rules.Context(assessment="pass", shortfalls=(rules.Shortfall(0, 3, 1),)),
    )
    finding = next(finding for finding in evaluation.findings if finding.code == "coverage_shortfall")
    assert finding.severity == rules.WARNING
    assert findings.message(finding) == (
        "On a usual Monday your unit would have 1 at the office, 2 fewer than the 3 it needs."
    )


weeks = st.lists(st.sampled_from(["office", "remote", "off"]), min_size=7, max_size=7).map(tuple)
counts = st.lists(st.integers(0, 6), min_size=7, max_size=7)


@given(
    week=weeks,
    others=counts,
    needed=counts,
    halves=st.integers(1, 10),
    fixed=st.sets(st.integers(0, 4), max_size=5),
)
def test_every_shortfall_is_a_working_weekday_that_is_really_short(week, others, needed, halves, fixed):
    days = Decimal(halves) / 2
    spec = rules.RequestSpec(days=days, start=START, flexible=not fixed, weekdays=tuple(sorted(fixed)))
    found = rules.coverage_shortfalls(spec, week, others, needed)
    for shortfall in found:
        assert shortfall.weekday < 5 and week[shortfall.weekday] != "off"
        assert (
            shortfall.available == others[shortfall.weekday] < shortfall.needed == needed[shortfall.weekday]
        )
        if fixed:
            assert shortfall.weekday in fixed
    if not fixed:  # flexible: short days only when the spare working days cannot hold all the days
        working = [day for day in range(5) if week[day] != "off"]
        short = [day for day in working if others[day] < needed[day]]
        assert [shortfall.weekday for shortfall in found] == (
            short if math.ceil(days) > len(working) - len(short) else []
        )
