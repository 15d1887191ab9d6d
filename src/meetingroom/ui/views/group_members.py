"""The Group & members view: the group's name and everyone in it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from meetingroom.store.groups import get_group
from meetingroom.ui.commands import RenameGroup
from meetingroom.ui.member_model import MemberTableModel
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import View, explanation, heading, records_table


class GroupMembersView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("GroupMembersView", "Group & members")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))

        form = QFormLayout()
        self.group_name = QLineEdit()
        self.group_name.setAccessibleName(self.tr("Group name"))
        name_label = QLabel(self.tr("&Group name:"))
        name_label.setBuddy(self.group_name)
        form.addRow(name_label, self.group_name)
        layout.addLayout(form)
        self.group_name.editingFinished.connect(self._rename)

        members_label = QLabel(self.tr("&Members"))
        self.model = MemberTableModel(session)
        self.members = records_table(self.tr("Members"), self.model)
        members_label.setBuddy(self.members)
        layout.addWidget(members_label)
        layout.addWidget(self.members, 1)
        layout.addWidget(explanation(self.tr(
            "Adding, editing and importing members, and the group's settings, come next.")))

        session.changed.connect(self._on_changed)
        self._show_group()

    def _show_group(self) -> None:
        group = get_group(self.session.workspace)
        self.group_name.setText(group.name if group else "")
        self.group_name.setEnabled(group is not None)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "group_info" in tables:
            self._show_group()

    def _rename(self) -> None:
        group = get_group(self.session.workspace)
        new_name = self.group_name.text().strip()
        if group is None or not new_name or new_name == group.name:
            if group is not None and not new_name:
                self.group_name.setText(group.name)
            return
        self.session.undo_stack.push(RenameGroup(self.session.workspace, new_name))
