"""Who covers a duty across time zones, days abroad under an agreement, and problems grouped (pure)."""

import datetime

from distans.planning import rules
from distans.planning.rules import Change, Pattern, PersonInfo
from distans.planning.testing import MAILBOX

SWEDE = PersonInfo(id=1, country="SE", site_id=10, time_zone="Europe/Stockholm")
BANGKOK = PersonInfo(id=2, country="SE", site_id=10, time_zone="Asia/Bangkok")
AFTERNOONS = [
    Pattern(
        datetime.date(2026, 1, 5), ("remote",) * 5 + ("off",) * 2, None, datetime.time(13), datetime.time(18)
    )
]


def cover(dates, changes=None):
    days = rules.plan([SWEDE, BANGKOK], dates, {BANGKOK.id: AFTERNOONS}, changes or {})
    return rules.duty_cover(dates, [SWEDE, BANGKOK], days, MAILBOX)


def test_the_bangkok_afternoon_covers_the_stockholm_morning_in_winter_with_both_clocks():
    (monday,) = cover([datetime.date(2026, 12, 7)])
    niklas = next(one for one in monday if one.person_id == BANGKOK.id)
    assert (niklas.start, niklas.end) == (datetime.time(13), datetime.time(18))
    assert (niklas.duty_start, niklas.duty_end) == (datetime.time(7), datetime.time(12))


def test_a_day_ending_at_17_in_bangkok_covers_the_stockholm_morning_in_summer_only():
    shorter = [AFTERNOONS[0]._replace(work_end=datetime.time(17))]
    summer, winter = datetime.date(2026, 6, 15), datetime.date(2026, 12, 7)
    days = rules.plan([SWEDE, BANGKOK], [summer, winter], {BANGKOK.id: shorter}, {})
    in_summer, in_winter = rules.duty_cover([summer, winter], [SWEDE, BANGKOK], days, MAILBOX)
    assert [one.person_id for one in in_summer] == [SWEDE.id, BANGKOK.id]
    assert in_summer[1].duty_start == datetime.time(8)  # 13:00 in Bangkok is 08:00 in Stockholm in summer
    assert [one.person_id for one in in_winter] == [SWEDE.id]  # 07:00–11:00 misses the last hour


def test_a_holiday_for_everyone_needs_no_cover_but_everyone_on_leave_is_uncovered():
    christmas, leave = datetime.date(2026, 12, 25), datetime.date(2026, 12, 8)
    away = {(person.id, leave): Change(kind="away", away_reason="leave") for person in (SWEDE, BANGKOK)}
    holiday_cover, leave_cover = cover([christmas, leave], away)
    assert holiday_cover is None and leave_cover == []
    saturday = datetime.date(2026, 12, 12)
    assert cover([saturday]) == [None]


def test_remote_days_under_an_agreement_abroad_are_abroad_in_its_country():
    dates = [datetime.date(2026, 12, 7) + datetime.timedelta(days=n) for n in range(5)]
    changes = {(BANGKOK.id, dates[3]): Change(kind="away", away_reason="leave")}
    days = rules.plan([SWEDE, BANGKOK], dates, {BANGKOK.id: AFTERNOONS}, changes)
    thailand = [rules.Abroad(datetime.date(2026, 12, 1), None, "Thailand")]
    placed = rules.abroad_days(days[BANGKOK.id], thailand)
    assert [(day.kind, day.detail) for day in placed] == [("abroad", "Thailand")] * 3 + [
        ("away", "leave"),
        ("abroad", "Thailand"),
    ]
    # Office days by default (no usual week written) are abroad only when the agreement is for every day.
    office = rules.plan([SWEDE], dates, {}, {})[SWEDE.id]
    assert {day.kind for day in rules.abroad_days(office, thailand)} == {"office"}
    every_day = [rules.Abroad(datetime.date(2026, 12, 1), None, "Thailand", every_day=True)]
    assert {day.kind for day in rules.abroad_days(office, every_day)} == {"abroad"}
    before = [rules.Abroad(datetime.date(2027, 1, 1), None, "Thailand", every_day=True)]
    assert rules.abroad_days(office, before) == office


def test_the_same_problem_on_several_days_is_one_with_its_days():
    problems = [
        {
            "code": "capacity",
            "date": datetime.date(2026, 12, 7),
            "site": "Stockholm",
            "count": 44,
            "desks": 39,
        },
        {"code": "coverage", "date": datetime.date(2026, 12, 7), "on_site": 2, "needed": 3},
        {
            "code": "capacity",
            "date": datetime.date(2026, 12, 8),
            "site": "Stockholm",
            "count": 41,
            "desks": 39,
        },
        {
            "code": "capacity",
            "date": datetime.date(2026, 12, 8),
            "site": "Göteborg",
            "count": 30,
            "desks": 28,
        },
        {"code": "duty", "date": datetime.date(2026, 12, 9), "duty": "Telephone", "covering": 0, "needed": 1},
        {
            "code": "duty",
            "date": datetime.date(2026, 12, 9),
            "duty": "Shared mailbox",
            "covering": 0,
            "needed": 1,
        },
    ]
    grouped = rules.group_problems(problems)
    assert [(group["code"], group["site"] or group["duty"], len(group["days"])) for group in grouped] == [
        ("capacity", "Stockholm", 2),
        ("coverage", None, 1),
        ("capacity", "Göteborg", 1),
        ("duty", "Telephone", 1),
        ("duty", "Shared mailbox", 1),
    ]
