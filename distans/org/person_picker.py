"""Choosing a person: a search-as-you-type field that works for 100,000 people, and without JavaScript.

Whom a field may find is its *purpose*'s answer (`hooks.person_choices`, registered by the app that
owns the form), asked on the server both by the search endpoint (`views.person_search`) and when
the form is submitted, so a search never shows, and a form never accepts, anyone else.

The widget is a text input (`<name>_text`, an ARIA combobox) and a hidden input (`<name>`, the
chosen person's id). Picking a suggestion fills both (`static/distans/person_picker.js`). Without
JavaScript, or when the typed text is not the chosen person's label, the text is resolved: an
e-mail address or employee number, or a name that only one person matches. Clients that post the
id alone (the field's name) keep working.

A purpose answers a queryset, whose active people may be picked, or a `Choices` that says more:
that people who have left may be picked too (privacy: a copy of a leaver's data, a hold on it), and
what else names someone there (privacy: "#n", former employee #n).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django import forms
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from distans.org.hooks import person_choices
from distans.org.models import Person
from distans.org.rules import fold, search_terms

LIMIT = 10
MAX_TEXT = 200
TOP = "\U0010ffff"  # sorts after every character: [term, term + TOP) is every text starting with term


@dataclass(frozen=True)
class Choices:
    """A purpose's answer when it means more than its active people: `leavers` lets people who have
    left be picked too, and `named` gives typed text the purpose's own meaning, as a filter on
    `people` (None for text it gives none)."""

    people: QuerySet[Person]
    leavers: bool = False
    named: Callable[[str], Q | None] | None = None

    def named_by(self, text: str) -> QuerySet[Person] | None:
        condition = self.named(text) if self.named else None
        return None if condition is None else self.people.filter(condition)


def choices_for(purpose: str, user) -> Choices:
    """Whom `user` may pick for `purpose`, as its subscriber answers; 404 for a purpose no app
    registered."""
    if purpose not in person_choices.subscribers:
        raise Http404
    answer = person_choices.run_one(purpose, user=user)
    choices = answer if isinstance(answer, Choices) else Choices(answer)
    return choices if choices.leavers else replace(choices, people=choices.people.filter(is_active=True))


def _starts(field: str, term: str) -> Q:
    # The range lets an ordinary index answer on every database; startswith keeps it exact where a
    # collation orders text otherwise (and lets PostgreSQL use its pattern index too).
    return Q(**{f"{field}__gte": term, f"{field}__lt": term + TOP, f"{field}__startswith": term})


def search(choices: Choices, query: str, limit: int = LIMIT) -> list[Person]:
    """People whose first name, last name, e-mail or employee number starts with the query's first
    word, and some other word of whose name starts with each of its other words ("åsa ö", "öberg å");
    an exact e-mail or number first, then by name. One query, through the name, e-mail and number
    indexes. Text the purpose names otherwise (`Choices.named`) finds whom it names."""
    named = choices.named_by(query.strip()[:MAX_TEXT])
    if named is not None:
        return list(named.select_related("unit").order_by("last_name", "first_name", "pk")[:limit])
    people = choices.people
    raw = query.strip()[:MAX_TEXT].split()
    words = search_terms(" ".join(raw))
    if not words:
        return []
    first, number = words[0], raw[0]
    starts = _starts("first_key", fold(first)) | _starts("last_key", fold(first)) | _starts("email", first)
    for variant in {number, number.upper()}:
        starts |= _starts("employee_number", variant)
    found = people.filter(starts)
    for word in words[1:]:  # among those, the start of another word of the name, e-mail or number
        found = found.filter(Q(search_text__startswith=word) | Q(search_text__contains=f" {word}"))
    exact = Q(email=first) | Q(employee_number__in={number, number.upper()})
    return list(
        found.select_related("unit")
        .annotate(exact=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("exact", "last_name", "first_name", "pk")[:limit]
    )


def label(person: Person) -> str:
    """What the field shows for a chosen person: the name, told apart from namesakes by the e-mail."""
    return f"{person.full_name} ({person.email})"


def resolve(choices: Choices, text: str) -> Person:
    """The one person the typed text names, or a ValidationError saying why not."""
    text = text.strip()[:MAX_TEXT]
    exact = choices.people.filter(
        Q(email=text.casefold()) | Q(employee_number__in={text, text.upper()})
    ).first()
    if exact is not None:
        return exact
    found = search(choices, text, limit=2)
    if len(found) == 1:
        return found[0]
    if not found:
        raise forms.ValidationError(
            _("No one you can choose here matches “%(text)s”."), code="no_match", params={"text": text}
        )
    raise forms.ValidationError(
        _(
            "More than one person matches “%(text)s”: type more of the name, or the e-mail address "
            "or employee number."
        ),
        code="several",
        params={"text": text},
    )


class PersonPickerWidget(forms.Widget):
    template_name = "org/widgets/person_picker.html"

    def __init__(self, purpose: str, attrs=None):
        super().__init__(attrs)
        self.purpose = purpose

    def value_from_datadict(self, data, files, name):
        return (data.get(name) or "", data.get(f"{name}_text"))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_text" not in data

    def format_value(self, value):
        return value  # (id, text), from PersonField.prepare_value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        pk, text = value or ("", "")
        context["widget"].update(
            pk=pk,
            text=text,
            search_url=f"{reverse('org:person_search')}?purpose={self.purpose}&field={name}_text",
        )
        return context


class PersonField(forms.Field):
    """A person among those `purpose` lets the user pick; call `allow(user)` in the form's __init__."""

    def __init__(self, *, purpose: str, **kwargs):
        kwargs.setdefault("widget", PersonPickerWidget(purpose))
        super().__init__(**kwargs)
        self.purpose = purpose
        self.choices = Choices(Person.objects.none())

    def allow(self, user) -> None:
        self.choices = choices_for(self.purpose, user)

    def _chosen(self, pk) -> Person | None:
        return self.choices.people.filter(pk=pk).first() if str(pk or "").isdigit() else None

    def prepare_value(self, value):
        if isinstance(value, tuple):  # as submitted: show it back as it was
            return value
        person = value if isinstance(value, Person) else self._chosen(value)
        return (person.pk, label(person)) if person else ("", "")

    def clean(self, value):
        pk, text = value if isinstance(value, tuple) else (value, None)
        text = (text or "").strip()
        chosen = self._chosen(pk)
        if chosen is not None and (not text or text == label(chosen)):
            return chosen
        if not text and not pk:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        if not text:  # an id alone, of no one the user may pick here
            raise forms.ValidationError(_("Choose someone from the list."), code="not_allowed")
        return resolve(self.choices, text)
