"""The points of a paper's easy read as a list: each point's picture, its sentence, and what
to change in it (ER2, ER4, ER5) said in words, so colour is never the only sign."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from meetingroom.domain.papers import EasyReadPoint
from meetingroom.language.easy_read_check import (
    EASY_SENTENCE_WORDS,
    EasyReadFlag,
    Problem,
    check_sentence,
)
from meetingroom.language.pictures import picture_name, usable_picture
from meetingroom.ui.picture_icons import PictureIcons

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("easy_read", text)


def flag_message(flag: EasyReadFlag) -> str:
    if flag.problem is Problem.EMPTY:
        return _t("This point has no sentence yet.")
    if flag.problem is Problem.TOO_LONG:
        return (_t("This sentence has %1 words. Easy read uses %2 or fewer.")
                .replace("%1", str(flag.words)).replace("%2", str(EASY_SENTENCE_WORDS)))
    if flag.problem is Problem.ACRONYM:
        return _t("Write “%1” out in words: easy read has no acronyms.").replace("%1", flag.text)
    return _t("Write %1, not %2.").replace("%1", flag.digits).replace("%2", flag.text)


def sentence_flags(sentence: str) -> list[str]:
    """What to change in an easy-read sentence, in words."""
    return [flag_message(flag) for flag in check_sentence(sentence)]


def shown_picture(point: EasyReadPoint) -> str:
    """The picture the point will have on paper (chosen for its sentence if it has none)."""
    return usable_picture(point.picture, point.text)


class EasyReadPointModel(QAbstractListModel):
    """The points shown; their pictures are drawn when the list first shows them."""

    def __init__(self, icons: PictureIcons, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icons = icons
        self.points: tuple[EasyReadPoint, ...] = ()
        self._flags: list[list[str]] = []
        self._pictures: list[str] = []
        icons.ready.connect(self._drawn)

    def set_points(self, points: tuple[EasyReadPoint, ...]) -> None:
        if points == self.points:
            return
        self.beginResetModel()
        self.points = points
        self._flags = [sentence_flags(p.text) for p in points]
        self._pictures = [shown_picture(p) for p in points]
        self.endResetModel()

    def picture(self, row: int) -> str:
        return self._pictures[row]

    def point_flags(self, row: int) -> list[str]:
        return self._flags[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.points)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.points):
            return None
        row = index.row()
        sentence = self.points[row].text
        flags = self._flags[row]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [sentence or _t("(no sentence yet)")]
            lines.extend(_t("Check: %1").replace("%1", flag) for flag in flags)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            said = (_t("Point %1: %2 Picture: %3.").replace("%1", str(row + 1))
                    .replace("%2", sentence).replace("%3", picture_name(self._pictures[row])))
            return " ".join([said, *flags])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _t("Picture: %1").replace("%1", picture_name(self._pictures[row]))
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.pixmap(self._pictures[row])
        return None

    def _drawn(self, code: str) -> None:
        for row, picture in enumerate(self._pictures):
            if picture == code:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
