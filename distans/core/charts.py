"""Charts drawn on the server as inline SVG: a trend (lines over time) and horizontal bars (stacked when
there is more than one series). Each carries its text alternative in words and its figures as a table,
with numbers and dates in the active language. No script, no inline style (the content security policy
forbids them): colours and dashes come from the stylesheet's `series-N` classes.

In a view, while the user's language is active:

    chart = line_chart(
        name="pulse", title=_("Pulse"), labels=[date1, date2],
        series=[Series("Support", [Decimal("3.9"), None])], minimum=1, maximum=5, decimals=1,
    )

and in the template `{% include "core/charts/chart.html" with chart=chart %}`. A value of None draws no
point (a group too small to show, say); a chart with no value at all is a sentence, not an empty frame.
Everything the template writes is a string already: coordinates with a full stop in every language.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

Number = int | float | Decimal

WIDTH = 400  # the drawing's own units; the stylesheet scales it to the page
PALETTE = 8  # series-0 … series-7 in the stylesheet, then again from the first


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[Number | None]


@dataclass(frozen=True)
class Reference:
    """A level to read the values against, drawn as a dashed line (the policy's warning level, say)."""

    label: str
    value: Number


@dataclass
class Chart:
    """What the templates draw. Build it with `line_chart` or `bar_chart`."""

    kind: str
    name: str
    title: str
    description: str
    empty_text: str
    width: str = str(WIDTH)
    height: str = "0"
    legend: list[dict] = field(default_factory=list)
    table_head: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)
    grid: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    dots: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    reference: dict | None = None

    @property
    def empty(self) -> bool:
        return not self.description


def number(value: Number | None, decimals: int = 0, suffix: str = "") -> str:
    """A value as the active language writes it ("3,5" in Swedish), or a dash for none. An int is a count
    and shows no decimals."""
    if value is None:
        return "–"
    if isinstance(value, int):
        decimals = 0
    return formats.number_format(round(Decimal(str(value)), decimals), decimals, force_grouping=True) + suffix


def _label(label: str | datetime.date, date_format: str) -> str:
    return formats.date_format(label, date_format) if isinstance(label, datetime.date) else str(label)


def _at(value: float) -> str:
    """A coordinate, with a full stop whatever the language."""
    return f"{value:.1f}"


