import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from distans.core.forms import DateField
from distans.org.models import Person
from distans.org.person_picker import Choices, PersonField
from distans.privacy.models import FormerEmployee, PrivacySettings
from distans.privacy.permissions import can_manage_privacy

PRIVACY_PERSON = "privacy.person"
# "#3", or "nr 3" / "nr. 3" as the Nordic languages write former employee #3.
FORMER_NUMBER = re.compile(r"(?:#|nr\.?)\s*(\d{1,9})", re.IGNORECASE)


def former_employee(text: str) -> Q | None:
    """ "#n" names former employee #n, the one way left to find someone anonymised."""
    number = FORMER_NUMBER.fullmatch(text)
    if number is None:
        return None
    return Q(pk__in=FormerEmployee.objects.filter(pk=int(number.group(1))).values("person"))


def privacy_person_choices(*, user):
    """Whose data HR may produce or hold (`org.hooks.person_choices`): anyone, people who have left too
    (a copy of one's data or a hold matters most then), an anonymised one by "#n"; no one for anyone
    but HR and administrators."""
    if not can_manage_privacy(user):
        return Person.objects.none()
    return Choices(Person.objects.all(), leavers=True, named=former_employee)


class PersonForm(forms.Form):
    person = PersonField(
        purpose=PRIVACY_PERSON,
        label=_("Employee"),
        help_text=_(
            "Type a name, e-mail address or employee number, then choose the person; someone who has "
            "left is found too. Someone already anonymised is found by their former employee number, "
            "as “#12”."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].allow(user)


class ReceivedForm(forms.Form):
    received_on = DateField(label=_("Received on"))
    note = forms.CharField(
        label=_("How it was received"),
        max_length=200,
        required=False,
        help_text=_("For example: e-mail to HR, letter, in person."),
    )


class AccessRequestForm(PersonForm, ReceivedForm):
    field_order = ["person", "received_on", "note"]


class ExtendForm(forms.Form):
    extended_to = DateField(label=_("New date"))
    reason = forms.CharField(
        label=_("Reason, as the employee will read it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HoldForm(PersonForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class LiftForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the hold is lifted"),
        max_length=300,
        help_text=_("For example: the claim is settled. It is kept with the hold and in the audit log."),
    )


class PrivacySettingsForm(forms.ModelForm):
    """The organisation's privacy details; each empty field says what is stated in its place."""

    class Meta:
        model = PrivacySettings
        fields = ["controller", "contact", "transfers", "security"]
        labels = {
            "controller": _("Controller: the employer's name"),
            "contact": _("Whom employees ask about their data"),
            "transfers": _("Transfers outside the EU/EEA"),
            "security": _("Security measures"),
        }
        widgets = {
            "transfers": forms.Textarea(attrs={"rows": 3}),
            "security": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, defaults: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for name, default in defaults.items():
            self.fields[name].help_text = _("Left empty: %(default)s") % {"default": default}


class RetentionForm(forms.Form):
    """Every period on the retention page, one field a cell: `<record type>:<country>`."""

    def __init__(self, *args, periods: dict[str, dict[str, int]], **kwargs):
        super().__init__(*args, **kwargs)
        for key, by_country in periods.items():
            for country, days in by_country.items():
                self.fields[f"{key}:{country}"] = forms.IntegerField(
                    label=_("Days"), min_value=1, max_value=36500, initial=days
                )

    def days(self) -> dict[tuple[str, str], int]:
        return {tuple(name.split(":", 1)): value for name, value in self.cleaned_data.items()}  # type: ignore[misc]
