"""Undoable edits of the group. Commands change the store, never widgets; views follow the
change signal."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.group import Group
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group, save_group

_MERGE_GROUP_EDITS = 1001


def changed_fields(before: object, after: object) -> frozenset[str]:
    """The names of a dataclass's fields that differ between two versions of it."""
    return frozenset(f.name for f in dataclasses.fields(before)  # type: ignore[arg-type]
                     if getattr(before, f.name) != getattr(after, f.name))


class EditGroup(QUndoCommand):
    """Replace the group's settings (times to avoid included) with `after`; undo puts `before` back.

    With `merge`, a run of edits to the same one field (a spin box stepped up several times)
    becomes one step on the undo stack.
    """

    def __init__(self, workspace: Workspace, before: Group, after: Group, text: str,
                 merge: bool = False) -> None:
        super().__init__(text)
        if before.id is None or before.id != after.id:
            raise ValueError("both versions must be of the same, saved group")
        self._workspace = workspace
        self._before = dataclasses.replace(before)
        self._after = dataclasses.replace(after)
        self._fields = changed_fields(before, after)
        self._merge = merge

    def _save(self, group: Group) -> None:
        save_group(self._workspace, dataclasses.replace(group))

    def redo(self) -> None:
        self._save(self._after)

    def undo(self) -> None:
        self._save(self._before)

    def id(self) -> int:
        return _MERGE_GROUP_EDITS if self._merge and len(self._fields) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditGroup) or other.id() != self.id() or other._fields != self._fields:
            return False
        self._after = other._after
        self.setObsolete(self._after == self._before)
        return True


class RenameGroup(EditGroup):
    def __init__(self, workspace: Workspace, new_name: str) -> None:
        group = get_group(workspace)
        if group is None:
            raise ValueError("the workspace has no group yet")
        super().__init__(workspace, group, dataclasses.replace(group, name=new_name),
                         QCoreApplication.translate("RenameGroup", "Rename group"))
