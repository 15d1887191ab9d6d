"""Member spreadsheets: real files in, every bad row named, nothing half-imported, exact round trips."""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from meetingroom.domain.people import (
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.example import write_example
from meetingroom.store import Workspace, members
from meetingroom.store.member_csv import (
    COLUMNS,
    FORMULA_STARTS,
    ImportPlan,
    MemberCsvError,
    MemberSheet,
    apply_import,
    current_members,
    export_member_sheet,
    guard_formula,
    plan_import,
    read_member_file,
    read_member_sheet,
    undo_import,
    unguard_formula,
    write_member_file,
)


@pytest.fixture
def ws(workspace_path: Path) -> Iterator[Workspace]:
    with Workspace.create(workspace_path) as workspace:
        yield workspace


@pytest.fixture
def example(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "example.meetingroom"
    write_example(path)
    with Workspace.open(path, backup=False) as workspace:
        yield workspace


def snapshot(ws: Workspace) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    return ([tuple(r) for r in ws.query("SELECT * FROM member ORDER BY id")],
            [tuple(r) for r in ws.query("SELECT * FROM member_access_need ORDER BY member_id, need")])


def import_bytes(ws: Workspace, data: bytes) -> ImportPlan:
    plan = plan_import(ws, read_member_sheet(data))
    assert not plan.bad, [str(b) for b in plan.bad]
    apply_import(ws, plan)
    return plan


def without_id(member: Member) -> Member:
    return dataclasses.replace(member, id=None)


def reasons(sheet_or_plan: MemberSheet | ImportPlan) -> list[str]:
    return [str(bad) for bad in sheet_or_plan.bad]


# -- what Excel saves ------------------------------------------------------------------------

EXCEL_UK = (
    "Name;Preferred name;Role;Organisation;Contact preference;Contact details;Format;"
    "Large print size;Access needs;Access notes;Consent date;Active\r\n"
    "Zoë Ó Briain;Zoë;Expert by experience;;Text message;07700 900123;large print;20;"
    "\"step-free access; hearing loop\";Taxi fare up to £15 paid;07/03/2024;yes\r\n"
    "José Núñez;;carer;Carers' Café;email;jose@example.org;Easy read;;;;2024-11-30;no\r\n"
    "\"Beyoncé \"\"B\"\" Adébáyọ̀\";;professional;NHS;letter;\"1 High St\r\nLeeds\";standard;;;;;\r\n"
)


def test_a_windows_1252_semicolon_file_without_bom_reads_exactly(ws: Workspace) -> None:
    data = EXCEL_UK.replace("Adébáyọ̀", "Adébáyo").encode("cp1252")
    assert not data.startswith(b"\xef\xbb\xbf") and b"\xa3" in data  # the pound sign, in cp1252
    plan = import_bytes(ws, data)
    assert (len(plan.to_add), len(plan.to_update), plan.unchanged) == (3, 0, 0)
    zoe, jose, beyonce = current_members(ws)
    assert zoe.name == "Zoë Ó Briain" and zoe.preferred_name == "Zoë"
    assert zoe.role is Role.EXPERT_BY_EXPERIENCE and zoe.contact_preference is ContactPreference.TEXT
    assert zoe.format_need == FormatNeed(FormatKind.LARGE_PRINT, 20)
    assert zoe.access_needs == {AccessNeed.STEP_FREE, AccessNeed.HEARING_LOOP}
    assert zoe.access_notes == "Taxi fare up to £15 paid"
    assert zoe.consent_date == date(2024, 3, 7)  # UK day first
    assert jose.name == "José Núñez" and jose.organisation == "Carers' Café" and not jose.active
    assert jose.format_need.kind is FormatKind.EASY_READ and jose.consent_date == date(2024, 11, 30)
    assert beyonce.name == 'Beyoncé "B" Adébáyo'
    assert beyonce.contact_details == "1 High St\r\nLeeds"
    assert beyonce.contact_preference is ContactPreference.LETTER


def test_utf8_with_and_without_bom_and_comma_separated(ws: Workspace) -> None:
    text = "name,pronouns,access notes\nSiân Ó Dálaigh,they/them,\"a; b, c\"\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        sheet = read_member_sheet(data)
        assert [dict(r.values) for r in sheet.good] == [
            {"name": "Siân Ó Dálaigh", "pronouns": "they/them", "access_notes": "a; b, c"}]


def test_every_bad_row_has_its_spreadsheet_row_number_and_reason() -> None:
    data = (
        b"name,role,format,large print size,consent date,active,access needs,id\n"
        b"Ann,carer,,,,,,\n"                                   # row 2: good
        b"Bob,boss,,,,,,\n"                                    # row 3
        b"\"Cat\nwith a line break\",chair,,,,,,\n"             # row 4: good, two lines
        b"Dev,carer,large print,15,,,,\n"                      # row 5
        b",boss,,,,,,\n"                                       # row 6
        b"Eve,carer,,,31/02/2024,,,\n"                         # row 7
        b"Fay,carer,,,last week,maybe,,\n"                     # row 8
        b"Gus,carer,,,,,wheelchair;hearing loop,\n"            # row 9
        b"Hal,carer\n"                                         # row 10
        b",,,,,,,\n"                                           # row 11: empty, skipped
        b"Ivy,carer,,,,,,abc\n"                                # row 12
        b"Jo,carer,standard,18,,,,\n"                          # row 13: size without large print
    )
    sheet = read_member_sheet(data)
    assert [r.row for r in sheet.good] == [2, 4, 13]
    assert reasons(sheet) == [
        "row 3: role 'boss' is not one of expert-by-experience, carer, professional, chair, "
        "facilitator, minute-taker, supporter",
        "row 5: large print size 15 is not one of 16, 18, 20, 24, 28",
        "row 6: the name is empty; role 'boss' is not one of expert-by-experience, carer, "
        "professional, chair, facilitator, minute-taker, supporter",
        "row 7: consent date '31/02/2024' is not a real date",
        "row 8: consent date 'last week' is not a date: write YYYY-MM-DD or DD/MM/YYYY; "
        "active 'maybe' is not yes or no",
        "row 9: access need 'wheelchair' is not one of step-free-access, hearing-loop, "
        "bsl-interpreter, language-interpreter, personal-assistant, quiet-space, regular-breaks, "
        "dietary-needs, transport-help, other",
        "row 10: this row has 2 cells but row 1 has 8 columns",
        "row 12: id 'abc' is not a whole number MeetingRoom gave",
    ]


def test_a_size_without_large_print_is_a_bad_row_of_the_plan(ws: Workspace) -> None:
    plan = plan_import(ws, read_member_sheet(b"name,format,large_print_size\nJo,standard,18\nKim,large print,\n"))
    assert reasons(plan) == ["row 2: a large print size is given but the format is standard"]
    assert [m.format_need for m in plan.to_add] == [FormatNeed(FormatKind.LARGE_PRINT, 18)]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "the file is empty"),
    (b"  \r\n", "the file is empty"),
    (b"name,shoe size\nAnn,5\n", "row 1 has a column MeetingRoom does not know: 'shoe size'"),
    (b"role,contact details\ncarer,x\n", "row 1 has no name column"),
    (b"name,Name\nAnn,Ann\n", "the column name appears twice"),
    ("name\nZoë\n".encode("utf-16"), "UTF-16"),
    (b"name\n\"Ann\n", "row 2: a quote mark opens a cell that is never closed"),
    (b"name,role\n\"Ann\"x,carer\n", "row 2: a quote mark in the middle of a cell"),
    (b"name\n\"" + b"x" * 200_000 + b"\"\n", "row 2: a cell is far too long"),
])
def test_a_file_that_cannot_be_read_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(MemberCsvError) as raised:
        read_member_sheet(data)
    assert reason in raised.value.reason and "\n" not in raised.value.reason


