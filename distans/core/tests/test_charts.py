"""The chart module: an SVG with a text alternative and the figures beside it, points where the values
put them, numbers and dates as each language writes them, and a sentence when there is nothing to draw."""

import datetime
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from distans.core.charts import Reference, Series, bar_chart, line_chart, number


def draw(chart) -> str:
    return render_to_string("core/charts/chart.html", {"chart": chart})


def trend(**options):
    return line_chart(
        name="trend",
        title="Pulse",
        labels=[datetime.date(2026, 12, 7), datetime.date(2026, 12, 14), datetime.date(2026, 12, 21)],
        series=[Series("Support", [Decimal("1.0"), None, Decimal("5.0")]), Series("Sales", [3, 4, None])],
        minimum=1,
        maximum=5,
        decimals=1,
        **options,
    )


def test_the_drawing_is_an_image_named_and_described_in_words_with_its_figures_beside_it():
    with translation.override("en"):
        page = draw(trend(corner="Week of"))
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="trend-title" aria-describedby="trend-desc"' in svg
    assert '<title id="trend-title">Pulse</title>' in svg
    description = re.search(r'<desc id="trend-desc">(.*?)</desc>', svg).group(1)
    assert description == (
        "Support: from 1.0 (7 Dec) to 5.0 (21 Dec), lowest 1.0, highest 5.0. "
        "Sales: from 3 (7 Dec) to 4 (14 Dec), lowest 3, highest 4."
    )
    table = page[page.index("<table") :]
    assert '<th scope="col">Week of</th><th scope="col">7 Dec</th>' in table
    assert (
        '<th scope="row">Support</th><td class="num">1.0</td><td class="num">–</td><td class="num">5.0</td>'
        in table
    )
    assert " style=" not in page, "the content security policy allows no inline style"


def test_points_stand_where_their_values_put_them():
    chart = trend()
    support = [dot for dot in chart.dots if dot["text"].startswith("Support")]
    assert [dot["y"] for dot in support] == ["174.0", "10.0"], "1 at the bottom, 5 at the top of the plot"
    xs = [float(dot["x"]) for dot in support]
    assert xs[1] - xs[0] == pytest.approx(2 * (float(chart.dots[-1]["x"]) - xs[0])), "dates evenly spaced"
    sales = [dot["y"] for dot in chart.dots if dot["text"].startswith("Sales")]
    assert sales == ["92.0", "51.0"]  # 3 and 4 of 1–5
    # No value, no point, and no line across the gap.
    assert len(chart.dots) == 4
    assert [line["points"].count(",") for line in chart.lines] == [2], "only Sales' two points are joined"


def test_bars_are_as_long_as_their_values_and_stack_in_order():
    chart = bar_chart(
        name="kinds",
        title="Deviations",
        labels=["Security incident", "Other"],
        series=[Series("Open", [2, 0]), Series("Closed", [2, 1])],
    )
    first, second = chart.rows
    widths = [float(segment["width"]) for segment in first["segments"]]
    assert widths[0] == widths[1] and float(first["segments"][1]["x"]) == widths[0]
    assert [segment["css"] for segment in second["segments"]] == ["series-1"], "a zero draws no bar"
    assert float(second["segments"][0]["width"]) == widths[0] / 2
    assert first["total"] == "4"
    assert chart.table_head == ["", "Open", "Closed", "Total"]
    assert chart.description == "Security incident: 4 (Open 2, Closed 2); Other: 1 (Closed 1)."


def test_numbers_and_dates_as_each_nordic_language_writes_them_and_coordinates_as_svg_needs():
    for language, big, day in (
        ("sv", "12\u202f345,5", "7 dec."),
        ("nb", "12\u202f345,5", "7. des."),
        ("da", "12.345,5", "7. dec."),
    ):
        with translation.override(language):
            assert number(Decimal("12345.5"), 1) == big, language
            assert number(3, 1) == "3", "a count has no decimals"
            page = draw(trend(reference=Reference("Level", Decimal("2.5"))))
        assert f'<th scope="col">{day}</th>' in page, language
        assert "2,5" in page and "1,0" in page, language
        assert all("," not in value for value in re.findall(r' c[xy]="([^"]*)"', page)), language
        assert all(re.fullmatch(r"[\d. ,-]+", points) for points in re.findall(r'points="([^"]*)"', page))


def test_nothing_to_draw_is_a_sentence_not_an_empty_frame():
    empty = line_chart(
        name="none",
        title="Pulse",
        labels=[datetime.date(2026, 12, 7)],
        series=[Series("Support", [None])],
        empty_text="No unit has enough answers to draw yet.",
    )
    page = draw(empty)
    assert "<svg" not in page and "No unit has enough answers to draw yet." in page
    assert "<svg" not in draw(bar_chart(name="b", title="B", labels=["x"], series=[Series("n", [0])]))


def test_a_reference_level_shows_no_needless_decimals():
    with translation.override("sv"):
        agreed = trend(reference=Reference("Överenskommet", Decimal("2.00")))
        warning = trend(reference=Reference("Varningsnivå", Decimal("2.5")))
    assert (
        agreed.description.endswith(" Överenskommet: 2.") and agreed.legend[-1]["label"] == "Överenskommet: 2"
    )
    assert warning.description.endswith(" Varningsnivå: 2,5.")
