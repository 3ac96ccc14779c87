"""The business case in words and tables: the figures of `business_case.compute`, priced with the settings'
assumptions, each beside the assumption it rests on; groups below the threshold are "too few to show".

The tables are what the page, the PDF and the CSV and XLSX exports show (`reports.tables.Table`); the
charts are drawn from the same figures."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from distans.core import charts
from distans.org.models import CommuteMode
from distans.planning import rules
from distans.reports import aggregation
from distans.reports.business_case import ModeFigures, Result, SiteDesks
from distans.reports.tables import Table

ZERO = Decimal(0)


@dataclass(frozen=True)
class Factors:
    co2_kg_per_km: Decimal
    cost_per_km: Decimal
    km_per_hour: Decimal


def factors(mode: str) -> Factors:
    values = settings.REPORT_COMMUTE.get(mode) or settings.REPORT_COMMUTE["other"]
    return Factors(*(Decimal(str(values[key])) for key in ("co2_kg_per_km", "cost_per_km", "km_per_hour")))


@dataclass
class Saving:
    """What trips avoided are worth, so far and planned ahead (index 0 and 1)."""

    people: int
    trips: list[int]
    km: list[Decimal]  # both ways
    hours: list[Decimal]
    money: list[Decimal]
    co2_kg: list[Decimal]

    @classmethod
    def of(cls, mode: str, figures: ModeFigures) -> "Saving":
        factor = factors(mode)
        km = [Decimal(str(round(one_way, 3))) * 2 for one_way in figures.km]
        return cls(
            people=figures.people,
            trips=list(figures.trips),
            km=km,
            hours=[value / factor.km_per_hour if factor.km_per_hour else ZERO for value in km],
            money=[value * factor.cost_per_km for value in km],
            co2_kg=[value * factor.co2_kg_per_km for value in km],
        )

    def __add__(self, other: "Saving") -> "Saving":
        def pair(a: list, b: list) -> list:
            return [a[0] + b[0], a[1] + b[1]]

        return Saving(
            self.people + other.people,
            pair(self.trips, other.trips),
            pair(self.km, other.km),
            pair(self.hours, other.hours),
            pair(self.money, other.money),
            pair(self.co2_kg, other.co2_kg),
        )


def mode_label(mode: str) -> str:
    return str(CommuteMode(mode).label) if mode in CommuteMode.values else mode


def by_mode(result: Result) -> list[tuple[str, Saving | None]]:
    """Each commute mode's saving; modes with fewer people than the threshold are added together ("other
    modes together"), and where even that group is too small, to the largest mode, so that no small group
    can be read off as the total less the rest."""
    savings = {mode: Saving.of(mode, figures) for mode, figures in result.modes.items() if figures.people}
    large = {mode: saving for mode, saving in savings.items() if aggregation.large_enough(saving.people)}
    small = [saving for mode, saving in savings.items() if mode not in large]
    rows: list[tuple[str, Saving | None]] = [
        (mode_label(mode), saving) for mode, saving in sorted(large.items(), key=lambda item: -item[1].people)
    ]
    if small:
        together = sum(small[1:], small[0])
        if aggregation.large_enough(together.people) or not rows:
            rows.append((_("Other modes together"), aggregation.shown(together, together.people)))
        else:
            label, largest = rows[0]
            rows[0] = (
                _("%(mode)s and other modes") % {"mode": label},
                largest + together if largest else None,
            )
    return rows


def total(result: Result) -> Saving | None:
    """Everyone's saving, or None when fewer people than the threshold have a commute."""
    savings = [Saving.of(mode, figures) for mode, figures in result.modes.items() if figures.people]
    if not savings:
        return None
    together = sum(savings[1:], savings[0])
    return aggregation.shown(together, together.people)


def fmt(value, decimals: int = 0) -> str:
    return charts.number(value, decimals)


def too_few() -> str:
    return _("too few to show")


