"""Make a paper's files (PDF and DOCX in standard, large print or easy read) in a child process.

A copy of the paper and the group's glossary terms are taken on the GUI thread (papers are
small, plain dataclasses) and handed to a `DocumentJob` child process, which builds the document
and writes the files, so the PDF writer (pure Python) cannot stall the GUI; a progress dialog
can stop it between steps. `PaperFilesRun` runs any such work, so other makers (audio) can use
it: give it a picklable callable `(progress, cancelled) -> files` (a module-level function, or
an object like `PaperFiles`) that raises `MakingStopped` when `cancelled()` says so. Progress
words are source strings (mark them with QT_TRANSLATE_NOOP in the "paper_making" context); they
are translated on the GUI side.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.documents.render import render
from meetingroom.domain.papers import Paper
from meetingroom.domain.people import FormatKind
from meetingroom.language.glossary import Glossary
from meetingroom.store.glossary import GroupTerm
from meetingroom.ui.document_job import Cancelled, JobStopped
from meetingroom.ui.job_run import JobRun

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress, Cancelled], list[Path]]

_CONTEXT = "paper_making"
_GETTING_READY = str(QT_TRANSLATE_NOOP("paper_making", "Getting the paper ready…"))
_WRITING = str(QT_TRANSLATE_NOOP("paper_making", "Writing the PDF and Word files…"))
_DONE = str(QT_TRANSLATE_NOOP("paper_making", "Done"))


class MakingStopped(JobStopped):
    """The person pressed Stop; `written` are the files made before that."""


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def file_stem(title: str, profile: FormatProfile) -> str:
    """A file name (without ending) from the paper's title and the format, safe on every system."""
    name = _NOT_IN_NAMES.sub(" ", title)
    name = re.sub(r"\s+", " ", name).strip(" .")[:80].strip(" .") or "paper"
    suffix = {FormatKind.LARGE_PRINT: f"large print {profile.size}", FormatKind.EASY_READ: "easy read"}
    return f"{name} - {suffix.get(profile.kind, 'standard')}"


@dataclass(frozen=True)
class PaperFiles:
    """The work of writing one paper in one printed format: plain data, so it can go to a child process."""

    paper: Paper
    terms: list[GroupTerm] = field(default_factory=list)
    profile: FormatProfile = field(default_factory=FormatProfile)
    folder: Path = Path()
    author: str = ""

    def __call__(self, progress: Progress, cancelled: Cancelled) -> list[Path]:
        progress(0, 2, _GETTING_READY)
        document = paper_document(self.paper, Glossary.load(self.terms), self.author)
        if cancelled():
            raise MakingStopped([])
        progress(1, 2, _WRITING)
        files = render(document, self.profile, self.folder, file_stem(self.paper.title, self.profile))
        progress(2, 2, _DONE)
        return files


def paper_files_work(paper: Paper, terms: list[GroupTerm], profile: FormatProfile, folder: Path,
                     author: str = "") -> Work:
    """The work that writes one paper in one printed format, from a copy of the paper."""
    return PaperFiles(replace(paper), list(terms), profile, Path(folder), author)


def do_work(work: Work, *, progress: Progress, cancelled: Cancelled) -> list[Path]:
    """The job, in the child process: the work, called with the job's progress and stop check."""
    return work(progress, cancelled)


class PaperFilesRun(JobRun):
    """One run: the work in a child process, a progress dialog with Stop, and a message at the end.

    `done` is emitted last, True when every file was written; `files` holds them.
    """

    context = _CONTEXT

    def __init__(self, parent: QWidget, title: str, folder: Path, work: Work) -> None:
        super().__init__(parent, title, folder, do_work, work)
        self.files: list[Path] = []

    def _stopping_text(self) -> str:
        return _t("Stopping after the step being done now…")

    def _progress_text(self, done: int, total: int, what: str) -> str:
        return _t(what)

    def _finished_texts(self, result: list[Path]) -> tuple[str, str, str]:
        self.files = result
        names = "\n".join(f.name for f in result)
        return (_t("Files made"),
                _t("These files were written to %1:\n%2").replace("%1", str(self.folder)).replace("%2", names),
                "")

    def _stopped_text(self, written: int) -> str:
        return _t("Stopped. %1 files were written before you stopped.").replace("%1", str(written))

    def _failed_title(self) -> str:
        return _t("The files could not be made")
