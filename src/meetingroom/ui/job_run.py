"""One run of a `DocumentJob` as the person sees it: a window-modal progress dialog with Stop,
then a message saying what was made, with a button to open the folder.

`JobRun` holds what every maker shares (agenda documents, members' packs, a paper's files);
a subclass names its translation `context` and fills in the hooks: the texts for the end of the
run, and (when it differs) the wording of the progress and stopping lines. Every text, shared
ones included, is translated in the subclass's own context. `job_errors` is for the child's
side: it turns what a meeting's document writer raises into `JobStopped` or `JobFailed`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from meetingroom.documents.packs import PackCancelled
from meetingroom.store import WorkspaceError
from meetingroom.ui.document_job import DocumentJob, JobFailed, JobStopped

log = logging.getLogger(__name__)


@contextlib.contextmanager
def job_errors(unreadable: str, went_wrong: str, what: str) -> Iterator[None]:
    """In the child process: Stop becomes `JobStopped`; a workspace that cannot be read or any
    other failure becomes `JobFailed` with `unreadable` (given the reason) or `went_wrong`."""
    try:
        yield
    except PackCancelled as stopped:
        raise JobStopped(stopped.written) from None
    except WorkspaceError as error:
        raise JobFailed(unreadable, error.reason) from None
    except (JobFailed, OSError):
        raise
    except Exception as error:  # noqa: BLE001 - any failure must reach the person, not vanish
        log.error("%s failed: %s", what, type(error).__name__)
        raise JobFailed(went_wrong) from None


def ask_folder(parent: QWidget, near: Path, title: str) -> Path | None:
    """Ask where the files should go, starting beside `near` (the workspace); None if cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(near.parent))
    return Path(chosen) if chosen else None


class JobRun(QObject):
    """One run: the job, its progress dialog and the message at the end.

    `done` is emitted last, with True when the job finished; `message` is the box then shown.
    """

    done = Signal(bool)
    context: ClassVar[str] = "job_run"

    def __init__(self, parent: QWidget, title: str, folder: Path, job: Callable[..., Any],
                 *args: Any) -> None:
        super().__init__(parent)
        self.folder = folder
        self.message: QMessageBox | None = None
        self.running = True
        self.stopping = False
        self.job = DocumentJob(job, *args, folder=folder, context=self.context, parent=self)
        self.progress = QProgressDialog(self._t("Getting ready…"), self._t("&Stop"), 0, 0, parent)
        self.progress.setWindowTitle(title)
        self.progress.setAccessibleName(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        bar = self.progress.findChild(QProgressBar)
        if bar is not None:
            bar.setAccessibleName(self._t("Progress"))
        self.progress.canceled.connect(self.cancel)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.stopped.connect(self._on_stopped)
        self.job.failed.connect(self._on_failed)
        self.progress.show()
        self.job.start()

    def _t(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)

    # -- hooks for subclasses ----------------------------------------------------------------

    def _stopping_text(self) -> str:
        return self._t("Stopping after the file being written now…")

    def _progress_text(self, done: int, total: int, what: str) -> str:
        return self._t("%1\nStep %2 of %3").replace("%1", what).replace(
            "%2", str(min(done + 1, total))).replace("%3", str(total))

    def _finished_texts(self, result: Any) -> tuple[str, str, str]:
        """Title, text and informative notes for the message when the job finished."""
        raise NotImplementedError

    def _stopped_text(self, written: int) -> str:
        return self._t("Stopped. %1 files were written to %2 before you stopped; the rest were not made."
                       ).replace("%1", str(written)).replace("%2", str(self.folder))

    def _failed_title(self) -> str:
        raise NotImplementedError

    # -- shared behaviour ---------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop after the file (or step) being done now."""
        if self.running:
            self.stopping = True
            self.job.cancel()
            self.progress.setLabelText(self._stopping_text())

    def stop_button(self) -> QPushButton | None:
        """The progress dialog's Stop button (for keyboard users and tests)."""
        return self.progress.findChild(QPushButton)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self.stopping:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(self._progress_text(done, total, what))

    def _end(self, icon: QMessageBox.Icon, title: str, text: str, informative: str = "") -> None:
        self.running = False
        self.progress.canceled.disconnect(self.cancel)
        self.progress.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self.progress.parentWidget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        if informative:
            box.setInformativeText(informative)
        if self.folder.is_dir():
            opener = box.addButton(self._t("&Open the folder"), QMessageBox.ButtonRole.ActionRole)
            opener.clicked.connect(self._open_folder)
        self.message = box
        box.open()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _on_finished(self, result: Any) -> None:
        title, text, informative = self._finished_texts(result)
        self._end(QMessageBox.Icon.Information, title, text, informative)
        self.done.emit(True)

    def _on_stopped(self, written: int) -> None:
        self._end(QMessageBox.Icon.Information, self._t("Stopped"), self._stopped_text(written))
        self.done.emit(False)

    def _on_failed(self, reason: str) -> None:
        self._end(QMessageBox.Icon.Warning, self._failed_title(), reason)
        self.done.emit(False)
