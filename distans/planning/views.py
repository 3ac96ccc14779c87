import datetime
from html import escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.core.errors import DomainError
from distans.core.htmx import is_htmx
from distans.core.permissions import is_hr, require
from distans.org.models import Person, Site
from distans.org.permissions import get_person_for_user, get_unit_for_user, subordinate_ids_sql
from distans.planning import calendar, labels, queries, rules, services
from distans.planning.forms import (
    DayForm,
    PatternForm,
    PlannerForm,
    PreferenceForm,
    UnitSettingsForm,
)
from distans.planning.models import FeedToken, PlannerRun, PlanPreference, WorkPattern
from distans.planning.permissions import can_change_plan, can_manage_unit

PROBLEM_WEEKS = 4


def _week(request):
    today = timezone.localdate()
    if today.weekday() >= 5:  # at the weekend, the week ahead is the one people plan
        today += datetime.timedelta(days=7 - today.weekday())
    try:
        monday = rules.monday_of(request.GET.get("week", ""))
    except ValueError:  # missing or wrong: the current week
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


def _managed_ids(user, among: list[int]) -> set[int]:
    """Which of `among` the user manages at any depth."""
    return set(
        Person.objects.filter(pk__in=among)
        .filter(pk__in=subordinate_ids_sql(user.pk))
        .values_list("pk", flat=True)
    )