DECIMALS = {"co2_kg_per_km": 3, "cost_per_km": 2, "km_per_hour": 0}


def _mode_assumptions(key: str, unit: str) -> str:
    """One factor of every mode in words: "Car 0,137 kg CO₂/km; Public transport 0,027 kg CO₂/km; …"."""
    return "; ".join(
        f"{mode_label(mode)} {fmt(getattr(factors(mode), key), DECIMALS[key])} {unit}"
        for mode in CommuteMode.values
    )


def assumptions() -> dict[str, str]:
    """The assumption beside each figure, with the settings' values in the reader's format."""
    currency = settings.REPORT_CURRENCY
    return {
        "trips": _(
            "A working day at home, as planned, by someone with a commute distance and mode is one round "
            "trip not made. Days at another place, abroad, away, off or on a public holiday are not counted."
        ),
        "km": _("Twice the one-way commute distance for each trip not made."),
        "hours": _("Kilometres divided by the average speed door to door: %(speeds)s.")
        % {"speeds": _mode_assumptions("km_per_hour", "km/h")},
        "money": _(
            "Kilometres times what a kilometre costs the employee: %(costs)s. Car: the Swedish Tax Agency's "
            "tax-free allowance for one's own car (25 kronor per mil); public transport: an estimate of a "
            "monthly pass spread over a month of commuting."
        )
        % {"costs": _mode_assumptions("cost_per_km", f"{currency}/km")},
        "co2": _(
            "Kilometres times the emissions of the mode: %(factors)s. Car: a mid-size diesel car; public "
            "transport: a diesel bus 60 %% full; both from Klimatsmart semester's method report (Chalmers "
            "and Västra Götalandsregionen), fuel life cycle included. Other modes count as a car."
        )
        % {"factors": _mode_assumptions("co2_kg_per_km", "kg CO₂/km")},
        "desks": _(
            "Desks held: the site's desk count. Peak: the most people planned at the office there on one "
            "working day of the period; average: over the working weekdays that are not public holidays in "
            "the site's country. Everyone who comes to the site counts, whatever their unit."
        ),
        "release": _(
            "Days over capacity: the working days on which more people were planned at the office than it "
            "has desks."
        )
        + " "
        + _(
            "Desks fewer than people: the people based at the site less the desks held, where each would "
            "have a desk without remote work. Desks that could be released: the desks held less the peak. "
            "Both at %(cost)s %(currency)s a desk a year (rent, cleaning and furniture; an estimate for a "
            "Nordic city office)."
        )
        % {"cost": fmt(settings.REPORT_DESK_COST_PER_YEAR), "currency": currency},
    }


def summary_table(result: Result) -> Table:
    saving = total(result)
    notes = assumptions()
    currency = settings.REPORT_CURRENCY
    lines = [
        (_("Commute trips not made (round trips)"), "trips", 0, "trips"),
        (_("Kilometres not travelled"), "km", 0, "km"),
        (_("Hours of commuting saved"), "hours", 0, "hours"),
        (_("Money saved by employees (%(currency)s)") % {"currency": currency}, "money", 0, "money"),
        (_("CO₂ avoided (kg)"), "co2_kg", 0, "co2"),
    ]
    rows: list[Sequence] = []
    for label, key, decimals, note in lines:
        if saving is None:
            rows.append([label, too_few(), too_few(), too_few(), notes[note]])
            continue
        so_far, ahead = getattr(saving, key)
        rows.append(
            [
                label,
                _rounded(so_far, decimals),
                _rounded(ahead, decimals),
                _rounded(so_far + ahead, decimals),
                notes[note],
            ]
        )
    return Table(
        name="business-case-summary",
        caption=_("What remote work saved"),
        header=[_("Figure"), _("So far"), _("Planned ahead"), _("Whole period"), _("Assumption")],
        rows=rows,
    )


def _rounded(value, decimals: int = 0):
    return value if isinstance(value, int) else round(Decimal(value), decimals)


