import datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from distans.core import places
from distans.core.audit import action_label, type_label
from distans.core.dates import DATE_MAX, DATE_MIN
from distans.core.mail import automatic_message
from distans.core.models import ApiToken, AuditEntry
from distans.core.weekdays import WORKDAYS

# Remote days a week, ½ to 5 in half days: the value is the number ("1.5"), the label is written as the
# reader's language writes it when the form is shown ("1,5" in the Nordic languages).
DAY_STEPS = [(str(Decimal(n) / 2), lazy(number_format, str)(Decimal(n) / 2)) for n in range(1, 11)]


def time_zone_choices():
    """Every current time zone in words, under its country's name, in the reader's language."""
    return places.zone_choices_by_country()


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        help_text=_("Times in Distans are shown in this time zone."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A zone kept under an old name (Asia/Calcutta) is shown as its current one; one no country has
        # (UTC) stays on offer, so saving the language does not move the person to another zone.
        zone = self.initial.get("time_zone")
        if zone:
            self.initial["time_zone"] = places.current_zone(zone)
            if not places.is_country_zone(self.initial["time_zone"]):
                self.fields["time_zone"].choices = [*time_zone_choices(), (zone, places.zone_name(zone))]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, for example “Payroll integration”."),
    )
    scope = forms.ChoiceField(
        label=_("Access"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        help_text=_(
            "A read-only token cannot change anything. Choose read and write only for a "
            "program that must make changes."
        ),
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=pgettext_lazy("audit log", "Action"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pairs = AuditEntry.objects.order_by().values_list("action", "object_type").distinct()
        # Actions under the kind of thing they were done to: "Approved" alone could be a request, an
        # equipment request or a change of agreement.
        kinds: dict[str, str] = {}
        for action, object_type in sorted(pairs):
            kinds.setdefault(action, type_label(object_type) if object_type else "")
        grouped: dict[str, list[tuple[str, str]]] = {}
        for action, kind in kinds.items():
            grouped.setdefault(kind, []).append((action, action_label(action)))
        self.fields["action"].choices = [("", _("All"))] + [
            (kind or _("Other"), sorted(actions, key=lambda choice: choice[1]))
            for kind, actions in sorted(grouped.items(), key=lambda group: (not group[0], group[0]))
        ]
        types = {object_type for _action, object_type in pairs if object_type}
        named = sorted(((t, type_label(t)) for t in types), key=lambda choice: choice[1])
        self.fields["object_type"].choices = [("", _("All")), *named]


class RecipientLanguagePasswordResetForm(PasswordResetForm):
    """The reset e-mail goes out in the recipient's language, not the requester's browser's."""

    def get_users(self, email):
        """Active people with this address, also those who never had a password (Django skips
        them, but imported people have none until they choose one)."""
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, *args, **kwargs
    ):
        """Like every message Distans sends by itself: text and HTML, marked as automatic."""
        with translation.override(context["user"].language):
            subject = "".join(render_to_string(subject_template_name, context).splitlines())
            body = render_to_string(email_template_name, context)
            automatic_message(subject, body, [to_email]).send()


def validate_date_range(value: datetime.date) -> None:
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValidationError(
            _("Choose a date between %(min)s and %(max)s."),
            code="date_range",
            params={
                "min": date_format(DATE_MIN, "SHORT_DATE_FORMAT"),
                "max": date_format(DATE_MAX, "SHORT_DATE_FORMAT"),
            },
        )


class DateInput(forms.DateInput):
    """The browser's date picker. Its value is always ISO (2026-12-14) whatever the language's own date
    format, which a date input refuses and shows as blank (Danish "14.12.2026")."""

    input_type = "date"

    def __init__(self, attrs=None):
        limits = {"min": DATE_MIN.isoformat(), "max": DATE_MAX.isoformat()}
        super().__init__({**limits, **(attrs or {})}, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date from the picker, within DATE_MIN–DATE_MAX: every date field in the forms is one."""

    widget = DateInput
    default_validators = [validate_date_range]


class WorkdaysField(forms.TypedMultipleChoiceField):
    """Weekdays Monday to Friday as checkboxes, cleaned to numbers (Monday 0); none chosen is allowed
    unless `required=True` is passed."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, required=False, **kwargs):
        super().__init__(choices=WORKDAYS, coerce=int, required=required, **kwargs)
