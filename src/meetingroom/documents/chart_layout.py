"""Where everything in a chart goes: a few plain shapes and words, for every painter.

The PDF (reportlab), the DOCX picture (Pillow) and the app (QPainter) all draw the same
`ChartDrawing`, so a chart looks the same everywhere. Units are the caller's (points for
the PDF, pixels for a picture); the origin is the top-left corner and y goes down; a
`Label`'s y is its baseline. Words are never smaller than the document's body size (LP2),
every bar has its figure written at its end and every line has its own marker shape and
dash pattern (UI6: colour is never the only signal), category names never overlap (they
wrap, or are shortened with "…": the full words are in the alt text and the data table),
and nothing is drawn outside the drawing's width × height. Pure Python: no drawing library.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, TypeAlias

from meetingroom.documents.layout import ASCENT, DESCENT, Measure, clean_text, wrap_text
from meetingroom.documents.model import Chart, ChartKind

# Okabe-Ito's colour-blind-safe blue, vermillion and bluish green darkened, and a violet, a grey
# and a reddish purple: each at least 4.5:1 against white, and the first four still told apart
# when seen with protanopia, deuteranopia or tritanopia (tests/documents/test_charts.py).
SERIES_COLOURS = ("#0072B2", "#B34D00", "#7A45C9", "#00785A", "#5C5C5C", "#A3427A")
TEXT_COLOUR = "#000000"  # words, axes and the reference line
MarkerShape = Literal["circle", "square", "triangle", "diamond"]
_SHAPES: tuple[MarkerShape, ...] = ("circle", "square", "triangle", "diamond")
# Dash patterns in multiples of the line width, one per series (() is a solid line): six, so
# that with the four marker shapes each of six series has its own look.
_DASHES: tuple[tuple[float, ...], ...] = (
    (), (4.0, 2.0), (1.0, 1.5), (5.0, 2.0, 1.0, 2.0), (8.0, 3.0), (5.0, 2.0, 1.0, 2.0, 1.0, 2.0))
REFERENCE_DASH = (3.0, 3.0)  # the reference line's dashes, in multiples of its width
Anchor = Literal["start", "middle", "end"]
NO_FIGURES = "No figures."  # what a chart with no categories or no series says
CONTINUED = " (continued)"  # after the title of a bar chart's later parts
LEADING = 1.3  # a line of chart words, as a multiple of the font size


def series_colour(series: int) -> str:
    """The colour of series `series` (-1: black, for axes and the reference line)."""
    return TEXT_COLOUR if series < 0 else SERIES_COLOURS[series % len(SERIES_COLOURS)]


def marker_shape(series: int) -> MarkerShape:
    return _SHAPES[max(series, 0) % len(_SHAPES)]


def dash_pattern(series: int) -> tuple[float, ...]:
    """The dashes of series `series`'s line, in multiples of the line width."""
    return _DASHES[max(series, 0) % len(_DASHES)]


def marker_outline(shape: MarkerShape, x: float, y: float, size: float) -> tuple[tuple[float, float], ...]:
    """The corners of a square, triangle or diamond marker of `size` centred on x, y (a
    circle has none: it is a circle of diameter `size`). Shapes look about the same size."""
    r = size / 2
    if shape == "square":
        r *= 0.88
        return ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
    if shape == "triangle":
        return ((x, y - r * 1.15), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8))
    if shape == "diamond":
        r *= 1.2
        return ((x, y - r), (x + r, y), (x, y + r), (x - r, y))
    return ()


@dataclass(frozen=True)
class Box:
    """A filled bar or a legend sample in a series' colour."""

    x: float
    y: float
    w: float
    h: float
    series: int


@dataclass(frozen=True)
class Line:
    """A polyline: a series' line (its own dash pattern), or, with series -1, a black axis
    (solid) or the reference line (dashed, `REFERENCE_DASH`)."""

    points: tuple[tuple[float, float], ...]
    series: int
    dashed: bool = False


@dataclass(frozen=True)
class Marker:
    """A point on a line, in its series' shape (`marker_shape`) and colour, centred on x, y."""

    x: float
    y: float
    series: int


