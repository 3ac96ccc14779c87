from django import forms
from django.utils.translation import gettext_lazy as _

from distans.core.translated import localized
from distans.equipment.models import Condition, ItemType
from distans.equipment.permissions import can_lend
from distans.org.models import Person
from distans.org.person_picker import PersonField


class ItemChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(empty_label=_("Choose…"), **kwargs)

    def label_from_instance(self, obj):
        return localized(obj.name)


class RequestForm(forms.Form):
    item_type = ItemChoiceField(label=_("What you need"), queryset=ItemType.objects.filter(active=True))
    reason = forms.CharField(
        label=_("Why you need it"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


LOAN_PERSON = "equipment.loan_person"


def loan_person_choices(*, user):
    """Whom equipment is lent to: anyone, by those who lend (`org.hooks.person_choices`)."""
    return Person.objects.all() if can_lend(user) else Person.objects.none()


class LoanForm(forms.Form):
    person = PersonField(
        purpose=LOAN_PERSON,
        label=_("Employee"),
        help_text=_("Type a name, e-mail address or employee number, then choose the person."),
    )
    item_type = ItemChoiceField(label=_("Item"), queryset=ItemType.objects.filter(active=True))
    serial_number = forms.CharField(label=_("Serial number"), max_length=80, required=False)
    condition = forms.ChoiceField(label=_("Condition"), choices=Condition.choices, initial=Condition.NEW)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].allow(user)


class ReturnForm(forms.Form):
    condition = forms.ChoiceField(
        label=_("Condition on return"), choices=Condition.choices, initial=Condition.GOOD
    )


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Approve")), ("no", _("Reject"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), max_length=1000, required=False)
