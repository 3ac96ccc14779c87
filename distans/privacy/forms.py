from django import forms
from django.utils.translation import gettext_lazy as _

from distans.core.forms import DateField
from distans.org.models import Person
from distans.org.person_picker import PersonField
from distans.privacy.permissions import can_manage_privacy, find_leaver_for_privacy

PRIVACY_PERSON = "privacy.person"


def privacy_person_choices(*, user):
    """Whose data HR may produce or hold (`org.hooks.person_choices`)."""
    return Person.objects.all() if can_manage_privacy(user) else Person.objects.none()


class PersonForm(forms.Form):
    person = PersonField(
        purpose=PRIVACY_PERSON,
        label=_("Employee"),
        help_text=_("Type a name, e-mail address or employee number, then choose the person."),
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


class LeaverAccessRequestForm(ReceivedForm):
    """A request from someone who has left, found by what HR has on file rather than by the picker."""

    leaver = forms.CharField(
        label=_("Former employee"),
        max_length=254,
        help_text=_(
            "Their e-mail address or employee number in Distans, or “#n” for former employee #n once "
            "anonymised."
        ),
    )
    field_order = ["leaver", "received_on", "note"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_leaver(self):
        person = find_leaver_for_privacy(self.user, self.cleaned_data["leaver"])
        if person is None:
            raise forms.ValidationError(
                _("No one who has left has this e-mail address, employee number or former employee number.")
            )
        return person


class ExtendForm(forms.Form):
    extended_to = DateField(label=_("New date"))
    reason = forms.CharField(
        label=_("Reason, as the employee will read it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HoldForm(PersonForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)


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