@dataclass(frozen=True)
class Label:
    """Words in black; y is the baseline; anchor says which end of the words x is."""

    x: float
    y: float
    text: str
    size: float
    anchor: Anchor = "start"
    bold: bool = False


Item: TypeAlias = Box | Line | Marker | Label


@dataclass(frozen=True)
class ChartDrawing:
    """Everything to draw, in painting order (bars, lines, markers, then words)."""

    width: float
    height: float
    items: tuple[Item, ...]
    line_width: float  # of series lines; axes and the reference line are half as wide
    marker_size: float  # the side (or diameter) of a marker
    font: float  # the size of every word (the title is bold)


@dataclass
class _Sizes:
    font: float
    measure: Measure
    bold_measure: Measure

    @property
    def leading(self) -> float:
        return self.font * LEADING

    @property
    def gap(self) -> float:
        return self.font * 0.5

    def baseline(self, top: float) -> float:
        """The baseline of a line of words whose box starts at `top`."""
        return top + (LEADING - ASCENT - DESCENT) / 2 * self.font + ASCENT * self.font


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) that
    is at least `value`: the top of an axis."""
    if value <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * power >= value * (1 - 1e-9):
            return step * power
    return 10 * power


def _figures(chart: Chart) -> list[float]:
    return [value for series in chart.series for value in series.values
            if value is not None and math.isfinite(value)]


def _value(values: tuple[float | None, ...], index: int) -> float | None:
    value = values[index] if index < len(values) else None
    return value if value is not None and math.isfinite(value) else None


def axis_range(chart: Chart) -> tuple[float, float]:
    """(low, top) of the value axis: from 0 (or the lowest figure rounded down, when one is
    below 0) to the chart's maximum, or to the highest figure rounded up when there is no
    maximum or a figure is higher than it (a bar is never cut short)."""
    figures = _figures(chart)
    if chart.reference is not None and math.isfinite(chart.reference):
        figures.append(chart.reference)
    highest, lowest = max(figures, default=0.0), min(figures, default=0.0)
    top = chart.maximum if chart.maximum is not None and chart.maximum > 0 else nice_ceiling(highest)
    if highest > top:
        top = nice_ceiling(highest)
    if top <= 0:
        top = 100.0 if chart.unit == "%" else 1.0
    return (-nice_ceiling(-lowest) if lowest < 0 else 0.0), top


def _tick_text(chart: Chart, value: float) -> str:
    """A value on the axis: as the chart writes figures, without pence on whole pounds."""
    text = chart.value_text(0.0 if abs(value) < 1e-9 else value)
    return text[:-3] if chart.unit == "£" and text.endswith(".00") else text


def _round_step(step: float, chart: Chart, top: float) -> bool:
    if step <= 0:
        return False
    power = 10.0 ** math.floor(math.log10(step))
    if not any(math.isclose(step, mantissa * power) for mantissa in (1.0, 2.0, 2.5, 5.0, 10.0)):
        return False
    if chart.unit in ("", "£") and top >= 2 and not math.isclose(step, round(step)):
        return False  # whole people, whole pounds
    return _written_exactly(chart, step)


def _written_exactly(chart: Chart, value: float) -> bool:
    """Whether the axis writes `value` without rounding it (0.25× would show as "0.2×")."""
    digits = "".join(char for char in _tick_text(chart, value) if char.isdigit() or char == ".")
    try:
        return math.isclose(float(digits), abs(value), rel_tol=1e-9, abs_tol=1e-9)
    except ValueError:
        return False


def _ticks(chart: Chart, low: float, top: float, most: int,
           fits: Callable[[list[float]], bool]) -> list[float]:
    """Round values from low to top for the value axis: as many as fit, at most `most` steps."""
    best = [low, top] if fits([low, top]) else [top]
    for count in range(2, most + 1):
        step = (top - low) / count
        values = [low + step * index for index in range(count + 1)]
        if _round_step(step, chart, top) and fits(values):
            best = values
    return best


def _place_row(centres: Sequence[float], widths: Sequence[float], left: float, right: float,
               gap: float) -> list[float] | None:
    """Centres for words in a row, moved inside left..right; None if any two would overlap."""
    placed: list[float] = []
    last_right = -math.inf
    for centre, width in zip(centres, widths, strict=True):
        centre = min(max(centre, left + width / 2), right - width / 2)
        if centre - width / 2 < last_right + gap - 1e-6:
            return None
        placed.append(centre)
        last_right = centre + width / 2
    return placed


def _title(chart: Chart, width: float, sizes: _Sizes, items: list[Item]) -> float:
    """The title in bold at body size, wrapped; returns the y below it."""
    y = 0.0
    for line in wrap_text(chart.title, width, sizes.font, sizes.bold_measure, max_lines=3):
        items.append(Label(0.0, sizes.baseline(y), line, sizes.font, "start", True))
        y += sizes.leading
    return y + (sizes.gap * 0.5 if y else 0.0)


def _legend(chart: Chart, width: float, top: float, sizes: _Sizes, items: list[Item]) -> float:
    """A sample and the name of each series (when there is more than one) and of the
    reference line, flowing in rows; returns the y below the legend."""
    entries = [(index, series.name) for index, series in enumerate(chart.series)] \
        if len(chart.series) > 1 else []
    if chart.reference is not None:
        words, value = chart.reference_label.strip(), chart.value_text(chart.reference)
        entries.append((-1, f"{words}: {value}" if words else value))
    if not entries:
        return top
    font, gap, leading = sizes.font, sizes.gap, sizes.leading
    x, y, row_lines = 0.0, top, 1
    for series, name in entries:
        sample_w = font if series >= 0 and chart.kind is ChartKind.BARS else font * 2.4
        lines = wrap_text(name, max(width - sample_w - gap, font), font, sizes.measure, max_lines=2)
        entry_w = sample_w + gap + max((sizes.measure(line, font) for line in lines), default=0.0)
        if x > 0 and x + entry_w > width:
            x, y, row_lines = 0.0, y + leading * row_lines, 1
        middle = y + leading / 2
        if series < 0:
            items.append(Line(((x, middle), (x + sample_w, middle)), -1, True))
        elif chart.kind is ChartKind.BARS:
            items.append(Box(x, middle - font * 0.4, sample_w, font * 0.8, series))
        else:
            items.append(Line(((x, middle), (x + sample_w, middle)), series))
            items.append(Marker(x + sample_w / 2, middle, series))
        items.extend(Label(x + sample_w + gap, sizes.baseline(y + index * leading), line, font)
                     for index, line in enumerate(lines))
        row_lines = max(row_lines, len(lines))
        x += entry_w + font * 1.2
    return y + leading * row_lines + gap * 0.5


def _no_figures(top: float, sizes: _Sizes, items: list[Item]) -> float:
    items.append(Label(0.0, sizes.baseline(top), NO_FIGURES, sizes.font))
    return top + sizes.leading


def _bars(chart: Chart, width: float, sizes: _Sizes, items: list[Item]) -> float:
    """Horizontal bars, a group per category; returns the height used."""
    font, gap, leading, measure = sizes.font, sizes.gap, sizes.leading, sizes.measure
    top = _legend(chart, width, _title(chart, width, sizes, items), sizes, items)
    count = len(chart.categories)
    if not count or not chart.series:
        return _no_figures(top, sizes, items)
    values = [[_value(series.values, index) for series in chart.series] for index in range(count)]
    value_w = max(measure(chart.value_text(value), font) for row in values for value in row)
    natural = max(measure(category, font) for category in chart.categories)
    column = min(natural, width * 0.4)
    x1 = width - value_w - gap
    if x1 - (column + gap) < width * 0.2:
        column = max(x1 - width * 0.2 - gap, min(natural, font * 1.5))
    x0 = column + gap
    low, high = axis_range(chart)

    def position(value: float) -> float:
        return x0 + (min(max(value, low), high) - low) / (high - low) * (x1 - x0)

    multiple = len(chart.series) > 1
    bar_h, slot = font * (1.0 if multiple else 1.2), leading if multiple else font * 1.6
    zero = position(0.0)
    y = plot_top = top + gap * 0.5
    for index, category in enumerate(chart.categories):
        lines = wrap_text(category, column, font, measure, max_lines=3)
        content = max(len(chart.series) * slot, len(lines) * leading)
        line_top = y + (content - len(lines) * leading) / 2
        items.extend(Label(column, sizes.baseline(line_top + number * leading), line, font, "end")
                     for number, line in enumerate(lines))
        bars_top = y + (content - len(chart.series) * slot) / 2
        for number, value in enumerate(values[index]):
            slot_top = bars_top + number * slot
            end = zero
            if value is not None:
                end = position(value)
                if abs(end - zero) > 0:
                    items.append(Box(min(zero, end), slot_top + (slot - bar_h) / 2,
                                     abs(end - zero), bar_h, number))
            items.append(Label(max(zero, end) + gap * 0.5, sizes.baseline(slot_top + (slot - leading) / 2),
                               chart.value_text(value), font))
        y += content + (gap if multiple else gap * 0.6)
    plot_bottom = y
    tick = font * 0.3

    def ticks_fit(ticks: list[float]) -> bool:
        widths = [measure(_tick_text(chart, value), font) for value in ticks]
        return _place_row([position(value) for value in ticks], widths, 0.0, width, gap) is not None

    ticks = _ticks(chart, low, high, 5, ticks_fit)
    widths = [measure(_tick_text(chart, value), font) for value in ticks]
    centres = _place_row([position(value) for value in ticks], widths, 0.0, width, gap) or []
    for value, centre in zip(ticks, centres, strict=False):
        items.append(Line(((position(value), plot_bottom), (position(value), plot_bottom + tick)), -1))
        items.append(Label(centre, sizes.baseline(plot_bottom + tick), _tick_text(chart, value), font, "middle"))
    items.append(Line(((zero, plot_top), (zero, plot_bottom)), -1))
    items.append(Line(((x0, plot_bottom), (x1, plot_bottom)), -1))
    if chart.reference is not None and math.isfinite(chart.reference):
        at = position(chart.reference)
        items.append(Line(((at, plot_top), (at, plot_bottom)), -1, True))
    return plot_bottom + tick + leading


def _x_labels(chart: Chart, xs: list[float], spacing: float, left: float, width: float,
              sizes: _Sizes) -> list[tuple[int, float, list[str]]]:
    """(category index, centre, lines) of the category names shown under a line chart:
    every one if they fit side by side, else every second, third, ... one; whole names
    (on up to two lines) if any step lets them fit, else shortened ones."""
    plan = _x_label_plan(chart.categories, tuple(xs), spacing, left, width, sizes.font, sizes.measure)
    return [(index, centre, list(lines)) for index, centre, lines in plan]


@lru_cache(maxsize=64)
def _x_label_plan(categories: tuple[str, ...], xs: tuple[float, ...], spacing: float, left: float,
                  width: float, font: float, measure: Measure) -> tuple[tuple[int, float, tuple[str, ...]], ...]:
    """`_x_labels`, kept: a chart is laid out more than once (its height, then its drawing)."""
    gap = font * 0.5
    count = len(xs)
    for whole in (True, False):
        for step in range(1, count + 1):
            shown = list(range(0, count, step))
            room = max(step * spacing - gap, font)
            wrapped = [tuple(wrap_text(categories[index], room, font, measure, max_lines=2))
                       for index in shown]
            if whole and any(_shortened(categories[index], list(lines))
                             for index, lines in zip(shown, wrapped, strict=True)):
                continue
            widths = [max((measure(line, font) for line in lines), default=0.0) for lines in wrapped]
            centres = _place_row([xs[index] for index in shown], widths, left, width, gap)
            if centres is not None:
                return tuple(zip(shown, centres, wrapped, strict=True))
    return ()


def _shortened(text: str, lines: list[str]) -> bool:
    """Whether wrapping cut a word or shortened the words with "…"."""
    return " ".join(lines) != " ".join(clean_text(text).split())


def _tick_column(chart: Chart, font: float, measure: Measure) -> float:
    """The width of the widest value the axis of a line chart may write."""
    low, high = axis_range(chart)
    return max(measure(_tick_text(chart, low + (high - low) * part / 60), font) for part in range(61))


def least_width(chart: Chart, font: float, measure: Measure) -> float:
    """The narrowest a chart can be with its words at `font` (a narrower one is widened):
    a bar chart's names at least a character and a half wide, its bars two, and its figures
    whole; a line chart's axis figures whole and its plot three characters wide."""
    if not chart.categories or not chart.series:
        return max(font * 4, measure(NO_FIGURES, font))
    gap = font * 0.5
    if chart.kind is ChartKind.BARS:
        names = min(max(measure(category, font) for category in chart.categories), font * 1.5)
        figures = max(measure(chart.value_text(_value(series.values, index)), font)
                      for series in chart.series for index in range(len(chart.categories)))
        return max(names + gap + font * 2 + gap + figures, font * 4)
    return max(_tick_column(chart, font, measure) + font * 0.3 + gap + font * 3, font * 4)


