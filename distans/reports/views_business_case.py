"""The business case page, its PDF and the CSV or XLSX of each of its tables, for a period and a choice of
unit, site and country. HR, HR approvers and administrators choose among every unit; a manager among her
own units and those below them."""

import datetime
from typing import cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from distans.core.forms import DateField
from distans.core.pdf import archival_pdf
from distans.core.permissions import require
from distans.org.models import Country, Site
from distans.planning.queries import unit_and_below
from distans.reports import aggregation, business_case_report, tables
from distans.reports.business_case import (
    Selection,
    can_view_business_case,
    can_view_everything,
    default_period,
    figures,
    visible_units,
)
from distans.reports.effect_forms import MOST_UNITS_IN_LIST
from distans.reports.kept import Kept

LONGEST = 366  # days: a year at most, so that one page stays within its second


class BusinessCaseForm(forms.Form):
    start = DateField(label=_("From"), required=False)
    end = DateField(label=_("To"), required=False)
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=None, to_field_name="code"
    )
    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.order_by("name"), required=False)
    country = forms.ChoiceField(label=_("Country of employment"), required=False)

    def __init__(self, data, *, user, today: datetime.date):
        self.user, self.today = user, today
        super().__init__(data)
        units = cast(forms.ModelChoiceField, self.fields["unit"])
        units.queryset = visible_units(user)
        units.empty_label = _("All units") if can_view_everything(user) else _("All my units")
        if units.queryset.count() > MOST_UNITS_IN_LIST:  # thousands of options: a second to draw, and no help
            units.widget = forms.TextInput()
            units.help_text = _("The unit's code, with the units under it.")
        cast(forms.ModelChoiceField, self.fields["site"]).empty_label = _("All sites")
        cast(forms.ChoiceField, self.fields["country"]).choices = [("", _("All countries")), *Country.choices]

    def clean(self):
        data = super().clean()
        default_start, default_end = default_period(self.today)
        data["start"] = data.get("start") or default_start
        data["end"] = data.get("end") or default_end
        if "start" in self.errors or "end" in self.errors:
            return data
        if data["end"] < data["start"]:
            self.add_error("end", _("The end comes before the start."))
        elif (data["end"] - data["start"]).days >= LONGEST:
            self.add_error("end", _("Choose a period of at most a year."))
        return data

    def selection(self) -> Selection:
        data = self.cleaned_data
        if data["unit"] is not None:
            unit_ids: tuple[int, ...] | None = tuple(unit_and_below(data["unit"]))
        elif can_view_everything(self.user):
            unit_ids = None
        else:
            unit_ids = tuple(visible_units(self.user).values_list("pk", flat=True))
        return Selection(
            start=data["start"],
            end=data["end"],
            today=self.today,
            unit_ids=unit_ids,
            site_id=data["site"].pk if data["site"] else None,
            country=data["country"] or "",
        )


def business_case_form(user, data: dict) -> BusinessCaseForm:
    """The form for the reader's choice; the period shown in it is the one counted: the default unless
    the reader chose another."""
    today = timezone.localdate()
    start, end = default_period(today)
    return BusinessCaseForm(
        {"start": start.isoformat(), "end": end.isoformat(), **data}, user=user, today=today
    )


def _report(request, *, now: bool = False) -> tuple[BusinessCaseForm, Kept | None]:
    """The form and, when it is valid, the kept figures (`now`: computed on this request if none are)."""
    require(can_view_business_case(request.user))
    form = business_case_form(request.user, request.GET.dict())
    if not form.is_valid():
        return form, None
    return form, figures(form.selection(), now=now)


def _context(form, found: Kept | None) -> dict:
    result = found.figures if found else None
    report_tables = business_case_report.tables(result) if result else {}
    return {
        "form": form,
        "result": result,
        "tables": [
            {"key": key, "table": table, "rows": business_case_report.display(table)}
            for key, table in report_tables.items()
        ],
        "assumptions": business_case_report.assumptions(),
        "min_group": aggregation.min_group(),
        "computed_at": found.computed_at if found else None,
        "current": found.current if found else True,
        "pending": bool(found and found.pending),
    }


@login_required
def business_case(request):
    form, found = _report(request)
    context = _context(form, found)
    if context["result"] is not None:
        context["charts"] = business_case_report.chart_list(context["result"])
    return render(request, "reports/business_case.html", context)


@login_required
def business_case_export(request, table: str, kind: str):
    form, found = _report(request, now=True)
    if found is None:
        return render(request, "reports/business_case.html", _context(form, None), status=400)
    report_tables = business_case_report.tables(found.figures)
    if table not in report_tables:
        raise Http404
    return tables.export(report_tables[table], kind)


@login_required
def business_case_pdf(request):
    form, found = _report(request, now=True)
    if found is None:
        return render(request, "reports/business_case.html", _context(form, None), status=400)
    context = _context(form, found)
    html = render_to_string("reports/business_case_pdf.html", context, request)
    response = HttpResponse(archival_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="business-case.pdf"'
    return response