def test_headers_ignore_case_spaces_and_underscores_and_accept_plain_labels() -> None:
    data = (b"  NAME , Contact_Preference,FORMAT,Access Needs\n"
            b"Ann,Phone call,Plain text for braille,Spoken-language interpreter;Transport or parking help\n")
    (row,) = read_member_sheet(data).good
    assert row.values == {"name": "Ann", "contact_preference": ContactPreference.PHONE,
                          "format": FormatKind.BRAILLE_TEXT,
                          "access_needs": {AccessNeed.LANGUAGE_INTERPRETER, AccessNeed.TRANSPORT}}


def test_nul_bytes_and_control_characters_are_bad_rows() -> None:
    sheet = read_member_sheet(b"name,access notes\nAnn,ok\nBob,bad\x00byte\n")
    assert reasons(sheet) == ["row 3: the access notes contains a control character (is the file damaged?)"]


# -- matching, twice-importing, undo ---------------------------------------------------------

def test_importing_the_same_file_twice_adds_nobody_the_second_time(ws: Workspace) -> None:
    data = EXCEL_UK.replace("Adébáyọ̀", "Adébáyo").encode("cp1252")
    import_bytes(ws, data)
    before = snapshot(ws)
    plan = import_bytes(ws, data)
    assert (len(plan.to_add), len(plan.to_update), plan.unchanged) == (0, 0, 3)
    assert snapshot(ws) == before


