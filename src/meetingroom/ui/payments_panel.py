"""Payments and expenses for one meeting: involvement payments, travel, care and other
costs, each claimed or paid; and the payments of a period exported for a finance team.

Insert adds, Return changes, Delete removes and "Mark paid" marks the chosen one paid; every
change is undoable. Each member's feedback letter tells them what they claimed and what is
paid, with the group's payment policy.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.followup import Payment, PaymentKind, PaymentStatus
from meetingroom.domain.minutes_words import money
from meetingroom.store import Workspace, meetings
from meetingroom.store.followup import payments
from meetingroom.store.payment_sheet import write_finance_file
from meetingroom.ui.form_fields import buddy, choices, choose, date_box, fit_width, form, period_of
from meetingroom.ui.labels import label
from meetingroom.ui.meeting_list import Choices, MeetingList, MeetingRecord
from meetingroom.ui.outcome_commands import EditOutcome
from meetingroom.ui.record_panel import chosen_record, member_name
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation


def _t(text: str) -> str:
    return QCoreApplication.translate("payments_panel", text)


def payments_summary(found: list[Payment]) -> str:
    """"9 payments for 7 people: £509.40 in all; £396.80 paid, £112.60 still to pay."."""
    if not found:
        return _t("No payments or expenses have been recorded for this meeting.")
    total = sum(p.amount_pence for p in found)
    paid = sum(p.amount_pence for p in found if p.status is PaymentStatus.PAID)
    return (_t("%1 payments for %2 people: %3 in all; %4 paid, %5 still to pay.")
            .replace("%1", str(len(found))).replace("%2", str(len({p.member_id for p in found})))
            .replace("%3", money(total)).replace("%4", money(paid)).replace("%5", money(total - paid)))


class PaymentDialog(QDialog):
    """The form for one payment or expenses claim: who, what for, how much, claimed or paid."""

    def __init__(self, payment: Payment, people: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payment = payment
        title = _t("Record a payment") if payment.id is None else _t("Change a payment")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        rows = form()
        self.member = choices([(words, i) for i, words in people])
        choose(self.member, payment.member_id)
        self.kind = choices([(label(kind), kind) for kind in PaymentKind])
        choose(self.kind, payment.kind)
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 100_000)
        self.amount.setDecimals(2)
        self.amount.setPrefix("£")
        self.amount.setValue(payment.amount_pence / 100)
        self.status = choices([(label(status), status) for status in PaymentStatus])
        choose(self.status, payment.status)
        for words, name, field in ((_t("&Who:"), _t("Who"), self.member),
                                   (_t("What &for:"), _t("What for"), self.kind),
                                   (_t("&Amount:"), _t("Amount in pounds"), self.amount),
                                   (_t("&Claimed or paid:"), _t("Claimed or paid"), self.status)):
            rows.addRow(buddy(words, field, name), field)
        layout.addLayout(rows)
        self.missing = explanation("")
        layout.addWidget(self.missing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.amount.valueChanged.connect(self._check)
        self._check()
        fit_width(self, 50)

    def _check(self) -> None:
        has_amount = self.amount.value() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_amount)
        self.missing.setText("" if has_amount else _t("Write how much, in pounds and pence."))
        self.missing.setVisible(not has_amount)

    def record(self) -> Payment:
        return dataclasses.replace(
            self._payment, member_id=int(self.member.currentData()), kind=PaymentKind(self.kind.currentData()),
            amount_pence=round(self.amount.value() * 100), status=PaymentStatus(self.status.currentData()))


class FinancePeriodDialog(QDialog):
    """Which meetings' payments go to finance: from one day to another, both included."""

    def __init__(self, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _t("Export payments for finance")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_t(
            "The spreadsheet lists every payment for the meetings in this period, with each "
            "person's full name and how they asked to be paid. Keep it safe: it is personal data.")))
        rows = form()
        self.start, self.end = date_box(start, _t("Meetings from")), date_box(end, _t("Up to and including"))
        rows.addRow(buddy(_t("Meetings &from:"), self.start, _t("Meetings from")), self.start)
        rows.addRow(buddy(_t("&Up to and including:"), self.end, _t("Up to and including")), self.end)
        layout.addLayout(rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_width(self, 50)


def ask_finance_path(parent: QWidget, near: Path, start: date, end: date) -> Path | None:
    """Ask where to save the period's payments spreadsheet; None if cancelled."""
    suggested = near.parent / f"payments {start:%Y-%m-%d} to {end:%Y-%m-%d}.csv"
    chosen, _ = QFileDialog.getSaveFileName(parent, _t("Save the payments spreadsheet as"),
                                            str(suggested), _t("Spreadsheets (*.csv)"))
    return Path(chosen) if chosen else None


def save_finance_file(ws: Workspace, path: Path, start: date, end: date) -> tuple[int | None, str]:
    """Write the period's payments to `path`: how many (None if it failed) and words saying so."""
    try:
        rows = write_finance_file(ws, path, start, end)
    except OSError as error:
        return None, _t("The spreadsheet was not saved: %1").replace("%1", error.strerror or str(error))
    return len(rows), _t("%1 payments saved to %2. Only you can open the file on this computer.").replace(
        "%1", str(len(rows))).replace("%2", str(path))


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of the calendar month `day` is in."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


class PaymentsPanel(MeetingList):
    TABLES = MeetingList.TABLES | {"payment"}

    def __init__(self, session: WorkspaceSession, meeting_id: int | None = None) -> None:
        super().__init__(
            session, meeting_id,
            _t("Involvement payments and expenses for this meeting. Insert adds, Return changes, "
               "Delete removes; Ctrl+Z undoes. Each member's letter says what they claimed, what is "
               "paid and how to claim."),
            _t("Pa&yments and expenses:"), _t("Payments and expenses"),
            [_t("Who"), _t("What for"), _t("Amount"), _t("Claimed or paid")], (0,),
            _t("Record a payment…"), _t("payment"))
        self.paid_button = QPushButton(_t("Mark pai&d"))
        self.paid_button.setAccessibleName(_t("Mark the chosen payment paid"))
        self.export_button = QPushButton(_t("Export for finance…"))
        self.buttons.addWidget(self.paid_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.export_button)
        self.message = explanation("")
        self.message.setVisible(False)
        self.layout_.addWidget(self.message)
        self.paid_button.clicked.connect(self.mark_paid)
        self.export_button.clicked.connect(self.ask_export)
        self.refresh()

    def fill(self, ws: Workspace, meeting_id: int | None) -> None:
        found = payments(ws, meeting_id) if meeting_id is not None else []
        shown = sorted(found, key=lambda p: (member_name(self.people, p.member_id).casefold(), p.id or 0))
        self.model.set_records(list(shown), [
            (member_name(self.people, p.member_id), label(p.kind), money(p.amount_pence), label(p.status))
            for p in shown])
        self.summary.setText(payments_summary(found))

    def enable_more(self, chosen: MeetingRecord | None) -> None:
        self.paid_button.setEnabled(isinstance(chosen, Payment) and chosen.status is PaymentStatus.CLAIMED)

    def new_record(self, meeting_id: int) -> Payment:
        return Payment(meeting_id, self.choices[0][0], PaymentKind.INVOLVEMENT, 0)

    def dialog_for(self, record: MeetingRecord, people: Choices) -> QDialog:
        assert isinstance(record, Payment)
        return PaymentDialog(record, people, self)

    def mark_paid(self) -> None:
        chosen = chosen_record(self.table)
        if isinstance(chosen, Payment) and chosen.status is PaymentStatus.CLAIMED:
            self.session.undo_stack.push(EditOutcome(
                self.session.workspace, chosen, dataclasses.replace(chosen, status=PaymentStatus.PAID),
                _t("Mark payment paid")))

    # -- finance -------------------------------------------------------------------------------
    def default_period(self) -> tuple[date, date]:
        """The calendar month of the chosen meeting (or this month)."""
        meeting = None
        if self.meeting_id is not None:
            meeting = next((m for m in meetings.list_meetings(self.session.workspace)
                            if m.id == self.meeting_id), None)
        return month_of(meeting.start.date() if meeting is not None else date.today())

    def ask_export(self) -> None:
        dialog = FinancePeriodDialog(*self.default_period(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        start, end = period_of(dialog.start, dialog.end)
        chosen = ask_finance_path(self, self.session.path, start, end)
        if chosen is not None:
            self.export_finance(chosen, start, end)

    def export_finance(self, path: Path, start: date, end: date) -> int | None:
        """Write the period's payments to `path`; say how many and where, or what went wrong."""
        count, words = save_finance_file(self.session.workspace, path, start, end)
        self.message.setText(words)
        self.message.setVisible(True)
        return count
