"""Making the agenda documents from the UI: the work runs in a child process with a progress
dialog that can be stopped by mouse or keyboard, and a message says where the files went."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from meetingroom.store.meetings import list_meetings
from meetingroom.ui.agenda_documents import AgendaDocumentsRun, make_agenda_documents, stop_button
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


def _upcoming(session: WorkspaceSession) -> int:
    meeting = next(m for m in list_meetings(session.workspace) if m.status.value == "planning")
    assert meeting.id is not None
    return meeting.id


def _finish(qtbot, run: AgendaDocumentsRun) -> bool:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(run.done, timeout=120_000) as blocker:
        pass
    result = bool(blocker.args[0])
    assert run.message is not None
    qtbot.waitUntil(lambda: run.message is not None and run.message.isVisible())
    return result


def _close(run: AgendaDocumentsRun) -> None:
    assert run.message is not None
    run.message.button(QMessageBox.StandardButton.Close).click()


def test_files_are_written_in_the_background_and_the_message_says_where(
        qtbot, window: QWidget, session: WorkspaceSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    seen: list[tuple[int, int, str]] = []
    folder = tmp_path / "documents"
    run = make_agenda_documents(window, session, _upcoming(session), folder)
    assert run is not None
    run.job.progress.connect(lambda done, total, what: seen.append((done, total, what)))
    qtbot.waitUntil(lambda: run.job.pid is not None)
    assert run.job.pid != os.getpid()  # the work runs in a child process
    assert run.progress.isVisible()
    assert unnamed(run.progress) == []  # UI1: the Stop button and the bar have names
    assert _finish(qtbot, run) is True
    timer.stop()
    # The GUI thread kept turning while the files were written.
    assert len(ticks) >= 10
    assert seen and seen[-1][2] == "Done" and seen[-1][0] == seen[-1][1]
    assert not run.progress.isVisible()
    assert run.message is not None
    assert str(folder) in run.message.text() and "files were written" in run.message.text()
    assert "asked for audio" in run.message.informativeText()
    written = sorted(p.name for p in folder.iterdir())
    assert len(run.files) == len(written) == 4 * 2 + 1 + 13 * 2 + 1
    assert "invitation-Daz-easy-read.pdf" in written and "manifest.json" in written
    _close(run)
    qtbot.waitUntil(lambda: run.message is not None and not run.message.isVisible())


def test_stop_button_stops_it_and_says_so(qtbot, window: QWidget, session: WorkspaceSession,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    run = make_agenda_documents(window, session, _upcoming(session), folder)
    assert run is not None
    button = stop_button(run)
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _finish(qtbot, run) is False
    assert run.message is not None
    assert run.message.text().startswith("Stopped.") and str(folder) in run.message.text()
    written = list(folder.iterdir()) if folder.exists() else []
    assert len(written) <= 2  # at most the file being written when Stop was pressed
    assert not (folder / "manifest.json").exists()
    _close(run)


def test_escape_stops_it_too(qtbot, window: QWidget, session: WorkspaceSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = make_agenda_documents(window, session, _upcoming(session), tmp_path / "documents")
    assert run is not None
    run.progress.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is run.progress)
    qtbot.keyClick(QApplication.focusWidget() or run.progress, Qt.Key.Key_Escape)
    assert _finish(qtbot, run) is False
    assert run.message is not None and run.message.text().startswith("Stopped.")
    _close(run)


def test_a_missing_meeting_says_so(qtbot, window: QWidget, session: WorkspaceSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = make_agenda_documents(window, session, 999, tmp_path / "documents")
    assert run is not None
    assert _finish(qtbot, run) is False
    assert run.message is not None
    assert run.message.text() == "This meeting is no longer in the workspace."
    _close(run)


def test_asks_for_a_folder_and_does_nothing_without_one(qtbot, window: QWidget, session: WorkspaceSession,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def choose(parent: QWidget, caption: str, start: str) -> str:
        asked.append(caption)
        return ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    assert make_agenda_documents(window, session, _upcoming(session)) is None
    assert asked == ["Choose a folder for the agenda and invitations"]
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(chosen)))
    run = make_agenda_documents(window, session, _upcoming(session))
    assert run is not None and run.folder == chosen
    qtbot.mouseClick(stop_button(run), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    _finish(qtbot, run)
    _close(run)
