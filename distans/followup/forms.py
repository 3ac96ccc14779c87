from django import forms
from django.utils.translation import gettext_lazy as _

from distans.agreements.forms import DAY_STEPS
from distans.core.forms import DateField
from distans.core.translated import localized
from distans.equipment.models import Loan
from distans.followup.models import Consequence, DeviationKind, Outcome
from distans.followup.queries import visible_people
from distans.org.person_picker import PersonField


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


# Up to this many people the user may report about, the equipment list offers all their loans;
# above it (HR in a large organisation), the loans of the person named in the link.
MAX_PEOPLE_IN_SELECT = 300
DEVIATION_ABOUT = "followup.deviation_about"


def deviation_about_choices(*, user):
    """Whom a deviation may be about: oneself, one's reports at any depth; HR anyone
    (`org.hooks.person_choices`, registered in the app's ready)."""
    return visible_people(user)


class DeviationForm(forms.Form):
    person = PersonField(
        purpose=DEVIATION_ABOUT,
        label=_("About"),
        help_text=_("Type a name, e-mail address or employee number, then choose the person."),
    )
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
        label=_("Equipment concerned (if lost or damaged)"),
        queryset=Loan.objects.none(),
        required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, user, loans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].allow(user)
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
        label=_("Reason for the consequence (shown to the employee)"), max_length=2000, required=False
    )