def _lines(chart: Chart, width: float, height: float | None, sizes: _Sizes, items: list[Item],
           drawing: dict[str, float]) -> float:
    """A line per series across the categories; returns the height used (`height`, or
    more if the plot would be shorter than four lines of words; None: a natural height)."""
    font, gap, leading, measure = sizes.font, sizes.gap, sizes.leading, sizes.measure
    top = _legend(chart, width, _title(chart, width, sizes, items), sizes, items)
    count = len(chart.categories)
    if not count or not chart.series:
        return _no_figures(top, sizes, items)
    low, high = axis_range(chart)
    tick = font * 0.3
    column = _tick_column(chart, font, measure)
    x0, x1 = column + tick + gap * 0.5, width - gap * 0.5
    spacing = (x1 - x0) / count
    xs = [x0 + spacing * (index + 0.5) for index in range(count)]
    marker = min(font * 0.6, max(spacing * 0.8, font * 0.25))
    drawing["marker"] = marker
    shown = _x_labels(chart, xs, spacing, x0, width, sizes)
    below = tick + max((len(lines) for _index, _centre, lines in shown), default=1) * leading
    single = chart.series[0].values if len(chart.series) == 1 else ()
    value_words = [chart.value_text(_value(single, index)) for index in range(count)] if single else []
    labelled = bool(value_words) and all(
        measure(words, font) <= spacing - gap * 0.5 for words in value_words)
    plot_top = top + (marker / 2 + font * (0.25 + ASCENT + DESCENT) if labelled else font * 0.7)
    plot_height = (height - below - plot_top) if height is not None else max(width * 0.45, 6 * leading)
    plot_bottom = plot_top + max(plot_height, 4 * leading)

    def y_of(value: float) -> float:
        return plot_bottom - (min(max(value, low), high) - low) / (high - low) * (plot_bottom - plot_top)

    ticks = _ticks(chart, low, high, 8, lambda values: (plot_bottom - plot_top) / max(len(values) - 1, 1) >= leading)
    for value in ticks:
        at = y_of(value)
        items.append(Line(((x0 - tick, at), (x0, at)), -1))
        items.append(Label(x0 - tick - gap * 0.5, at + (ASCENT - DESCENT) / 2 * font,
                           _tick_text(chart, value), font, "end"))
    for index, centre, lines in shown:
        items.append(Line(((xs[index], plot_bottom), (xs[index], plot_bottom + tick)), -1))
        items.extend(Label(centre, sizes.baseline(plot_bottom + tick + number * leading), line, font, "middle")
                     for number, line in enumerate(lines))
    items.append(Line(((x0, plot_top), (x0, plot_bottom)), -1))
    items.append(Line(((x0, plot_bottom), (x1, plot_bottom)), -1))
    if chart.reference is not None and math.isfinite(chart.reference):
        items.append(Line(((x0, y_of(chart.reference)), (x1, y_of(chart.reference))), -1, True))
    for number, series in enumerate(chart.series):
        run: list[tuple[float, float]] = []
        for index in range(count + 1):
            figure = _value(series.values, index) if index < count else None
            if figure is not None:
                run.append((xs[index], y_of(figure)))
                items.append(Marker(xs[index], y_of(figure), number))
                continue
            if len(run) > 1:
                items.append(Line(tuple(run), number))
            run = []
    for index, words in enumerate(value_words if labelled else ()):
        figure = _value(single, index)
        baseline = (y_of(figure) - marker / 2 - font * 0.25 - DESCENT * font if figure is not None
                    else plot_bottom - DESCENT * font - tick)
        half = measure(words, font) / 2
        items.append(Label(min(max(xs[index], half), width - half), baseline, words, font, "middle"))
    return plot_bottom + below


