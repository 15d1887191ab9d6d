"""Make every invited member's pack for a meeting, in a child process.

`write_members_packs` runs in a `DocumentJob` child process: it opens its own connection to
the workspace, writes the packs (starting a speech process of its own when someone asked for
audio) and reports progress to a dialog that can be stopped. The PDF writer is pure Python and
holds the interpreter lock, so a thread would stall the GUI; a process cannot:
tests/benchmarks/pack_heartbeat.py measures it.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QUrl, Signal
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
from meetingroom.ui.document_job import Cancelled, DocumentJob, JobFailed, JobStopped, Progress
from meetingroom.ui.session import WorkspaceSession

log = logging.getLogger(__name__)

_CONTEXT = "pack_run"
_NO_MEETING = str(QT_TRANSLATE_NOOP("pack_run", "This meeting is no longer in the workspace."))
_UNREADABLE = str(QT_TRANSLATE_NOOP("pack_run", "The workspace could not be read: %1."))
_WENT_WRONG = str(QT_TRANSLATE_NOOP("pack_run", "Something went wrong while writing the packs."))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def write_members_packs(workspace_path: Path, meeting_id: int, folder: Path, *,
                        progress: Progress, cancelled: Cancelled) -> list[PackEntry]:
    """The job, in the child process: read the meeting with a connection of its own, write the packs."""
    try:
        try:
            with Workspace.attach(workspace_path) as ws:
                source = read_pack_source(ws, meeting_id)
        except KeyError:
            raise JobFailed(_NO_MEETING) from None
        with contextlib.ExitStack() as stack:
            # Audio files come from a speech engine of the job's own, in a process of its own.
            speech = stack.enter_context(SpeechProcess()) if needs_audio(source) else None
            return write_packs(source, meeting_id, folder, speech=speech, progress=progress,
                               cancelled=cancelled)
    except PackCancelled as stopped:
        raise JobStopped(stopped.written) from None
    except WorkspaceError as error:
        raise JobFailed(_UNREADABLE, error.reason) from None
    except (JobFailed, OSError):
        raise
    except Exception as error:  # noqa: BLE001 - any failure must reach the person, not vanish
        log.error("packs failed: %s", type(error).__name__)
        raise JobFailed(_WENT_WRONG) from None


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
        self.stopping = False
        self.job = DocumentJob(write_members_packs, session.path, meeting_id, folder, folder=folder,
                               context=_CONTEXT, parent=self)
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
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.stopped.connect(self._on_stopped)
        self.job.failed.connect(self._on_failed)
        self.progress.show()
        self.job.start()

    def cancel(self) -> None:
        """Stop after the file being written now."""
        if self.running:
            self.stopping = True
            self.job.cancel()
            self.progress.setLabelText(_t("Stopping after the file being written now…"))

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self.stopping:
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