def modes_table(result: Result) -> Table:
    currency = settings.REPORT_CURRENCY
    rows: list[Sequence] = []
    for label, saving in by_mode(result):
        if saving is None:
            rows.append([label, too_few(), too_few(), too_few(), too_few(), too_few(), too_few()])
            continue
        rows.append(
            [
                label,
                saving.people,
                sum(saving.trips),
                _rounded(sum(saving.km)),
                _rounded(sum(saving.hours)),
                _rounded(sum(saving.money)),
                _rounded(sum(saving.co2_kg)),
            ]
        )
    return Table(
        name="business-case-modes",
        caption=_("By commute mode, whole period"),
        header=[
            _("Commute mode"),
            _("People"),
            _("Trips not made"),
            _("Kilometres"),
            _("Hours"),
            _("Money (%(currency)s)") % {"currency": currency},
            _("CO₂ (kg)"),
        ],
        rows=rows,
    )


@dataclass
class DeskFigures:
    site: SiteDesks
    peak: int
    average: Decimal
    weekdays: list[tuple[int, Decimal] | None]  # peak and average per weekday, Monday to Friday
    shown: bool
    over: int = 0  # working days with more people planned at the office than desks

    @property
    def desks(self) -> int:
        return self.site.site.desk_capacity

    @property
    def releasable(self) -> int:
        return max(self.desks - self.peak, 0)

    @property
    def saved(self) -> int:
        """Desks not held against one for each person based at the site."""
        return max(self.site.people - self.desks, 0)


def desk_figures(result: Result) -> list[DeskFigures]:
    found = []
    for site in result.sites:
        holidays = {
            day
            for year in {date.year for date in result.dates}
            for day in rules.public_holidays(site.site.country, year)
        }
        per_weekday: list[list[int]] = [[] for _day in range(5)]
        for date, count in zip(result.dates, site.counts, strict=True):
            if date.weekday() < 5 and date not in holidays:
                per_weekday[date.weekday()].append(count)
        every = [count for counts in per_weekday for count in counts]
        found.append(
            DeskFigures(
                site=site,
                peak=max(every, default=0),
                average=_average(every),
                weekdays=[(max(counts), _average(counts)) if counts else None for counts in per_weekday],
                shown=aggregation.large_enough(site.people),
                over=sum(count > site.site.desk_capacity for count in every),
            )
        )
    return found


def _average(counts: list[int]) -> Decimal:
    return round(Decimal(sum(counts)) / len(counts), 1) if counts else ZERO


def sites_table(desks: list[DeskFigures]) -> Table:
    currency, cost = settings.REPORT_CURRENCY, settings.REPORT_DESK_COST_PER_YEAR
    rows: list[Sequence] = []
    for item in desks:
        if not item.shown:
            rows.append([item.site.site.name, item.desks, *[too_few()] * 8])
            continue
        rows.append(
            [
                item.site.site.name,
                item.desks,
                item.site.people,
                item.peak,
                item.average,
                item.over,
                item.saved,
                item.saved * cost,
                item.releasable,
                item.releasable * cost,
            ]
        )
    shown = [item for item in desks if item.shown]
    if len(shown) > 1:
        saved, releasable = sum(item.saved for item in shown), sum(item.releasable for item in shown)
        rows.append(
            [
                _("The sites above together"),
                sum(item.desks for item in shown),
                sum(item.site.people for item in shown),
                "",
                "",
                sum(item.over for item in shown),
                saved,
                saved * cost,
                releasable,
                releasable * cost,
            ]
        )
    return Table(
        name="business-case-desks",
        caption=_("Desks per site"),
        header=[
            _("Site"),
            _("Desks held"),
            _("People based there"),
            _("Peak"),
            _("Average"),
            _("Days over capacity"),
            _("Desks fewer than people"),
            _("Fewer desks, worth a year (%(currency)s)") % {"currency": currency},
            _("Desks that could be released"),
            _("Released desks, worth a year (%(currency)s)") % {"currency": currency},
        ],
        rows=rows,
    )