def test_matching_by_name_and_contact_ignores_case_and_spaces_and_updates(ws: Workspace) -> None:
    members.add_member(ws, Member("Ann Lee", Role.CARER, contact_details="ann@example.org"))
    members.add_member(ws, Member("Ann Lee", Role.CHAIR, contact_details="other@example.org"))
    plan = import_bytes(ws, b"name,contact details,role\n  ann   LEE ,ANN@example.org ,professional\n")
    assert (len(plan.to_add), len(plan.to_update)) == (0, 1)
    first, second = current_members(ws)
    assert first.role is Role.PROFESSIONAL and first.name == "ann   LEE"
    assert second.role is Role.CHAIR


def test_a_file_without_contact_details_matches_by_name_or_says_it_cannot(ws: Workspace) -> None:
    members.add_member(ws, Member("Ann Lee", contact_details="ann@example.org", pronouns="she/her"))
    plan = import_bytes(ws, b"name,role\nAnn Lee,carer\n")
    assert len(plan.to_update) == 1
    (ann,) = current_members(ws)
    assert ann.role is Role.CARER and ann.contact_details == "ann@example.org"  # kept
    assert ann.pronouns == "she/her"  # columns the file lacks keep their values
    members.add_member(ws, Member("Ann Lee", contact_details="second@example.org"))
    plan = plan_import(ws, read_member_sheet(b"name,role\nAnn Lee,carer\n"))
    assert reasons(plan) == ["row 2: 2 members have this name: add a contact_details or id "
                             "column to say which one"]


def test_the_same_person_twice_in_one_file_is_a_bad_row(ws: Workspace) -> None:
    ann = members.add_member(ws, Member("Ann"))
    data = f"id,name,contact details\n{ann},Ann,\n{ann},Annie,\n,Bo,b@x\n,bo,B@X\n".encode()
    assert reasons(plan_import(ws, read_member_sheet(data))) == [
        "row 3: this is the same person as row 2", "row 5: this is the same person as row 4"]


def test_id_matches_first_and_an_unknown_id_adds_a_new_person(ws: Workspace) -> None:
    ann = members.add_member(ws, Member("Ann", contact_details="a"))
    plan = import_bytes(ws, f"id,name\n{ann},Anne Marie\n999,Zed\n".encode())
    assert (len(plan.to_add), len(plan.to_update)) == (1, 1)
    assert [(m.id, m.name) for m in current_members(ws)] == [(ann, "Anne Marie"), (ann + 1, "Zed")]


def test_erased_people_are_never_exported_or_brought_back(ws: Workspace) -> None:
    gone = members.add_member(ws, Member("Former", contact_details="f@x"))
    members.add_member(ws, Member("Kept"))
    ws.connection.execute("UPDATE member SET erased = 1, name = '' WHERE id = ?", (gone,))
    data, count = export_member_sheet(ws)
    assert count == 1 and b"Former" not in data
    plan = plan_import(ws, read_member_sheet(f"id,name\n{gone},Someone\n".encode()))
    assert len(plan.to_add) == 1 and not plan.to_update  # a new person, not the erased one


