"""Killing the app with SIGKILL right after an edit loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group

pytestmark = pytest.mark.slow

CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from meetingroom.app import build_window, create_application
    from meetingroom.settings import Settings

    app = create_application()
    window = build_window(app, Settings(), Path(sys.argv[1]))
    window.show()
    name = window.workspace_page.current_view().settings().group_name
    name.selectAll()
    typed, composed = sys.argv[2].split(" — ")
    QTest.keyClicks(name, typed)
    name.insert(" — " + composed)  # as an input method commits non-ASCII text
    QTest.keyClick(name, Qt.Key.Key_Return)
    print("edited", flush=True)
    app.exec()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_right_after_an_edit_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "group.meetingroom"
    write_example(path)
    new_name = "Renamed just before the power went — Siân's group"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen([sys.executable, "-c", CHILD, str(path), new_name],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == "edited", child.stderr.read() if child.stderr else ""
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == -signal.SIGKILL
    with Workspace.open(path) as ws:
        group = get_group(ws)
        assert group is not None and group.name == new_name
