"""Undoable edits of the group. Commands change the store, never widgets; views follow the
change signal."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.store import Workspace
from meetingroom.store.groups import get_group, save_group

_MERGE_GROUP_EDITS = 1001


def changed_fields(before: object, after: object) -> frozenset[str]:
    """The names of a dataclass's fields that differ between two versions of it."""
    return frozenset(f.name for f in dataclasses.fields(before)  # type: ignore[arg-type]
                     if getattr(before, f.name) != getattr(after, f.name))


class EditRecord(QUndoCommand):
    """Replace a saved record (a dataclass with an `id`) with `after`; undo puts `before` back.

    With `merge`, a run of edits to the same one field of the same record (a spin box stepped
    up several times) becomes one step on the undo stack. Subclasses say how to save and give
    their own MERGE_ID.
    """

    MERGE_ID = -1
    WHAT = "record"

    def __init__(self, workspace: Workspace, before: Any, after: Any, text: str,
                 merge: bool = False) -> None:
        super().__init__(text)
        if before.id is None or before.id != after.id:
            raise ValueError(f"both versions must be of the same, saved {self.WHAT}")
        self._workspace = workspace
        self._before = dataclasses.replace(before)
        self._after = dataclasses.replace(after)
        self._fields = changed_fields(before, after)
        self._merge = merge

    def _save(self, record: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._save(dataclasses.replace(self._after))

    def undo(self) -> None:
        self._save(dataclasses.replace(self._before))

    def id(self) -> int:
        return self.MERGE_ID if self._merge and len(self._fields) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, type(self)) or other.id() != self.id()
                or other._fields != self._fields or other._after.id != self._after.id):
            return False
        self._after = other._after
        self.setObsolete(self._after == self._before)
        return True


class EditGroup(EditRecord):
    """Replace the group's settings (times to avoid included) with `after`."""

    MERGE_ID = _MERGE_GROUP_EDITS
    WHAT = "group"

    def _save(self, record: Any) -> None:
        save_group(self._workspace, record)


class RenameGroup(EditGroup):
    def __init__(self, workspace: Workspace, new_name: str) -> None:
        group = get_group(workspace)
        if group is None:
            raise ValueError("the workspace has no group yet")
        super().__init__(workspace, group, dataclasses.replace(group, name=new_name),
                         QCoreApplication.translate("RenameGroup", "Rename group"))
