"""An open workspace as the UI sees it: the store, one undo stack, and a change signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from meetingroom.store import Workspace


class WorkspaceSession(QObject):
    """Views read through `workspace` and change it through commands on `undo_stack`.

    `changed` carries the names of the tables a committed transaction touched, so each
    item model refreshes only when its own data changed.
    """

    changed = Signal(frozenset)
    closing = Signal()  # before the workspace closes: stop timers, child processes, extra windows

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        workspace.on_change(self.changed.emit)

    @property
    def path(self) -> Path:
        return self.workspace.path

    @property
    def name(self) -> str:
        return self.workspace.path.stem

    def close(self) -> None:
        self.closing.emit()
        self.undo_stack.clear()
        self.workspace.close()
