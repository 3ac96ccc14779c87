import datetime
import hashlib
from html import escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.arrangements.models import Location
from distans.core.dates import DATE_MAX, DATE_MIN
from distans.core.htmx import is_htmx
from distans.core.places import zone_city
from distans.core.refusals import refusal_on, refused
from distans.org.models import Person, Site, Unit
from distans.planning import labels, queries, rules, services
from distans.planning.forms import (
    DayForm,
    PatternForm,
    PreferenceForm,
    UnitFilterForm,
    UnitSettingsForm,
)
from distans.planning.models import FeedToken, PlanPreference, WorkPattern
from distans.planning.permissions import (
    away_reasons_visible,
    can_manage_unit,
    can_plan_site,
    can_see_office_presence,
    can_see_unit_plan,
    can_view_organisation_plans,
    get_plan_person_for_user,
    get_plan_unit_for_user,
)


def _week(request):
    today = timezone.localdate()
    if today.weekday() >= 5:  # at the weekend, the week ahead is the one people plan
        today += datetime.timedelta(days=7 - today.weekday())
    try:
        monday = rules.monday_of(request.GET.get("week", ""))
        if not DATE_MIN <= monday <= DATE_MAX:
            raise ValueError(monday)
    except ValueError:  # missing, wrong or out of the window: the current week
        monday = today - datetime.timedelta(days=today.weekday())
    dates = [monday + datetime.timedelta(days=offset) for offset in range(7)]
    year, number, _day = monday.isocalendar()
    return dates, {
        "year": year,
        "number": number,
        "previous": rules.iso_week(monday - datetime.timedelta(days=7)),
        "next": rules.iso_week(monday + datetime.timedelta(days=7)),
    }


