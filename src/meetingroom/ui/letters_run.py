"""Feedback letters, minutes, evaluation forms and records of participation, made in a child
process.

Each job opens its own connection to the workspace, writes the files (starting a speech
process of its own when someone reads audio) and reports progress to a dialog that can be
stopped; the PDF writer holds the interpreter lock, so a thread would stall the GUI
(tests/benchmarks/letters_heartbeat.py measures it). When the letters are written, the GUI
side records them as made, so the follow-up view counts them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from meetingroom.documents.evaluation_forms import EvaluationFormEntry, write_evaluation_forms
from meetingroom.documents.letters import LetterEntry, needs_audio, write_letters, write_minutes
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.documents.participation import write_participation
from meetingroom.domain.followup import LetterKind
from meetingroom.domain.people import FormatKind
from meetingroom.speech.process import SpeechProcess
from meetingroom.store import Workspace
from meetingroom.store.followup import record_letters_made
from meetingroom.ui.document_job import Cancelled, JobFailed, Progress
from meetingroom.ui.job_run import JobRun, job_errors
from meetingroom.ui.session import WorkspaceSession

_CONTEXT = "letters_run"
_NO_MEETING = str(QT_TRANSLATE_NOOP("letters_run", "This meeting is no longer in the workspace."))
_NO_MEMBER = str(QT_TRANSLATE_NOOP("letters_run", "This member is no longer in the workspace."))
_UNREADABLE = str(QT_TRANSLATE_NOOP("letters_run", "The workspace could not be read: %1."))
_WENT_WRONG = str(QT_TRANSLATE_NOOP("letters_run", "Something went wrong while writing the files."))


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# -- the child's side --------------------------------------------------------------------------

def _meeting_record(workspace_path: Path, meeting_id: int) -> MeetingRecord:
    """The meeting's record, read on the child's own connection; JobFailed when it is gone."""
    try:
        with Workspace.attach(workspace_path) as ws:
            return read_meeting_record(ws, meeting_id)
    except KeyError:
        raise JobFailed(_NO_MEETING) from None


@contextlib.contextmanager
def _speech_for(record: MeetingRecord) -> Iterator[SpeechProcess | None]:
    """A speech process of the job's own when a member reads audio, else None."""
    if not needs_audio(record):
        yield None
        return
    with SpeechProcess() as speech:
        yield speech


def write_feedback_letters(workspace_path: Path, meeting_id: int, folder: Path, member_ids: list[int] | None,
                           *, progress: Progress, cancelled: Cancelled) -> list[LetterEntry]:
    with job_errors(_UNREADABLE, _WENT_WRONG, "letters"):
        record = _meeting_record(workspace_path, meeting_id)
        with _speech_for(record) as speech:
            return write_letters(record, meeting_id, folder, members=member_ids, speech=speech,
                                 progress=progress, cancelled=cancelled)


def write_meeting_minutes(workspace_path: Path, meeting_id: int, folder: Path, *, progress: Progress,
                          cancelled: Cancelled) -> list[Path]:
    with job_errors(_UNREADABLE, _WENT_WRONG, "minutes"):
        record = _meeting_record(workspace_path, meeting_id)
        return write_minutes(record, meeting_id, folder, progress=progress, cancelled=cancelled)


def write_meeting_evaluation_forms(workspace_path: Path, meeting_id: int, folder: Path, *, progress: Progress,
                                   cancelled: Cancelled) -> list[EvaluationFormEntry]:
    with job_errors(_UNREADABLE, _WENT_WRONG, "evaluation forms"):
        record = _meeting_record(workspace_path, meeting_id)
        with _speech_for(record) as speech:
            return write_evaluation_forms(record, meeting_id, folder, speech=speech,
                                          progress=progress, cancelled=cancelled)


def write_member_participation(workspace_path: Path, member_id: int, start: date, end: date, folder: Path,
                               *, progress: Progress, cancelled: Cancelled) -> list[Path]:
    with job_errors(_UNREADABLE, _WENT_WRONG, "participation"):
        progress(0, 1, "Writing the record of participation")
        with Workspace.attach(workspace_path) as ws, contextlib.ExitStack() as stack:
            from meetingroom.store.members import get_member

            try:
                member = get_member(ws, member_id)
            except KeyError:
                raise JobFailed(_NO_MEMBER) from None
            speech = stack.enter_context(SpeechProcess()) \
                if member.format_need.kind is FormatKind.AUDIO else None
            return write_participation(ws, member_id, start, end, folder, speech=speech)


# -- the GUI's side ----------------------------------------------------------------------------

class LettersRun(JobRun):
    """Every chosen member's feedback letter; recorded as made when the job finishes."""

    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path,
                 member_ids: list[int] | None = None) -> None:
        super().__init__(parent, _t("Making feedback letters"), folder,
                         write_feedback_letters, session.path, meeting_id, folder, member_ids)
        self.session, self.meeting_id = session, meeting_id
        self.entries: list[LetterEntry] = []

    def _finished_texts(self, result: list[LetterEntry]) -> tuple[str, str, str]:
        self.entries = result
        record_letters_made(self.session.workspace, self.meeting_id, LetterKind.FEEDBACK,
                            [entry.letter_made() for entry in result], datetime.now().replace(microsecond=0))
        notes = sum(1 for entry in result if entry.note)
        informative = _t("%1 of the letters are not in the member's own format; each letter says "
                         "why and whom to ask.").replace("%1", str(notes)) if notes else ""
        return (_t("Letters made"),
                _t("%1 letters were written to %2. Read each one in the list, then mark it sent.")
                .replace("%1", str(len(result))).replace("%2", str(self.folder)), informative)

    def _failed_title(self) -> str:
        return _t("The letters could not be made")


class MinutesRun(JobRun):
    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path) -> None:
        super().__init__(parent, _t("Making the minutes"), folder, write_meeting_minutes,
                         session.path, meeting_id, folder)

    def _finished_texts(self, result: list[Path]) -> tuple[str, str, str]:
        return (_t("Minutes made"), _t("%1 files were written to %2: the minutes in standard print, "
                                       "large print and easy read.").replace("%1", str(len(result)))
                .replace("%2", str(self.folder)), "")

    def _failed_title(self) -> str:
        return _t("The minutes could not be made")


class EvaluationFormsRun(JobRun):
    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, meeting_id: int, folder: Path) -> None:
        super().__init__(parent, _t("Making evaluation forms"), folder, write_meeting_evaluation_forms,
                         session.path, meeting_id, folder)

    def _finished_texts(self, result: list[EvaluationFormEntry]) -> tuple[str, str, str]:
        return (_t("Evaluation forms made"),
                _t("%1 members' forms were written to %2, each in the member's own format, with blank "
                   "forms in the folder called blank.").replace("%1", str(len(result)))
                .replace("%2", str(self.folder)), "")

    def _failed_title(self) -> str:
        return _t("The evaluation forms could not be made")


class ParticipationRun(JobRun):
    context = _CONTEXT

    def __init__(self, parent: QWidget, session: WorkspaceSession, member_id: int, start: date, end: date,
                 folder: Path) -> None:
        super().__init__(parent, _t("Making a record of participation"), folder,
                         write_member_participation, session.path, member_id, start, end, folder)

    def _finished_texts(self, result: list[Path]) -> tuple[str, str, str]:
        return (_t("Record of participation made"),
                _t("The record was written to %1, in the member's own format.").replace("%1", str(self.folder)),
                "")

    def _failed_title(self) -> str:
        return _t("The record of participation could not be made")