def test_undo_removes_the_added_and_restores_the_updated_and_redo_keeps_ids(example: Workspace) -> None:
    before = snapshot(example)
    data, _ = export_member_sheet(example)
    text = data.decode("utf-8-sig").replace("Siobhan Kelly", "Siobhán Kelly")
    text += "\r\n,New Person,,,,carer,,email,new@example.org,standard,,,quiet-space,,,,yes\r\n"
    plan = import_bytes(example, text.encode("utf-8"))
    assert (len(plan.to_add), len(plan.to_update), plan.unchanged) == (1, 1, 12)
    after = snapshot(example)
    undo_import(example, plan)
    assert snapshot(example) == before
    apply_import(example, plan)
    assert snapshot(example) == after


def test_a_failing_import_writes_nothing(ws: Workspace) -> None:
    members.add_member(ws, Member("Ann"))
    plan = plan_import(ws, read_member_sheet(b"name\nBo\nCy\nDi\n"))
    plan.to_add[-1].id = 1  # collides with Ann: the last insert fails
    before = snapshot(ws)
    with pytest.raises(sqlite3.IntegrityError):
        apply_import(ws, plan)
    assert snapshot(ws) == before


# -- export and round trips ------------------------------------------------------------------

def test_export_has_a_bom_every_column_and_neutralised_formulas(ws: Workspace, tmp_path: Path) -> None:
    members.add_member(ws, Member("=HYPERLINK(\"http://x\")", contact_details="+44 7700 900000",
                                  access_notes="-1", payment_preference="@SUM(A1)",
                                  organisation="\tTabbed", pronouns="'=quoted"))
    path = tmp_path / "out.csv"
    assert write_member_file(ws, path) == 1
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and (path.stat().st_mode & 0o777) == 0o600
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(header) == COLUMNS
    cells = dict(zip(header, row, strict=True))
    assert cells["name"] == "'=HYPERLINK(\"http://x\")"
    assert cells["contact_details"] == "'+44 7700 900000"
    assert (cells["access_notes"], cells["payment_preference"], cells["organisation"],
            cells["pronouns"]) == ("'-1", "'@SUM(A1)", "'\tTabbed", "''=quoted")
    assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
    (member,) = read_member_file(path).good
    assert member.values["name"] == "=HYPERLINK(\"http://x\")"
    assert member.values["pronouns"] == "'=quoted"
    assert import_bytes(ws, data).unchanged == 1


@given(st.text())
def test_formula_guard_round_trips_every_string(text: str) -> None:
    guarded = guard_formula(text)
    assert not guarded.startswith(FORMULA_STARTS)
    assert unguard_formula(guarded) == text


def test_the_example_group_round_trips_into_a_fresh_workspace(example: Workspace, tmp_path: Path) -> None:
    data, count = export_member_sheet(example)
    assert count == 13
    with Workspace.create(tmp_path / "fresh.meetingroom") as fresh:
        import_bytes(fresh, data)
        assert [without_id(m) for m in current_members(fresh)] == [
            without_id(m) for m in current_members(example)]
        again = import_bytes(fresh, export_member_sheet(fresh)[0])
        assert again.unchanged == 13 and len(current_members(fresh)) == 13


text_value = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    "=+-@'\";,\n\r\t£é"), max_size=30).map(str.strip)


@st.composite
def member_strategy(draw: st.DrawFn) -> Member:
    kind = draw(st.sampled_from(FormatKind))
    return Member(
        draw(text_value.filter(bool)), draw(st.sampled_from(Role)),
        preferred_name=draw(text_value), pronunciation=draw(text_value),
        pronouns=draw(text_value), organisation=draw(text_value),
        contact_preference=draw(st.sampled_from(ContactPreference)),
        contact_details=draw(text_value),
        format_need=FormatNeed(kind, draw(st.sampled_from((16, 18, 20, 24, 28)))
                               if kind is FormatKind.LARGE_PRINT else None, draw(text_value)),
        access_needs=frozenset(draw(st.sets(st.sampled_from(AccessNeed)))),
        access_notes=draw(text_value), payment_preference=draw(text_value),
        consent_date=draw(st.none() | st.dates(date(1900, 1, 1), date(2100, 1, 1))),
        active=draw(st.booleans()))


