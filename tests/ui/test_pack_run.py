"""Making members' packs from the UI: in a child process, with a progress dialog that stops."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from meetingroom.store.meetings import list_meetings
from meetingroom.ui.pack_run import PackRun, make_packs, stop_button
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import unnamed

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    window = QWidget()
    window.setWindowTitle("MeetingRoom")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _planned(session: WorkspaceSession) -> int:
    meeting = next(m for m in list_meetings(session.workspace) if m.status.value == "planning")
    assert meeting.id is not None
    return meeting.id


def _finish(qtbot, run: PackRun) -> bool:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(run.done, timeout=180_000) as blocker:
        pass
    qtbot.waitUntil(lambda: run.message is not None and run.message.isVisible())
    return bool(blocker.args[0])


def test_packs_are_made_in_the_background(qtbot, window: QWidget, session: WorkspaceSession,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    steps: list[tuple[int, int, str]] = []
    folder = tmp_path / "packs"
    run = make_packs(window, session, _planned(session), folder)
    assert run is not None
    run.job.progress.connect(lambda *step: steps.append(step))
    qtbot.waitUntil(lambda: run.job.pid is not None)
    assert run.job.pid != os.getpid()  # the work runs in a child process
    assert run.progress.isVisible() and unnamed(run.progress) == []
    assert _finish(qtbot, run) is True
    timer.stop()
    assert len(ticks) >= 10  # the GUI kept turning
    assert steps and steps[-1][2] == "Done" and steps[-1][0] == steps[-1][1]
    assert run.message is not None and "13 packs were written" in run.message.text()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [e["member"] for e in manifest] == [e.member for e in run.entries]
    run.message.button(QMessageBox.StandardButton.Close).click()


def test_stop_stops_it_and_no_manifest_is_written(qtbot, window: QWidget, session: WorkspaceSession,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    run = make_packs(window, session, _planned(session), folder)
    assert run is not None
    button = stop_button(run)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _finish(qtbot, run) is False
    assert run.message is not None and run.message.text().startswith("Stopped.")
    assert not (folder / "manifest.json").exists()
    assert len([p for p in folder.rglob("*") if p.is_file()]) <= 2
    run.message.button(QMessageBox.StandardButton.Close).click()


def test_a_missing_meeting_says_so(qtbot, window: QWidget, session: WorkspaceSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = make_packs(window, session, 999, tmp_path / "packs")
    assert run is not None
    assert _finish(qtbot, run) is False
    assert run.message is not None and run.message.text() == "This meeting is no longer in the workspace."
    run.message.button(QMessageBox.StandardButton.Close).click()
