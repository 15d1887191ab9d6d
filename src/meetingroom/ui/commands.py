"""Undoable edits. Commands change the store, never widgets; views follow the change signal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.store import Workspace
from meetingroom.store.groups import get_group, save_group


class RenameGroup(QUndoCommand):
    def __init__(self, workspace: Workspace, new_name: str) -> None:
        super().__init__(QCoreApplication.translate("RenameGroup", "Rename group"))
        self._workspace = workspace
        group = get_group(workspace)
        if group is None:
            raise ValueError("the workspace has no group yet")
        self._old = group.name
        self._new = new_name

    def _set(self, name: str) -> None:
        group = get_group(self._workspace)
        assert group is not None
        group.name = name
        save_group(self._workspace, group)

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)