def _errors(form) -> str:
    """A form's errors as one message, for forms that answer with a redirect."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@login_required
def my_week(request):
    return _my_week(request)


def _my_week(request, pattern_form: PatternForm | None = None, status: int = 200):
    """My week; `pattern_form` bound with its errors when the usual week was refused."""
    person = request.user
    dates, week = _week(request)
    words, sites = labels.words(), queries.site_names()
    abroad = queries.abroad_places([person.pk], dates[0], dates[-1]).get(person.pk, [])
    days = [
        (day, labels.day_label(day, words, reasons=True, sites=sites), off)
        for day, off in zip(
            rules.abroad_days(queries.person_days(person, dates), abroad),
            queries.weekend_off(person, dates),
            strict=True,
        )
    ]
    pattern = (
        WorkPattern.objects.filter(person=person, valid_from__lte=dates[-1]).order_by("-valid_from").first()
    )
    unit_settings = queries.unit_settings(person.unit) if person.unit else {"office_weekdays": []}
    preference = PlanPreference.objects.filter(person=person).first()
    right = queries.right_on(person, dates[0])
    return render(
        request,
        "planning/my_week.html",
        {
            "days": days,
            "week": week,
            "today": timezone.localdate(),
            "office_weekdays": unit_settings["office_weekdays"],
            "right": right,
            "Location": Location,
            "suspended": right is None
            and dates[-1] >= timezone.localdate()  # a suspension holds from now until it is lifted
            and queries.agreement_suspended(person),
            "pattern_form": pattern_form
            or PatternForm(
                pattern_days=pattern.days() if pattern else None,
                initial={
                    "valid_from": max(timezone.localdate(), dates[0]),
                    "site": pattern.site_id if pattern else None,
                    "work_start": pattern.work_start if pattern else datetime.time(8),
                    "work_end": pattern.work_end if pattern else datetime.time(16, 30),
                },
            ),
            "feed": FeedToken.objects.filter(person=person, unit__isnull=True).first(),
            "preference_form": PreferenceForm(
                initial={
                    "preferred_office": preference.preferred_office if preference else [],
                    "unwanted_office": preference.unwanted_office if preference else [],
                }
            ),
            "unit_feed": FeedToken.objects.filter(person=person, unit=person.unit).first()
            if person.unit
            else None,
        },
        status=status,
    )


@login_required
@require_POST
def day_set(request, pk: int):
    """Change one day (htmx: answers the day's cell, with the reason and the refusal's status when
    refused: 409 when every desk is taken, 422 when a rule says no)."""
    person = get_plan_person_for_user(request.user, pk, for_write=True)
    form = DayForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a day and where you will be."), status=422)
    data = form.cleaned_data
    with refused() as refusal:
        day = services.day_set(
            actor=request.user,
            person=person,
            date=data["date"],
            kind=data["kind"],
            site=data["site"],
            away_reason=data["away_reason"],
            country=data["country"],
        )
    if refusal:
        day = queries.person_days(person, [data["date"]])[0]
    abroad = queries.abroad_places([person.pk], day.date, day.date).get(person.pk, [])
    day = rules.abroad_days([day], abroad)[0]
    if is_htmx(request):
        return render(
            request,
            "planning/_day.html",
            {
                "day": day,
                "label": labels.day_label(day, labels.words(), reasons=True, sites=queries.site_names()),
                "error": refusal.message,
                "today": timezone.localdate(),
                "weekend_off": queries.weekend_off(person, [day.date])[0],
            },
            status=refusal.status,
        )
    (messages.error if refusal else messages.success)(request, refusal.message or _("Saved."))
    return redirect(
        request.POST.get("next") if request.POST.get("next", "").startswith("/") else "planning:my_week"
    )


@login_required
@require_POST
def preferences_set(request):
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.plan_preferences_set(
            actor=request.user,
            person=request.user,
            preferred=form.cleaned_data["preferred_office"],
            unwanted=form.cleaned_data["unwanted_office"],
        )
        messages.success(request, _("Your preferences are saved; the planner takes them into account."))
    else:
        messages.error(request, _errors(form))
    return redirect("planning:my_week")


@login_required
@require_POST
def pattern_set(request, pk: int):
    """Save a usual week; refused, My week again with the form and its errors beside the fields."""
    person = get_plan_person_for_user(request.user, pk, for_write=True)
    form = PatternForm(request.POST)
    if form.is_valid():
        with refusal_on(form):
            services.pattern_set(
                actor=request.user,
                person=person,
                valid_from=form.cleaned_data["valid_from"],
                days=form.days(),
                site=form.cleaned_data["site"],
                work_start=form.cleaned_data["work_start"],
                work_end=form.cleaned_data["work_end"],
            )
            messages.success(
                request,
                _("Your usual week is saved from %(date)s.")
                % {"date": formats.date_format(form.cleaned_data["valid_from"], "DATE_FORMAT")},
            )
            return redirect("planning:my_week")
    return _my_week(request, pattern_form=form, status=422)


@login_required
def team_week(request, pk: int | None = None):
    """A unit's week, for its members, its managers and HR (404 for anyone else)."""
    unit = get_plan_unit_for_user(request.user, pk) if pk else request.user.unit
    if unit is None:
        raise Http404
    dates, week = _week(request)
    key = queries.team_week_key(unit, dates[:5])
    grid = None
    # Whom the user manages matters only for the reasons people are away; most weeks have few, so the
    # recursive query runs only for them. Who they are is kept with the week.
    private = cache.get(f"{key}:private")
    if private is None:
        grid = queries.team_week_kept(unit, dates[:5], key)
        private = [
            row["person"][0]
            for row in grid["rows"]
            if any(day.detail and day.kind == rules.AWAY for day in row["days"])
        ]
        cache.set(f"{key}:private", private, queries.TEAM_WEEK_KEPT)
    shown = away_reasons_visible(request.user, private)
    # The drawn grid is kept too, for everyone who may see the same away reasons: drawing 1,000 cells
    # took most of the page's time. It goes with the kept week (the key has the plan stamp).
    drawn_key = f"{key}:drawn:{hashlib.sha256(repr(sorted(shown)).encode()).hexdigest()[:16]}"
    drawn = cache.get(drawn_key)
    if drawn is None:
        drawn = _team_grid(unit, grid or queries.team_week_kept(unit, dates[:5], key), shown, week)
        cache.set(drawn_key, drawn, queries.TEAM_WEEK_KEPT)
    return render(
        request,
        "planning/team_week.html",
        {
            "unit": unit,
            "week": week,
            "can_manage": can_manage_unit(request.user, unit),
            "drawn": mark_safe(drawn),  # noqa: S308  (drawn by the template language, escaped there)
        },
    )


