"""The log file: rotated at start, owner-only, no exception messages."""

from __future__ import annotations

import logging
import stat
import sys

from meetingroom import logs


def test_a_big_log_is_moved_aside_at_start() -> None:
    path = logs.log_file()
    path.write_bytes(b"x" * (logs.MAX_BYTES + 1))
    logs.set_up_logging()
    logging.getLogger("meetingroom").error("fresh")
    logs.close_log()
    assert path.with_name(path.name + ".1").stat().st_size > logs.MAX_BYTES
    assert "fresh" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_uncaught_exceptions_are_logged_without_their_message() -> None:
    logs.set_up_logging()
    try:
        raise KeyError("Siân O'Brien, BSL interpreter")
    except KeyError:
        kind, value, tb = sys.exc_info()
    described = logs.describe_exception(kind, tb)  # type: ignore[arg-type]
    assert "KeyError" in described and "test_logs.py" in described
    assert "Siân" not in described
