"""The Group & members view: the people in the group, and the group's own settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from meetingroom.ui.member_model import MemberTableModel
from meetingroom.ui.members_panel import MembersPanel
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import LazyTabs, View, heading

if TYPE_CHECKING:
    from meetingroom.ui.group_settings import GroupSettingsPanel


class GroupMembersView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("GroupMembersView", "Group & members")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        self.tabs = LazyTabs(self.tr("Parts of Group & members"))
        self.tabs.add(self.tr("&Members"), self._members_tab)
        self.tabs.add(self.tr("Group &settings"), self._settings_tab)
        layout.addWidget(self.tabs, 1)

    def _members_tab(self) -> QWidget:
        self.members = MembersPanel(self.session)
        import_button = QPushButton(self.tr("Import from a spreads&heet…"))
        export_button = QPushButton(self.tr("Export to a spreadsheet…"))
        import_button.clicked.connect(self.import_members)
        export_button.clicked.connect(self.export_members)
        self.members.add_buttons(import_button, export_button)
        return self.members

    def _settings_tab(self) -> QWidget:
        from meetingroom.ui.group_settings import GroupSettingsPanel  # built when first shown

        return GroupSettingsPanel(self.session)

    def import_members(self) -> None:
        from meetingroom.ui.member_import import import_members

        import_members(self, self.session)

    def export_members(self) -> None:
        from meetingroom.ui.member_import import export_members

        export_members(self, self.session)

    @property
    def model(self) -> MemberTableModel:
        """Every member, before filtering (the members tab is built with the view)."""
        return self.members.model

    def settings(self) -> GroupSettingsPanel:
        """The group settings panel, shown."""
        from meetingroom.ui.group_settings import GroupSettingsPanel

        self.tabs.setCurrentIndex(1)
        panel = self.tabs.currentWidget()
        assert isinstance(panel, GroupSettingsPanel)
        return panel
