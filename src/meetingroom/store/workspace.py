"""One workspace = one SQLite file: opening it safely, and one transaction per user action."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from meetingroom.store import backups, schema
from meetingroom.store.safety import WorkspaceError, check_workspace

log = logging.getLogger(__name__)

ChangeListener = Callable[[frozenset[str]], None]


class Workspace:
    """An open workspace. Every change goes through `transaction()` and is committed at once."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = Path(path)
        self.connection = connection
        self._listeners: list[ChangeListener] = []
        self._touched: set[str] = set()
        self._depth = 0
        self._backup_thread: threading.Thread | None = None

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path) -> Workspace:
        """Make a new, empty workspace that only its owner can read. Refuses an existing file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise WorkspaceError(path, "a file with this name already exists") from None
        os.close(fd)
        try:
            connection = _connect(path)
            connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            schema.migrate(connection)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException:
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            raise
        return cls(path, connection)

    @classmethod
    def open(cls, path: Path, *, backup: bool = True, backup_in_background: bool = False) -> Workspace:
        """Open an existing workspace after checking it; back it up; migrate it if older.

        A file that fails a check is left exactly as it was, and the error names the
        newest good backup, if there is one. With `backup_in_background` the backup is
        made from a second, read-only connection on a worker thread, so a window can show
        at once; `close()` waits for it.
        """
        path = Path(path)
        if not path.exists():
            raise WorkspaceError(path, "there is no workspace at this path")
        try:
            check_workspace(path)
        except WorkspaceError as error:
            error.backup = backups.newest_good_backup(path)
            log.error("workspace refused: %s", error.reason)
            raise
        except OSError as error:
            raise WorkspaceError(path, f"this workspace cannot be read ({error.strerror})") from None
        connection = _connect(path)
        if backup and not backup_in_background:
            backups.make_backup(connection, path)
        schema.migrate(connection)
        workspace = cls(path, connection)
        if backup and backup_in_background:
            workspace._backup_thread = threading.Thread(
                target=_backup_from_reader, args=(path,), name="workspace-backup")
            workspace._backup_thread.start()
        return workspace

    @classmethod
    def attach(cls, path: Path) -> Workspace:
        """Another connection to a workspace this program already has open and checked, for a
        worker thread: no check, backup or migration, which would race the open connection."""
        return cls(Path(path), _connect(Path(path)))

    @classmethod
    def open_or_create(cls, path: Path) -> Workspace:
        return cls.open(path) if Path(path).exists() else cls.create(path)

    def wait_for_backup(self) -> None:
        """Wait until the backup made on opening (if any) is written."""
        if self._backup_thread is not None:
            self._backup_thread.join()

    def close(self) -> None:
        self.wait_for_backup()
        self.connection.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- changing --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: committed at once on success, rolled back on any error.

        Nested use joins the outer transaction. Listeners hear which tables changed.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.connection
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self._touched = set()
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            self._depth = 0
            raise
        self.connection.execute("COMMIT")
        self._depth = 0
        touched = frozenset(self._touched)
        for listener in list(self._listeners):
            listener(touched)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Several reads that must agree with each other (a document's snapshot): one read
        transaction, so a change committed meanwhile by another connection is not half seen."""
        if self._depth or self.connection.in_transaction:
            yield self.connection
            return
        self.connection.execute("BEGIN")
        try:
            yield self.connection
        finally:
            self.connection.execute("COMMIT")

    def touch(self, *tables: str) -> None:
        """Note which tables the current transaction changed (for listeners)."""
        self._touched.update(tables)

    def on_change(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def query(self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()) -> list[sqlite3.Row]:
        return self.connection.execute(sql, parameters).fetchall()

    @property
    def version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])


def _backup_from_reader(path: Path) -> None:
    try:
        reader = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
        try:
            backups.make_backup(reader, path)
        finally:
            reader.close()
    except (sqlite3.Error, OSError) as error:
        log.error("backup failed: %s", type(error).__name__)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=5000")
    return connection
