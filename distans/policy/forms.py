from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from distans.checklists.models import Kind
from distans.core.forms import DateField
from distans.policy.models import PARAMETER_FIELDS, PolicyVersion

CHECKLIST_KINDS = [
    (kind.value, kind.label) for kind in Kind if kind in (Kind.WORKPLACE, Kind.IT_SECURITY, Kind.INSURANCE)
]


class PolicyVersionForm(forms.ModelForm):
    required_checklists = forms.MultipleChoiceField(
        label=_("Checklists required before an agreement takes effect"),
        choices=CHECKLIST_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PolicyVersion
        fields = ["effective_from", *PARAMETER_FIELDS]
        field_classes = {"effective_from": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in settings.LANGUAGES:
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Policy text (%(language)s), Markdown") % {"language": language},
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                initial=self.instance.text.get(code, ""),
            )

    def values(self) -> dict:
        values = {field: self.cleaned_data[field] for field in ["effective_from", *PARAMETER_FIELDS]}
        values["text"] = {
            code: self.cleaned_data[f"text_{code}"].strip() for code, _name in settings.LANGUAGES
        }
        return values
