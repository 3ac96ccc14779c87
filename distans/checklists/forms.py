import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from distans.checklists import rules
from distans.checklists.models import ActionOwner, Effect, ItemKind, Kind, KnownFact, Respondent
from distans.checklists.queries import ASSESSOR
from distans.core.forms import DateField
from distans.core.translated import localized
from distans.org.models import Country, Unit
from distans.org.person_picker import PersonField

TRIGGER_ERRORS = {
    "no_triggers_for_kind": _("Only yes/no, scale and choice questions can have trigger answers."),
    "bad_yes_no_trigger": _("For a yes/no question, write yes or no."),
    "bad_number_trigger": _("Write numbers separated by commas, for example 1, 2."),
    "bad_scale_trigger": _("For a scale, use numbers from 1 to 5."),
    "bad_option_trigger": _("Use the numbers of the options, counting from 1."),
}


class TranslatedFieldsMixin:
    """Adds one field per language for each name in `translated`, e.g. title_en … title_da."""

    fields: dict[str, forms.Field]  # the form's, beside which the mixin stands
    cleaned_data: dict[str, Any]
    translated: dict = {}

    def add_translated(self, initial: dict):
        for name, (label, widget, required) in self.translated.items():
            for code, language in settings.LANGUAGES:
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=f"{label} ({language})",
                    required=required and code == "en",
                    widget=widget,
                    initial=(initial.get(name) or {}).get(code, ""),
                    max_length=2000,
                )

    def translated_value(self, name) -> dict:
        return {
            code: self.cleaned_data.get(f"{name}_{code}", "").strip() for code, _lang in settings.LANGUAGES
        }

    def language_groups(self):
        """The translated fields grouped per text, for the template's fieldsets."""
        return [
            {"label": label, "fields": [self[f"{name}_{code}"] for code, _lang in settings.LANGUAGES]}
            for name, (label, _widget, _required) in self.translated.items()
        ]

    def plain_fields(self):
        names = {f"{name}_{code}" for name in self.translated for code, _lang in settings.LANGUAGES}
        return [self[name] for name in self.fields if name not in names]


class TemplateCreateForm(TranslatedFieldsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    translated = {"title": (_("Title"), forms.TextInput, True)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated({})


class VersionForm(TranslatedFieldsMixin, forms.Form):
    respondent = forms.ChoiceField(label=_("Who answers"), choices=Respondent.choices)
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked for a checklist that applies in every country."),
    )
    pass_score = forms.IntegerField(
        label=_("Pass mark (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("A score below this fails the checklist. Leave empty for no pass mark."),
    )
    translated = {
        "title": (_("Title"), forms.TextInput, True),
        "intro": (_("Introduction"), forms.Textarea(attrs={"rows": 3}), False),
    }

    def __init__(self, *args, version, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "respondent": version.respondent,
                "countries": version.countries,
                "pass_score": version.pass_score,
            },
        )
        super().__init__(*args, **kwargs)
        self.add_translated({"title": version.title, "intro": version.intro})

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "title": self.translated_value("title"),
            "intro": self.translated_value("intro"),
            "respondent": data["respondent"],
            "countries": data["countries"],
            "pass_score": data["pass_score"],
        }


