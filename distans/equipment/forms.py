from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from distans.core.translated import localized
from distans.equipment.models import Condition, ItemType
from distans.org.models import Person


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return localized(obj.name)


class RequestForm(forms.Form):
    item_type = ItemChoiceField(label=_("What you need"), queryset=ItemType.objects.filter(active=True))
    reason = forms.CharField(
        label=_("Why you need it"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class LoanForm(forms.Form):
    person = forms.CharField(label=_("Employee (e-mail or employee number)"), max_length=200)
    item_type = ItemChoiceField(label=_("Item"), queryset=ItemType.objects.filter(active=True))
    serial_number = forms.CharField(label=_("Serial number"), max_length=80, required=False)
    condition = forms.ChoiceField(label=_("Condition"), choices=Condition.choices, initial=Condition.NEW)

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        person = Person.objects.filter(
            Q(email__iexact=value) | Q(employee_number=value), is_active=True
        ).first()
        if person is None:
            raise forms.ValidationError(_("No active employee has this e-mail or employee number."))
        return person


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
