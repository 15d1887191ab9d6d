"""Rotating backups of a workspace, made with SQLite's online backup API on every open."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meetingroom.store.safety import WorkspaceError, check_workspace, read_only_uri

if TYPE_CHECKING:
    from meetingroom.store.erasure import ErasureTerms

KEEP = 10


def backup_folder(workspace: Path) -> Path:
    """Backups sit beside the workspace, in a folder only its owner can read."""
    workspace = Path(workspace)
    return workspace.with_name(workspace.name + ".backups")


def list_backups(workspace: Path) -> list[Path]:
    """Newest first."""
    folder = backup_folder(workspace)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.meetingroom"), key=lambda p: p.name, reverse=True)


def make_backup(connection: sqlite3.Connection, workspace: Path, keep: int = KEEP) -> Path:
    folder = backup_folder(workspace)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(workspace).stem}-{stamp}.meetingroom"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    copy = sqlite3.connect(target)
    try:
        copy.execute("PRAGMA cache_size=-256")  # small page caches: backups stay light on memory
        connection.backup(copy, pages=64)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    for old in list_backups(workspace)[keep:]:
        old.unlink(missing_ok=True)
    return target


def newest_good_backup(workspace: Path) -> Path | None:
    for candidate in list_backups(workspace):
        try:
            check_workspace(candidate)
        except (WorkspaceError, OSError):
            continue
        return candidate
    return None


def restore_copy(backup: Path, workspace: Path) -> Path:
    """Copy a backup beside the refused workspace under a new name; the refused file stays as it is."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    workspace = Path(workspace)
    target = workspace.with_name(f"{workspace.stem}-restored-{stamp}{workspace.suffix or '.meetingroom'}")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def erase_from_backups(workspace: Path, member_id: int, terms: ErasureTerms) -> list[Path]:
    """Give every backup the erasure the workspace had; return the backups that were changed.

    A backup that cannot be opened or changed is deleted instead: no copy may keep the person.
    """
    from meetingroom.store import erasure  # rarely used: loaded when needed

    changed = []
    for backup in list_backups(workspace):
        try:
            copy = sqlite3.connect(backup, isolation_level=None)
        except sqlite3.Error:
            backup.unlink(missing_ok=True)
            continue
        try:
            copy.execute("PRAGMA secure_delete = ON")
            copy.execute("BEGIN IMMEDIATE")
            try:
                touched = erasure.erase_in(copy, member_id, terms)
            except BaseException:
                copy.execute("ROLLBACK")
                raise
            copy.execute("COMMIT")
            erasure.clear_old_copies(copy, wal=False)
        except sqlite3.Error:
            copy.close()
            backup.unlink(missing_ok=True)
            continue
        copy.close()
        if touched:
            changed.append(backup)
    return changed