def _team_grid(unit: Unit, grid: dict, shown, week) -> str:
    """The team week's navigation, legend, grid, duties and problems, drawn (no request: nothing in it
    depends on who looks but the away reasons they may see)."""
    words = labels.words()
    person_url = reverse("org:person", args=[0]).replace("/0/", "/{}/")  # reversed once, not 200 times
    today = timezone.localdate()
    marks = [
        (" team-day" if column["office_day"] else "") + (" today" if column["date"] == today else "")
        for column in grid["columns"]
    ]
    for column, mark in zip(grid["columns"], marks, strict=True):
        column["mark"] = mark
    for office in grid["desks"]:
        office["days"] = [{**day, "mark": mark} for day, mark in zip(office["days"], marks, strict=True)]
    for row in grid["rows"]:
        row["cells"] = _cells(row["days"], grid["sites"], words, row["person"][0] in shown, marks)
        row["url"], row["name"] = (
            person_url.format(row["person"][0]),
            f"{row['person'][1]} {row['person'][2]}",
        )
    dates = [column["date"] for column in grid["columns"]]
    return render_to_string(
        "planning/_team_grid.html",
        {"unit": unit, "grid": grid, "today": today, "duties": _duty_rows(grid, dates), "week": week},
    )


DUTY_NAMES_SHOWN = 4


def _duty_rows(grid: dict, dates: list) -> list[dict]:
    """Each duty's cover on each day: who works through its hours, in their own hours and time zone,
    and whether that is fewer than it needs. None for a day the duty is not kept."""
    members = queries.infos([row["person"] for row in grid["rows"]])
    days = {row["person"][0]: row["days"] for row in grid["rows"]}
    names = {row["person"][0]: row["name"] for row in grid["rows"]}
    found = []
    for duty in grid["settings"]["duties"] or []:
        needed = int(duty.get("min_people") or 1)
        cells: list[dict[str, object] | None] = []
        for cover in rules.duty_cover(dates, members, days, duty):
            if cover is None:
                cells.append(None)
                continue
            cells.append(
                {
                    "people": [
                        labels.cover_label(names[one.person_id], one, duty["time_zone"])
                        for one in cover[:DUTY_NAMES_SHOWN]
                    ],
                    "more": max(len(cover) - DUTY_NAMES_SHOWN, 0),
                    "count": len(cover),
                    "short": len(cover) < needed,
                }
            )
        found.append(
            {
                "name": duty["name"],
                "hours": labels.hours(
                    datetime.time.fromisoformat(duty["start"]), datetime.time.fromisoformat(duty["end"])
                ),
                "city": zone_city(duty["time_zone"]),
                "needed": needed,
                "cells": cells,
            }
        )
    return found


def _cells(
    days: list[rules.Day], sites: dict[int, str], words: dict[str, str], reasons: bool, marks: list[str]
) -> str:
    """A row of the grid, each cell coloured by its kind and marked in the team office day's and today's
    columns (`marks`: their classes). 200 people make 1,000 cells; the template language (or format_html)
    took most of the page's time at that size, so the cells are joined here, every value escaped."""
    return mark_safe(
        "".join(  # noqa: S308  (each value goes through escape)
            f'<td class="cell kind-{escape(day.kind)}{mark}"'
            f' title="{escape(sites.get(day.site_id or 0, ""))}">'
            f"{escape(labels.day_label(day, words, reasons=reasons))}</td>"
            for day, mark in zip(days, marks, strict=True)
        )
    )


# The office page maps this many weeks, from the chosen one.
SITE_WEEKS = 6


@login_required
def site_day(request, pk: int):
    """An office's desks taken, weeks by weekdays from the chosen week, and who is booked that week (for
    those who may see names)."""
    site = get_object_or_404(Site, pk=pk)
    dates, week = _week(request)
    weeks = queries.site_weeks(site, dates[0], SITE_WEEKS)
    return render(
        request,
        "planning/site_day.html",
        {
            "site": site,
            "week": week,
            "weeks": weeks,
            "first": weeks[0]["days"],
            "today": timezone.localdate(),
            "sites": Site.objects.order_by("name"),
            "can_plan": can_plan_site(request.user, site),
            "names": can_see_office_presence(request.user),
        },
    )


