"""The involvement report, written as a PDF and a DOCX in a child process (the PDF writer
holds the interpreter lock, so a thread would stall the window), with progress and Stop."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from meetingroom.documents.involvement_report import write_report
from meetingroom.documents.packs import PackCancelled
from meetingroom.store import Workspace
from meetingroom.store.involvement import read_involvement
from meetingroom.ui.document_job import Cancelled, Progress
from meetingroom.ui.job_run import JobRun, job_errors
from meetingroom.ui.session import WorkspaceSession

_CONTEXT = "report_run"
_UNREADABLE = str(QT_TRANSLATE_NOOP("report_run", "The workspace could not be read: %1."))
_WENT_WRONG = str(QT_TRANSLATE_NOOP("report_run", "Something went wrong while writing the report."))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def report_paths(chosen: Path) -> list[Path]:
    """The PDF and the DOCX for the file name chosen (whatever its suffix)."""
    stem = chosen.with_suffix("") if chosen.suffix.lower() in (".pdf", ".docx") else chosen
    return [stem.with_name(stem.name + ".pdf"), stem.with_name(stem.name + ".docx")]


def write_involvement_report(workspace_path: Path, start: date, end: date, paths: list[Path], *,
                             progress: Progress, cancelled: Cancelled) -> list[Path]:
    """The child's side: read the period's figures once, then write each file."""
    with job_errors(_UNREADABLE, _WENT_WRONG, "report"):
        total = len(paths) + 1
        progress(0, total, "Counting the figures")
        with Workspace.attach(workspace_path) as ws:
            figures = read_involvement(ws, start, end)
        written: list[Path] = []
        for number, path in enumerate(paths, start=1):
            if cancelled():
                raise PackCancelled(written)
            progress(number, total, f"Writing {path.name}")
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append(write_report(figures, path))
        return written


class ReportRun(JobRun):
    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, start: date, end: date, chosen: Path) -> None:
        self.paths = report_paths(chosen)
        super().__init__(parent, _t("Making the involvement report"), chosen.parent,
                         write_involvement_report, session.path, start, end, self.paths)

    def _finished_texts(self, result: list[Path]) -> tuple[str, str, str]:
        return (_t("Involvement report made"),
                _t("The report was written to %1 as a PDF for printing and a Word document (DOCX), "
                   "the accessible version for screen readers.").replace("%1", str(self.folder)),
                _t("Files: %1").replace("%1", ", ".join(path.name for path in result)))

    def _failed_title(self) -> str:
        return _t("The report could not be made")