class ItemForm(TranslatedFieldsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Answer type"), choices=ItemKind.choices)
    known = forms.ChoiceField(
        label=_("Filled in from what Distans knows"),
        choices=KnownFact.choices,
        required=False,
        help_text=_(
            "For a number question: the respondent sees the value from the person's record instead of "
            "typing it, and types it only when it is not known."
        ),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    weight = forms.IntegerField(
        label=_("Weight in the score"),
        min_value=0,
        max_value=10,
        initial=1,
        help_text=_(
            "Yes/no and scale questions count towards the score; 0 leaves "
            "a question out of it. On a scale, 5 is best."
        ),
    )
    countries = forms.MultipleChoiceField(
        label=_("Only for people employed in"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to ask everyone."),
    )
    trigger = forms.CharField(
        label=_("Answers that trigger an effect"),
        required=False,
        max_length=100,
        help_text=_(
            "Yes/no: write yes or no. Scale: numbers such as 1, 2. Choices: option numbers such "
            "as 3. A triggered yes/no answer also scores nothing."
        ),
    )
    effect = forms.ChoiceField(label=_("Effect of a trigger answer"), choices=Effect.choices, required=False)
    action_owner = forms.ChoiceField(label=_("Who carries out the action"), choices=ActionOwner.choices)
    action_days = forms.IntegerField(label=_("Days to do the action"), min_value=1, max_value=365, initial=30)
    translated = {
        "text": (_("Question"), forms.TextInput, True),
        "help": (_("Help text"), forms.TextInput, False),
        "options": (_("Options, one per line"), forms.Textarea(attrs={"rows": 3}), False),
        "action_text": (_("Action to take"), forms.TextInput, False),
    }

    def __init__(self, *args, item=None, **kwargs):
        if item is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": item.kind,
                    "known": item.known,
                    "required": item.required,
                    "weight": item.weight,
                    "countries": item.countries,
                    "effect": item.effect,
                    "action_owner": item.action_owner,
                    "action_days": item.action_days,
                    "trigger": rules.trigger_answers_display(item.kind, item.trigger_answers),
                },
            )
        super().__init__(*args, **kwargs)
        options = (
            {
                code: "\n".join(localized(option["label"], code) for option in item.options)
                for code, _lang in settings.LANGUAGES
            }
            if item
            else {}
        )
        self.add_translated(
            {"text": item.text, "help": item.help, "options": options, "action_text": item.action_text}
            if item
            else {}
        )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        options = self._options()
        if kind in (ItemKind.SINGLE, ItemKind.MULTIPLE):
            counts = {len(lines) for lines in options.values() if lines}
            if len(options["en"]) < 2:
                self.add_error("options_en", _("Give at least two options, one per line."))
            elif len(counts) > 1:
                self.add_error(
                    "options_en", _("Every language needs the same number of options, in the same order.")
                )
        triggers, error = rules.parse_trigger_answers(kind or "", data.get("trigger", ""), len(options["en"]))
        if error:
            self.add_error("trigger", TRIGGER_ERRORS[error])
        elif data.get("effect") and not triggers:
            self.add_error("trigger", _("Say which answers trigger the effect."))
        data["trigger_answers"] = triggers
        return data

    def _options(self) -> dict:
        return {
            code: [
                line.strip()
                for line in self.cleaned_data.get(f"options_{code}", "").splitlines()
                if line.strip()
            ]
            for code, _lang in settings.LANGUAGES
        }

    def values(self) -> dict:
        data = self.cleaned_data
        options = self._options()
        return {
            "kind": data["kind"],
            "known": data.get("known") or "",
            "required": data["required"],
            "weight": data["weight"],
            "countries": data["countries"],
            "trigger_answers": data["trigger_answers"],
            "effect": data.get("effect") or "",
            "action_owner": data["action_owner"],
            "action_days": data["action_days"],
            "text": self.translated_value("text"),
            "help": self.translated_value("help"),
            "action_text": self.translated_value("action_text"),
            "options": [
                {
                    "value": f"o{n}",
                    "label": {
                        code: (options[code][n - 1] if n <= len(options[code]) else "") for code in options
                    },
                }
                for n in range(1, len(options["en"]) + 1)
            ],
        }


class AssignForm(forms.Form):
    template = forms.ChoiceField(label=_("Checklist"))
    due_date = DateField(label=_("Due date"))
    assessor = PersonField(
        purpose=ASSESSOR,
        label=_("Assessor"),
        required=False,
        help_text=_(
            "Who answers the manager's part: type a name, e-mail address or employee number. Empty "
            "means the line manager."
        ),
    )
    self_view = forms.BooleanField(
        label=_("Ask for the employee's own view first"),
        required=False,
        help_text=_("For checklists the manager answers, such as the suitability assessment."),
    )

    def __init__(self, *args, versions, user, **kwargs):
        kwargs.setdefault("initial", {"due_date": timezone.localdate() + datetime.timedelta(days=14)})
        super().__init__(*args, **kwargs)
        self.versions = {str(version.template_id): version for version in versions}
        self.fields["template"].choices = [
            (key, localized(version.title)) for key, version in self.versions.items()
        ]
        self.fields["assessor"].allow(user)


class AssignUnitForm(forms.Form):
    template = forms.ChoiceField(label=_("Checklist"))
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.order_by("name"))
    subunits = forms.BooleanField(label=_("Include the units below it"), required=False)
    due_date = DateField(label=_("Due date"))

    def __init__(self, *args, versions, **kwargs):
        kwargs.setdefault("initial", {"due_date": timezone.localdate() + datetime.timedelta(days=14)})
        super().__init__(*args, **kwargs)
        self.versions = {str(version.template_id): version for version in versions}
        self.fields["template"].choices = [
            (key, localized(version.title)) for key, version in self.versions.items()
        ]


YES_NO = [(rules.YES, _("Yes")), (rules.NO, _("No"))]
SCALE = [(n, str(n)) for n in rules.SCALE]


class ResponseForm(forms.Form):
    """The questions of a checklist as a form; `submitting` makes required questions required."""

    def __init__(self, *args, items, answers=None, known=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.known = known or {}  # item id -> KnownAnswer: shown, not typed
        answers = answers or {}
        for item in items:
            field = self._field_for(item)
            field.label = localized(item.text)
            field.help_text = localized(item.help)
            field.required = submitting and item.required
            field.initial = answers.get(str(item.pk))
            if known_answer := self.known.get(str(item.pk)):
                field.initial, field.disabled = known_answer.value, True
            self.fields[f"q{item.pk}"] = field

    @staticmethod
    def _field_for(item):
        options = [(option["value"], localized(option["label"])) for option in item.options]
        if item.kind == ItemKind.YES_NO:
            return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect)
        if item.kind == ItemKind.SCALE:
            return forms.TypedChoiceField(
                choices=SCALE, coerce=int, widget=forms.RadioSelect(attrs={"class": "scale"})
            )
        if item.kind == ItemKind.SINGLE:
            return forms.ChoiceField(choices=options, widget=forms.RadioSelect)
        if item.kind == ItemKind.MULTIPLE:
            return forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple)
        if item.kind == ItemKind.NUMBER:
            return forms.DecimalField(max_digits=12, decimal_places=2, localize=True)
        if item.kind == ItemKind.DATE:
            return DateField()
        return forms.CharField(max_length=rules.TEXT_MAX)

    def answers(self) -> dict:
        """The cleaned answers in their stored form, keyed by item id."""
        stored = {}
        for item in self.items:
            value: Any = self.cleaned_data.get(f"q{item.pk}")
            if rules.is_blank(value):
                continue
            if item.kind == ItemKind.NUMBER:
                value = int(value) if value == value.to_integral_value() else float(value)
            elif item.kind == ItemKind.DATE:
                value = value.isoformat()
            stored[str(item.pk)] = value
        return stored

    def rows(self):
        """(item, field, what Distans knows of it or None) for each question."""
        return [(item, self[f"q{item.pk}"], self.known.get(str(item.pk))) for item in self.items]
