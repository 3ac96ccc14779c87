"""Forms for agreements: the draft's terms, signing, reasons, ending, the register's filters,
verification and the template editor."""

from decimal import Decimal, InvalidOperation
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from distans.agreements.models import AgreementStatus
from distans.agreements.terms import AgreementTerms
from distans.agreements.text import TERM_LABELS, words
from distans.arrangements.forms import MAX_UNITS_IN_SELECT
from distans.arrangements.models import Location
from distans.core import places
from distans.core.forms import DAY_STEPS, DateField, WorkdaysField
from distans.org.models import Country, Unit

# Terms whose value may be Distans's own words (a phrase code, lent equipment) rather than typed text.
WORDED_TERMS = ("working_hours", "equipment")


def day_step(value) -> str:
    """The choice for a number of days however it was stored: "2.0", 2 and "2" are all "2"."""
    try:
        return str(Decimal(str(value)).normalize()) if value not in (None, "") else ""
    except InvalidOperation:
        return ""


class TermsForm(forms.Form):
    initiator = forms.ChoiceField(
        label=_("Who took the initiative"),
        choices=[("employee", _("The employee")), ("employer", _("The employer"))],
    )
    start_date = DateField(label=_("Start"))
    end_date = DateField(
        label=_("End (empty: until further notice)"),
        required=False,
    )
    location = forms.ChoiceField(label=_("Place of work"), choices=Location.choices)
    abroad_country = forms.ChoiceField(label=_("Country abroad"), required=False)
    place = forms.CharField(
        label=_("More about the place (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example the municipality. The home address stays in the employee's record."),
    )
    days_per_week = forms.TypedChoiceField(label=TERM_LABELS["days_per_week"], choices=DAY_STEPS, coerce=str)
    flexible = forms.BooleanField(label=_("Flexible days"), required=False)
    weekdays = WorkdaysField(label=_("Fixed weekdays"))
    averaging_weeks = forms.IntegerField(label=_("Averaged over weeks"), min_value=1, max_value=26)
    working_hours = forms.CharField(label=TERM_LABELS["working_hours"], max_length=200, required=False)
    reachable_hours = forms.CharField(
        label=_("Reachable hours (empty: none agreed)"), max_length=200, required=False
    )
    meeting_times = forms.CharField(label=_("Recurring meetings"), max_length=200, required=False)
    office_weekdays = WorkdaysField(label=_("Team office days"))
    trial = forms.BooleanField(label=_("Trial period"), required=False)
    notice_weeks = forms.IntegerField(
        label=TERM_LABELS["notice_weeks"], min_value=0, max_value=26, required=False
    )
    equipment = forms.CharField(
        label=TERM_LABELS["equipment"],
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evening_work = forms.BooleanField(
        label=_("Evening work 21–23 at the employee's own initiative (Norway)"), required=False
    )
    change_note = forms.CharField(
        label=_("What changes"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args,
        country: str = "",
        amendment: bool = False,
        language: str = "en",
        current: AgreementTerms | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.language, self.current = language, current or AgreementTerms()
        # Countries by code, named in the user's language; a country typed before the list existed stays.
        countries = [("", "–"), *places.country_choices()]
        if self.current.abroad_country and self.current.abroad_country not in dict(countries):
            countries.append((self.current.abroad_country, self.current.abroad_country))
        cast(forms.ChoiceField, self.fields["abroad_country"]).choices = countries
        if country != "NO":
            del self.fields["evening_work"]
        if not amendment:
            del self.fields["change_note"]

    def clean(self):
        data = super().clean()
        if data.get("end_date") and data.get("start_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("The end cannot be before the start."))
        if data.get("location") == Location.ABROAD and not data.get("abroad_country"):
            self.add_error("abroad_country", _("Needed when the place of work is abroad."))
        days = Decimal(data.get("days_per_week") or "0")
        if not data.get("flexible") and len(data.get("weekdays") or []) != int(
            days.to_integral_value(rounding="ROUND_CEILING")
        ):
            self.add_error(
                "weekdays", _("Choose as many fixed weekdays as remote days, or tick flexible days.")
            )
        return data

    def terms(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("change_note", None)
        data["start_date"] = data["start_date"].isoformat()
        data["end_date"] = data["end_date"].isoformat() if data.get("end_date") else ""
        data["weekdays"] = [] if data["flexible"] else sorted(data["weekdays"])
        data["office_weekdays"] = sorted(data["office_weekdays"])
        for key in WORDED_TERMS:  # left as shown: keep Distans's own words, said in the agreement's language
            if key in data and data[key] == words(getattr(self.current, key), self.language):
                data[key] = getattr(self.current, key)
        return data

    @classmethod
    def initial_from(cls, terms: AgreementTerms, language: str = "en") -> dict:
        """The form's values from the terms (as stored, since the fields are named after the terms): the
        days as one of the choices, words in the agreement's language."""
        stored = terms.to_dict()
        initial = {key: stored[key] for key in cls.base_fields if key in stored}
        initial["days_per_week"] = day_step(terms.days_per_week)
        for key in WORDED_TERMS:
            initial[key] = words(getattr(terms, key), language)
        return initial


class SignForm(forms.Form):
    accepted = forms.BooleanField(label=_("I have read and accept the agreement"), required=False)
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        required=False,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class AmendForm(forms.Form):
    change_note = forms.CharField(
        label=_("What changes and why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class EndForm(forms.Form):
    last_day = DateField(
        label=_("Last day (empty: when the notice has run)"),
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    by_agreement = forms.BooleanField(
        label=_("Both sides agree on this day (no notice needed)"), required=False
    )


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.order_by("name"), required=False, empty_label=_("All units")
    )
    days = forms.ChoiceField(label=_("Days a week"), required=False)
    ending = forms.TypedChoiceField(
        label=_("Ending"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any time")), ("30", _("Within 30 days")), ("90", _("Within 90 days"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if Unit.objects.count() > MAX_UNITS_IN_SELECT:
            self.fields["unit"].widget = forms.HiddenInput()
        self.fields["status"].choices = [("", _("All")), *AgreementStatus.choices]
        self.fields["country"].choices = [("", _("All")), *Country.choices]
        self.fields["days"].choices = [("", _("All")), *DAY_STEPS]


class VerifyForm(forms.Form):
    pdf = forms.FileField(label=_("The PDF"), required=False)
    sha256 = forms.CharField(label=_("Or the SHA-256 printed in it"), max_length=64, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("pdf") and not data.get("sha256"):
            raise forms.ValidationError(_("Choose a PDF or paste a SHA-256."))
        if data.get("pdf") and data["pdf"].size > 10 * 1024 * 1024:
            self.add_error("pdf", _("The file is larger than 10 MB; an agreement's PDF is much smaller."))
        return data
