"""The item models over domain data, checked with Qt's model tester and against the store."""

from __future__ import annotations

from pathlib import Path

from meetingroom.domain.people import Member
from meetingroom.store import Workspace
from meetingroom.store.members import add_member
from meetingroom.ui.meeting_model import MeetingTableModel
from meetingroom.ui.member_model import MemberTableModel
from meetingroom.ui.session import WorkspaceSession


def test_member_model_passes_the_model_tester_and_follows_changes(example_path: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    session = WorkspaceSession(Workspace.open(example_path, backup=False))
    model = MemberTableModel(session)
    qtmodeltester.check(model)
    before = model.rowCount()
    add_member(session.workspace, Member(name="Zoë <new> & co"))
    assert model.rowCount() == before + 1
    assert model.data(model.index(before, 0)) == "Zoë <new> & co"
    session.close()


def test_meeting_model_passes_the_model_tester(example_path: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    session = WorkspaceSession(Workspace.open(example_path, backup=False))
    model = MeetingTableModel(session)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert {model.data(model.index(row, 3)) for row in range(2)} == {"Held", "Planning"}
    session.close()
