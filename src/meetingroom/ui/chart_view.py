"""A chart on screen, drawn from the same layout as the report's PDF and DOCX charts
(documents.chart_layout), so the app and the printed report show the same picture.

Words use the app's font at the app's text size (so 200% text makes a bigger chart, not a
clipped one) and the theme's text and background colours; the series keep their colours,
each at least 3:1 against both white and black, with their figures written at the bar ends
and their own marker shapes and dashes. The chart takes keyboard focus so a screen reader
can read its title and, as its description, every figure in words.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

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
from meetingroom.documents.model import Chart


class ChartView(QWidget):
    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self._drawn: ChartDrawing | None = None
        self._metrics: dict[bool, QFontMetricsF] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.alt_text())
        self.setToolTip(chart.alt_text())
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(self._px() * 16)

    # -- measuring ---------------------------------------------------------------------------
    def _px(self) -> int:
        return max(QFontInfo(self.font()).pixelSize(), 8)

    def _font(self, size: float, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(round(size), 1))
        font.setBold(bold)
        return font

    def _width_of(self, text: str, size: float, bold: bool = False) -> float:
        metrics = self._metrics.get(bold)
        if metrics is None:
            metrics = self._metrics[bold] = QFontMetricsF(self._font(self._px(), bold))
        return metrics.horizontalAdvance(text) * size / self._px()

    def _measure(self, text: str, size: float) -> float:
        return self._width_of(text, size)

    def _measure_bold(self, text: str, size: float) -> float:
        return self._width_of(text, size, True)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return int(chart_height(self.chart, max(width, 1), font_pt=self._px(), text_width=self._measure,
                                bold_width=self._measure_bold)) + 4

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self._px() * 40
        return QSize(width, self.heightForWidth(width))

    def changeEvent(self, event: object) -> None:  # noqa: N802
        self._metrics.clear()
        self._drawn = None
        self.updateGeometry()
        super().changeEvent(event)  # type: ignore[arg-type]

    def drawing(self) -> ChartDrawing:
        width = max(self.width() - 4, 1)
        if self._drawn is None or self._drawn.width != width:
            self._drawn = layout_chart(self.chart, width, None, font_pt=self._px(),
                                       text_width=self._measure, bold_width=self._measure_bold)
        return self._drawn

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        drawing = self.drawing()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        painter.translate(2, 2)
        for item in drawing.items:
            if isinstance(item, Box):
                painter.fillRect(QRectF(item.x, item.y, item.w, item.h), QColor(series_colour(item.series)))
            elif isinstance(item, Line):
                self._line(painter, item, drawing.line_width, text)
            elif isinstance(item, Marker):
                self._marker(painter, item, drawing.marker_size, palette.color(QPalette.ColorRole.Base))
            elif isinstance(item, Label):
                self._label(painter, item, text)
        painter.resetTransform()
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _line(self, painter: QPainter, line: Line, width: float, text: QColor) -> None:
        if line.series < 0:
            pen = QPen(text, width / 2)
            if line.dashed:
                pen.setDashPattern(list(REFERENCE_DASH))
        else:
            pen = QPen(QColor(series_colour(line.series)), width)
            dashes = dash_pattern(line.series)
            if dashes:
                pen.setDashPattern(list(dashes))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        path = QPainterPath()
        first, *rest = line.points
        path.moveTo(*first)
        for point in rest:
            path.lineTo(*point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _marker(self, painter: QPainter, marker: Marker, size: float, edge: QColor) -> None:
        painter.setPen(QPen(edge, size * 0.12))
        painter.setBrush(QColor(series_colour(marker.series)))
        shape = marker_shape(marker.series)
        if shape == "circle":
            painter.drawEllipse(QPointF(marker.x, marker.y), size / 2, size / 2)
        else:
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in marker_outline(shape, marker.x, marker.y, size)]))

    def _label(self, painter: QPainter, label: Label, text: QColor) -> None:
        painter.setPen(text)
        painter.setFont(self._font(label.size, label.bold))
        width = self._width_of(label.text, label.size, label.bold)
        x = label.x - {"start": 0.0, "middle": width / 2, "end": width}[label.anchor]
        painter.drawText(QPointF(x, label.y), label.text)

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.update()

    def focusOutEvent(self, event: object) -> None:  # noqa: N802
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.update()
