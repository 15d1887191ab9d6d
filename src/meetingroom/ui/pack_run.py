"""Make every invited member's pack for a meeting, off the GUI thread.

A worker on the thread pool opens its own connection to the workspace (a SQLite connection
never crosses threads), writes the packs, and reports progress by signal to a progress
dialog that can be cancelled. The PDF writer is pure Python and holds the interpreter lock,
but Python hands the lock to the GUI thread every few milliseconds, and each document is
rendered once per format and copied after: tests/benchmarks/pack_heartbeat.py measures it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from meetingroom.documents.packs import (
    PackCancelled,
    PackEntry,
    needs_audio,
    read_pack_source,
    write_packs,
)
from meetingroom.speech.process import SpeechProcess
from meetingroom.store import Workspace, WorkspaceError
from meetingroom.ui.session import WorkspaceSession

log = logging.getLogger(__name__)

def _t(text: str) -> str:
    return QCoreApplication.translate("pack_run", text)


class _JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # list[PackEntry]
    stopped = Signal(int)  # files written before the stop
    failed = Signal(str)


class _PackJob(QRunnable):
    """Runs on a pool thread; the GUI side only touches `signals` and the stop flag."""

    def __init__(self, workspace_path: Path, meeting_id: int, folder: Path, signals: _JobSignals,
                 stop: threading.Event) -> None:
        super().__init__()
        self.workspace_path = workspace_path
        self.meeting_id = meeting_id
        self.folder = folder
        self.signals = signals
        self.stop = stop

    def run(self) -> None:
        try:
            with Workspace.attach(self.workspace_path) as ws:
                source = read_pack_source(ws, self.meeting_id)
            with contextlib.ExitStack() as stack:
                # Audio files come from a speech engine of the run's own, in a child process.
                speech = stack.enter_context(SpeechProcess()) if needs_audio(source) else None
                entries = write_packs(source, self.meeting_id, self.folder, speech=speech,
                                      progress=self.signals.progress.emit, cancelled=self.stop.is_set)
        except PackCancelled as stopped:
            self.signals.stopped.emit(len(stopped.written))
        except KeyError:
            self.signals.failed.emit(_t("This meeting is no longer in the workspace."))
        except WorkspaceError as error:
            self.signals.failed.emit(_t("The workspace could not be read: %1.").replace("%1", error.reason))
        except OSError as error:
            self.signals.failed.emit(_t("The files could not be written: %1.").replace(
                "%1", error.strerror or type(error).__name__))
        except Exception as error:  # noqa: BLE001 - any failure must reach the person, not vanish
            log.error("packs failed: %s", type(error).__name__)
            self.signals.failed.emit(_t("Something went wrong while writing the packs."))
        else:
            self.signals.finished.emit(entries)


class PackRun(QObject):
    """One run: the job, its progress dialog and the message at the end.

    `done` is emitted last, with True when every pack was written; `entries` then lists them.
    """

    done = Signal(bool)

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path) -> None:
        super().__init__(parent)
        self.folder = folder
        self.entries: list[PackEntry] = []
        self.message: QMessageBox | None = None
        self.running = True
        self.stop = threading.Event()
        self.signals = _JobSignals(self)
        self.progress = QProgressDialog(_t("Getting ready…"), _t("&Stop"), 0, 0, parent)
        self.progress.setWindowTitle(_t("Making members' packs"))
        self.progress.setAccessibleName(_t("Making members' packs"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        bar = self.progress.findChild(QProgressBar)
        if bar is not None:
            bar.setAccessibleName(_t("Progress"))
        self.progress.canceled.connect(self.cancel)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.stopped.connect(self._on_stopped)
        self.signals.failed.connect(self._on_failed)
        self.progress.show()
        QThreadPool.globalInstance().start(
            _PackJob(session.path, meeting_id, folder, self.signals, self.stop))

    def cancel(self) -> None:
        """Stop after the file being written now."""
        if self.running:
            self.stop.set()
            self.progress.setLabelText(_t("Stopping after the file being written now…"))

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self.stop.is_set():
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(_t("%1\nStep %2 of %3").replace("%1", what).replace(
            "%2", str(min(done + 1, total))).replace("%3", str(total)))

    def _end(self, icon: QMessageBox.Icon, title: str, text: str, informative: str = "") -> None:
        self.running = False
        self.progress.canceled.disconnect(self.cancel)
        self.progress.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self.progress.parentWidget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        if informative:
            box.setInformativeText(informative)
        if self.folder.is_dir():
            opener = box.addButton(_t("&Open the folder"), QMessageBox.ButtonRole.ActionRole)
            opener.clicked.connect(self._open_folder)
        self.message = box
        box.open()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _on_finished(self, entries: list[PackEntry]) -> None:
        self.entries = entries
        notes = sum(1 for entry in entries if entry.note)
        informative = ""
        if notes:
            informative = _t("%1 of the packs are not in the member's own format; their covering "
                             "letters say why and whom to ask.").replace("%1", str(notes))
        self._end(QMessageBox.Icon.Information, _t("Packs made"),
                  _t("%1 packs were written to %2. Mark them as sent once they have gone out.")
                  .replace("%1", str(len(entries))).replace("%2", str(self.folder)), informative)
        self.done.emit(True)

    def _on_stopped(self, written: int) -> None:
        self._end(QMessageBox.Icon.Information, _t("Stopped"),
                  _t("Stopped. %1 files were written to %2 before you stopped; the rest were not made.")
                  .replace("%1", str(written)).replace("%2", str(self.folder)))
        self.done.emit(False)

    def _on_failed(self, reason: str) -> None:
        self._end(QMessageBox.Icon.Warning, _t("The packs could not be made"), reason)
        self.done.emit(False)


def make_packs(parent: QWidget, session: WorkspaceSession, meeting_id: int,
               folder: Path | None = None) -> PackRun | None:
    """Write every invited member's pack into `folder` (asked for when None), in the
    background. Returns the run (None when no folder was chosen); it ends with `done`."""
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            parent, _t("Choose a folder for the members' packs"), str(session.path.parent))
        if not chosen:
            return None
        folder = Path(chosen)
    return PackRun(parent, session, meeting_id, Path(folder))


def stop_button(run: PackRun) -> QPushButton | None:
    """The progress dialog's Stop button (for keyboard users and tests)."""
    return run.progress.findChild(QPushButton)
