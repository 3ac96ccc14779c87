import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from distans.core.models import AuditEntry


def time_zone_choices():
    return [(tz, tz) for tz in sorted(zoneinfo.available_timezones()) if "/" in tz
            and not tz.startswith(("Etc/", "SystemV/", "US/"))]


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices,
                                  help_text=_("Times in Distans are shown in this time zone."))


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100,
        help_text=_("What the token is for, for example “Payroll integration”."),
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
        types = AuditEntry.objects.order_by("object_type").values_list(
            "object_type", flat=True).distinct()
        self.fields["action"].choices = [("", _("All"))] + [(a, a) for a in actions]
        self.fields["object_type"].choices = [("", _("All"))] + [(t, t) for t in types]


class RecipientLanguagePasswordResetForm(PasswordResetForm):
    """The reset e-mail goes out in the recipient's language, not the requester's browser's."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (2026-12-14) whatever the language's own date
    format, which a date input refuses and shows as blank (Danish "14.12.2026")."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
