"""The Follow-up view. For now a plain empty state saying what will be here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meetingroom.ui.views.base import EmptyStateView


class FollowUpView(EmptyStateView):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("FollowUpView", "Follow-up")

    @staticmethod
    def coming() -> str:
        return QCoreApplication.translate(
            "FollowUpView",
            "Record decisions, actions and what each member said, answer every contribution (“you said, we did”), and send each member a follow-up letter in their own format.",
        )