_ORDER = {Box: 0, Line: 1, Marker: 2, Label: 3}


def layout_chart(chart: Chart, width: float, height: float | None, *, font_pt: float,
                 text_width: Measure, bold_width: Measure | None = None) -> ChartDrawing:
    """Lay `chart` out in `width`: words at `font_pt` measured by `text_width` (and bold
    words by `bold_width`, else a little wider than regular). Bars take the height their
    categories need (`chart_height` says how much); lines fill `height` (None: a height
    that suits the width), or more if their plot would be shorter than four lines of words.
    The drawing's own height is the height used, and its width is `width` unless that is
    narrower than the words need at this size (`least_width`)."""
    sizes = _Sizes(font_pt, text_width, bold_width or (lambda text, size: text_width(text, size) * 1.08))
    width = max(width, least_width(chart, font_pt, text_width))
    items: list[Item] = []
    drawing = {"marker": font_pt * 0.6}
    if chart.kind is ChartKind.BARS:
        used = _bars(chart, width, sizes, items)
    else:
        used = _lines(chart, width, height, sizes, items, drawing)
    items.sort(key=lambda item: _ORDER[type(item)])
    return ChartDrawing(width, used, tuple(items), font_pt * 0.12, drawing["marker"], font_pt)


def chart_height(chart: Chart, width: float, *, font_pt: float, text_width: Measure,
                 bold_width: Measure | None = None) -> float:
    """The height `layout_chart` uses for `chart` in `width` when given no height."""
    return layout_chart(chart, width, None, font_pt=font_pt, text_width=text_width,
                        bold_width=bold_width).height


