"""The sections of the main window, in the order the navigation shows them.

Each view's module is imported the first time the view is shown, so opening a workspace
pays only for the section on screen. A `ViewEntry` knows its title without the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from PySide6.QtCore import QCoreApplication

from meetingroom.ui.views.base import View


@dataclass(frozen=True)
class ViewEntry:
    module: str  # under meetingroom.ui.views
    class_name: str  # also the translation context of its title
    text: str  # the untranslated title, as the view's title() gives it

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.text)

    def load(self) -> type[View]:
        view_class: type[View] = getattr(import_module(f"meetingroom.ui.views.{self.module}"), self.class_name)
        return view_class


VIEWS: tuple[ViewEntry, ...] = (
    ViewEntry("group_members", "GroupMembersView", "Group & members"),
    ViewEntry("meetings_agenda", "MeetingsAgendaView", "Meetings & agenda"),
    ViewEntry("papers", "PapersView", "Papers"),
    ViewEntry("console", "ConsoleView", "Meeting console"),
    ViewEntry("followup", "FollowUpView", "Follow-up"),
    ViewEntry("reports", "ReportsView", "Reports"),
)

__all__ = ["VIEWS", "View", "ViewEntry"]
