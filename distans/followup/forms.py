from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from distans.agreements.forms import DAY_STEPS
from distans.core.forms import DateField
from distans.core.translated import localized
from distans.equipment.models import Loan
from distans.followup.models import Consequence, DeviationKind, Outcome
from distans.org.models import Person


class HoldForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect)
    days = forms.TypedChoiceField(
        label=_("New number of days a week (more or fewer days)"),
        required=False,
        choices=[("", "–"), *DAY_STEPS],
        coerce=str,
        empty_value=None,
    )
    note = forms.CharField(
        label=_("What was agreed"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BookForm(forms.Form):
    due = DateField(label=_("Date of the evaluation"))


MAX_PEOPLE_IN_SELECT = 300


class PersonByKeyField(forms.CharField):
    """A person named by e-mail or employee number, among the people the user may report about."""

    def __init__(self, people, **kwargs):
        super().__init__(label=_("About (e-mail or employee number)"), max_length=200, **kwargs)
        self.people = people

    def prepare_value(self, value):
        person = self.people.filter(pk=value).first() if str(value or "").isdigit() else None
        return person.email if person else value

    def clean(self, value):
        value = super().clean(value).strip()
        person = self.people.filter(Q(email__iexact=value) | Q(employee_number=value)).first()
        if person is None:
            raise forms.ValidationError(_("No one you can report about has this e-mail or employee number."))
        return person


class DeviationForm(forms.Form):
    person = forms.ModelChoiceField(label=_("About"), queryset=Person.objects.none())
    kind = forms.ChoiceField(label=_("What happened"), choices=DeviationKind.choices)
    occurred_on = DateField(label=_("When"))
    description = forms.CharField(
        label=_("Description"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Facts only: what happened and what was done at once. No health "
            "details beyond what the handling needs."
        ),
    )
    loan = forms.ModelChoiceField(
        label=_("Equipment concerned (if lost or damaged)"), queryset=Loan.objects.none(), required=False
    )

    def __init__(self, *args, people, loans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        if people.count() > MAX_PEOPLE_IN_SELECT:  # HR in a large organisation: name the person instead
            self.fields["person"] = PersonByKeyField(people)
        self.fields["loan"].queryset = loans.select_related("item_type", "person").order_by("-out_date")
        self.fields["loan"].label_from_instance = lambda loan: (
            f"{loan.person}: {localized(loan.item_type.name)} {loan.serial_number}"
        )


class RespondForm(forms.Form):
    note = forms.CharField(
        label=_("First response: what happens next"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CloseForm(forms.Form):
    actions_taken = forms.CharField(
        label=_("Actions taken"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    consequence = forms.ChoiceField(label=_("Consequence"), choices=Consequence.choices)
    reason = forms.CharField(
        label=_("Reason for the agreement (shown to the employee)"), max_length=2000, required=False
    )
