"""The Reports view. For now a plain empty state saying what will be here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meetingroom.ui.views.base import EmptyStateView


class ReportsView(EmptyStateView):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ReportsView", "Reports")

    @staticmethod
    def coming() -> str:
        return QCoreApplication.translate(
            "ReportsView",
            "See attendance, payments, evaluations and fairness figures across meetings in an involvement report.",
        )
