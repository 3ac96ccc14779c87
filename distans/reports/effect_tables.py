"""The figures of "Does it work?" as tables (shown, and exported as CSV or XLSX from the same rows) and
charts. Every figure about a group goes through `aggregation.shown`: a group smaller than
REPORT_MIN_GROUP shows a dash."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from distans.arrangements.models import Step
from distans.core.chart_heatmap import heat_map
from distans.core.charts import Chart, Series, bar_chart, line_chart, number
from distans.core.places import country_name
from distans.core.translated import localized
from distans.reports.aggregation import min_group, shown
from distans.reports.effect_queries import UnitPlan, Week
from distans.reports.tables import Table


@dataclass
class Section:
    """One part of the page: its heading, what it counts and from which data, its tables and charts."""

    key: str
    title: str
    about: str
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def shown_tables(self) -> list[dict]:
        """The tables with every cell written as the reader's language writes it."""
        return [
            {"table": table, "rows": [[cell_text(cell) for cell in row] for row in table.rows]}
            for table in self.tables
        ]


# A table as a section lists it: (name, caption, header, rows), the fields of `reports.tables.Table`.
TableSpec = tuple[str, str, Sequence[str], list[Sequence]]


def _section(key: str, title: str, about: str, specs: Sequence[TableSpec], *, charts=(), notes=()) -> Section:
    return Section(key, title, about, [Table(*spec) for spec in specs], list(charts), list(notes))


def cell_text(cell) -> str:
    """A cell as the reader's language writes it; None (too few people, or nothing to count) a dash."""
    if isinstance(cell, datetime.date):
        return formats.date_format(cell, "SHORT_DATE_FORMAT")
    if cell is None or isinstance(cell, int | float) or hasattr(cell, "quantize"):
        return number(cell, 1)
    return str(cell)


def _week_figures(week: Week, people: int) -> list:
    return [
        shown(week.remote_share, people),
        shown(week.more, people),
        shown(week.fewer, people),
        shown(week.team_share, people),
        shown(week.coverage, people),
        shown(week.duties, people),
    ]


def plans(found: dict, mondays: list[datetime.date]) -> Section:
    people = found["people"]
    figures = [
        _("Remote share (%)"),
        _("More remote days than agreed (person-weeks)"),
        _("Fewer remote days than agreed (person-weeks)"),
        _("Team office days kept (%)"),
        _("Days below the coverage minimum"),
        _("Days with a duty not covered"),
    ]
    units: list[UnitPlan] = found["units"]
    weeks = found["weeks"]
    specs: list[TableSpec] = [
        (
            "effect-weeks",
            _("Per week"),
            [_("Week from"), _("People"), *figures],
            [
                [monday, shown(week.people, people), *_week_figures(week, people)]
                for monday, week in zip(mondays, weeks, strict=True)
            ],
        ),
        (
            "effect-units",
            _("Per unit over the period"),
            [_("Unit"), _("People"), *figures, _("Attachment risk (people)")],
            [
                [
                    unit.name,
                    unit.people,
                    *_week_figures(unit.total, unit.group),
                    shown(unit.attachment, unit.group),
                ]
                for unit in units
            ],
        ),
        (
            "effect-unit-weeks",
            _("Remote share per unit and week (%)"),
            [_("Unit"), *(cell_text(monday) for monday in mondays)],
            [[unit.name, *(shown(week.remote_share, unit.group) for week in unit.weeks)] for unit in units],
        ),
    ]
    charts = [
        heat_map(
            name="effect-heat",
            title=_("Remote share per unit and week"),
            rows=[unit.name for unit in units],
            row_titles=[" › ".join(filter(None, [unit.path, unit.name])) for unit in units],
            columns=mondays,
            values=[[shown(week.remote_share, unit.group) for week in unit.weeks] for unit in units],
            maximum=100,
            suffix="\u00a0%",
            corner=_("Unit"),
        ),
        line_chart(
            name="effect-share",
            title=_("Remote share and team office days kept, per week"),
            labels=mondays,
            series=[
                Series(_("Remote share"), [shown(week.remote_share, people) for week in weeks]),
                Series(_("Team office days kept"), [shown(week.team_share, people) for week in weeks]),
            ],
            maximum=100,
            suffix="\u00a0%",
            corner=_("Week from"),
        ),
        bar_chart(
            name="effect-agreed",
            title=_("Person-weeks against the agreement"),
            labels=mondays,
            series=[
                Series(_("More than agreed"), [shown(week.more, people) for week in weeks]),
                Series(_("Fewer than agreed"), [shown(week.fewer, people) for week in weeks]),
            ],
            corner=_("Week from"),
        ),
    ]
    return _section(
        "plans",
        _("Remote work against the agreements"),
        _(
            "From the weekly plans as they were, and as planned ahead (usual weeks and changes), compared "
            "with the agreement in force each week. A person-week counts as more than agreed when it has "
            "more remote days than the agreement allows (flexible days aside; no agreement allows none; "
            "2.5 days allows 3), as fewer when it has fewer than agreed on the days worked (2.5 days asks "
            "at least 2). Team office days kept: members working on their unit's team office days who were "
            "at the office. "
            "Shortfalls: days below the unit's minimum at the office, and days a duty was not covered."
        ),
        specs,
        charts=charts,
        notes=[
            _(
                "A unit whose teams are shown has no figures of its own (–) when, taken away from its "
                "teams', they would be about fewer than %(min_group)s people, such as its head alone."
            )
            % {"min_group": min_group()}
        ]
        if any(unit.withheld for unit in units)
        else [],
    )


