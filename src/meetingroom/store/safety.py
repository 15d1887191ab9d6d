"""Checks that a file is a healthy MeetingRoom workspace, made without changing a byte of it.

The header is read directly; the deeper checks run on a read-only, immutable connection,
so a refused file is never touched (no journal replay, no checkpoint, no side files).
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path
from urllib.parse import quote

from meetingroom.store.schema import APPLICATION_ID, CURRENT_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


class WorkspaceError(Exception):
    """A workspace that cannot be opened. `reason` is one line a person can act on."""

    def __init__(self, path: Path, reason: str, backup: Path | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.backup = backup
        super().__init__(f"{self.path.name}: {reason}")


def read_only_uri(path: Path) -> str:
    return f"file:{quote(str(Path(path).resolve()))}?mode=ro&immutable=1"


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite, not ours, or cut short, from its first 100 bytes."""
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(100)
    if size == 0 or not header.startswith(SQLITE_MAGIC[: min(len(header), 16)]) or len(header) < 16:
        raise WorkspaceError(path, "this file is not a MeetingRoom workspace")
    if len(header) < 100:
        raise WorkspaceError(path, "this workspace is damaged: the file has been cut short")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    application_id = struct.unpack(">I", header[68:72])[0]
    if application_id != APPLICATION_ID:
        raise WorkspaceError(path, "this file is a database, but not a MeetingRoom workspace")
    if page_size < 512 or size % page_size:
        raise WorkspaceError(path, "this workspace is damaged: the file has been cut short")
    if valid_for == change_counter and size < page_count * page_size:
        raise WorkspaceError(path, "this workspace is damaged: the file has been cut short")


def check_contents(path: Path) -> int:
    """Run SQLite's integrity check and the version check; return the workspace version."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise WorkspaceError(path, f"this workspace cannot be read ({error})") from None
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > CURRENT_VERSION:
            raise WorkspaceError(
                path,
                f"this workspace was made by a newer version of MeetingRoom "
                f"(format {version}; this version reads up to format {CURRENT_VERSION})",
            )
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise WorkspaceError(path, "this workspace is damaged: SQLite's integrity check failed")
        return version
    except sqlite3.DatabaseError as error:
        raise WorkspaceError(path, f"this workspace is damaged ({error})") from None
    finally:
        connection.close()


def check_workspace(path: Path) -> int:
    """Everything that must hold before a workspace is opened for writing."""
    check_header(path)
    return check_contents(path)
