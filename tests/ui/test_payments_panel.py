"""Payments and expenses as a facilitator records them after a meeting: by keyboard, undoable,
and exported for the finance team as a spreadsheet read back from the real file."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingroom.domain.followup import PaymentKind, PaymentStatus
from meetingroom.store import Workspace
from meetingroom.store.followup import payments
from meetingroom.ui.payments_panel import PaymentDialog, PaymentsPanel, month_of
from tests.ui.audit import tab_cycle, unnamed
from tests.ui.test_console import key
from tests.ui.test_followup_view import _back_to, _modal, _row, followup

pytestmark = pytest.mark.gui


def stored(path: Path, meeting_id: int):  # type: ignore[no-untyped-def]
    with Workspace.open(path, backup=False) as ws:
        return payments(ws, meeting_id)


def test_record_mark_paid_remove_and_undo_by_keyboard(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    held = view.meeting_id
    assert held is not None
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # Pay and e&xpenses
    panel = view.panel("payments")
    assert isinstance(panel, PaymentsPanel)
    assert unnamed(panel) == []
    assert panel.model.rowCount() == 9
    # By hand: 6 × £75 + £36 care + £4.80 and £22.60 travel = £513.40; Grace's £75 and Marcus's
    # £22.60 are only claimed (£97.60), the rest paid (£415.80).
    assert panel.summary.text() == ("9 payments for 7 people: £513.40 in all; £415.80 paid, "
                                    "£97.60 still to pay.")

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Pa&yments and expenses
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    key(qtbot, "Ins")
    dialog = _modal(qtbot, PaymentDialog)
    assert unnamed(dialog) == []
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # no amount yet
    assert dialog.missing.text() == "Write how much, in pounds and pence."
    dialog.member.setCurrentIndex(dialog.member.findText("Grace", Qt.MatchFlag.MatchStartsWith))
    assert dialog.member.currentIndex() >= 0
    dialog.kind.setCurrentIndex(dialog.kind.findData(PaymentKind.TRAVEL))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.amount.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount)
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "12.5")
    key(qtbot, "Return")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    added = [p for p in stored(example_path, held) if p.amount_pence == 1250]
    assert len(added) == 1 and (added[0].kind, added[0].status) == (PaymentKind.TRAVEL, PaymentStatus.CLAIMED)
    assert panel.summary.text().startswith("10 payments for 7 people: £525.90 in all")

    _back_to(window, qtbot)
    panel.table.setFocus()
    panel.table.selectRow(_row(panel.model, 2, "£12.50"))
    assert panel.paid_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Mark pai&d
    qtbot.waitUntil(lambda: window.session.undo_stack.undoText() == "Mark payment paid")  # an animated click
    paid = next(p for p in stored(example_path, held) if p.amount_pence == 1250)
    assert paid.status is PaymentStatus.PAID
    assert panel.model.text(_row(panel.model, 2, "£12.50"), 3) == "Paid"

    panel.table.setFocus()
    panel.table.selectRow(_row(panel.model, 2, "£12.50"))
    key(qtbot, "Del")
    assert len(stored(example_path, held)) == 9
    window.session.undo_stack.undo()  # the payment is back, paid, with the same id
    back = next(p for p in stored(example_path, held) if p.amount_pence == 1250)
    assert (back.id, back.status) == (paid.id, PaymentStatus.PAID)
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert len(stored(example_path, held)) == 9


def test_change_a_payment_with_return(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    panel = view.panel("payments")
    assert isinstance(panel, PaymentsPanel) and view.meeting_id is not None
    panel.table.setFocus()
    row = _row(panel.model, 2, "£22.60")  # Marcus's travel claim
    panel.table.selectRow(row)
    key(qtbot, "Return")
    dialog = _modal(qtbot, PaymentDialog)
    assert dialog.amount.value() == pytest.approx(22.60)
    dialog.status.setCurrentIndex(dialog.status.findData(PaymentStatus.PAID))
    dialog.accept()
    marcus = next(p for p in stored(example_path, view.meeting_id) if p.amount_pence == 2260)
    assert marcus.status is PaymentStatus.PAID
    assert window.session.undo_stack.undoText() == "Change payment"


def test_export_for_finance_writes_the_months_payments(example_path: Path, open_window, qtbot,
                                                       tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    view = followup(window, qtbot)
    panel = view.panel("payments")
    assert isinstance(panel, PaymentsPanel)
    start, end = panel.default_period()
    assert start.day == 1 and start <= end and (end.month == start.month)
    out = tmp_path / "finance.csv"
    assert panel.export_finance(out, start, end) == 9
    table = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(table) == 10 and table[0][0] == "Payment number"
    assert "9 payments saved to" in panel.message.text()
    assert panel.export_finance(tmp_path / "no-such-folder" / "x.csv", start, end) is None
    assert panel.message.text().startswith("The spreadsheet was not saved")


def test_month_of() -> None:
    assert month_of(date(2026, 2, 14)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_of(date(2024, 12, 31)) == (date(2024, 12, 1), date(2024, 12, 31))


def test_tab_order_has_no_trap(example_path: Path, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(example_path)
    panel = followup(window, qtbot).panel("payments")
    order, closed = tab_cycle(panel.table, qtbot)
    assert closed, "Tab comes back round to where it started"
    assert panel.add_button in order and panel.export_button in order