def attachment(found: dict, warning) -> Section:
    people = found["people"]
    return Section(
        "attachment",
        _("Attachment risk"),
        _(
            "People whose remote days averaged more than %(level)s a week (the policy's warning level) over "
            "the period, from the same plans. Counted per unit; the people themselves are on the attachment "
            "watch, for those who may see them."
        )
        % {"level": number(warning, 1)},
        notes=[
            _("%(count)s of %(people)s people.")
            % {"count": cell_text(shown(found["attachment"], people)), "people": number(people)}
        ],
    )


def requests(found: dict, people: int) -> Section:
    total = found["total"]
    return _section(
        "requests",
        _("Requests"),
        _(
            "Requests submitted in the period, by where they stand now; the time each step took from the "
            "submission, or the step before, to its decision."
        ),
        [
            (
                "effect-requests",
                _("Requests by state"),
                [_("State"), _("Requests")],
                [[label, shown(count, people)] for label, count in found["by_status"]],
            ),
            (
                "effect-request-steps",
                _("Time to decide, per step"),
                [_("Step"), _("Decisions"), _("Median (days)"), _("Longest (days)")],
                [
                    # A median of fewer decisions than the group threshold would tell about single cases.
                    [
                        step.step,
                        shown(step.decisions, people),
                        shown(step.median_days, step.decisions),
                        shown(step.longest_days, step.decisions),
                    ]
                    for step in found["steps"]
                ],
            ),
        ],
        notes=[
            _("Sent on to %(step)s: %(count)s of %(total)s (%(share)s).")
            % {
                "step": Step.HR_APPROVER.label,
                "count": cell_text(shown(found["to_hr"], people)),
                "total": cell_text(shown(total, people)),
                "share": number(
                    shown(round(100 * found["to_hr"] / total), people) if total else None, 0, "\u00a0%"
                ),
            }
        ],
    )


def agreements(found: dict, people: int) -> Section:
    return _section(
        "agreements",
        _("Agreements"),
        _(
            "Every agreement of the people in the report, by its status today; those in force by country "
            "and remote days a week."
        ),
        [
            (
                "effect-agreements",
                _("Agreements by status"),
                [_("Status"), _("Agreements")],
                [[label, shown(count, people)] for label, count in found["by_status"]],
            ),
            (
                "effect-agreement-terms",
                _("Agreements in force by country and days"),
                [_("Country"), _("Remote days a week"), _("Agreements")],
                [
                    [country_name(country) if country else "–", days, shown(count, people)]
                    for country, days, count in found["by_terms"]
                ],
            ),
        ],
        charts=[
            bar_chart(
                name="effect-agreement-status",
                title=_("Agreements by status"),
                labels=[label for label, _count in found["by_status"]],
                series=[
                    Series(_("Agreements"), [shown(count, people) for _label, count in found["by_status"]])
                ],
            )
        ],
    )


