"""Scoring, blocking and actions as pure functions."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from distans.checklists import rules
from distans.checklists.rules import ItemSpec

YES_NO_BLOCK = ItemSpec(id=1, kind="yes_no", trigger_answers=("no",), effect="block", weight=2)
YES_NO_ACTION = ItemSpec(id=2, kind="yes_no", trigger_answers=("no",), effect="action")
SCALE = ItemSpec(id=3, kind="scale", weight=1)
CHOICE = ItemSpec(
    id=4, kind="single", option_values=("o1", "o2", "o3"), trigger_answers=("o3",), effect="block", weight=0
)
TEXT = ItemSpec(id=5, kind="text", required=False)
ITEMS = [YES_NO_BLOCK, YES_NO_ACTION, SCALE, CHOICE, TEXT]


def test_all_good_answers_pass_with_full_score():
    result = rules.evaluate(ITEMS, {"1": "yes", "2": "yes", "3": 5, "4": "o1"})
    assert result.outcome == rules.PASS
    assert result.score == Decimal("100.0")
    assert result.blocking == () and result.actions == () and result.missing == ()


def test_blocking_answer_fails_whatever_the_score():
    result = rules.evaluate(ITEMS, {"1": "yes", "2": "yes", "3": 5, "4": "o3"})
    assert result.outcome == rules.FAIL
    assert result.blocking == (4,)
    assert result.score == Decimal("100.0")  # the choice has no weight: it blocks without scoring


def test_action_answer_passes_with_actions_and_lowers_the_score():
    result = rules.evaluate(ITEMS, {"1": "yes", "2": "no", "3": 5, "4": "o1"})
    assert result.outcome == rules.PASS_WITH_ACTIONS
    assert result.actions == (2,)
    assert result.score == Decimal("75.0")  # 2 + 0 + 1 of 4


def test_scale_scores_a_quarter_per_step():
    result = rules.evaluate([SCALE], {"3": 3})
    assert result.score == Decimal("50.0")


def test_score_below_pass_mark_fails():
    assert rules.evaluate([SCALE], {"3": 3}, pass_score=60).outcome == rules.FAIL
    assert rules.evaluate([SCALE], {"3": 4}, pass_score=60).outcome == rules.PASS


def test_missing_required_answers_are_listed_and_optional_ones_not():
    result = rules.evaluate(ITEMS, {"1": "yes"})
    assert result.missing == (2, 3, 4)


def test_items_for_another_country_are_left_out():
    norway_only = ItemSpec(id=9, kind="yes_no", countries=("NO",), trigger_answers=("no",), effect="block")
    assert rules.evaluate([norway_only], {}, country="SE").missing == ()
    assert rules.evaluate([norway_only], {"9": "no"}, country="NO").outcome == rules.FAIL


def test_multiple_choice_triggers_when_any_chosen_option_does():
    item = ItemSpec(
        id=6, kind="multiple", option_values=("o1", "o2"), trigger_answers=("o2",), effect="action"
    )
    assert rules.evaluate([item], {"6": ["o1", "o2"]}).actions == (6,)
    assert rules.evaluate([item], {"6": ["o1"]}).actions == ()


def test_answer_problems_name_what_is_wrong():
    assert rules.answer_problem(YES_NO_BLOCK, "maybe") == "not_yes_no"
    assert rules.answer_problem(SCALE, 6) == "not_on_scale"
    assert rules.answer_problem(SCALE, True) == "not_on_scale"
    assert rules.answer_problem(CHOICE, "o9") == "unknown_option"
    assert rules.answer_problem(ItemSpec(id=7, kind="date"), "31.12.2026") == "not_a_date"
    assert rules.answer_problem(ItemSpec(id=7, kind="date"), "0001-01-01") == "date_out_of_range"
    assert rules.answer_problem(ItemSpec(id=7, kind="date"), "2026-12-31") is None
    assert rules.answer_problem(ItemSpec(id=8, kind="number"), "12") == "not_a_number"
    assert rules.answer_problem(TEXT, "x" * 501) == "text_too_long"
    assert rules.answer_problem(CHOICE, "o2") is None


def test_trigger_answers_typed_by_hr():
    assert rules.parse_trigger_answers("yes_no", "Nej", 0) == (["no"], None)
    assert rules.parse_trigger_answers("scale", "1, 2", 0) == (["1", "2"], None)
    assert rules.parse_trigger_answers("single", "3", 3) == (["o3"], None)
    assert rules.parse_trigger_answers("single", "4", 3) == ([], "bad_option_trigger")
    assert rules.parse_trigger_answers("scale", "6", 0) == ([], "bad_scale_trigger")
    assert rules.parse_trigger_answers("text", "x", 0) == ([], "no_triggers_for_kind")


def test_reminders_fall_on_working_days_in_the_recipients_morning():
    # Due Monday 7 December 2026: three days before is Friday the 4th; the day after is Tuesday.
    before, after = rules.reminder_moments(
        datetime.date(2026, 12, 7), days_before=3, time_zone="Asia/Bangkok", hour=9
    )
    assert (before.date(), before.hour, str(before.tzinfo)) == (datetime.date(2026, 12, 4), 9, "Asia/Bangkok")
    assert after.date() == datetime.date(2026, 12, 8)
    # Due Friday: the day after is a Saturday, so the overdue reminder waits for Monday.
    _before, after = rules.reminder_moments(
        datetime.date(2026, 12, 11), days_before=3, time_zone="Europe/Oslo", hour=9
    )
    assert after.date() == datetime.date(2026, 12, 14)


def test_aggregate_hides_small_groups():
    assert rules.aggregate([5, 4, 3, 4], respondents=4, min_group=5).shown is False
    shown = rules.aggregate([5, 4, 3, 4, 4], respondents=5, min_group=5)
    assert shown.shown and shown.average == Decimal("4.0")


answer_sets = st.fixed_dictionaries(
    {
        "1": st.sampled_from(["yes", "no"]),
        "2": st.sampled_from(["yes", "no"]),
        "3": st.integers(1, 5),
        "4": st.sampled_from(["o1", "o2", "o3"]),
    }
)


@given(answer_sets)
def test_score_is_a_percentage(answers):
    score = rules.evaluate(ITEMS, answers).score
    assert Decimal(0) <= score <= Decimal(100)


@given(answer_sets)
def test_outcome_follows_from_blocks_and_actions(answers):
    result = rules.evaluate(ITEMS, answers)
    if result.blocking:
        assert result.outcome == rules.FAIL
    elif result.actions:
        assert result.outcome == rules.PASS_WITH_ACTIONS
    else:
        assert result.outcome == rules.PASS


@given(answer_sets, st.sampled_from(["1", "2", "3"]))
def test_a_worse_answer_never_improves_the_result(answers, key):
    worse = dict(answers, **{key: {"1": "no", "2": "no", "3": 1}[key]})
    order = {rules.PASS: 0, rules.PASS_WITH_ACTIONS: 1, rules.FAIL: 2}
    before, after = rules.evaluate(ITEMS, answers), rules.evaluate(ITEMS, worse)
    assert after.score <= before.score
    assert order[after.outcome] >= order[before.outcome]
