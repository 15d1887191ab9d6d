"""Charts in a PDF: the shared chart layout (`chart_layout`) drawn with reportlab graphics.

Words are real text in the embedded fonts (AD2), so a reader can copy them and a screen
reader can find the figures; an emoji is OpenMoji's picture painted over its blank glyph,
as in paragraphs. A bar chart too tall for the space left on a page splits between two
categories, the rest continuing on the next page under the title "… (continued)".
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from PIL import Image as PILImage
from reportlab.graphics.shapes import Circle, Drawing, Group, Image, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import HexColor, white
from reportlab.platypus import Flowable

from meetingroom.documents import fonts
from meetingroom.documents.chart_layout import (
    REFERENCE_DASH,
    Box,
    ChartDrawing,
    Label,
    Line,
    Marker,
    categories_fitting,
    chart_height,
    dash_pattern,
    layout_chart,
    marker_outline,
    marker_shape,
    part_of,
    series_colour,
)
from meetingroom.documents.model import Chart, ChartKind
from meetingroom.documents.pdf_text import font_pieces, piece_width, text_width
from meetingroom.documents.picture_images import picture_png

LEAST_PART = 3  # the fewest categories a part of a split bar chart shows


def measure(text: str, size: float) -> float:
    return text_width(text, size)


def measure_bold(text: str, size: float) -> float:
    return text_width(text, size, True)


@lru_cache(maxsize=256)
def _picture(code: str) -> PILImage.Image:
    return PILImage.open(io.BytesIO(picture_png(code, 96))).convert("RGB")


def _label(label: Label, height: float) -> Group:
    """Words as Strings, each piece in a font that has it, from the anchored end."""
    group = Group()
    pieces = font_pieces(label.text, label.bold)
    widths = [piece_width(font, characters, code, label.size) for font, characters, code in pieces]
    x = label.x - {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[label.anchor]
    y = height - label.y
    for (font, characters, code), width in zip(pieces, widths, strict=True):
        if code:
            group.add(String(x, y, characters[0], fontName=fonts.EMOJI, fontSize=label.size))
            if characters[1:]:
                group.add(String(x + width, y, characters[1:], fontName=fonts.EMOJI_JOINED,
                                 fontSize=label.size))
            side = label.size * 1.2
            group.add(Image(x + label.size * 0.045, y - label.size * 0.25, side, side, _picture(code)))
        else:
            group.add(String(x, y, characters, fontName=font, fontSize=label.size, fillColor=HexColor("#000000")))
        x += width
    return group


def _line(line: Line, height: float, width: float) -> PolyLine:
    points = [coordinate for x, y in line.points for coordinate in (x, height - y)]
    if line.series < 0:
        line_width = width / 2
        dashes = [part * line_width for part in REFERENCE_DASH] if line.dashed else None
    else:
        line_width = width
        dashes = [part * line_width for part in dash_pattern(line.series)] or None
    return PolyLine(points, strokeColor=HexColor(series_colour(line.series)), strokeWidth=line_width,
                    strokeDashArray=dashes, strokeLineJoin=1, strokeLineCap=0)


def _marker(marker: Marker, height: float, size: float) -> Any:
    colour = HexColor(series_colour(marker.series))
    common: dict[str, Any] = dict(fillColor=colour, strokeColor=white, strokeWidth=size * 0.12)
    shape = marker_shape(marker.series)
    if shape == "circle":
        return Circle(marker.x, height - marker.y, size / 2, **common)
    corners = marker_outline(shape, marker.x, marker.y, size)
    return Polygon([coordinate for x, y in corners for coordinate in (x, height - y)], **common)


def drawing_of(layout: ChartDrawing) -> Drawing:
    """A reportlab Drawing of a laid-out chart (reportlab's y goes up)."""
    height = layout.height
    drawing = Drawing(layout.width, height)
    # reportlab otherwise sets Helvetica, which is not embedded (AD2), before any words.
    drawing.initialFontName, drawing.initialFontSize = fonts.MAIN, layout.font
    for item in layout.items:
        if isinstance(item, Box):
            drawing.add(Rect(item.x, height - item.y - item.h, item.w, item.h, strokeColor=None,
                             fillColor=HexColor(series_colour(item.series))))
        elif isinstance(item, Line):
            drawing.add(_line(item, height, layout.line_width))
        elif isinstance(item, Marker):
            drawing.add(_marker(item, height, layout.marker_size))
        else:
            drawing.add(_label(item, height))
    return drawing


def _natural_height(chart: Chart, width: float, font_pt: float, max_height: float | None) -> float | None:
    if chart.kind is ChartKind.BARS:
        return None
    natural = chart_height(chart, width, font_pt=font_pt, text_width=measure, bold_width=measure_bold)
    return natural if max_height is None else min(natural, max_height)


def chart_drawing(chart: Chart, width: float, font_pt: float, max_height: float | None = None) -> Drawing:
    """`chart` as a Drawing `width` wide with words at `font_pt`; a line chart no taller
    than `max_height` (a bar chart is as tall as its categories need)."""
    layout = layout_chart(chart, width, _natural_height(chart, width, font_pt, max_height),
                          font_pt=font_pt, text_width=measure, bold_width=measure_bold)
    return drawing_of(layout)


class ChartFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A chart in a story: a bar chart splits across pages between categories."""

    def __init__(self, chart: Chart, width: float, font_pt: float, max_height: float | None) -> None:
        super().__init__()
        self.chart, self.font_pt, self.max_height = chart, font_pt, max_height
        self.width = width
        self.drawing: Drawing | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.drawing is None:
            self.drawing = chart_drawing(self.chart, self.width, self.font_pt, self.max_height)
        self.height = float(self.drawing.height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        chart = self.chart
        if chart.kind is not ChartKind.BARS:
            return []
        total = len(chart.categories)
        count = categories_fitting(chart, self.width, avail_height, font_pt=self.font_pt,
                                   text_width=measure, bold_width=measure_bold)
        count = min(count, total - LEAST_PART)  # never one or two bars alone over the page
        if count < min(LEAST_PART, total) or count >= total:
            return []  # the whole chart starts on the next page
        return [ChartFlowable(part_of(chart, 0, count), self.width, self.font_pt, self.max_height),
                ChartFlowable(part_of(chart, count, total), self.width, self.font_pt, self.max_height)]

    def draw(self) -> None:
        assert self.drawing is not None
        self.drawing.drawOn(self.canv, 0, 0)


def chart_flowable(chart: Chart, width: float, font_pt: float, *,
                   max_height: float | None = None) -> Flowable:
    """`chart` for a PDF story, `width` wide, words at `font_pt` (the body size, LP2); a
    line chart no taller than `max_height` (the frame's height)."""
    fonts.register_pdf_fonts()
    return ChartFlowable(chart, width, font_pt, max_height)
