"""The finance team's payments spreadsheet, written to a real file and read back."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from meetingroom.domain.followup import Payment, PaymentKind, PaymentStatus
from meetingroom.domain.people import Member, Role
from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.followup import add_payment
from meetingroom.store.meetings import list_meetings
from meetingroom.store.members import add_member, erase_member
from meetingroom.store.payment_sheet import COLUMNS, write_finance_file

TODAY = date(2026, 11, 24)


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    write_example(tmp_path / "example.meetingroom", today=TODAY)
    with Workspace.open(tmp_path / "example.meetingroom") as opened:
        yield opened


def read_back(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_held_meetings_payments_with_names_and_amounts(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "finance.csv"
    rows = write_finance_file(ws, out, TODAY - timedelta(days=60), TODAY)
    table = read_back(out)
    assert tuple(table[0]) == COLUMNS
    assert len(table) == 1 + 9 == 1 + len(rows)
    held = list_meetings(ws)[0]
    assert {row[1] for row in table[1:]} == {held.start.date().isoformat()}
    # 6 involvement payments of £75, care £36, travel £4.80 and £22.60: £513.40 in all.
    assert sum(round(float(row[6]) * 100) for row in table[1:]) == 6 * 7500 + 3600 + 480 + 2260
    marcus = [row for row in table[1:] if row[5] == "Travel expenses" and row[7] == "Claimed"]
    assert len(marcus) == 1 and marcus[0][6] == "22.60"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_period_without_meetings_has_only_the_header(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "none.csv"
    assert write_finance_file(ws, out, TODAY + timedelta(days=100), TODAY + timedelta(days=200)) == []
    assert read_back(out) == [list(COLUMNS)]
    with pytest.raises(ValueError, match="ends before it starts"):
        write_finance_file(ws, out, TODAY, TODAY - timedelta(days=1))


def test_formulas_are_guarded_and_erased_people_are_not_named(ws: Workspace, tmp_path: Path) -> None:
    held = list_meetings(ws)[0]
    assert held.id is not None
    sly = add_member(ws, Member('=HYPERLINK("http://x","<Zoë & 😀>")', Role.CARER,
                                payment_preference="+44 bank transfer"))
    gone = add_member(ws, Member("Gone Person", Role.CARER, payment_preference="Sort code 00-00-00"))
    add_payment(ws, Payment(held.id, sly, PaymentKind.OTHER, 1234, PaymentStatus.CLAIMED))
    add_payment(ws, Payment(held.id, gone, PaymentKind.TRAVEL, 500, PaymentStatus.PAID))
    erase_member(ws, gone)
    out = tmp_path / "finance.csv"
    write_finance_file(ws, out, held.start.date(), held.start.date())
    table = read_back(out)
    sly_row = next(row for row in table if row[6] == "12.34")
    assert sly_row[3] == '\'=HYPERLINK("http://x","<Zoë & 😀>")'
    assert sly_row[4] == "'+44 bank transfer"
    assert sly_row[5] == "Other expenses"
    gone_row = next(row for row in table if row[6] == "5.00")
    assert gone_row[3] == "former member" and gone_row[4] == ""
    assert "Gone Person" not in out.read_text(encoding="utf-8-sig")
