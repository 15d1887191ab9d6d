"""Undoable changes to members: add, edit, deactivate or reactivate. Each calls the store."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.people import Member
from meetingroom.store import Workspace
from meetingroom.store.members import (
    MemberHasRecords,
    add_member,
    delete_member,
    get_member,
    set_active,
    update_member,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("member_commands", text)


class AddMember(QUndoCommand):
    """Add a person. Undo deletes the row again; redo puts it back with the same id.

    If something has recorded the person in the meantime (so the row may not be deleted),
    undo deactivates them instead and redo reactivates them.
    """

    def __init__(self, workspace: Workspace, member: Member) -> None:
        super().__init__(_t("Add member"))
        self._workspace = workspace
        self._member = replace(member, id=None)
        self._kept_as_inactive = False

    @property
    def member_id(self) -> int | None:
        return self._member.id

    def redo(self) -> None:
        if self._kept_as_inactive:
            assert self._member.id is not None
            set_active(self._workspace, self._member.id, self._member.active)
            self._kept_as_inactive = False
            return
        self._member.id = add_member(self._workspace, replace(self._member))

    def undo(self) -> None:
        assert self._member.id is not None
        try:
            delete_member(self._workspace, self._member.id)
        except MemberHasRecords:
            set_active(self._workspace, self._member.id, False)
            self._kept_as_inactive = True


class EditMember(QUndoCommand):
    """Change a member's details; keeps the details before and after."""

    def __init__(self, workspace: Workspace, after: Member, before: Member | None = None) -> None:
        super().__init__(_t("Edit member"))
        if after.id is None:
            raise ValueError("only a saved member can be edited")
        self._workspace = workspace
        self.before = replace(before) if before is not None else get_member(workspace, after.id)
        self.after = replace(after)

    def redo(self) -> None:
        update_member(self._workspace, replace(self.after))

    def undo(self) -> None:
        update_member(self._workspace, replace(self.before))


class SetMemberActive(QUndoCommand):
    """Deactivate a member (they stay in every record but are no longer invited) or bring them back."""

    def __init__(self, workspace: Workspace, member_id: int, active: bool) -> None:
        super().__init__(_t("Reactivate member") if active else _t("Deactivate member"))
        self._workspace = workspace
        self._member_id = member_id
        self._was = get_member(workspace, member_id).active
        self._active = active

    def redo(self) -> None:
        set_active(self._workspace, self._member_id, self._active)

    def undo(self) -> None:
        set_active(self._workspace, self._member_id, self._was)
