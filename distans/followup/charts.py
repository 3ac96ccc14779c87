"""The follow-up pages' charts, built from their queries' answers with `core.charts`, in the user's
language (called from the views)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from distans.core.charts import Chart, Reference, Series, bar_chart, line_chart

MOST_LINES = 8  # more lines than this no one can tell apart; the table beside the chart has them all


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def pulse_trend(periods: list[dict], period_days: int) -> tuple[Chart, Chart]:
    """Each unit's average pulse (over all questions) and its remote share, period by period. A unit
    gets a point only where its answers are shown in the tables (enough people and answers)."""
    averages: dict[str, list[Decimal | None]] = {}
    shares: dict[str, list[int | None]] = {}
    for index, period in enumerate(periods):
        for row in period["units"]:
            if not row["shown"]:
                continue
            average = _mean(
                [cell.average for cell in row["cells"] if cell.shown and cell.average is not None]
            )
            averages.setdefault(row["unit"], [None] * len(periods))[index] = average
            shares.setdefault(row["unit"], [None] * len(periods))[index] = row["remote_share"]
    latest = {row["unit"]: row["respondents"] or 0 for row in periods[-1]["units"]} if periods else {}
    units = sorted(averages, key=lambda unit: (-latest.get(unit, 0), unit))[:MOST_LINES]
    labels = [period["end"] for period in periods]
    corner = _("%(days)s days up to") % {"days": period_days}
    pulse = line_chart(
        name="pulse-trend",
        title=_("Average pulse per unit, 1 to 5"),
        labels=labels,
        series=[Series(unit, averages[unit]) for unit in sorted(units)],
        minimum=1,
        maximum=5,
        decimals=1,
        corner=corner,
        empty_text=_("No unit has enough answers to draw yet."),
    )
    remote = line_chart(
        name="remote-trend",
        title=_("Share of working days remote, as planned"),
        labels=labels,
        series=[Series(unit, shares[unit]) for unit in sorted(units)],
        maximum=100,
        suffix="\u00a0%",
        corner=corner,
        empty_text=_("No unit has enough answers to draw yet."),
    )
    return pulse, remote


def attachment_trend(watched: list[dict], weeks: list, warning: Decimal) -> Chart:
    """Remote days week by week of the people the page lists (those with most remote days first),
    against the policy's warning level."""
    return line_chart(
        name="attachment-trend",
        title=_("Remote days per week"),
        labels=weeks,
        series=[Series(row["name"], row["weeks"]) for row in watched[:MOST_LINES]],
        maximum=5,
        reference=Reference(_("Warning level"), warning),
        decimals=1,
        corner=_("Week of"),
    )


def planned_weeks(plan: dict) -> Chart:
    """The conversation's last weeks: remote days as planned, against what the agreement allows."""
    return line_chart(
        name="planned-weeks",
        title=_("Remote days planned per week"),
        labels=[week["monday"] for week in plan["weeks"]],
        series=[Series(_("Planned"), [week["remote"] for week in plan["weeks"]])],
        maximum=5,
        reference=Reference(_("Agreed"), plan["agreed"]) if plan["agreed"] is not None else None,
        decimals=1,
        corner=_("Week of"),
    )


def evaluations_by_month(counts: list[dict]) -> Chart:
    """Follow-up conversations per month: held, and still booked."""
    return bar_chart(
        name="evaluations-by-month",
        title=_("Follow-up conversations per month"),
        labels=[row["month"] for row in counts],
        series=[
            Series(pgettext("how many", "Held"), [row["held"] for row in counts]),
            Series(pgettext("how many", "Booked"), [row["scheduled"] for row in counts]),
        ],
        date_format="YEAR_MONTH_FORMAT",
        corner=_("Month"),
        empty_text=_("No follow-up conversations in these months."),
    )


def deviations_by_kind(counts: list[dict]) -> Chart:
    """Deviations of the last twelve months by what happened: still open, and closed."""
    return bar_chart(
        name="deviations-by-kind",
        title=_("Deviations in the last twelve months, by what happened"),
        labels=[row["kind"] for row in counts],
        series=[
            Series(pgettext("how many", "Open"), [row["open"] for row in counts]),
            Series(pgettext("how many", "Closed"), [row["closed"] for row in counts]),
        ],
        corner=_("What happened"),
        empty_text=_("No deviations in the last twelve months."),
    )
