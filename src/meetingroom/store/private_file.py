"""Writing a file that holds personal data: owner-only, and replaced in one step, so a crash
or a full disk never leaves half a file where a good one was."""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` readable by its owner only (0600), replacing any file there."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
