"""Payments and expenses for a finance team, as a CSV spreadsheet.

One row per payment for the meetings held in a period: who (their full name, as finance
needs it, and how they asked to be paid), which meeting, what for, how much and whether it
is paid yet. Amounts are plain numbers in pounds ("22.60") so a spreadsheet can add them up.
Every text cell is guarded against spreadsheet formulas, as the members export is; the file
is owner-only, because it says who is paid for involvement in health and care services.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from meetingroom.domain.followup import PaymentKind, PaymentStatus
from meetingroom.domain.minutes_words import PAYMENT_WORDS
from meetingroom.domain.people import FORMER_MEMBER
from meetingroom.store.member_sheet import guard_formula
from meetingroom.store.private_file import write_private
from meetingroom.store.workspace import Workspace

COLUMNS = ("Payment number", "Meeting date", "Meeting", "Name", "How they asked to be paid",
           "What for", "Amount (£)", "Claimed or paid")
_STATUS_WORDS = {PaymentStatus.CLAIMED: "Claimed", PaymentStatus.PAID: "Paid"}


@dataclass(frozen=True)
class FinanceRow:
    payment_id: int
    meeting_day: date
    meeting: str
    name: str
    how_paid: str
    kind: PaymentKind
    amount_pence: int
    status: PaymentStatus

    def cells(self) -> list[str]:
        pounds, pence = divmod(self.amount_pence, 100)
        return [str(self.payment_id), self.meeting_day.isoformat(), guard_formula(self.meeting),
                guard_formula(self.name), guard_formula(self.how_paid), PAYMENT_WORDS[self.kind],
                f"{pounds}.{pence:02d}", _STATUS_WORDS[self.status]]


def finance_rows(ws: Workspace, start: date, end: date) -> list[FinanceRow]:
    """Every payment for a meeting starting from `start` to `end` (both days included), in
    meeting order, then by name."""
    if end < start:
        raise ValueError("the period ends before it starts")
    rows = ws.query(
        "SELECT p.id, p.kind, p.amount_pence, p.status, m.start, m.title, "
        "mb.name, mb.erased, mb.payment_preference "
        "FROM payment p JOIN meeting m ON m.id = p.meeting_id JOIN member mb ON mb.id = p.member_id "
        "WHERE m.start >= ? AND m.start < ? ORDER BY m.start, m.id, mb.name, p.id",
        (start.isoformat(), (end + timedelta(days=1)).isoformat()))
    return [FinanceRow(
        r["id"], datetime.fromisoformat(r["start"]).date(), r["title"],
        FORMER_MEMBER if r["erased"] else r["name"], "" if r["erased"] else r["payment_preference"],
        PaymentKind(r["kind"]), r["amount_pence"], PaymentStatus(r["status"]),
    ) for r in rows]


def finance_sheet(rows: list[FinanceRow]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads the £ right), Windows line ends."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row.cells() for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_finance_file(ws: Workspace, path: Path, start: date, end: date) -> list[FinanceRow]:
    """Write the period's payments to `path` (owner-only, replaced in one step); return them."""
    rows = finance_rows(ws, start, end)
    write_private(path, finance_sheet(rows))
    return rows
