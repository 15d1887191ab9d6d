"""Opening, creating, refusing and backing up workspaces."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from meetingroom.domain.group import Group
from meetingroom.domain.people import Member
from meetingroom.store import Workspace, WorkspaceError
from meetingroom.store.backups import KEEP, list_backups, restore_copy
from meetingroom.store.groups import get_group, save_group
from meetingroom.store.members import add_member, list_members
from meetingroom.store.schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def make_workspace(path: Path, members: int = 3) -> None:
    with Workspace.create(path) as ws:
        save_group(ws, Group(name="Riverside panel"))
        for n in range(members):
            add_member(ws, Member(name=f"Person {n}"))


def test_new_workspace_is_owner_only_wal_and_current(workspace_path: Path) -> None:
    with Workspace.create(workspace_path) as ws:
        assert ws.version == CURRENT_VERSION
        assert ws.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert ws.connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert stat.S_IMODE(workspace_path.stat().st_mode) == 0o600


def test_create_refuses_an_existing_file(workspace_path: Path) -> None:
    workspace_path.write_text("keep me")
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace.create(workspace_path)
    assert workspace_path.read_text() == "keep me"


def test_each_action_is_committed_at_once(workspace_path: Path) -> None:
    make_workspace(workspace_path, members=0)
    ws = Workspace.open(workspace_path)
    add_member(ws, Member(name="Aled"))
    # A second connection sees it without any save or close.
    other = sqlite3.connect(workspace_path)
    assert other.execute("SELECT name FROM member").fetchall() == [("Aled",)]
    other.close()
    ws.close()


def test_failed_action_leaves_nothing_behind(workspace_path: Path) -> None:
    make_workspace(workspace_path, members=0)
    with Workspace.open(workspace_path) as ws:
        with pytest.raises(RuntimeError), ws.transaction():
            add_member(ws, Member(name="Half done"))
            raise RuntimeError("boom")
        assert list_members(ws) == []


def test_listeners_hear_which_tables_changed(workspace_path: Path) -> None:
    heard: list[frozenset[str]] = []
    with Workspace.create(workspace_path) as ws:
        ws.on_change(heard.append)
        add_member(ws, Member(name="Bea"))
        save_group(ws, Group(name="Panel"))
    assert heard == [frozenset({"member"}), frozenset({"group_info", "avoid_time"})]


def test_open_makes_a_rotating_backup(workspace_path: Path) -> None:
    make_workspace(workspace_path)
    for _ in range(KEEP + 3):
        Workspace.open(workspace_path).close()
    backups = list_backups(workspace_path)
    assert len(backups) == KEEP
    for backup in backups:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        with Workspace.open(backup, backup=False) as copy:
            assert len(list_members(copy)) == 3


@pytest.mark.parametrize(
    "contents",
    [b"", b"Name,Role\nAled,carer\n", b"%PDF-1.7\n" + bytes(range(256)) * 40],
    ids=["empty", "csv", "binary"],
)
def test_a_file_that_is_not_a_workspace_is_refused_unchanged(tmp_path: Path, contents: bytes) -> None:
    path = tmp_path / "notes.meetingroom"
    path.write_bytes(contents)
    before, listing = digest(path), folder_listing(path)
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(path)
    assert "not a MeetingRoom workspace" in refused.value.reason
    assert "\n" not in refused.value.reason
    assert digest(path) == before
    assert folder_listing(path) == listing


def test_another_programs_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    before = digest(path)
    with pytest.raises(WorkspaceError, match="not a MeetingRoom workspace"):
        Workspace.open(path)
    assert digest(path) == before


def test_a_truncated_workspace_is_refused_unchanged_and_a_backup_offered(tmp_path: Path) -> None:
    workspace_path = tmp_path / "Group #2 ?%.meetingroom"
    make_workspace(workspace_path, members=200)
    Workspace.open(workspace_path).close()  # leaves a good backup
    data = workspace_path.read_bytes()
    workspace_path.write_bytes(data[: len(data) // 2 + 100])
    before, listing = digest(workspace_path), folder_listing(workspace_path)
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(workspace_path)
    assert "damaged" in refused.value.reason
    assert digest(workspace_path) == before
    assert folder_listing(workspace_path) == listing
    assert refused.value.backup == list_backups(workspace_path)[0]
    copy = restore_copy(refused.value.backup, workspace_path)
    with Workspace.open(copy) as restored:
        assert len(list_members(restored)) == 200
    assert digest(workspace_path) == before


def test_a_corrupted_page_fails_the_integrity_check(workspace_path: Path) -> None:
    make_workspace(workspace_path, members=300)
    data = bytearray(workspace_path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200
    workspace_path.write_bytes(bytes(data))
    before = digest(workspace_path)
    with pytest.raises(WorkspaceError, match="damaged"):
        Workspace.open(workspace_path)
    assert digest(workspace_path) == before


def test_a_newer_workspace_is_refused_unchanged(workspace_path: Path) -> None:
    make_workspace(workspace_path)
    raw = sqlite3.connect(workspace_path)
    raw.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.execute("PRAGMA journal_mode=DELETE")
    raw.close()
    before, listing = digest(workspace_path), folder_listing(workspace_path)
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(workspace_path)
    assert "newer version of MeetingRoom" in refused.value.reason
    assert digest(workspace_path) == before
    assert folder_listing(workspace_path) == listing


def test_an_older_workspace_is_migrated_in_order(workspace_path: Path) -> None:
    raw = sqlite3.connect(workspace_path)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("CREATE TABLE placeholder (x)")  # a version-0 file: ours, nothing migrated yet
    raw.commit()
    raw.close()
    with Workspace.open(workspace_path) as ws:
        assert ws.version == CURRENT_VERSION == len(MIGRATIONS)
        save_group(ws, Group(name="Migrated"))
        group = get_group(ws)
        assert group is not None and group.name == "Migrated"


def test_a_version_1_workspace_gains_the_payment_policy_and_keeps_its_group(workspace_path: Path) -> None:
    raw = sqlite3.connect(workspace_path)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.executescript(MIGRATIONS[0])
    raw.execute("INSERT INTO group_info (name, feedback_deadline_days) VALUES ('Old group', 21)")
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    with Workspace.open(workspace_path) as ws:
        group = get_group(ws)
        assert group is not None
        assert (group.name, group.feedback_deadline_days) == ("Old group", 21)
        assert (group.payment_how_to_claim, group.payment_days) == ("", 0)
        group.payment_how_to_claim, group.payment_days = "Ask the chair", 14
        save_group(ws, group)
    with Workspace.open(workspace_path) as ws:
        group = get_group(ws)
        assert group is not None and (group.payment_how_to_claim, group.payment_days) == ("Ask the chair", 14)


def test_open_missing_path_says_so(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no workspace at this path"):
        Workspace.open(tmp_path / "nowhere.meetingroom")


def test_a_background_backup_is_complete_once_closed(workspace_path: Path) -> None:
    make_workspace(workspace_path, members=50)
    ws = Workspace.open(workspace_path, backup_in_background=True)
    add_member(ws, Member(name="Edited while the backup runs"))
    ws.close()
    backups = list_backups(workspace_path)
    assert len(backups) == 1
    with Workspace.open(backups[0], backup=False) as copy:
        assert len(list_members(copy)) in (50, 51)
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


def test_a_worker_connection_and_one_consistent_read(workspace_path: Path) -> None:
    make_workspace(workspace_path, members=2)
    with Workspace.open(workspace_path, backup=False) as ws, Workspace.attach(workspace_path) as worker:
        with worker.reading():
            before = len(list_members(worker))
            add_member(ws, Member("Added meanwhile"))  # committed by the other connection
            assert len(list_members(worker)) == before  # the read does not half-see it
        assert len(list_members(worker)) == before + 1
