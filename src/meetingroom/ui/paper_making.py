"""Make a paper's files (PDF and DOCX in standard, large print or easy read) off the GUI thread.

A copy of the paper and the group's glossary terms are taken on the GUI thread (papers are
small) and handed to a job on the thread pool, which builds the document and writes the
files; a progress dialog can stop it between steps. `PaperFilesRun` runs any such job, so
other makers (audio) can use it: give it a function `(progress, cancelled) -> files`.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.documents.render import render
from meetingroom.domain.papers import Paper
from meetingroom.domain.people import FormatKind
from meetingroom.language.glossary import Glossary
from meetingroom.store.glossary import GroupTerm

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress, Callable[[], bool]], list[Path]]


class MakingStopped(Exception):
    """The person pressed Stop; `written` are the files made before that."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__("stopped")
        self.written = written


def _t(text: str) -> str:
    return QCoreApplication.translate("paper_making", text)


_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def file_stem(title: str, profile: FormatProfile) -> str:
    """A file name (without ending) from the paper's title and the format, safe on every system."""
    name = _NOT_IN_NAMES.sub(" ", title)
    name = re.sub(r"\s+", " ", name).strip(" .")[:80].strip(" .") or "paper"
    suffix = {FormatKind.LARGE_PRINT: f"large print {profile.size}", FormatKind.EASY_READ: "easy read"}
    return f"{name} - {suffix.get(profile.kind, 'standard')}"


def paper_files_work(paper: Paper, terms: list[GroupTerm], profile: FormatProfile, folder: Path,
                     author: str = "") -> Work:
    """The job that writes one paper in one printed format: for the thread pool."""
    paper = replace(paper)
    terms = list(terms)

    def work(progress: Progress, cancelled: Callable[[], bool]) -> list[Path]:
        progress(0, 2, _t("Getting the paper ready…"))
        document = paper_document(paper, Glossary.load(terms), author)
        if cancelled():
            raise MakingStopped([])
        progress(1, 2, _t("Writing the PDF and Word files…"))
        files = render(document, profile, folder, file_stem(paper.title, profile))
        progress(2, 2, _t("Done"))
        return files

    return work


class _JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # list[Path]
    stopped = Signal(int)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _JobSignals, stop: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.stop = stop

    def run(self) -> None:
        try:
            files = self.work(self.signals.progress.emit, self.stop.is_set)
        except MakingStopped as stopped:
            self.signals.stopped.emit(len(stopped.written))
        except OSError as error:
            self.signals.failed.emit(_t("The files could not be written: %1.").replace(
                "%1", error.strerror or type(error).__name__))
        except Exception as error:  # noqa: BLE001 - any failure must reach the person, not vanish
            log.error("making a paper failed: %s", type(error).__name__)
            self.signals.failed.emit(_t("Something went wrong while making the files."))
        else:
            self.signals.finished.emit(files)


class PaperFilesRun(QObject):
    """One run: the job on the pool, a progress dialog with Stop, and a message at the end.

    `done` is emitted last, True when every file was written; `files` holds them.
    """

    done = Signal(bool)

    def __init__(self, parent: QWidget, title: str, folder: Path, work: Work) -> None:
        super().__init__(parent)
        self.folder = folder
        self.files: list[Path] = []
        self.message: QMessageBox | None = None
        self.running = True
        self.stop = threading.Event()
        self.signals = _JobSignals(self)
        self.progress = QProgressDialog(_t("Getting ready…"), _t("&Stop"), 0, 0, parent)
        self.progress.setWindowTitle(title)
        self.progress.setAccessibleName(title)
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
        QThreadPool.globalInstance().start(_Job(work, self.signals, self.stop))

    def cancel(self) -> None:
        if self.running:
            self.stop.set()
            self.progress.setLabelText(_t("Stopping after the step being done now…"))

    def stop_button(self) -> QPushButton | None:
        return self.progress.findChild(QPushButton)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if self.stop.is_set():
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(what)

    def _end(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self.running = False
        self.progress.canceled.disconnect(self.cancel)
        self.progress.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self.progress.parentWidget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        if self.folder.is_dir():
            opener = box.addButton(_t("&Open the folder"), QMessageBox.ButtonRole.ActionRole)
            opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        self.message = box
        box.open()

    def _on_finished(self, files: list[Path]) -> None:
        self.files = files
        names = "\n".join(f.name for f in files)
        self._end(QMessageBox.Icon.Information, _t("Files made"),
                  _t("These files were written to %1:\n%2").replace("%1", str(self.folder)).replace("%2", names))
        self.done.emit(True)

    def _on_stopped(self, written: int) -> None:
        self._end(QMessageBox.Icon.Information, _t("Stopped"),
                  _t("Stopped. %1 files were written before you stopped.").replace("%1", str(written)))
        self.done.emit(False)

    def _on_failed(self, reason: str) -> None:
        self._end(QMessageBox.Icon.Warning, _t("The files could not be made"), reason)
        self.done.emit(False)
