"""Make every invited member's pack for a meeting, in a child process.

`write_members_packs` runs in a `DocumentJob` child process: it opens its own connection to
the workspace, writes the packs (starting a speech process of its own when someone asked for
audio) and reports progress to a dialog that can be stopped. The PDF writer is pure Python and
holds the interpreter lock, so a thread would stall the GUI; a process cannot:
tests/benchmarks/pack_heartbeat.py measures it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from meetingroom.documents.packs import (
    PackEntry,
    needs_audio,
    read_pack_source,
    write_packs,
)
from meetingroom.speech.process import SpeechProcess
from meetingroom.store import Workspace
from meetingroom.ui.document_job import Cancelled, JobFailed, Progress
from meetingroom.ui.job_run import JobRun, ask_folder, job_errors
from meetingroom.ui.session import WorkspaceSession

_CONTEXT = "pack_run"
_NO_MEETING = str(QT_TRANSLATE_NOOP("pack_run", "This meeting is no longer in the workspace."))
_UNREADABLE = str(QT_TRANSLATE_NOOP("pack_run", "The workspace could not be read: %1."))
_WENT_WRONG = str(QT_TRANSLATE_NOOP("pack_run", "Something went wrong while writing the packs."))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def write_members_packs(workspace_path: Path, meeting_id: int, folder: Path, *,
                        progress: Progress, cancelled: Cancelled) -> list[PackEntry]:
    """The job, in the child process: read the meeting with a connection of its own, write the packs."""
    with job_errors(_UNREADABLE, _WENT_WRONG, "packs"):
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


class PackRun(JobRun):
    """One run: the job, its progress dialog and the message at the end.

    `done` is emitted last, with True when every pack was written; `entries` then lists them.
    """

    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path) -> None:
        super().__init__(parent, _t("Making members' packs"), folder,
                         write_members_packs, session.path, meeting_id, folder)
        self.entries: list[PackEntry] = []

    def _finished_texts(self, result: list[PackEntry]) -> tuple[str, str, str]:
        self.entries = result
        notes = sum(1 for entry in result if entry.note)
        informative = ""
        if notes:
            informative = _t("%1 of the packs are not in the member's own format; their covering "
                             "letters say why and whom to ask.").replace("%1", str(notes))
        return (_t("Packs made"),
                _t("%1 packs were written to %2. Mark them as sent once they have gone out.")
                .replace("%1", str(len(result))).replace("%2", str(self.folder)), informative)

    def _failed_title(self) -> str:
        return _t("The packs could not be made")


def make_packs(parent: QWidget, session: WorkspaceSession, meeting_id: int,
               folder: Path | None = None) -> PackRun | None:
    """Write every invited member's pack into `folder` (asked for when None), in the
    background. Returns the run (None when no folder was chosen); it ends with `done`."""
    if folder is None:
        folder = ask_folder(parent, session.path, _t("Choose a folder for the members' packs"))
        if folder is None:
            return None
    return PackRun(parent, session, meeting_id, Path(folder))


def stop_button(run: PackRun) -> QPushButton | None:
    """The progress dialog's Stop button (for keyboard users and tests)."""
    return run.stop_button()