def evaluations(found: dict, people: int) -> Section:
    rows = [
        (_("Held on time"), found["on_time"]),
        (_("Held late"), found["late"]),
        (_("Overdue"), found["overdue"]),
        (_("Still ahead"), found["ahead"]),
        (_("Cancelled"), found["cancelled"]),
    ]
    return _section(
        "evaluations",
        _("Follow-up conversations"),
        _(
            "Evaluations due in the period: held by their date, held later, overdue, still ahead or "
            "cancelled; the outcomes of those held."
        ),
        [
            (
                "effect-evaluations",
                _("Evaluations due in the period"),
                [_("Evaluations"), pgettext("how many", "Number")],
                [[label, shown(count, people)] for label, count in rows],
            ),
            (
                "effect-outcomes",
                _("Outcomes of the evaluations held"),
                [_("Outcome"), _("Evaluations")],
                [[label, shown(count, people)] for label, count in found["outcomes"]],
            ),
        ],
    )


def deviations(found: list[dict], people: int) -> Section:
    return _section(
        "deviations",
        _("Deviations"),
        _(
            "Deviations that happened in the period, by kind: answered by the first-response date or later, "
            "still waiting past it, and the median days from the report to the first response."
        ),
        [
            (
                "effect-deviations",
                _("Deviations by kind"),
                [
                    _("Kind"),
                    _("Deviations"),
                    _("Answered in time"),
                    _("Answered late"),
                    _("Waiting past the date"),
                    _("Median days to first response"),
                ],
                [
                    [
                        row["kind"],
                        shown(row["count"], people),
                        shown(row["in_time"], people),
                        shown(row["late"], people),
                        shown(row["waiting"], people),
                        shown(row["median_days"], row["answered"]),
                    ]
                    for row in found
                ],
            )
        ],
    )


def checklists(found: list[dict], people: int) -> Section:
    return _section(
        "checklists",
        _("Checklists"),
        _(
            "Checklists due in the period, by kind: given, completed, completed by the due date, and "
            "overdue (open past the due date)."
        ),
        [
            (
                "effect-checklists",
                _("Checklists due in the period"),
                [_("Checklist"), _("Given"), _("Completed"), _("By the due date"), _("Overdue")],
                [
                    [
                        row["kind"],
                        *(shown(row[key], people) for key in ("given", "completed", "on_time", "overdue")),
                    ]
                    for row in found
                ],
            )
        ],
    )


def pulse(found: dict, shares: dict[str, int | None]) -> Section:
    questions = found["questions"]
    rows: list[Sequence] = []
    for unit in found["units"]:
        averages = [cell.average for cell in unit["cells"]] if unit["shown"] else [None] * len(questions)
        rows.append(
            [
                unit["unit"],
                unit["respondents"] if unit["shown"] else None,
                shares.get(unit["unit"]),
                *averages,
            ]
        )
    return _section(
        "pulse",
        _("Pulse beside remote share"),
        _(
            "The wellbeing pulse's average answers per unit (1 to 5, 5 best) submitted in the period, shown "
            "only where at least %(count)s people answered, beside the unit's remote share from the plans."
        )
        % {"count": found["min_group"]},
        [
            (
                "effect-pulse",
                _("Pulse per unit"),
                [
                    _("Unit"),
                    _("Answers"),
                    _("Remote share (%)"),
                    *(localized(question.text) for question in questions),
                ],
                rows,
            )
        ],
    )


def leavers(found: dict, people: int) -> Section:
    return _section(
        "leavers",
        _("Who stays"),
        _(
            "People who left (deactivated, by the year in the audit log) with and without a signed "
            "agreement, beside the active people with and without one today. Counts, not rates: how many "
            "worked under an agreement in earlier years is not kept."
        ),
        [
            (
                "effect-leavers",
                _("Leavers per year"),
                [_("Year"), _("With an agreement"), _("Without an agreement")],
                [
                    [str(year), shown(with_, people), shown(without, people)]
                    for year, with_, without in found["years"]
                ],
            )
        ],
        notes=[
            _("Active today: %(with)s with an agreement, %(without)s without.")
            % {
                "with": cell_text(shown(found["active_with"], people)),
                "without": cell_text(shown(found["active_without"], people)),
            }
        ],
    )