@login_required
def my_week(request):
    person = request.user
    dates, week = _week(request)
    words, sites = labels.words(), queries.site_names()
    days = [
        (day, labels.day_label(day, words, reasons=True, sites=sites))
        for day in queries.person_days(person, dates)
    ]
    pattern = (
        WorkPattern.objects.filter(person=person, valid_from__lte=dates[-1]).order_by("-valid_from").first()
    )
    unit_settings = queries.unit_settings(person.unit) if person.unit else {"office_weekdays": []}
    preference = PlanPreference.objects.filter(person=person).first()
    return render(
        request,
        "planning/my_week.html",
        {
            "days": days,
            "week": week,
            "today": timezone.localdate(),
            "office_weekdays": unit_settings["office_weekdays"],
            "arrangement": queries.arrangement_on(person, dates[0]),
            "pattern_form": PatternForm(
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
    )


@login_required
@require_POST
def day_set(request, pk: int):
    """Change one day (htmx: answers the day's cell)."""
    person = get_person_for_user(request.user, pk)
    require(can_change_plan(request.user, person))
    form = DayForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a day and where you will be."), status=400)
    data = form.cleaned_data
    error = None
    try:
        day = services.day_set(
            actor=request.user,
            person=person,
            date=data["date"],
            kind=data["kind"],
            site=data["site"],
            away_reason=data["away_reason"],
            country=data["country"],
        )
    except DomainError as refused:
        error = refused.message
        day = queries.person_days(person, [data["date"]])[0]
    if is_htmx(request):
        return render(
            request,
            "planning/_day.html",
            {
                "day": day,
                "label": labels.day_label(day, labels.words(), reasons=True, sites=queries.site_names()),
                "error": error,
                "today": timezone.localdate(),
            },
            status=200 if error is None else 409,
        )
    (messages.error if error else messages.success)(request, error or _("Saved."))
    return redirect(
        request.POST.get("next") if request.POST.get("next", "").startswith("/") else "planning:my_week"
    )


@login_required
@require_POST
def preferences_set(request):
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.preferences_set(
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
    person = get_person_for_user(request.user, pk)
    require(can_change_plan(request.user, person))
    form = PatternForm(request.POST)
    if form.is_valid():
        try:
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
                _("Your usual week is saved from %(date)s.") % {"date": form.cleaned_data["valid_from"]},
            )
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _errors(form))
    return redirect("planning:my_week")


@login_required
def team_week(request, pk: int | None = None):
    unit = get_unit_for_user(request.user, pk) if pk else request.user.unit
    if unit is None:
        raise Http404
    dates, week = _week(request)
    grid = queries.team_week(unit, dates[:5])
    hr = is_hr(request.user)
    # Whom the user manages matters only for the reasons people are away or abroad; most weeks
    # have few, so the recursive query runs only for them.
    private = [
        row["person"][0]
        for row in grid["rows"]
        if any(day.detail and day.kind in (rules.AWAY, rules.ABROAD) for day in row["days"])
    ]
    managed = _managed_ids(request.user, private) if private and not hr else set()
    words = labels.words()
    person_url = reverse("org:person", args=[0]).replace("/0/", "/{}/")  # reversed once, not 200 times
    for row in grid["rows"]:  # the reason someone is away: for them, their managers and HR only
        reasons = row["person"][0] == request.user.pk or hr or row["person"][0] in managed
        row["cells"] = _cells(row["days"], grid["sites"], words, reasons)
        row["url"], row["name"] = (
            person_url.format(row["person"][0]),
            f"{row['person'][1]} {row['person'][2]}",
        )
    return render(
        request,
        "planning/team_week.html",
        {
            "unit": unit,
            "week": week,
            "grid": grid,
            "can_manage": can_manage_unit(request.user, unit),
            "today": timezone.localdate(),
        },
    )


def _cells(days: list[rules.Day], sites: dict[int, str], words: dict[str, str], reasons: bool) -> str:
    """A row of the grid. 200 people make 1,000 cells; the template language (or format_html) took
    most of the page's time at that size, so the cells are joined here, every value escaped."""
    return mark_safe(
        "".join(  # noqa: S308  (each value goes through escape)
            f'<td class="cell kind-{day.kind}" title="{escape(sites.get(day.site_id, ""))}">'
            f"{escape(labels.day_label(day, words, reasons=reasons))}</td>"
            for day in days
        )
    )


@login_required
def site_day(request, pk: int):
    site = get_object_or_404(Site, pk=pk)
    dates, week = _week(request)
    occupancy = queries.site_occupancy(site, dates[:5])
    return render(
        request,
        "planning/site_day.html",
        {
            "site": site,
            "week": week,
            "occupancy": occupancy,
            "sites": Site.objects.order_by("name"),
            "can_plan": is_hr(request.user),
        },
    )


@login_required
def problems(request):
    """Problems ahead in the units the user manages (HR: any unit, chosen with ?unit=)."""
    units = list(queries.managed_units(request.user))
    if is_hr(request.user) and request.GET.get("unit", "").isdigit():
        units = [get_unit_for_user(request.user, int(request.GET["unit"]))]
    start = timezone.localdate()
    dates = [start + datetime.timedelta(days=offset) for offset in range(PROBLEM_WEEKS * 7)]
    found = [{"unit": unit, "problems": queries.problems_ahead(unit, dates)} for unit in units]
    return render(request, "planning/problems.html", {"found": found, "weeks": PROBLEM_WEEKS})


@login_required
def unit_settings(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    require(can_manage_unit(request.user, unit))
    form = UnitSettingsForm(request.POST or None, settings=queries.unit_settings(unit))
    if request.method == "POST" and form.is_valid():
        services.unit_settings_save(actor=request.user, unit=unit, **form.values())
        messages.success(request, _("The unit's settings are saved."))
        return redirect("planning:team", pk=unit.pk)
    return render(
        request,
        "planning/unit_settings.html",
        {"unit": unit, "form": form},
        status=400 if form.errors else 200,
    )


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
    body = calendar.unit_feed(found.unit, found.person) if found.unit else calendar.person_feed(found.person)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
def my_ics(request):
    """A one-off download of my next weeks."""
    response = HttpResponse(calendar.person_feed(request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="distans-plan.ics"'
    return response


def _planner_form(request, *, unit=None, site=None):
    following = timezone.localdate() + datetime.timedelta(days=7)
    form = PlannerForm(request.POST or None, initial={"week": rules.iso_week(following)})
    if request.method == "POST" and form.is_valid():
        run = services.planner_start(
            actor=request.user,
            unit=unit,
            site=site,
            monday=form.cleaned_data["week"],
            weights=form.weights(),
            choose_office_day=form.cleaned_data["choose_office_day"],
            time_limit=form.cleaned_data["time_limit"],
        )
        return redirect("planning:planner_run", pk=run.pk)
    return render(
        request,
        "planning/planner_start.html",
        {"subject": unit or site, "unit": unit, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def planner_start(request, pk: int):
    """A manager plans her unit's week."""
    unit = get_unit_for_user(request.user, pk)
    require(can_manage_unit(request.user, unit))
    return _planner_form(request, unit=unit)


@login_required
def site_planner_start(request, pk: int):
    """HR plans a whole office: every unit whose people are based there."""
    site = get_object_or_404(Site, pk=pk)
    require(is_hr(request.user))
    return _planner_form(request, site=site)


def _run_for_user(user, pk: int) -> PlannerRun:
    run = get_object_or_404(PlannerRun.objects.select_related("unit", "site"), pk=pk)
    require(can_manage_unit(user, run.unit) if run.unit else is_hr(user))
    return run


@login_required
def planner_run(request, pk: int):
    """The run's progress while it works (htmx polls the status part), then the proposal."""
    run = _run_for_user(request.user, pk)
    result = run.result
    rows = []
    if result.get("office"):
        for person_id, name in sorted(result["names"].items(), key=lambda item: item[1]):
            before, after = result["current"].get(person_id, []), result["office"].get(person_id, [])
            rows.append(
                {
                    "id": person_id,
                    "name": name,
                    "before": before,
                    "after": after,
                    "changed": sorted(before) != sorted(after),
                }
            )
    template = "planning/planner_run.html#status" if is_htmx(request) else "planning/planner_run.html"
    return render(
        request, template, {"run": run, "rows": rows, "changed": sum(row["changed"] for row in rows)}
    )


@login_required
@require_POST
def planner_stop(request, pk: int):
    run = _run_for_user(request.user, pk)
    PlannerRun.objects.filter(pk=run.pk).update(stop_requested=True)
    return redirect("planning:planner_run", pk=run.pk)


@login_required
@require_POST
def planner_apply(request, pk: int):
    run = _run_for_user(request.user, pk)
    if run.status != PlannerRun.Status.DONE or not run.result.get("office"):
        messages.error(request, _("This proposal cannot be applied."))
        return redirect("planning:planner_run", pk=run.pk)
    chosen = [int(value) for value in request.POST.getlist("person") if value.isdigit()]
    outcome = services.planner_apply(
        actor=request.user, run=run, people=chosen, usual_week=request.POST.get("mode") == "usual"
    )
    messages.success(
        request, _("Applied for %(count)s people; each is told by e-mail.") % {"count": outcome["changed"]}
    )
    for refusal in outcome["refused"]:
        messages.warning(request, refusal)
    return (
        redirect("planning:team", pk=run.unit_id)
        if run.unit_id
        else redirect("planning:site", pk=run.site_id)
    )
