"""The log file: errors and what the app was doing, never personal details.

Exception messages can quote user data (a name in a KeyError, a line of a CSV), so
uncaught exceptions are logged by type and code location only.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from meetingroom import paths

LOG_NAME = "meetingroom.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def describe_exception(kind: type[BaseException], tb: TracebackType | None) -> str:
    """The exception's type and where it happened: no message, no local values."""
    frames = traceback.extract_tb(tb)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{kind.__module__}.{kind.__qualname__} at {where or 'unknown'}"


def close_log() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def set_up_logging(level: int = logging.INFO) -> Path:
    path = log_file()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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
