"""The controls above the members table: a name search, four filters and the sort order.

Each control sits under its own label, and the pairs flow onto as many lines as the width
needs, so at 200% text nothing is squeezed or clipped and nothing scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.people import AccessNeed, FormatKind, Role
from meetingroom.ui.labels import label
from meetingroom.ui.member_filter import Activity, MemberFilter


class FlowLayout(QLayout):
    """Lays widgets left to right, starting a new line when the next one does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def minimumHeightForWidth(self, width: int) -> int:  # noqa: N802
        """Never squeezed below the lines it needs at this width (that would clip controls)."""
        return self.heightForWidth(width)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        gap = self.spacing() if self.spacing() >= 0 else 8
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x > rect.x() and x + width > rect.right() + 1:
                x, y = rect.x(), y + line_height + gap
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class MemberFilterBar(QWidget):
    """Sets the proxy's criteria as the person types or chooses; asks for a sort by signal."""

    sort_chosen = Signal(int, Qt.SortOrder)

    def __init__(self, proxy: MemberFilter, columns: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._flow = FlowLayout(self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)
        self._field(self.tr("Sear&ch names:"), self.search, self.tr("Search names"))
        tr = self.tr
        self.role_filter = self._combo(tr("Ro&le:"), tr("Show members with role"),
                                       [(tr("Any role"), None), *((label(r), r.value) for r in Role)])
        self.format_filter = self._combo(tr("F&ormat:"), tr("Show members who need format"),
                                         [(tr("Any format"), None), *((label(k), k.value) for k in FormatKind)])
        self.need_filter = self._combo(tr("Access &need:"), tr("Show members with access need"),
                                       [(tr("Any access need"), None), *((label(n), n.value) for n in AccessNeed)])
        self.activity_filter = self._combo(tr("Sho&w:"), tr("Show active or inactive members"), [
            (tr("Active and inactive"), Activity.ALL.value),
            (tr("Active members only"), Activity.ACTIVE.value),
            (tr("Inactive members only"), Activity.INACTIVE.value)])
        self.sort_column = self._combo(tr("So&rt by:"), tr("Sort members by"),
                                       [(text, column) for column, text in enumerate(columns)])
        self.sort_order = self._combo(tr("Or&der:"), tr("Sort order"), [
            (tr("A to Z"), Qt.SortOrder.AscendingOrder.value),
            (tr("Z to A"), Qt.SortOrder.DescendingOrder.value)])
        self.search.textChanged.connect(self._filter_changed)
        for combo in (self.role_filter, self.format_filter, self.need_filter, self.activity_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        for combo in (self.sort_column, self.sort_order):
            combo.currentIndexChanged.connect(self._sort_chosen)

    def _field(self, text: str, control: QWidget, name: str) -> None:
        control.setAccessibleName(name)
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        caption = QLabel(text)
        caption.setBuddy(control)
        column.addWidget(caption)
        column.addWidget(control)
        self._flow.addWidget(field)

    def _combo(self, text: str, name: str, choices: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        for shown, value in choices:
            combo.addItem(shown, value)
        self._field(text, combo, name)
        return combo

    @staticmethod
    def _chosen(combo: QComboBox, kind: type) -> object:
        value = combo.currentData()
        return None if value is None else kind(value)

    def _filter_changed(self) -> None:
        self._proxy.set_criteria(
            role=self._chosen(self.role_filter, Role),  # type: ignore[arg-type]
            format=self._chosen(self.format_filter, FormatKind),  # type: ignore[arg-type]
            access_need=self._chosen(self.need_filter, AccessNeed),  # type: ignore[arg-type]
            activity=Activity(self.activity_filter.currentData()),
            search=self.search.text(),
        )

    def _sort_chosen(self) -> None:
        self.sort_chosen.emit(int(self.sort_column.currentData()),
                              Qt.SortOrder(int(self.sort_order.currentData())))

    def show_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Follow a sort made by clicking a column header, without sorting again."""
        for combo, value in ((self.sort_column, column), (self.sort_order, order.value)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