def part_of(chart: Chart, start: int, stop: int) -> Chart:
    """Categories start..stop of a bar chart, on the whole chart's scale; a later part's
    title says "(continued)" and its alt text words its own figures."""
    low_high = axis_range(chart)
    title = chart.title
    if start and not title.endswith(CONTINUED):
        title += CONTINUED
    return replace(
        chart, title=title,
        categories=chart.categories[start:stop],
        series=tuple(replace(series, values=series.values[start:stop]) for series in chart.series),
        maximum=low_high[1], description=chart.description if start == 0 else "")


def categories_fitting(chart: Chart, width: float, height: float, *, font_pt: float,
                       text_width: Measure, bold_width: Measure | None = None) -> int:
    """How many of a bar chart's first categories fit in `height` (0 if not even one)."""
    def fits(count: int) -> bool:
        part = part_of(chart, 0, count)
        return chart_height(part, width, font_pt=font_pt, text_width=text_width,
                            bold_width=bold_width) <= height
    low, high = 0, len(chart.categories)
    while low < high:  # the largest count that fits
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def split_chart(chart: Chart, width: float, height: float, *, font_pt: float,
                text_width: Measure, bold_width: Measure | None = None) -> tuple[Chart, ...]:
    """A bar chart in parts no taller than `height` each, of about the same number of
    categories (at least one); a line chart, or a bar chart that fits, whole."""
    if chart.kind is not ChartKind.BARS or chart_height(
            chart, width, font_pt=font_pt, text_width=text_width, bold_width=bold_width) <= height:
        return (chart,)
    total = len(chart.categories)
    most = max(categories_fitting(part_of(chart, 1, total), width, height, font_pt=font_pt,
                                  text_width=text_width, bold_width=bold_width), 1)
    share = math.ceil(total / math.ceil(total / most))  # parts of about the same size
    parts: list[Chart] = []
    start = 0
    while start < total:
        rest = part_of(chart, start, total)
        count = max(min(share, categories_fitting(rest, width, height, font_pt=font_pt,
                                                  text_width=text_width, bold_width=bold_width)), 1)
        parts.append(part_of(chart, start, start + count))
        start += count
    return tuple(parts)
