"""The Papers view. For now a plain empty state saying what will be here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meetingroom.ui.views.base import EmptyStateView


class PapersView(EmptyStateView):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("PapersView", "Papers")

    @staticmethod
    def coming() -> str:
        return QCoreApplication.translate(
            "PapersView",
            "Write or import papers, check them for plain language, and make them in standard, large print, easy read and audio. Then send each member their pack and see who got what, and when.",
        )
