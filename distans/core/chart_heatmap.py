"""A heat map drawn on the server as inline SVG: rows (units, say) by columns (weeks), each cell shaded
in one of five steps of its value, with the figures as a table and a text alternative in words, as the
charts of `charts.py`. A value of None (a group too small to show) is a hatched cell.

    chart = heat_map(name="share", title=_("Remote share"), rows=["Support"], columns=[monday],
                     values=[[Decimal(40)]], maximum=100, suffix="\u00a0%")

and in the template `{% include "core/charts/heat_map.html" with chart=chart %}`.
"""

import datetime
import math
import textwrap
from collections.abc import Sequence

from django.utils.translation import gettext as _

from distans.core.charts import WIDTH, Chart, Number, _at, _label, number

STEPS = 5  # heat-0 … heat-4 in the stylesheet
MOST_ROWS = 40  # drawn; the table has every row
LABEL_CHARACTERS = 16  # a row label's line in the left margin; longer names wrap, never cut
LINE_HEIGHT = 14


def heat_map(
    *,
    name: str,
    title: str,
    rows: Sequence[str],
    row_titles: Sequence[str] = (),
    columns: Sequence[str | datetime.date],
    values: Sequence[Sequence[Number | None]],
    maximum: Number,
    suffix: str = "",
    date_format: str = "DAY_MONTH_FORMAT",
    corner: str = "",
    empty_text: str = "",
) -> Chart:
    heads = [_label(column, date_format) for column in columns]
    chart = Chart(
        kind="heat",
        name=name,
        title=title,
        description="",
        empty_text=empty_text or _("Nothing to draw yet."),
        table_head=[corner, *heads],
        table_rows=[
            [row, *(number(value, 0, suffix) for value in own)] for row, own in zip(rows, values, strict=True)
        ],
    )
    cells = [
        (row, head, value)
        for row, own in zip(rows, values, strict=True)
        for head, value in zip(heads, own, strict=True)
        if value is not None
    ]
    if not cells or not heads:
        return chart
    left, top = 130.0, 16.0
    width = (WIDTH - left) / len(heads)
    drawn = list(zip(rows, row_titles or rows, values, strict=True))[:MOST_ROWS]
    every = math.ceil(len(heads) / 4)  # four column heads fit a phone; the table has them all
    chart.ticks = [
        {"x": _at(left + width * (index + 0.5)), "y": _at(top - 4), "label": head}
        for index, head in enumerate(heads)
        if index % every == 0
    ]
    y = top
    for row, row_title, own in drawn:
        lines = label_lines(row)
        row_height = max(18, LINE_HEIGHT * len(lines) + 6)
        chart.rows.append(
            {
                "label": row_title,
                "lines": [
                    {"text": line, "y": _at(y + 12 + LINE_HEIGHT * at)} for at, line in enumerate(lines)
                ],
                "segments": [
                    {
                        "x": _at(left + width * index),
                        "y": _at(y),
                        "width": _at(width - 1),
                        "height": str(row_height - 2),
                        "css": "heat-none" if value is None else f"heat-{_step(value, maximum)}",
                        "text": f"{row_title}, {head}: {number(value, 0, suffix)}",
                    }
                    for index, (head, value) in enumerate(zip(heads, own, strict=True))
                ],
            }
        )
        y += row_height
    chart.height = _at(y + 2)
    highest, lowest = max(cells, key=lambda cell: cell[2]), min(cells, key=lambda cell: cell[2])
    chart.description = _(
        "Highest: %(high_row)s, %(high_column)s: %(high)s. Lowest: %(low_row)s, %(low_column)s: %(low)s."
    ) % {
        "high_row": highest[0],
        "high_column": highest[1],
        "high": number(highest[2], 0, suffix),
        "low_row": lowest[0],
        "low_column": lowest[1],
        "low": number(lowest[2], 0, suffix),
    }
    if len(rows) > MOST_ROWS:
        chart.description += " " + _("The first %(count)s rows are drawn; the table has all.") % {
            "count": MOST_ROWS
        }
    return chart


def _step(value: Number, maximum: Number) -> int:
    share = float(value) / float(maximum or 1)
    return min(STEPS - 1, max(0, int(share * STEPS)))


def label_lines(text: str) -> list[str]:
    """A row label wrapped to the left margin, whole; a team's number or a short word is not left alone on
    the last line when as many lines can share it ("Logistik" / "Sverige 1", not "Logistik Sverige" /
    "1")."""
    lines = textwrap.wrap(text, LABEL_CHARACTERS) or [text]
    if len(lines) > 1 and len(lines[-1]) <= 2:
        for narrower in range(LABEL_CHARACTERS - 1, LABEL_CHARACTERS // 2, -1):
            tried = textwrap.wrap(text, narrower)
            if len(tried) == len(lines) and len(tried[-1]) > 2:
                return tried
    return lines
