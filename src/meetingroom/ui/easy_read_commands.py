"""Undoable changes to a paper's hand-made easy-read version.

Every change (a point added, reworded, given another picture, moved or removed; starting
from the automatic version; going back to it) saves the whole list of points, so undo puts
back exactly what was there. The points are few, so this is cheap and can never drift.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.papers import EasyReadPoint
from meetingroom.store import Workspace
from meetingroom.store.papers import get_paper, set_easy_read

Points = tuple[EasyReadPoint, ...]


def _t(text: str) -> str:
    return QCoreApplication.translate("easy_read_commands", text)


class ChangeEasyRead(QUndoCommand):
    """Set a paper's hand-made easy-read points (None: use the automatic version)."""

    def __init__(self, workspace: Workspace, paper_id: int, points: Points | None, text: str) -> None:
        super().__init__(text)
        self._workspace = workspace
        self.paper_id = paper_id
        self._before = get_paper(workspace, paper_id).easy_read
        self._after = points

    def redo(self) -> None:
        set_easy_read(self._workspace, self.paper_id, self._after)

    def undo(self) -> None:
        set_easy_read(self._workspace, self.paper_id, self._before)


def start_from(workspace: Workspace, paper_id: int, points: Points) -> ChangeEasyRead:
    return ChangeEasyRead(workspace, paper_id, points, _t("Start easy read from the automatic version"))


def use_automatic(workspace: Workspace, paper_id: int) -> ChangeEasyRead:
    return ChangeEasyRead(workspace, paper_id, None, _t("Use the automatic easy read"))


def add_point(workspace: Workspace, paper_id: int, points: Points, at: int,
              point: EasyReadPoint) -> ChangeEasyRead:
    return ChangeEasyRead(workspace, paper_id, (*points[:at], point, *points[at:]),
                          _t("Add easy-read point"))


def remove_point(workspace: Workspace, paper_id: int, points: Points, at: int) -> ChangeEasyRead:
    return ChangeEasyRead(workspace, paper_id, (*points[:at], *points[at + 1:]),
                          _t("Remove easy-read point"))


def replace_point(workspace: Workspace, paper_id: int, points: Points, at: int,
                  point: EasyReadPoint, text: str) -> ChangeEasyRead:
    return ChangeEasyRead(workspace, paper_id, (*points[:at], point, *points[at + 1:]), text)


def reword_point(workspace: Workspace, paper_id: int, points: Points, at: int, sentence: str) -> ChangeEasyRead:
    return replace_point(workspace, paper_id, points, at, EasyReadPoint(sentence, points[at].picture),
                         _t("Change easy-read sentence"))


def change_picture(workspace: Workspace, paper_id: int, points: Points, at: int, code: str) -> ChangeEasyRead:
    return replace_point(workspace, paper_id, points, at, EasyReadPoint(points[at].text, code),
                         _t("Change easy-read picture"))


def move_point(workspace: Workspace, paper_id: int, points: Points, at: int, to: int) -> ChangeEasyRead:
    moved = list(points)
    moved.insert(to, moved.pop(at))
    return ChangeEasyRead(workspace, paper_id, tuple(moved),
                          _t("Move easy-read point up") if to < at else _t("Move easy-read point down"))
