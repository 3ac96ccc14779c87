"""The shared form fields."""

from django import forms

from distans.core.forms import WorkdaysField


class DaysForm(forms.Form):
    optional = WorkdaysField(label="Fixed weekdays")
    needed = WorkdaysField(label="Duty days", required=True, error_messages={"required": "Choose days."})


def test_workdays_are_monday_to_friday_checkboxes_cleaned_to_numbers():
    form = DaysForm({"optional": ["0", "4"], "needed": ["2"]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"optional": [0, 4], "needed": [2]}
    assert [value for value, _label in form.fields["optional"].choices] == [0, 1, 2, 3, 4]
    assert isinstance(form.fields["optional"].widget, forms.CheckboxSelectMultiple)


def test_none_chosen_is_allowed_unless_required_and_a_weekend_day_is_refused():
    form = DaysForm({"needed": []})
    assert not form.is_valid()
    assert form.errors == {"needed": ["Choose days."]}
    assert not DaysForm({"optional": ["5"], "needed": ["1"]}).is_valid()
