"""Plans from patterns, changes and holidays; coverage and duties across time zones."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from distans.planning import rules
from distans.planning.rules import Change, Pattern, PersonInfo
from distans.planning.testing import MAILBOX

# The holiday library loads on the first plan (seconds on a busy machine): here, not inside a timed example.
rules.public_holidays("SE", 2026)

SWEDE = PersonInfo(id=1, country="SE", site_id=10, time_zone="Europe/Stockholm")
NORWEGIAN = PersonInfo(id=2, country="NO", site_id=20, time_zone="Europe/Oslo")
DANE = PersonInfo(id=3, country="DK", site_id=30, time_zone="Europe/Copenhagen")
THREE_REMOTE = ("remote", "remote", "office", "remote", "office", "off", "off")


def test_change_over_pattern_over_default():
    monday = datetime.date(2026, 12, 7)
    pattern = [Pattern(valid_from=datetime.date(2026, 1, 5), days=THREE_REMOTE)]
    assert rules.day_for(SWEDE, monday, [], None).kind == "office"
    assert rules.day_for(SWEDE, monday, pattern, None).kind == "remote"
    changed = rules.day_for(SWEDE, monday, pattern, Change(kind="office", site_id=11))
    assert (changed.kind, changed.site_id, changed.source) == ("office", 11, "change")


def test_a_new_pattern_applies_from_its_date_and_leaves_earlier_days_alone():
    patterns = [
        Pattern(valid_from=datetime.date(2026, 1, 5), days=THREE_REMOTE),
        Pattern(valid_from=datetime.date(2026, 12, 14), days=rules.DEFAULT_WEEK),
    ]
    assert rules.day_for(SWEDE, datetime.date(2026, 12, 7), patterns, None).kind == "remote"
    assert rules.day_for(SWEDE, datetime.date(2026, 12, 14), patterns, None).kind == "office"


def test_public_holidays_of_the_persons_country_are_days_off():
    may17, midsummer_eve, june5 = (
        datetime.date(2027, 5, 17),
        datetime.date(2027, 6, 25),
        datetime.date(2026, 6, 5),
    )
    assert rules.day_for(NORWEGIAN, may17, [], None).kind == "holiday"
    assert rules.day_for(SWEDE, may17, [], None).kind == "office"
    assert rules.day_for(SWEDE, midsummer_eve, [], None).detail == "Midsummer Eve"
    assert rules.day_for(DANE, june5, [], None, language="da").detail == "Grundlovsdag"
    assert rules.day_for(SWEDE, june5, [], None).kind == "office"


def test_someone_may_still_book_a_holiday_as_a_working_day():
    day = rules.day_for(NORWEGIAN, datetime.date(2027, 5, 17), [], Change(kind="remote"))
    assert day.kind == "remote"


def test_a_colleague_in_bangkok_covers_the_stockholm_morning_in_summer_not_in_winter():
    bangkok = PersonInfo(id=4, country="OTHER", site_id=None, time_zone="Asia/Bangkok")
    hours = Pattern(
        valid_from=datetime.date(2026, 1, 5),
        days=("remote",) * 5 + ("off",) * 2,
        work_start=datetime.time(13),
        work_end=datetime.time(17),
    )
    summer, winter = datetime.date(2026, 6, 15), datetime.date(2026, 12, 14)
    assert rules.covers(rules.day_for(bangkok, summer, [hours], None), bangkok.time_zone, MAILBOX)
    assert not rules.covers(rules.day_for(bangkok, winter, [hours], None), bangkok.time_zone, MAILBOX)
    # The week the clocks change in Sweden (29 March 2026) but not in Thailand:
    before, after = datetime.date(2026, 3, 27), datetime.date(2026, 3, 30)
    assert not rules.covers(rules.day_for(bangkok, before, [hours], None), bangkok.time_zone, MAILBOX)
    assert rules.covers(rules.day_for(bangkok, after, [hours], None), bangkok.time_zone, MAILBOX)


def test_unit_problems_find_coverage_duty_and_office_day_gaps():
    monday, tuesday = datetime.date(2026, 12, 7), datetime.date(2026, 12, 8)
    members = [SWEDE, PersonInfo(id=5, country="SE", site_id=10, time_zone="Europe/Stockholm")]
    remote = [
        Pattern(
            valid_from=datetime.date(2026, 1, 5),
            days=("remote",) * 5 + ("off",) * 2,
            work_start=datetime.time(9),
        )
    ]
    days = rules.plan(members, [monday, tuesday], {1: remote}, {})
    settings = {
        "office_weekdays": [1],
        "coverage": {"0": {"min_people": 2, "min_share": 0}},
        "duties": [MAILBOX],
    }
    problems = {
        (problem.code, problem.date)
        for problem in rules.unit_problems([monday, tuesday], members, days, settings)
    }
    assert ("coverage", monday) in problems  # one of two at the office
    assert ("office_day", tuesday) in problems  # the remote one on the team office day
    assert ("duty", monday) not in problems  # the office one works 08:00–16:30 and covers the mailbox


def test_required_on_site_takes_the_larger_of_people_and_share():
    assert rules.required_on_site({"min_people": 2, "min_share": 50}, 10) == 5
    assert rules.required_on_site({"min_people": 2, "min_share": 10}, 10) == 2
    assert rules.required_on_site(None, 10) == 0


kinds_strategy = st.sampled_from(["office", "remote", "off"])
patterns_strategy = st.lists(
    st.builds(
        Pattern,
        valid_from=st.dates(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
        days=st.tuples(*[kinds_strategy] * 7),
        site_id=st.sampled_from([None, 10, 11]),
    ),
    max_size=3,
    unique_by=lambda pattern: pattern.valid_from,
).map(lambda patterns: sorted(patterns, key=lambda pattern: pattern.valid_from))
changes_strategy = st.dictionaries(
    st.dates(datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)),
    st.builds(
        Change,
        kind=st.sampled_from(["office", "remote", "away", "abroad"]),
        site_id=st.sampled_from([None, 12]),
    ),
    max_size=5,
)


@given(st.sampled_from([SWEDE, NORWEGIAN, DANE]), patterns_strategy, changes_strategy)
def test_the_fast_count_path_agrees_with_the_full_plan(person, patterns, changes):
    dates = [datetime.date(2026, 12, 1) + datetime.timedelta(days=offset) for offset in range(31)]
    keyed = {(person.id, date): change for date, change in changes.items()}
    full = rules.plan([person], dates, {person.id: patterns}, keyed)[person.id]
    fast = rules.kinds([person], dates, {person.id: patterns}, keyed)[person.id]
    assert list(fast) == [(day.kind, day.site_id) for day in full]
