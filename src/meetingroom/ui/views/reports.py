"""The Reports view: the involvement report for a chosen period, on screen as it will print
(the same words, charts and tables, under the 4Pi standards), made as a PDF and a DOCX in the
background, and the period's payments exported for a finance team.

The figures are read again when the period changes or the workspace does (a moment after the
last change, so typing a date does not read the workspace on every key).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from meetingroom.documents.involvement_report import report_document, report_title
from meetingroom.domain.involvement import InvolvementFigures
from meetingroom.store.involvement import read_involvement
from meetingroom.ui.document_view import DocumentView
from meetingroom.ui.form_fields import buddy, date_box, period_of
from meetingroom.ui.job_run import JobRun
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import View, explanation, heading

REFRESH_MS = 250
_TABLES = frozenset({"meeting", "attendance", "turn", "card", "decision", "action", "contribution",
                     "distribution", "letter", "payment", "evaluation", "member", "group_info",
                     "invitation", "agenda_item", "meeting_ground_rule"})


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportsView", text)


class ReportsView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ReportsView", "Reports")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(session, parent)
        self.today = today or date.today()
        self.figures: InvolvementFigures | None = None
        self.run: JobRun | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(explanation(_t(
            "The involvement report for a period: who came and who was heard, papers and letters "
            "on time, answers to what members said, cards, evaluation and payments, under the 4Pi "
            "standards. What you see here is what the report prints.")))
        period = QHBoxLayout()
        self.start = date_box(self.today - timedelta(days=365), _t("Meetings from"))
        self.end = date_box(self.today, _t("Up to and including"))
        period.addWidget(buddy(_t("Meetings &from:"), self.start, _t("Meetings from")))
        period.addWidget(self.start)
        period.addWidget(buddy(_t("&Up to and including:"), self.end, _t("Up to and including")))
        period.addWidget(self.end)
        period.addStretch(1)
        layout.addLayout(period)
        buttons = QHBoxLayout()
        self.make_button = QPushButton(_t("Make the &report…"))
        self.make_button.setToolTip(_t("Save the report as a PDF for printing and a Word document"))
        self.finance_button = QPushButton(_t("Export &payments for finance…"))
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.finance_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.summary = explanation("")
        layout.addWidget(self.summary)
        self.page = DocumentView(_t("The involvement report"))
        layout.addWidget(self.page, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.start.dateChanged.connect(self._timer.start)
        self.end.dateChanged.connect(self._timer.start)
        self.make_button.clicked.connect(self.ask_make)
        self.finance_button.clicked.connect(self.ask_finance)
        session.changed.connect(self._on_changed)
        self.refresh()

    def period(self) -> tuple[date, date]:
        return period_of(self.start, self.end)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        start, end = self.period()
        self.figures = read_involvement(self.session.workspace, start, end, today=self.today)
        document = report_document(self.figures)
        self.summary.setText(report_title(self.figures) + ".")
        self.page.show_content(document.blocks)

    # -- making --------------------------------------------------------------------------------
    def ask_make(self) -> None:
        start, end = self.period()
        suggested = self.session.path.parent / f"Involvement report {start:%Y-%m-%d} to {end:%Y-%m-%d}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(self, _t("Save the involvement report as"), str(suggested),
                                                _t("PDF and Word document (*.pdf)"))
        if chosen:
            self.start_making(Path(chosen))

    def start_making(self, chosen: Path) -> JobRun:
        """Write the report for the period as `chosen`.pdf and .docx, in the background."""
        from meetingroom.ui.report_run import ReportRun

        start, end = self.period()
        self.run = ReportRun(self, self.session, start, end, chosen)
        return self.run

    def ask_finance(self) -> None:
        from meetingroom.ui.payments_panel import ask_finance_path

        chosen = ask_finance_path(self, self.session.path, *self.period())
        if chosen is not None:
            self.export_finance(chosen)

    def export_finance(self, path: Path) -> int | None:
        """Write the period's payments to `path` and say how it went under the buttons."""
        from meetingroom.ui.payments_panel import save_finance_file

        count, words = save_finance_file(self.session.workspace, path, *self.period())
        self.summary.setText(words)
        return count
