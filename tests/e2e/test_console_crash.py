"""Killing the app mid-meeting and opening it again carries on exactly where the meeting was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meetingroom.domain.meeting import Attendance, AttendanceStatus
from meetingroom.example import write_example
from meetingroom.store import Workspace, meetings
from meetingroom.ui.meeting_run import MeetingRun
from meetingroom.ui.session import WorkspaceSession

pytestmark = [pytest.mark.slow, pytest.mark.gui]

# The chair's keys in the real window: F9 first item, Return in "Who" raises each hand,
# F5 calls the first speaker, F6 pauses and resumes, F9 moves to the second item.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from meetingroom.app import build_window, create_application
    from meetingroom.settings import Settings

    app = create_application()
    window = build_window(app, Settings(), Path(sys.argv[1]))
    window.show()
    window.activateWindow()
    while QApplication.activeWindow() is not window:
        app.processEvents()
    page = window.workspace_page
    page.show_view(3)
    view = page.current_view()
    view.choose_meeting(int(sys.argv[2]))
    panel = view.run_panel()
    who = panel.queue.who
    who.setFocus()
    QTest.keyClick(who, Qt.Key.Key_F9)
    QTest.keyClick(who, Qt.Key.Key_F9)
    for name in sys.argv[3:]:
        who.setCurrentIndex(who.findText(name))
        QTest.keyClick(who, Qt.Key.Key_Return)
    QTest.keyClick(who, Qt.Key.Key_F5)
    QTest.qWait(300)
    QTest.keyClick(who, Qt.Key.Key_F6)
    QTest.qWait(400)
    QTest.keyClick(who, Qt.Key.Key_F6)
    run = view.run
    turn = run.running
    print(json.dumps({
        "item": run.state.current_item_id,
        "turn": turn.id,
        "started": turn.started_at,
        "paused": sum(p.resumed_at - p.paused_at for p in turn.pauses),
        "queue": [h.member_id for h in run.waiting()],
        "speaker": panel.queue.speaker.text(),
    }), flush=True)
    app.exec()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_mid_turn_the_meeting_resumes_with_the_true_elapsed_time(
        tmp_path: Path, qapp: QApplication) -> None:
    path = tmp_path / "group.meetingroom"
    write_example(path)
    with Workspace.open(path) as ws:
        meeting_id = max(m.id for m in meetings.list_meetings(ws) if m.id is not None)
        people = meetings.invited_member_ids(ws, meeting_id)[:5]
        for member_id in people:
            meetings.set_attendance(ws, Attendance(meeting_id, member_id, AttendanceStatus.PRESENT))
        from meetingroom.store.members import get_member

        names = [get_member(ws, m).display_name for m in people]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(meeting_id), *names],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.startswith("{"), child.stderr.read() if child.stderr else ""
            seen = json.loads(line)
            time.sleep(1.5)  # the turn runs on while the app is dead
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
    assert child.returncode == -signal.SIGKILL
    assert seen["speaker"].startswith("Speaking: ")

    session = WorkspaceSession(Workspace.open(path, backup=False))
    run = MeetingRun(session, meeting_id)
    try:
        items = [i.id for i in run.items]
        assert seen["item"] == items[1]
        assert run.state.current_item_id == items[1]
        assert run.running is not None and run.running.id == seen["turn"]
        assert run.running.started_at == seen["started"]
        now = run.now()
        true_elapsed = now - seen["started"] - seen["paused"]
        assert run.running.talk_seconds(now) == pytest.approx(true_elapsed, abs=0.01)
        assert run.running.talk_seconds(now) > 1.5  # the time the app was dead counts
        assert [h.member_id for h in run.waiting()] == seen["queue"]
        assert len(seen["queue"]) == len(names) - 1
    finally:
        run.close()
        session.close()
