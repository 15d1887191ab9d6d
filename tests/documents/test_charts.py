"""Charts laid out (chart_layout) and drawn as pictures (chart_png): words never smaller than
the body (LP2), never overlapping, nothing outside the drawing, every figure written (UI6),
colours that people with colour-blindness can tell apart, and alt text that says it all."""

from __future__ import annotations

import io
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from meetingroom.documents.chart_layout import (
    SERIES_COLOURS,
    Box,
    ChartDrawing,
    Label,
    Line,
    Marker,
    axis_range,
    chart_height,
    dash_pattern,
    layout_chart,
    marker_shape,
    split_chart,
)
from meetingroom.documents.chart_pdf import chart_drawing, measure, measure_bold
from meetingroom.documents.chart_png import chart_png
from meetingroom.documents.layout import ASCENT, DESCENT, column_widths, wrap_text
from meetingroom.documents.model import Chart, ChartKind, DataTable, Series

TRICKY = "Commissioner <&> 🧑‍⚕️ staff from the council's \"adult\" social care team 👍🏽"


def _lay(chart: Chart, width: float = 453.5, font: float = 14, height: float | None = None) -> ChartDrawing:
    return layout_chart(chart, width, height, font_pt=font, text_width=measure, bold_width=measure_bold)


def _extent(label: Label) -> tuple[float, float, float, float]:
    width = (measure_bold if label.bold else measure)(label.text, label.size)
    left = label.x - {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
    return left, label.y - ASCENT * label.size, left + width, label.y + DESCENT * label.size


def _labels(drawing: ChartDrawing) -> list[Label]:
    return [item for item in drawing.items if isinstance(item, Label)]


def check_drawing(drawing: ChartDrawing, font: float) -> None:
    """LP2, no overlapping words, and nothing outside width × height."""
    slack = 0.01
    inside_x = (-slack, drawing.width + slack)
    inside_y = (-slack, drawing.height + slack)
    labels = _labels(drawing)
    boxes = [_extent(label) for label in labels]
    for label, (left, top, right, bottom) in zip(labels, boxes, strict=True):
        assert label.size >= font - 1e-9, label
        assert inside_x[0] <= left and right <= inside_x[1], (label, left, right, drawing.width)
        assert inside_y[0] <= top and bottom <= inside_y[1], (label, top, bottom, drawing.height)
    for (one, a), (two, b) in itertools.combinations(zip(labels, boxes, strict=True), 2):
        overlap_x = min(a[2], b[2]) - max(a[0], b[0])
        overlap_y = min(a[3], b[3]) - max(a[1], b[1])
        assert overlap_x <= 0.5 or overlap_y <= 0.5, (one, two)
    for item in drawing.items:
        if isinstance(item, Box):
            assert item.w >= 0 and item.h > 0
            assert inside_x[0] <= item.x and item.x + item.w <= inside_x[1]
            assert inside_y[0] <= item.y and item.y + item.h <= inside_y[1]
        elif isinstance(item, Line):
            for x, y in item.points:
                assert inside_x[0] <= x <= inside_x[1] and inside_y[0] <= y <= inside_y[1], item
        elif isinstance(item, Marker):
            half = drawing.marker_size * 0.6 + drawing.marker_size * 0.06  # the diamond, and its outline
            assert inside_x[0] <= item.x - half and item.x + half <= inside_x[1]
            assert inside_y[0] <= item.y - half and item.y + half <= inside_y[1]


def _words(drawing: ChartDrawing) -> list[str]:
    return [label.text for label in _labels(drawing)]


# ---- figures in words -------------------------------------------------------------------

def test_figures_are_written_in_the_charts_unit() -> None:
    def chart(unit: str) -> Chart:
        return Chart("T", ChartKind.BARS, (), (), unit=unit)
    assert chart("%").value_text(45) == "45%"
    assert chart("%").value_text(49.5) == "49.5%"
    assert chart("£").value_text(1250) == "£1,250.00"
    assert chart("£").value_text(0.5) == "£0.50"
    assert chart("").value_text(12) == "12"
    assert chart("").value_text(2.25) == "2.2"  # a mean count, to one place
    assert chart("×").value_text(0.8) == "0.8×"
    assert chart("×").value_text(1) == "1.0×"
    for unit in ("%", "£", "", "×"):
        assert chart(unit).value_text(None) == "no figure"
        assert chart(unit).value_text(math.nan) == "no figure"


def test_alt_text_words_every_figure_and_keeps_names_exactly_as_typed() -> None:
    chart = Chart("Attendance by role", ChartKind.BARS, ("Expert by experience", "Carer", TRICKY),
                  (Series("People", (12, 5, None)),))
    assert chart.alt_text() == (f"Bar chart: Attendance by role. Expert by experience 12, Carer 5, "
                                f"{TRICKY} no figure.")
    two = Chart("Talk share", ChartKind.LINES, ("Jan", "Feb"),
                (Series("Carers", (0.8, 1.2)), Series("Experts", (1.1, None))), unit="×",
                reference=1.0, reference_label="fair share")
    assert two.alt_text() == ("Line chart: Talk share. Carers: Jan 0.8×, Feb 1.2×. "
                              "Experts: Jan 1.1×, Feb no figure. Dashed line at 1.0× (fair share).")
    assert Chart("Empty", ChartKind.BARS, (), ()).alt_text() == "Bar chart: Empty. No figures."
    assert Chart("T", ChartKind.BARS, ("a",), (Series("s", (1,)),), description="Mine.").alt_text() == "Mine."


def test_a_data_table_row_must_be_as_long_as_its_header() -> None:
    with pytest.raises(ValueError):
        DataTable("T", ("A", "B"), (("1",),))
    table = DataTable("Payments", ("Kind", "Paid"), (("Travel", "£12.00"),))
    assert table.lines() == ("Payments", "Kind: Travel; Paid: £12.00")


# ---- the palette ------------------------------------------------------------------------

def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# Machado, Oliveira and Fernandes (2009) at full severity, on linear RGB.
SIMULATIONS = {
    "normal vision": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _lab(colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, float, float]:
    linear = [_linear(channel) for channel in _rgb(colour)]
    r, g, b = (min(max(sum(row[i] * linear[i] for i in range(3)), 0.0), 1.0) for row in matrix)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_every_series_colour_stands_out_from_white() -> None:
    for colour in SERIES_COLOURS:
        luminance = sum(weight * _linear(channel)
                        for weight, channel in zip((0.2126, 0.7152, 0.0722), _rgb(colour), strict=True))
        assert 1.05 / (luminance + 0.05) >= 4.5, colour


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_the_first_four_series_colours_look_different_with_colour_blindness(vision: str) -> None:
    colours = [_lab(colour, SIMULATIONS[vision]) for colour in SERIES_COLOURS[:4]]
    for one, two in itertools.combinations(colours, 2):
        assert math.dist(one, two) >= 10  # CIE76: 10 is plainly different side by side


def test_each_series_has_its_own_marker_and_dashes() -> None:
    assert len({marker_shape(series) for series in range(4)}) == 4
    assert len({dash_pattern(series) for series in range(6)}) == 6
    assert len({(marker_shape(series), dash_pattern(series)) for series in range(len(SERIES_COLOURS))}) \
        == len(SERIES_COLOURS)  # never told apart by colour alone (UI6)


# ---- bar charts -------------------------------------------------------------------------

ROLES = ("Expert by experience", "Carer", "Professional", TRICKY)


@pytest.mark.parametrize("font", [14, 16, 24, 28])
def test_every_bar_has_its_figure_at_its_end_and_a_missing_one_says_so(font: float) -> None:
    chart = Chart("Payments", ChartKind.BARS, ROLES,
                  (Series("Claimed", (1250, 312.5, 0, None)), Series("Paid", (1000, None, 0, 80))),
                  unit="£")
    drawing = _lay(chart, font=font)
    check_drawing(drawing, font)
    labels = _labels(drawing)
    boxes = [item for item in drawing.items if isinstance(item, Box)]
    bars = [box for box in boxes if box.w != font]  # not the legend's samples
    assert len(bars) == 4  # 1250, 312.5, 1000 and 80: zero and no figure draw no bar
    for bar in bars:
        ends = [label for label in labels if abs(label.x - (bar.x + bar.w) - font * 0.25) < 0.01
                and bar.y <= label.y <= bar.y + bar.h + font]
        assert len(ends) == 1 and ends[0].text.startswith("£"), bar
    words = _words(drawing)
    assert words.count("no figure") == 2 and words.count("£0.00") == 2
    assert {"Claimed", "Paid", "£1,250.00", "£312.50", "£1,000.00", "£80.00"} <= set(words)
    assert len({box.series for box in boxes}) == 2


def test_long_names_wrap_on_at_most_three_lines_and_the_alt_text_keeps_them_whole() -> None:
    chart = Chart("Attendance", ChartKind.BARS, ROLES, (Series("People", (12, 5, 7, 1)),))
    drawing = _lay(chart, width=300, font=16)
    check_drawing(drawing, 16)
    name_lines = [label for label in _labels(drawing) if label.anchor == "end"]
    professional = next(label.y for label in name_lines if label.text == "Professional")
    tricky = [label.text for label in name_lines if label.y > professional]
    assert 1 < len(tricky) <= 3
    joined = " ".join(tricky)
    assert joined.startswith("Commissioner <&> 🧑‍⚕️") and (joined.endswith("…") or joined == " ".join(TRICKY.split()))
    assert TRICKY in chart.alt_text()


def test_a_figure_above_the_maximum_stretches_the_axis_and_keeps_its_figure() -> None:
    chart = Chart("Share", ChartKind.BARS, ("A", "B"), (Series("s", (120, 40)),), unit="%", maximum=100)
    assert axis_range(chart) == (0.0, 120.0)
    drawing = _lay(chart)
    check_drawing(drawing, 14)
    assert "120%" in _words(drawing)
    widths = sorted(box.w for box in drawing.items if isinstance(box, Box))
    assert widths[1] == pytest.approx(widths[0] * 3)  # 120 is three times 40, on one scale
    assert axis_range(Chart("S", ChartKind.BARS, ("A",), (Series("s", (40,)),), unit="%", maximum=100)) == (0, 100)


@pytest.mark.parametrize("series", [(), (Series("s", ()),), (Series("s", (0, 0, 0)),), (Series("s", (None,)),)])
def test_empty_and_all_zero_charts_still_lay_out(series: tuple[Series, ...]) -> None:
    categories = ("A", "B", "C") if series and series[0].values else ()
    for kind in ChartKind:
        drawing = _lay(Chart("Nothing yet", kind, categories, series))
        check_drawing(drawing, 14)
        assert drawing.height > 0 and "Nothing yet" in _words(drawing)


def test_a_bar_chart_too_tall_for_a_page_splits_between_categories_on_one_scale() -> None:
    names = tuple(f"Member {number}" for number in range(1, 61))
    chart = Chart("Attendances by person", ChartKind.BARS, names,
                  (Series("Meetings", tuple(float(n % 9) for n in range(60))),))
    parts = split_chart(chart, 453.5, 500, font_pt=18, text_width=measure, bold_width=measure_bold)
    assert len(parts) > 1
    assert tuple(name for part in parts for name in part.categories) == names
    assert parts[0].title == chart.title and all(p.title == f"{chart.title} (continued)" for p in parts[1:])
    assert {part.maximum for part in parts} == {axis_range(chart)[1]}
    for part in parts:
        assert chart_height(part, 453.5, font_pt=18, text_width=measure, bold_width=measure_bold) <= 500
        assert "Meetings" not in part.alt_text() or len(part.series) > 1


# ---- line charts ------------------------------------------------------------------------

def test_a_trend_over_forty_meetings_shows_every_point_and_names_that_fit() -> None:
    meetings = tuple(f"Meeting {number}" for number in range(1, 41))
    values = tuple(None if number == 7 else float(number % 6) for number in range(40))
    chart = Chart("Jargon cards per meeting", ChartKind.LINES, meetings,
                  (Series("Cards", values), Series("Last year", tuple(float(n % 4) for n in range(40)))))
    for font in (14, 28):
        drawing = _lay(chart, font=font)
        check_drawing(drawing, font)
        markers = [item for item in drawing.items if isinstance(item, Marker)]
        assert len(markers) == 39 + 40 + 2  # every figure, and the legend's two samples
        shown = [label.text for label in _labels(drawing) if label.text.startswith("Meeting")]
        assert 2 <= len(shown) < 40 and shown[0] == "Meeting 1"
        lines = [item for item in drawing.items if isinstance(item, Line) and item.series == 0]
        assert sum(len(line.points) for line in lines) == 39 + 2  # a gap where there is no figure


def test_a_single_short_trend_writes_its_figures_over_its_points() -> None:
    chart = Chart("Papers on time", ChartKind.LINES, ("M1", "M2", "M3", "M4"),
                  (Series("On time", (50, 75, None, 100)),), unit="%", maximum=100)
    drawing = _lay(chart)
    check_drawing(drawing, 14)
    words = _words(drawing)
    assert {"50%", "75%", "100%", "no figure", "M1", "M4"} <= set(words)
    assert words.count("100%") == 2  # the point and the axis


def test_a_line_chart_fills_the_height_it_is_given() -> None:
    chart = Chart("Share", ChartKind.LINES, ("A", "B", "C"), (Series("s", (1, 2, 3)),))
    assert _lay(chart, height=400).height == pytest.approx(400)
    assert _lay(chart, height=10).height > 10  # never a plot shorter than four lines of words


# ---- any chart at all -------------------------------------------------------------------

NAMES = st.lists(st.sampled_from([*"abcdefghij klmnop<&>\"'ëØ", "😀", "🧑‍⚕️", "£", "Partnership "]),
                 min_size=1, max_size=40).map("".join).filter(lambda text: text.strip() != "")
VALUES = st.one_of(st.none(), st.floats(min_value=0, max_value=5000, allow_nan=False),
                   st.sampled_from([0.0, 100.0]))


@st.composite
def charts(draw: st.DrawFn) -> Chart:
    count = draw(st.integers(min_value=0, max_value=40))
    categories = tuple(draw(st.lists(NAMES, min_size=count, max_size=count)))
    series = tuple(Series(draw(NAMES), tuple(draw(st.lists(VALUES, min_size=count, max_size=count))))
                   for _ in range(draw(st.integers(min_value=0, max_value=3))))
    return Chart(draw(NAMES), draw(st.sampled_from(list(ChartKind))), categories, series,
                 unit=draw(st.sampled_from(["%", "£", "", "×"])),
                 maximum=draw(st.one_of(st.none(), st.sampled_from([1.0, 100.0, 37.0]))),
                 reference=draw(st.one_of(st.none(), st.sampled_from([1.0, 50.0]))),
                 reference_label=draw(st.sampled_from(["", "fair share"])))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(charts(), st.sampled_from([14, 18, 28]), st.sampled_from([300.0, 453.5]))
def test_any_chart_keeps_its_words_apart_inside_and_at_body_size(chart: Chart, font: float,
                                                                 width: float) -> None:
    drawing = _lay(chart, width=width, font=font)
    check_drawing(drawing, font)
    words = _words(drawing)
    if chart.kind is ChartKind.BARS and chart.categories and chart.series:
        for series in chart.series:  # every bar's figure is written (UI6)
            for value in series.values:
                assert chart.value_text(value) in words


# ---- shared measuring helpers -----------------------------------------------------------

def test_wrapping_breaks_at_spaces_cuts_only_overlong_words_and_keeps_emoji_whole() -> None:
    lines = wrap_text("The bus to the day centre is late", 80, 14, measure)
    assert " ".join(lines) == "The bus to the day centre is late"
    assert all(measure(line, 14) <= 80 for line in lines)
    cut = wrap_text("🧑‍⚕️🧑‍⚕️🧑‍⚕️🧑‍⚕️🧑‍⚕️🧑‍⚕️", 40, 14, measure)
    assert "".join(cut) == "🧑‍⚕️" * 6 and all(line.startswith("🧑") for line in cut)
    short = wrap_text("one two three four five six", 50, 14, measure, max_lines=2)
    assert len(short) == 2 and short[-1].endswith("…")


def test_columns_take_their_longest_word_then_the_least_needy_are_filled_first() -> None:
    assert column_widths([50, 60], [20, 30], 200) == [50, 60]
    assert column_widths([300, 100], [50, 50], 200) == pytest.approx([100, 100])
    assert column_widths([300, 60, 70], [50, 50, 50], 250) == pytest.approx([120, 60, 70])
    assert sum(column_widths([300, 300], [150, 150], 200)) == pytest.approx(200)


# ---- drawn ------------------------------------------------------------------------------

def test_the_picture_is_the_layout_drawn_in_the_series_colours() -> None:
    chart = Chart("Talk share", ChartKind.BARS, ("Experts", "Carers"),
                  (Series("Talk", (45, 30)), Series("People", (40, 35))), unit="%", maximum=100)
    layout = _lay(chart, width=453.5 * 2.5, font=14 * 2.5)
    image = Image.open(io.BytesIO(chart_png(chart, 453.5 * 2.5, 14 * 2.5)))
    assert image.format == "PNG" and image.size == (math.ceil(layout.width), math.ceil(layout.height))
    colours = {colour for _count, colour in image.convert("RGB").getcolors(1 << 20)}
    for colour in SERIES_COLOURS[:2]:
        assert _rgb(colour) in colours
    assert (0, 0, 0) in colours and (255, 255, 255) in colours


def test_the_pdf_drawing_is_the_same_size_as_the_layout() -> None:
    chart = Chart("Share", ChartKind.LINES, ("A", "B"), (Series("s", (1, 2)),))
    drawing = chart_drawing(chart, 400, 16, max_height=200)
    assert (drawing.width, drawing.height) == (400, pytest.approx(200))
