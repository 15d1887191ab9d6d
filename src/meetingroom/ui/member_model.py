"""The members of a workspace as a table: name, role, format, access needs, active."""

from __future__ import annotations

from meetingroom.domain.people import Member
from meetingroom.store.members import list_members
from meetingroom.ui.labels import format_label, label
from meetingroom.ui.record_model import RecordTableModel
from meetingroom.ui.session import WorkspaceSession


class MemberTableModel(RecordTableModel[Member]):
    TABLES = frozenset({"member", "member_access_need"})

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session, [self.tr("Name"), self.tr("Role"), self.tr("Format"),
                                   self.tr("Access needs"), self.tr("Active")])

    def load(self) -> list[Member]:
        return list_members(self._session.workspace)

    def member(self, row: int) -> Member:
        return self.record(row)

    def cell(self, member: Member, column: int) -> str:
        if column == 0:
            return member.display_name
        if column == 1:
            return label(member.role)
        if column == 2:
            return format_label(member.format_need)
        if column == 3:
            return ", ".join(label(need) for need in sorted(member.access_needs)) or self.tr("None")
        if member.erased:
            return self.tr("No (details removed)")
        return self.tr("Yes") if member.active else self.tr("No")
