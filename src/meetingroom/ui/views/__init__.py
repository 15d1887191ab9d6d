"""One module per section of the main window, in the order the navigation shows them."""

from __future__ import annotations

from meetingroom.ui.views.base import View
from meetingroom.ui.views.console import ConsoleView
from meetingroom.ui.views.followup import FollowUpView
from meetingroom.ui.views.group_members import GroupMembersView
from meetingroom.ui.views.meetings_agenda import MeetingsAgendaView
from meetingroom.ui.views.papers import PapersView
from meetingroom.ui.views.reports import ReportsView

VIEWS: tuple[type[View], ...] = (
    GroupMembersView,
    MeetingsAgendaView,
    PapersView,
    ConsoleView,
    FollowUpView,
    ReportsView,
)

__all__ = ["VIEWS", "View"]