def _ceiling(value: float) -> float:
    """The next round number (1, 2, 2.5 or 5 times a power of ten) at or above a value."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def _steps(minimum: float, maximum: float) -> list[float]:
    """Up to six evenly spaced grid values from minimum to maximum."""
    span = maximum - minimum
    step = next(s for s in (_ceiling(span / 5), _ceiling(span / 4), span) if span / s <= 5)
    count = round(span / step)
    return [minimum + step * index for index in range(count + 1) if minimum + step * index <= maximum + 1e-9]


def _level(reference: Reference, decimals: int, suffix: str) -> str:
    """A reference level without needless decimals: "2" agreed days, "2,5" a warning level."""
    return number(reference.value, decimals if reference.value % 1 else 0, suffix)


def _legend(series: Sequence[Series], reference: Reference | None, decimals: int, suffix: str) -> list[dict]:
    entries = [{"label": item.label, "css": f"series-{index % PALETTE}"} for index, item in enumerate(series)]
    if reference is not None:
        entries.append({"label": f"{reference.label}: {_level(reference, decimals, suffix)}", "css": "ref"})
    return entries if len(entries) > 1 else []


def _reference_sentence(reference: Reference | None, decimals: int, suffix: str) -> str:
    if reference is None:
        return ""
    return " " + _("%(label)s: %(value)s.") % {
        "label": reference.label,
        "value": _level(reference, decimals, suffix),
    }


def line_chart(
    *,
    name: str,
    title: str,
    labels: Sequence[str | datetime.date],
    series: Sequence[Series],
    minimum: Number = 0,
    maximum: Number | None = None,
    reference: Reference | None = None,
    decimals: int = 0,
    suffix: str = "",
    date_format: str = "DAY_MONTH_FORMAT",
    corner: str = "",
    empty_text: str = "",
) -> Chart:
    """Values over time: one line per series across the labels (dates or words), oldest first.

    `name` makes the page's ids unique; `corner` heads the table's first column; `suffix` follows every
    number ("\u00a0%"); dates are written with `date_format`."""
    texts = [_label(label, date_format) for label in labels]
    chart = Chart(
        kind="line",
        name=name,
        title=title,
        description="",
        empty_text=empty_text or _("Nothing to draw yet."),
        table_head=[corner, *texts],
        table_rows=[[item.label, *(number(v, decimals, suffix) for v in item.values)] for item in series],
        legend=_legend(series, reference, decimals, suffix),
    )
    values = [float(v) for item in series for v in item.values if v is not None]
    if not values or not texts:
        return chart
    top = (
        float(maximum)
        if maximum is not None
        else _ceiling(max([*values, float(reference.value if reference else 0)]))
    )
    bottom = float(minimum)
    left, right, upper, lower, height = 40.0, 8.0, 10.0, 26.0, 200
    plot_width, plot_height = WIDTH - left - right, height - upper - lower
    band = plot_width / len(texts)

    def x(index: int) -> float:
        return left + band * (index + 0.5)

    def y(value: float) -> float:
        share = (min(max(value, bottom), top) - bottom) / (top - bottom or 1)
        return upper + plot_height * (1 - share)

    chart.height = str(height)
    chart.grid = [
        {
            "y": _at(y(value)),
            "x1": _at(left),
            "x2": _at(WIDTH - right),
            "x": _at(left - 4),
            "label": number(value, decimals if value % 1 else 0, suffix),
        }
        for value in _steps(bottom, top)
    ]
    every = math.ceil(len(texts) / 8)  # at most eight dates under the axis; the table has them all
    shown = [index for index in range(len(texts)) if index % every == (len(texts) - 1) % every]
    chart.ticks = [  # every other one is "alt": a phone shows half of them, counted from the latest
        {
            "x": _at(x(index)),
            "y": _at(height - 8),
            "label": texts[index],
            "alt": (len(shown) - 1 - n) % 2 == 1,
        }
        for n, index in enumerate(shown)
    ]
    sentences = []
    for index, item in enumerate(series):
        css = f"series-{index % PALETTE}"
        run: list[str] = []
        for position, value in enumerate([*item.values, None]):
            if value is None:
                if len(run) > 1:
                    chart.lines.append({"points": " ".join(run), "css": css})
                run = []
                continue
            run.append(f"{_at(x(position))},{_at(y(float(value)))}")
            chart.dots.append(
                {
                    "x": _at(x(position)),
                    "y": _at(y(float(value))),
                    "css": css,
                    "text": f"{item.label}, {texts[position]}: {number(value, decimals, suffix)}",
                }
            )
        sentences.append(_trend_sentence(item, texts, decimals, suffix))
    chart.description = " ".join(sentences) + _reference_sentence(reference, decimals, suffix)
    if reference is not None:
        level = _at(y(float(reference.value)))
        chart.reference = {"x1": _at(left), "x2": _at(WIDTH - right), "y1": level, "y2": level}
    return chart


def _trend_sentence(item: Series, texts: list[str], decimals: int, suffix: str) -> str:
    shown = [(text, value) for text, value in zip(texts, item.values, strict=False) if value is not None]
    if not shown:
        return _("%(series)s: nothing to show.") % {"series": item.label}
    if len(shown) == 1:
        return _("%(series)s: %(value)s (%(label)s).") % {
            "series": item.label,
            "value": number(shown[0][1], decimals, suffix),
            "label": shown[0][0],
        }
    values = [value for _text, value in shown]
    return _(
        "%(series)s: from %(first)s (%(first_label)s) to %(last)s (%(last_label)s), "
        "lowest %(lowest)s, highest %(highest)s."
    ) % {
        "series": item.label,
        "first": number(shown[0][1], decimals, suffix),
        "first_label": shown[0][0],
        "last": number(shown[-1][1], decimals, suffix),
        "last_label": shown[-1][0],
        "lowest": number(min(values), decimals, suffix),
        "highest": number(max(values), decimals, suffix),
    }


def bar_chart(
    *,
    name: str,
    title: str,
    labels: Sequence[str | datetime.date],
    series: Sequence[Series],
    maximum: Number | None = None,
    reference: Reference | None = None,
    decimals: int = 0,
    suffix: str = "",
    date_format: str = "DAY_MONTH_FORMAT",
    corner: str = "",
    empty_text: str = "",
) -> Chart:
    """One horizontal bar per label, its words above it so long names fit a phone; several series are
    stacked in order and the table adds their total."""
    texts = [_label(label, date_format) for label in labels]
    stacked = len(series) > 1
    totals = [sum(float(item.values[row] or 0) for item in series) for row in range(len(texts))]
    chart = Chart(
        kind="bar",
        name=name,
        title=title,
        description="",
        empty_text=empty_text or _("Nothing to draw yet."),
        table_head=[corner, *(item.label for item in series), *([_("Total")] if stacked else [])],
        table_rows=[
            [
                text,
                *(number(item.values[row], decimals, suffix) for item in series),
                *([number(totals[row], decimals, suffix)] if stacked else []),
            ]
            for row, text in enumerate(texts)
        ],
        legend=_legend(series, reference, decimals, suffix),
    )
    if not any(totals):
        return chart
    right, row_height = 44.0, 38
    top = (
        float(maximum)
        if maximum is not None
        else max([*totals, float(reference.value if reference else 0)]) or 1
    )
    scale = (WIDTH - right) / top
    sentences = []
    for row, text in enumerate(texts):
        offset, segments = 0.0, []
        for index, item in enumerate(series):
            value = float(item.values[row] or 0)
            if value:
                segments.append(
                    {
                        "x": _at(offset * scale),
                        "width": _at(max(value * scale, 1)),
                        "css": f"series-{index % PALETTE}",
                        "text": f"{text}, {item.label}: {number(item.values[row], decimals, suffix)}"
                        if stacked
                        else f"{text}: {number(item.values[row], decimals, suffix)}",
                    }
                )
            offset += value
        top_y = row * row_height
        chart.rows.append(
            {
                "label": text,
                "label_y": _at(top_y + 13),
                "bar_y": _at(top_y + 18),
                "value_x": _at(offset * scale + 4),
                "value_y": _at(top_y + 29),
                "total": number(totals[row], decimals, suffix),
                "segments": segments,
            }
        )
        parts = ", ".join(
            f"{item.label} {number(item.values[row], decimals, suffix)}"
            for item in series
            if item.values[row]
        )
        sentence = _("%(label)s: %(value)s") % {"label": text, "value": number(totals[row], decimals, suffix)}
        sentences.append(f"{sentence} ({parts})" if stacked and parts else sentence)
    chart.height = str(row_height * len(texts) + 4)
    # One sentence, rows apart by semicolons: "juni 2026: 0. juli …" would read as dates ("0. juli").
    chart.description = "; ".join(sentences) + "." + _reference_sentence(reference, decimals, suffix)
    if reference is not None:
        level = _at(float(reference.value) * scale)
        chart.reference = {"x1": level, "x2": level, "y1": "0", "y2": chart.height}
    return chart