def _people_key(m: Member) -> tuple[str, str]:
    return (" ".join(m.name.casefold().split()), " ".join(m.contact_details.casefold().split()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(member_strategy(), max_size=8))
def test_any_members_round_trip_exactly(ws: Workspace, tmp_path: Path, people: list[Member]) -> None:
    assume(len({_people_key(m) for m in people}) == len(people))
    fresh_path = tmp_path / "fresh.meetingroom"
    fresh = Workspace.open(fresh_path, backup=False) if fresh_path.exists() else Workspace.create(fresh_path)
    try:
        for person in people:
            members.add_member(ws, person)
        data, count = export_member_sheet(ws)
        assert count == len(people)
        same = plan_import(ws, read_member_sheet(data))
        assert not same.bad and same.unchanged == len(people)  # into the same workspace: no change
        import_bytes(fresh, data)  # into an empty one: the same people
        assert [without_id(m) for m in current_members(fresh)] == [
            without_id(m) for m in current_members(ws)]
    finally:
        for workspace in (ws, fresh):
            workspace.connection.execute("DELETE FROM member")
        fresh.close()


# -- broken files: never a crash, never a partial import -------------------------------------

GOOD_ROWS = [
    ["Ann Lee", "carer", "ann@example.org", "large print", "18", "07/03/2024", "yes"],
    ["Zoë Ó Briain", "expert by experience", "07700 900123", "standard", "", "2024-01-02", "no"],
    ["José", "chair", "", "easy read", "", "", "1"],
]
BAD_VALUES = ["boss", "15", "31/02/2024", "maybe", "", "\x00", "x" * 20_000, "\"", "=1+1", "large print"]


@st.composite
def broken_file(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    rows = [list(r) for r in draw(st.lists(st.sampled_from(GOOD_ROWS), min_size=0, max_size=6))]
    for row in rows:
        if draw(st.booleans()):
            row[draw(st.integers(0, len(row) - 1))] = draw(st.sampled_from(BAD_VALUES) | st.text(max_size=12))
        if draw(st.integers(0, 5)) == 0:
            del row[draw(st.integers(0, len(row) - 1))]
        if draw(st.integers(0, 5)) == 0:
            row.append(draw(st.text(max_size=5)))
    separator = draw(st.sampled_from([",", ";"]))
    out = io.StringIO()
    csv.writer(out, delimiter=separator).writerows(
        [["name", "role", "contact details", "format", "large print size", "consent date", "active"], *rows])
    text = out.getvalue()
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(['"', "\n", "\r", separator, "\x00", "'"])) + text[at:]
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "ascii"]))
    return text.encode(encoding, errors="replace")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(broken_file())
def test_broken_files_never_crash_and_never_half_import(ws: Workspace, data: bytes) -> None:
    if not current_members(ws):
        members.add_member(ws, Member("Ann Lee", Role.CARER, contact_details="ann@example.org"))
    before = snapshot(ws)
    try:
        sheet = read_member_sheet(data)
    except MemberCsvError as error:
        assert error.reason and "\n" not in error.reason
        assert snapshot(ws) == before
        return
    plan = plan_import(ws, sheet)
    assert snapshot(ws) == before  # checking and planning never write
    bad_rows = {b.row for b in plan.bad}
    assert not bad_rows & set(plan.good_rows)
    assert all(b.reason and b.row >= 2 for b in plan.bad)
    apply_import(ws, plan)  # the person accepts the good rows: all of them go in
    now = current_members(ws)
    assert len(now) == len(before[0]) + len(plan.to_add)
    stored = {m.id: m for m in now}
    assert all(stored[after.id] == after for _, after in plan.to_update)
    assert all(stored[added.id] == added for added in plan.to_add)
    undo_import(ws, plan)
    assert snapshot(ws) == before
