"""Make a meeting's agenda documents, calendar file and invitations, in a child process.

`write_agenda_and_invitations` runs in a `DocumentJob` child process with a workspace
connection of its own, so the PDF writer (pure Python) cannot stall the GUI. A progress dialog
shows how far it has got and can stop it; when it ends, a message says where the files went.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from meetingroom.documents.meeting_pack import pack_notes, write_meeting_documents
from meetingroom.documents.snapshot import take_snapshot
from meetingroom.store import Workspace
from meetingroom.ui.document_job import Cancelled, JobFailed, Progress
from meetingroom.ui.job_run import JobRun, ask_folder, job_errors
from meetingroom.ui.session import WorkspaceSession

_CONTEXT = "agenda_documents"
_NO_MEETING = str(QT_TRANSLATE_NOOP("agenda_documents", "This meeting is no longer in the workspace."))
_UNREADABLE = str(QT_TRANSLATE_NOOP("agenda_documents", "The workspace could not be read: %1."))
_WENT_WRONG = str(QT_TRANSLATE_NOOP("agenda_documents", "Something went wrong while writing the files."))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def write_agenda_and_invitations(workspace_path: Path, meeting_id: int, folder: Path, *,
                                 progress: Progress, cancelled: Cancelled) -> tuple[list[Path], list[str]]:
    """The job, in the child process: the files written, and notes for the facilitator."""
    with job_errors(_UNREADABLE, _WENT_WRONG, "agenda documents"):
        try:
            with Workspace.attach(workspace_path) as ws:
                snapshot = take_snapshot(ws, meeting_id)
        except KeyError:
            raise JobFailed(_NO_MEETING) from None
        files = write_meeting_documents(snapshot, folder, progress=progress, cancelled=cancelled)
    return files, pack_notes(snapshot)


class AgendaDocumentsRun(JobRun):
    """One run: the job, its progress dialog and the message at the end.

    `done` is emitted last, with True when every file was written.
    """

    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path) -> None:
        super().__init__(parent, _t("Making the agenda and invitations"), folder,
                         write_agenda_and_invitations, session.path, meeting_id, folder)
        self.files: list[Path] = []

    def _finished_texts(self, result: tuple[list[Path], list[str]]) -> tuple[str, str, str]:
        files, notes = result
        self.files = files
        return (_t("Agenda and invitations made"),
                _t("%1 files were written to %2.").replace("%1", str(len(files))).replace(
                    "%2", str(self.folder)),
                "\n\n".join(notes))

    def _failed_title(self) -> str:
        return _t("The documents could not be made")


def make_agenda_documents(parent: QWidget, session: WorkspaceSession, meeting_id: int,
                          folder: Path | None = None) -> AgendaDocumentsRun | None:
    """Write the meeting's agenda in every format needed, its calendar file and each invited
    member's invitation into `folder` (asked for when None), in the background.

    Returns the run (None when no folder was chosen); it ends with its `done` signal.
    """
    if folder is None:
        folder = ask_folder(parent, session.path, _t("Choose a folder for the agenda and invitations"))
        if folder is None:
            return None
    return AgendaDocumentsRun(parent, session, meeting_id, Path(folder))


def stop_button(run: AgendaDocumentsRun) -> QPushButton | None:
    """The progress dialog's Stop button (for keyboard users and tests)."""
    return run.stop_button()
