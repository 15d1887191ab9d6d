"""The Meeting console view. For now a plain empty state saying what will be here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meetingroom.ui.views.base import EmptyStateView


class ConsoleView(EmptyStateView):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ConsoleView", "Meeting console")

    @staticmethod
    def coming() -> str:
        return QCoreApplication.translate(
            "ConsoleView",
            "Run the meeting at the table: check people in, agree the ground rules, time each agenda item, keep a fair speaking queue, log cards such as “slow down”, and show it all on a projector.",
        )
