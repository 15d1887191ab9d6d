"""Make a meeting's agenda documents, calendar file and invitations, in a child process.

`write_agenda_and_invitations` runs in a `DocumentJob` child process with a workspace
connection of its own, so the PDF writer (pure Python) cannot stall the GUI. A progress dialog
shows how far it has got and can stop it; when it ends, a message says where the files went.
"""

from __future__ import annotations

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

from meetingroom.documents.meeting_pack import PackCancelled, pack_notes, write_meeting_documents
from meetingroom.documents.snapshot import take_snapshot
from meetingroom.store import Workspace, WorkspaceError
from meetingroom.ui.document_job import Cancelled, DocumentJob, JobFailed, JobStopped, Progress
from meetingroom.ui.session import WorkspaceSession

log = logging.getLogger(__name__)

_CONTEXT = "agenda_documents"
_NO_MEETING = str(QT_TRANSLATE_NOOP("agenda_documents", "This meeting is no longer in the workspace."))
_UNREADABLE = str(QT_TRANSLATE_NOOP("agenda_documents", "The workspace could not be read: %1."))
_WENT_WRONG = str(QT_TRANSLATE_NOOP("agenda_documents", "Something went wrong while writing the files."))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def write_agenda_and_invitations(workspace_path: Path, meeting_id: int, folder: Path, *,
                                 progress: Progress, cancelled: Cancelled) -> tuple[list[Path], list[str]]:
    """The job, in the child process: the files written, and notes for the facilitator."""
    try:
        try:
            with Workspace.attach(workspace_path) as ws:
                snapshot = take_snapshot(ws, meeting_id)
        except KeyError:
            raise JobFailed(_NO_MEETING) from None
        files = write_meeting_documents(snapshot, folder, progress=progress, cancelled=cancelled)
    except PackCancelled as stopped:
        raise JobStopped(stopped.written) from None
    except WorkspaceError as error:
        raise JobFailed(_UNREADABLE, error.reason) from None
    except (JobFailed, OSError):
        raise
    except Exception as error:  # noqa: BLE001 - any failure must reach the person, not vanish
        log.error("agenda documents failed: %s", type(error).__name__)
        raise JobFailed(_WENT_WRONG) from None
    return files, pack_notes(snapshot)


class AgendaDocumentsRun(QObject):
    """One run: the job, its progress dialog and the message at the end.

    `done` is emitted last, with True when every file was written.
    """

    done = Signal(bool)

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path) -> None:
        super().__init__(parent)
        self.folder = folder
        self.files: list[Path] = []
        self.message: QMessageBox | None = None
        self.running = True
        self.stopping = False
        self.job = DocumentJob(write_agenda_and_invitations, session.path, meeting_id, folder,
                               folder=folder, context=_CONTEXT, parent=self)
        self.progress = QProgressDialog(_t("Getting ready…"), _t("&Stop"), 0, 0, parent)
        self.progress.setWindowTitle(_t("Making the agenda and invitations"))
        self.progress.setAccessibleName(_t("Making the agenda and invitations"))
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

    def _on_finished(self, made: tuple[list[Path], list[str]]) -> None:
        files, notes = made
        self.files = files
        self._end(QMessageBox.Icon.Information, _t("Agenda and invitations made"),
                  _t("%1 files were written to %2.").replace("%1", str(len(files))).replace(
                      "%2", str(self.folder)),
                  "\n\n".join(notes))
        self.done.emit(True)

    def _on_stopped(self, written: int) -> None:
        self._end(QMessageBox.Icon.Information, _t("Stopped"),
                  _t("Stopped. %1 files were written to %2 before you stopped; the rest were not made.")
                  .replace("%1", str(written)).replace("%2", str(self.folder)))
        self.done.emit(False)

    def _on_failed(self, reason: str) -> None:
        self._end(QMessageBox.Icon.Warning, _t("The documents could not be made"), reason)
        self.done.emit(False)


def make_agenda_documents(parent: QWidget, session: WorkspaceSession, meeting_id: int,
                          folder: Path | None = None) -> AgendaDocumentsRun | None:
    """Write the meeting's agenda in every format needed, its calendar file and each invited
    member's invitation into `folder` (asked for when None), in the background.

    Returns the run (None when no folder was chosen); it ends with its `done` signal.
    """
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            parent, _t("Choose a folder for the agenda and invitations"), str(session.path.parent))
        if not chosen:
            return None
        folder = Path(chosen)
    return AgendaDocumentsRun(parent, session, meeting_id, Path(folder))


def stop_button(run: AgendaDocumentsRun) -> QPushButton | None:
    """The progress dialog's Stop button (for keyboard users and tests)."""
    return run.progress.findChild(QPushButton)
