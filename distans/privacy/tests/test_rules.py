import datetime

from hypothesis import given
from hypothesis import strategies as st

from distans.privacy.rules import add_months, deadline, latest_extension


def test_a_month_ends_on_the_shorter_months_last_day():
    assert deadline(datetime.date(2026, 1, 31)) == datetime.date(2026, 2, 28)
    assert deadline(datetime.date(2028, 1, 31)) == datetime.date(2028, 2, 29)
    assert deadline(datetime.date(2026, 12, 15)) == datetime.date(2027, 1, 15)
    assert latest_extension(datetime.date(2026, 12, 31)) == datetime.date(2027, 2, 28)


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 1, 1)), st.integers(0, 24))
def test_adding_months_never_goes_back_and_lands_in_the_right_month(day, months):
    later = add_months(day, months)
    assert later >= day
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
