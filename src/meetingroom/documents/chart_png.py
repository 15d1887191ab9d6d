"""Charts as PNG pictures (Pillow), for the DOCX: the same layout as the PDF's charts.

The picture is laid out in pixels with the PDF's font metrics, so its words wrap and its
bars fall exactly as in the PDF, and drawn with the same TrueType files (Atkinson
Hyperlegible, the fallback fonts, OpenMoji's pictures for emoji). The DOCX gives the picture
the chart's alt text (AD1); the figures are also in the data table the report puts after it.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics

from meetingroom.documents import fonts
from meetingroom.documents.chart_layout import (
    REFERENCE_DASH,
    Box,
    ChartDrawing,
    Label,
    Line,
    Marker,
    chart_height,
    dash_pattern,
    layout_chart,
    marker_outline,
    marker_shape,
    series_colour,
)
from meetingroom.documents.chart_pdf import measure, measure_bold
from meetingroom.documents.model import Chart, ChartKind
from meetingroom.documents.pdf_text import font_pieces, piece_width
from meetingroom.documents.picture_images import picture_png

PX_PER_PT = 2.5  # 180 dots per inch: sharp in print, small in the file


@lru_cache(maxsize=64)
def _font(name: str, size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(pdfmetrics.getFont(name).face.filename), size)


@lru_cache(maxsize=256)
def _picture(code: str, side: int) -> Image.Image:
    return Image.open(io.BytesIO(picture_png(code, 96))).convert("RGB").resize(
        (side, side), Image.Resampling.LANCZOS)


def _label(image: Image.Image, draw: ImageDraw.ImageDraw, label: Label) -> None:
    pieces = font_pieces(label.text, label.bold)
    widths = [piece_width(font, characters, code, label.size) for font, characters, code in pieces]
    x = label.x - {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[label.anchor]
    for (font, characters, code), width in zip(pieces, widths, strict=True):
        if code:
            side = max(round(label.size * 1.2), 1)
            image.paste(_picture(code, side), (round(x + label.size * 0.045),
                                               round(label.y + label.size * 0.25 - side)))
        elif font != fonts.EMOJI_JOINED:
            draw.text((x, label.y), characters, font=_font(font, label.size), fill="#000000",
                      anchor="ls")
        x += width


def _dashes(points: tuple[tuple[float, float], ...], pattern: tuple[float, ...],
            unit: float) -> list[list[tuple[float, float]]]:
    """The drawn stretches of a dashed polyline (`pattern` in multiples of `unit`)."""
    if not pattern:
        return [list(points)]
    lengths = [part * unit for part in pattern]
    stretches: list[list[tuple[float, float]]] = []
    index, left, drawing = 0, lengths[0], True
    current: list[tuple[float, float]] = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length, done = math.hypot(x1 - x0, y1 - y0), 0.0
        while length - done > left:
            done += left
            point = (x0 + (x1 - x0) * done / length, y0 + (y1 - y0) * done / length)
            if drawing:
                stretches.append([*current, point])
            current = [point]
            drawing = not drawing
            index = (index + 1) % len(lengths)
            left = lengths[index]
        left -= length - done
        current.append((x1, y1))
    if drawing and len(current) > 1:
        stretches.append(current)
    return stretches


def _line(draw: ImageDraw.ImageDraw, line: Line, line_width: float) -> None:
    width = line_width if line.series >= 0 else line_width / 2
    pattern = dash_pattern(line.series) if line.series >= 0 else REFERENCE_DASH if line.dashed else ()
    for stretch in _dashes(line.points, pattern, width):
        draw.line(stretch, fill=series_colour(line.series), width=max(round(width), 1), joint="curve")


def _marker(draw: ImageDraw.ImageDraw, marker: Marker, size: float) -> None:
    shape = marker_shape(marker.series)
    outline = max(round(size * 0.12), 1)
    colour = series_colour(marker.series)
    if shape == "circle":
        radius = size / 2
        draw.ellipse((marker.x - radius, marker.y - radius, marker.x + radius, marker.y + radius),
                     fill=colour, outline="#FFFFFF", width=outline)
    else:
        draw.polygon(marker_outline(shape, marker.x, marker.y, size), fill=colour,
                     outline="#FFFFFF", width=outline)


def picture_of(layout: ChartDrawing) -> Image.Image:
    """A laid-out chart drawn on white."""
    image = Image.new("RGB", (max(math.ceil(layout.width), 1), max(math.ceil(layout.height), 1)), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for item in layout.items:
        if isinstance(item, Box):
            draw.rectangle((item.x, item.y, item.x + item.w, item.y + item.h),
                           fill=series_colour(item.series))
        elif isinstance(item, Line):
            _line(draw, item, layout.line_width)
        elif isinstance(item, Marker):
            _marker(draw, item, layout.marker_size)
        else:
            _label(image, draw, item)
    return image


def chart_png(chart: Chart, width_px: float, font_px: float, max_height_px: float | None = None) -> bytes:
    """`chart` as a PNG `width_px` wide with words at `font_px` (the body size in pixels);
    a line chart no taller than `max_height_px`."""
    fonts.register_pdf_fonts()
    height: float | None = None
    if chart.kind is ChartKind.LINES:
        height = chart_height(chart, width_px, font_pt=font_px, text_width=measure, bold_width=measure_bold)
        height = height if max_height_px is None else min(height, max_height_px)
    layout = layout_chart(chart, width_px, height, font_pt=font_px, text_width=measure,
                          bold_width=measure_bold)
    buffer = io.BytesIO()
    picture_of(layout).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
