from django import forms
from django.utils.translation import gettext_lazy as _

from distans.org.models import Person, Site, Unit

MAX_IMPORT_BYTES = 20 * 1024 * 1024
# Above this many units a drop-down is no help and slow to render: the unit filter then comes
# only from links (a unit page's "members"), as a hidden field.
MAX_UNITS_IN_SELECT = 300


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.order_by("name"), required=False, empty_label=_("All units")
    )
    site = forms.ModelChoiceField(
        label=_("Site"), queryset=Site.objects.order_by("name"), required=False, empty_label=_("All sites")
    )

    left = forms.BooleanField(label=_("Show people who have left"), required=False, label_suffix="")

    def __init__(self, *args, leavers: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if Unit.objects.count() > MAX_UNITS_IN_SELECT:
            self.fields["unit"].widget = forms.HiddenInput()
        if not leavers:  # only HR and administrators may look for people who have left
            del self.fields["left"]


class DeactivateForm(forms.Form):
    """The second step of deactivating someone: the administrator confirms what will happen."""

    confirm = forms.BooleanField(
        label=_("I understand what happens, and want to deactivate this person."),
        error_messages={"required": _("Tick the box to confirm, or go back to the person's page.")},
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, separated by commas or semicolons. The columns are listed below."),
    )
    dry_run = forms.BooleanField(
        label=_("Check only, do not save"),
        required=False,
        help_text=_("Shows what the import would do without changing anything."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB; split it into parts."))
        return upload


class InviteForm(forms.Form):
    """People ticked on the people list or the import result."""

    people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.all(),
        error_messages={"required": _("Tick the people to invite.")},
    )