def weekdays_table(desks: list[DeskFigures]) -> Table:
    names = [WEEKDAYS[day] for day in range(5)]  # Django's own words for them, in every language
    rows: list[Sequence] = []
    for item in desks:
        row: list = [item.site.site.name, item.desks]
        for figures in item.weekdays:
            if not item.shown:
                row += [too_few(), too_few()]
            elif figures is None:
                row += ["", ""]
            else:
                row += list(figures)
        rows.append(row)
    header = [_("Site"), _("Desks held")]
    for name in names:
        header += [_("%(weekday)s, peak") % {"weekday": name}, _("%(weekday)s, average") % {"weekday": name}]
    return Table(
        name="business-case-weekdays", caption=_("Occupancy per site and weekday"), header=header, rows=rows
    )


def week_mondays(result: Result) -> list[datetime.date]:
    first = result.dates[0] - datetime.timedelta(days=result.dates[0].weekday())
    return [first + datetime.timedelta(weeks=week) for week in range(len(result.weekly_trips))]


def weeks_table(result: Result) -> Table:
    shown = total(result) is not None
    return Table(
        name="business-case-weeks",
        caption=_("Commute trips not made per week"),
        header=[_("Week starting"), _("Trips not made")],
        rows=[
            [monday, trips if shown else too_few()]
            for monday, trips in zip(week_mondays(result), result.weekly_trips, strict=True)
        ],
    )


TABLES = ("summary", "modes", "desks", "weekdays", "weeks")


def tables(result: Result) -> dict[str, Table]:
    desks = desk_figures(result)
    return {
        "summary": summary_table(result),
        "modes": modes_table(result),
        "desks": sites_table(desks),
        "weekdays": weekdays_table(desks),
        "weeks": weeks_table(result),
    }


def chart_list(result: Result) -> list[charts.Chart]:
    saving = total(result)
    rows = [(label, saving_row) for label, saving_row in by_mode(result) if saving_row is not None]
    desks = [item for item in desk_figures(result) if item.shown and item.desks]
    return [
        charts.line_chart(
            name="trips-per-week",
            title=_("Commute trips not made per week"),
            labels=week_mondays(result),
            series=[
                charts.Series(
                    _("Trips not made"),
                    [trips if saving is not None else None for trips in result.weekly_trips],
                )
            ],
            corner=_("Week starting"),
            empty_text=too_few(),
        ),
        charts.bar_chart(
            name="co2-by-mode",
            title=_("CO₂ avoided by commute mode (kg)"),
            labels=[label for label, _saving in rows],
            series=[charts.Series(_("CO₂ (kg)"), [round(sum(item.co2_kg)) for _label, item in rows])],
            corner=_("Commute mode"),
            empty_text=too_few(),
        ),
        charts.bar_chart(
            name="desk-peak",
            title=_("Peak occupancy, share of desks"),
            labels=[item.site.site.name for item in desks],
            series=[
                charts.Series(_("Peak"), [round(Decimal(100 * item.peak) / item.desks) for item in desks])
            ],
            reference=charts.Reference(_("All desks taken"), 100),
            suffix="\u00a0%",
            corner=_("Site"),
            empty_text=_("No site with desks to show."),
        ),
    ]


def display(table: Table) -> list[list[str]]:
    """The table's rows as the page writes them: numbers and dates in the reader's format."""
    return [[_cell(cell) for cell in row] for row in table.rows]


def _cell(cell) -> str:
    if isinstance(cell, datetime.date):
        return formats.date_format(cell, "SHORT_DATE_FORMAT")
    if isinstance(cell, int | Decimal | float):
        return fmt(cell, 1 if isinstance(cell, Decimal) and cell != cell.to_integral_value() else 0)
    return str(cell)