@login_required
def problems(request):
    """Problems ahead in the units the user manages; HR and HR approvers see the whole organisation, or
    a unit with the units under it (?unit=). The same problem on several days is one line with its days.
    A bounded number of queries whatever the number of units (`queries.problems_ahead_for`)."""
    organisation = can_view_organisation_plans(request.user)
    form = UnitFilterForm(request.GET or None) if organisation else None
    chosen = form.cleaned_data["unit"] if form is not None and form.is_valid() else None
    if chosen is not None:
        units = Unit.objects.filter(pk__in=queries.unit_and_below(chosen))
    elif organisation:
        units = Unit.objects.filter(members__is_active=True).distinct()
    else:
        units = queries.managed_units(request.user)
    units = list(units.order_by("name"))
    too_large = (
        organisation
        and chosen is None
        and Person.objects.filter(is_active=True).count() > queries.WHOLE_ORGANISATION_LIMIT
    )
    start = timezone.localdate()
    dates = [start + datetime.timedelta(days=offset) for offset in range(queries.PROBLEM_WEEKS * 7)]
    ahead = {} if too_large else queries.problems_ahead_for(units, dates)
    offices = []
    if organisation:  # an office over capacity is one problem, listed once, not under each of its units
        offices, ahead = _office_problems(ahead)
    found = [{"unit": unit, "problems": rules.group_problems(ahead.get(unit.pk, []))} for unit in units]
    if organisation:  # across many units, only those with something to see
        found = [entry for entry in found if entry["problems"]]
    return render(
        request,
        "planning/problems.html",
        {
            "found": found,
            "offices": offices,
            "weeks": queries.PROBLEM_WEEKS,
            "form": form,
            "chosen": chosen,
            "too_large": too_large,
            "limit": queries.WHOLE_ORGANISATION_LIMIT,
            "quiet": len(units) - len(found),
        },
    )


def _office_problems(ahead: dict[int, list[dict]]) -> tuple[list[dict], dict[int, list[dict]]]:
    """Offices over capacity taken out of the units' problems: each office once, with its days."""
    full = {}
    for problems in ahead.values():
        for problem in problems:
            if problem["code"] == "capacity":
                full[(problem["site"], problem["date"])] = problem
    rest = {unit_id: [p for p in problems if p["code"] != "capacity"] for unit_id, problems in ahead.items()}
    return rules.group_problems([full[key] for key in sorted(full)]), rest


@login_required
def unit_settings(request, pk: int):
    unit = get_plan_unit_for_user(request.user, pk, for_write=True)
    form = UnitSettingsForm(
        request.POST or None,
        settings=queries.unit_settings(unit),
        time_zones=queries.unit_members(unit).values_list("time_zone", flat=True).distinct(),
    )
    if request.method == "POST" and form.is_valid():
        services.unit_settings_save(actor=request.user, unit=unit, **form.values())
        messages.success(request, _("The unit's settings are saved."))
        if "another" in request.POST:  # "Save and add another duty": back to a fresh empty duty
            return redirect("planning:unit_settings", pk=unit.pk)
        return redirect("planning:team", pk=unit.pk)
    status = 200
    if form.is_bound:  # 409 when someone else changed the duties meanwhile; 422 for what the form refuses
        status = 409 if form.has_error(NON_FIELD_ERRORS, "duties_changed") else 422
    return render(request, "planning/unit_settings.html", {"unit": unit, "form": form}, status=status)


@login_required
@require_POST
def feed_reset(request):
    unit = request.user.unit if request.POST.get("unit") == "1" else None
    services.feed_reset(actor=request.user, person=request.user, unit=unit)
    messages.success(request, _("Your calendar address is new; the old one no longer works."))
    return redirect("planning:my_week")


def feed(request, token: str):
    """A calendar feed at a secret address, for calendar programs (no sign-in)."""
    found = FeedToken.objects.select_related("person", "unit").filter(token=token).first()
    if found is None or not found.person.is_active:
        raise Http404
    if found.unit and not can_see_unit_plan(found.person, found.unit):  # moved to another unit since
        raise Http404
    from distans.planning import calendar  # here: icalendar takes half a second to load at start-up

    body = calendar.unit_feed(found.unit, found.person) if found.unit else calendar.person_feed(found.person)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
def my_ics(request):
    """A one-off download of my next weeks."""
    from distans.planning import calendar  # here: icalendar takes half a second to load at start-up

    response = HttpResponse(calendar.person_feed(request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="distans-plan.ics"'
    return response
