"""The agreement's words: the terms put into plain words in the agreement's language, a template's
sections filled with them, the text that is signed and its SHA-256."""

import datetime
import hashlib
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, npgettext

from distans.agreements import rules
from distans.agreements.terms import AgreementTerms
from distans.arrangements.models import Location
from distans.core import places
from distans.core.markdown import render
from distans.core.translated import localized
from distans.core.weekdays import NAMES
from distans.policy.findings import plain_number

# What each term is called, for the draft form and for "this is missing" messages.
TERM_LABELS = {
    "employer": gettext_lazy("Employer"),
    "employee": gettext_lazy("Employee"),
    "start_date": gettext_lazy("Start"),
    "days_per_week": gettext_lazy("Remote days a week"),
    "working_hours": gettext_lazy("Working hours on remote days"),
    "notice_weeks": gettext_lazy("Notice in weeks"),
    "equipment": gettext_lazy("Equipment provided"),
}


# Words Distans itself puts into the terms. A term keeps the code, {"phrase": code}, and the text says it
# in the agreement's language; what HR or the manager types is a plain string and stays as typed.
PHRASES = {
    "as_at_office": gettext_lazy("as at the office, under the employment contract"),
    "standard_equipment": gettext_lazy("laptop, mobile phone and headset"),
}


def phrase(code: str) -> dict:
    return {"phrase": code}


def lent(items) -> dict:
    """Equipment on loan as a term: each item's name in every language and its serial number."""
    return {"items": [{"name": name, "serial": serial or ""} for name, serial in items]}


def words(value, language: str) -> str:
    """A term's value in words in `language`: a phrase code or lent items said in that language, typed
    text as it was typed."""
    if isinstance(value, dict):
        with translation.override(language):
            if "phrase" in value:
                return str(PHRASES.get(value["phrase"], ""))
            return ", ".join(
                f"{localized(item['name'], language)} ({item['serial']})"
                if item.get("serial")
                else localized(item["name"], language)
                for item in value.get("items", [])
            )
    return "" if value is None else str(value)


def signed_time(moment: datetime.datetime, time_zone: str, language: str) -> str:
    """When a signature was made, on the signer's clock, in the language's format with the zone:
    "30 november 2026 09:14 CET"."""
    try:
        zone = zoneinfo.ZoneInfo(time_zone or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    local = timezone.localtime(moment, zone)
    with translation.override(language):
        return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"


def _date(value: datetime.date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _weekdays(numbers) -> str:
    return ", ".join(str(NAMES[number]) for number in sorted(numbers))


def _evaluations(start: datetime.date, terms: AgreementTerms) -> str:
    trial_weeks = terms.trial_weeks if terms.trial else None
    dates = rules.evaluation_dates(start, trial_weeks, terms.evaluation_months)
    return ", ".join(formats.date_format(day, "DATE_FORMAT") for day in dates)


def _pattern(terms: AgreementTerms) -> str:
    if terms.flexible or not terms.weekdays:
        return _("flexible days, agreed in the weekly plan")
    return _("fixed days: %(days)s") % {"days": _weekdays(terms.weekdays)}


def _place(terms: AgreementTerms) -> str:
    if terms.location == Location.ABROAD:
        where = _("abroad, in %(country)s") % {"country": places.country_name(terms.abroad_country) or "?"}
    elif terms.location == "other_private":
        where = _("another private place in the employee's country of work")
    else:
        where = _("the employee's own home, at the address registered with the employer")
    return f"{where} ({terms.place})" if terms.place else where


def display_values(terms: AgreementTerms, language: str) -> dict[str, str]:
    """Every placeholder a template may use, in words, in `language`."""
    with translation.override(language):
        notice = terms.notice_weeks
        return {
            "employer": terms.employer,
            "employee": terms.employee,
            "employee_number": terms.employee_number or "–",
            "position": terms.position or "–",
            "unit": terms.unit or "–",
            "manager": terms.manager or "–",
            "employment_start": _date(terms.employment_start) or "–",
            "initiator": _("the employee") if terms.initiator == "employee" else _("the employer"),
            "start_date": _date(terms.start_date),
            "duration": (
                _("temporary, until and including %(date)s") % {"date": _date(terms.end_date)}
                if terms.end_date
                else _("until further notice")
            ),
            "place": _place(terms),
            "abroad_country": places.country_name(terms.abroad_country),
            "days": plain_number(terms.days),
            "days_pattern": _pattern(terms),
            "averaging_weeks": str(terms.averaging_weeks or 4),
            "working_hours": words(terms.working_hours, language),
            "reachable_hours": terms.reachable_hours or _("none agreed beyond the working hours"),
            "meeting_times": terms.meeting_times,
            "office_days": _weekdays(terms.office_weekdays) or _("none"),
            "trial_weeks": str(terms.trial_weeks),
            "trial": (
                ngettext("a trial of %(weeks)d week", "a trial of %(weeks)d weeks", terms.trial_weeks)
                % {"weeks": terms.trial_weeks}
                if terms.trial
                else _("none agreed")
            ),
            "evaluation_dates": _evaluations(terms.start_date, terms) if terms.start_date else "",
            "evaluation_months": str(terms.evaluation_months),
            # In a sentence ("with 4 weeks' notice", "4 veckors uppsägningstid") and on its own ("4 veckor").
            "notice": (
                ngettext("%(weeks)d week", "%(weeks)d weeks", notice) % {"weeks": notice}
                if notice is not None
                else ""
            ),
            "notice_period": (
                npgettext("duration", "%(weeks)d week", "%(weeks)d weeks", notice) % {"weeks": notice}
                if notice is not None
                else ""
            ),
            "equipment": words(terms.equipment, language),
            "workplace_check": _date(terms.workplace_check) or _("before the agreement takes effect"),
            "policy_version": str(terms.policy_version or ""),
        }


PLACEHOLDERS = frozenset(display_values(AgreementTerms(start_date=datetime.date(2026, 1, 5)), "en"))


def _fill(text: str, values: dict[str, str]) -> str:
    return rules.PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def compose(
    title: str, sections: list[dict], terms: AgreementTerms, language: str, dk_screen_days: Decimal
) -> str:
    """The agreement's full text in Markdown: what is shown, turned into the PDF and signed."""
    values = display_values(terms, language)
    held = rules.conditions(terms, dk_screen_days)
    parts = [f"# {title}"]
    number = 0
    for section in sections:
        if section.get("when") and section["when"] not in held:
            continue
        number += 1
        parts.append(
            f"## {number}. {_fill(section['title'], values)}\n\n{_fill(section['body'], values).strip()}"
        )
    return "\n\n".join(parts) + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def as_html(text: str) -> str:
    return render(text)
