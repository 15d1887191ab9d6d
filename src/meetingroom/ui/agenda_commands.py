"""Undoable agenda edits: add an item or a break, edit, remove and move an item.

Each command calls `meetingroom.store.agenda` and nothing else; views follow the session's
change signal. Items keep their id through undo and redo, so later commands on the stack
still find them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.agenda import AgendaItem, ItemPurpose
from meetingroom.store import Workspace
from meetingroom.store.agenda import (
    RemovedItem,
    get_agenda_item,
    move_agenda_item,
    put_agenda_item,
    remove_agenda_item,
    restore_agenda_item,
    update_agenda_item,
)


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class AddAgendaItem(QUndoCommand):
    """Add `item` at `item.position` in its meeting's agenda."""

    def __init__(self, workspace: Workspace, item: AgendaItem, text: str = "") -> None:
        super().__init__(text or _t("AddAgendaItem", "Add agenda item \u201c%1\u201d").replace(
            "%1", item.title))
        self._workspace = workspace
        self._item = replace(item, id=None)

    @property
    def item_id(self) -> int | None:
        """The new item's id, once the command has run."""
        return self._item.id

    def redo(self) -> None:
        item_id = put_agenda_item(self._workspace, self._item)
        self._item = replace(self._item, id=item_id)

    def undo(self) -> None:
        assert self._item.id is not None
        remove_agenda_item(self._workspace, self._item.id)


class AddBreak(AddAgendaItem):
    def __init__(self, workspace: Workspace, meeting_id: int, position: int, minutes: int = 15,
                 title: str = "", plain_summary: str = "") -> None:
        item = AgendaItem(meeting_id, title or _t("AddBreak", "Break"), position,
                          plain_summary=plain_summary, purpose=ItemPurpose.INFORMATION,
                          minutes=minutes, is_break=True)
        super().__init__(workspace, item, _t("AddBreak", "Add a break"))


class EditAgendaItem(QUndoCommand):
    """Save every field of an item (not its place) and put the old ones back on undo."""

    def __init__(self, workspace: Workspace, after: AgendaItem) -> None:
        super().__init__(_t("EditAgendaItem", "Edit agenda item \u201c%1\u201d").replace("%1", after.title))
        if after.id is None:
            raise ValueError("only a saved agenda item can be edited")
        self._workspace = workspace
        self._before = get_agenda_item(workspace, after.id)
        self._after = after

    def redo(self) -> None:
        update_agenda_item(self._workspace, self._after)

    def undo(self) -> None:
        update_agenda_item(self._workspace, self._before)


class DeleteAgendaItem(QUndoCommand):
    def __init__(self, workspace: Workspace, item_id: int) -> None:
        item = get_agenda_item(workspace, item_id)
        super().__init__(_t("DeleteAgendaItem", "Remove agenda item \u201c%1\u201d").replace("%1", item.title))
        self._workspace = workspace
        self._item_id = item_id
        self._removed: RemovedItem | None = None

    def redo(self) -> None:
        self._removed = remove_agenda_item(self._workspace, self._item_id)

    def undo(self) -> None:
        assert self._removed is not None
        restore_agenda_item(self._workspace, self._removed)


class MoveAgendaItem(QUndoCommand):
    """Move an item to place `to` (0 = first) in agenda order."""

    def __init__(self, workspace: Workspace, item_id: int, to: int) -> None:
        item = get_agenda_item(workspace, item_id)
        super().__init__(_t("MoveAgendaItem", "Move agenda item \u201c%1\u201d").replace("%1", item.title))
        self._workspace = workspace
        self._item_id = item_id
        self._to = to
        self._was: int | None = None

    @property
    def item_id(self) -> int:
        return self._item_id

    def redo(self) -> None:
        self._was = move_agenda_item(self._workspace, self._item_id, self._to)

    def undo(self) -> None:
        assert self._was is not None
        move_agenda_item(self._workspace, self._item_id, self._was)
