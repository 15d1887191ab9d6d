"""The log file: errors and what the app was doing, never personal details.

Exception messages can quote user data (a name in a KeyError, a line of a CSV), so
uncaught exceptions are logged by type and code location only.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from meetingroom import paths

LOG_NAME = "meetingroom.log"
MAX_BYTES = 1_000_000
KEEP = 3


class LogFile(logging.FileHandler):
    """The app's log file (a plain FileHandler: logging.handlers costs start-up time)."""


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def describe_exception(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The exception's type and where it happened: no message, no local values."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{kind.__module__}.{kind.__qualname__} at {where or 'unknown'}"


def _rotate(path: Path) -> None:
    """At start, move a log past MAX_BYTES aside, keeping the last KEEP old logs."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except FileNotFoundError:
        return
    for number in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def close_log() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, LogFile)]:
        root.removeHandler(handler)
        handler.close()


def set_up_logging(level: int = logging.INFO) -> Path:
    path = log_file()
    _rotate(path)
    handler = LogFile(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    close_log()
    root.addHandler(handler)
    root.setLevel(level)
    path.chmod(0o600)

    def log_uncaught(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("meetingroom").error("uncaught %s", describe_exception(kind, tb))
        sys.__excepthook__(kind, value, tb)

    sys.excepthook = log_uncaught
    return path
