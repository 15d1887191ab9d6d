"""A `Document` on screen: its headings, sentences, lists, charts, tables and easy-read points
as widgets, in order, in one scrolling page. The Reports view shows the involvement report
this way, so the screen and the printed report say the same things in the same order.

Charts and tables take keyboard focus (Tab reaches every one, and the page scrolls to it);
a table is as tall as its rows up to `TABLE_ROWS`, then scrolls inside.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingroom.documents.model import Chart, Content, DataTable, PageBreak, PictureScale
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint
from meetingroom.ui.chart_view import ChartView
from meetingroom.ui.fairness_model import TextTable
from meetingroom.ui.picture_icons import picture_pixmap
from meetingroom.ui.record_panel import wrapped_columns
from meetingroom.ui.views.base import explanation, records_table

TABLE_ROWS = 14  # a longer table scrolls inside the page


def section_heading(text: str, level: int) -> QLabel:
    label = explanation(text)
    font = QFont(label.font())
    font.setBold(True)
    if level <= 2:
        font.setPointSizeF(font.pointSizeF() * 1.25)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def data_table(table: DataTable) -> QTableView:
    model = TextTable(list(table.header))
    model.set_rows(list(table.rows))
    view = wrapped_columns(records_table(table.caption, model), tuple(range(len(table.header))))
    view.setAlternatingRowColors(True)
    return view


def fit_rows(view: QTableView) -> None:
    """As tall as its header and rows, up to TABLE_ROWS rows."""
    rows = view.model().rowCount()
    shown = min(rows, TABLE_ROWS)
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(row) for row in range(shown)) or view.fontMetrics().height()
    if rows > shown:
        height += view.horizontalScrollBar().sizeHint().height()
    view.setMinimumHeight(height)
    view.setMaximumHeight(height)


class DocumentView(QScrollArea):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tables: list[QTableView] = []
        self.charts: list[ChartView] = []
        self._page: QWidget | None = None
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_tables)

    def show_content(self, content: tuple[Content, ...]) -> None:
        """Replace the page with this content (a level-1 heading is the view's own title, so
        it is left out)."""
        page = QWidget()
        column = QVBoxLayout(page)
        self.tables, self.charts = [], []
        for item in content:
            widget = self._widget(item)
            if widget is not None:
                column.addWidget(widget)
        column.addStretch(1)
        old = self.takeWidget()
        self.setWidget(page)
        self._page = page
        if old is not None:
            old.deleteLater()
        self.fit_tables()
        self._refit.start()  # again once the page has its width, and words have wrapped

    def fit_tables(self) -> None:
        for view in self.tables:
            view.resizeRowsToContents()
            fit_rows(view)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refit.start()

    def _widget(self, item: Content) -> QWidget | None:
        if isinstance(item, Chart):
            chart = ChartView(item)
            self.charts.append(chart)
            return chart
        if isinstance(item, DataTable):
            return self._table(item)
        if isinstance(item, EasyReadPoint):
            return _point(item)
        if isinstance(item, PictureScale | PageBreak):
            return None
        return _block(item)

    def _table(self, table: DataTable) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        view = data_table(table)
        caption = explanation(table.caption)
        caption.setBuddy(view)
        column.addWidget(caption)
        column.addWidget(view)
        self.tables.append(view)
        return box


def _block(block: Block) -> QWidget | None:
    if block.kind is BlockKind.HEADING:
        return None if block.level == 1 else section_heading(block.plain_text(), block.level)
    if block.kind is BlockKind.PARAGRAPH:
        text = block.plain_text()
        return explanation(text) if text.strip() else None
    lines = block.plain_text().split("\n")
    marks = [f"{n}." for n in range(1, len(lines) + 1)] if block.kind is BlockKind.NUMBERED else ["•"] * len(lines)
    return explanation("\n".join(f"{mark} {line}" for mark, line in zip(marks, lines, strict=True)))


def _point(point: EasyReadPoint) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    words = explanation(point.text)
    px = words.fontMetrics().height() * 3
    picture = QLabel()
    if point.picture:
        picture.setPixmap(picture_pixmap(point.picture, px))
    picture.setFixedSize(px, px)
    picture.setAccessibleName("")
    layout.addWidget(picture)
    layout.addWidget(words, 1)
    return row
