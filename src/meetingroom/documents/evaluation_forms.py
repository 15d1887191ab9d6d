"""Evaluation forms for a held meeting, one folder per invited member, each in that member's
format, with manifest.json (DESIGN.md: `member`, `format`, `size`, `files`); and blank forms in
standard print and easy read in `blank/`, for anyone (spare copies at the venue).

Written the way the feedback letters are (`documents.member_folders`): progress never names
a person, `cancelled()` is asked before each file, audio falls back to standard print with a
note when no sound can be made, braille gets plain text with the answers numbered 1 to 5,
and nothing personal is logged. Nothing here writes to the workspace.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingroom.documents.evaluation_form import evaluation_form, evaluation_form_words
from meetingroom.documents.meeting_pack import (
    MANIFEST,
    Cancelled,
    PackCancelled,
    Progress,
    describe,
    format_label,
)
from meetingroom.documents.meeting_record import MeetingRecord
from meetingroom.documents.member_folders import (
    MemberEntry,
    MemberRun,
    format_note,
    made_kind,
    needs_audio,
    profile_for,
    record_for,
    write_manifest,
    write_member_files,
)
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.render import render
from meetingroom.domain.people import FormatKind, Member
from meetingroom.store import Workspace

log = logging.getLogger(__name__)

FORM_STEM = "evaluation-form"
BLANK_FOLDER = "blank"
BLANK_PROFILES = (FormatProfile(FormatKind.STANDARD), FormatProfile(FormatKind.EASY_READ))

__all__ = ["BLANK_FOLDER", "FORM_STEM", "MANIFEST", "EvaluationFormEntry", "PackCancelled",
           "blank_form_files", "member_form", "needs_audio", "write_evaluation_forms"]


@dataclass(frozen=True)
class EvaluationFormEntry(MemberEntry):
    """One member's evaluation form: `files` relative to the forms folder, `format` as
    manifest.json says it; `kind` is what was made (braille text is `.txt`, listed as
    standard); `note` tells the facilitator when it is not the member's own format."""


def _form(record: MeetingRecord, member: Member, kind: FormatKind) -> Document:
    note = format_note(record, member, kind, "form")
    if kind is FormatKind.BRAILLE_TEXT:
        return evaluation_form_words(record, member, note=note)
    return evaluation_form(record, member, spoken=kind is FormatKind.AUDIO, note=note)


def member_form(record: MeetingRecord, member: Member, *,
                audio: bool = True) -> tuple[Document, FormatProfile]:
    """A member's form as `write_evaluation_forms` makes it, and the format it is in (braille:
    the words for plain text, in standard). `audio=False` gives what an audio member gets
    when no sound can be made."""
    kind = made_kind(member)
    if kind is FormatKind.AUDIO and not audio:
        kind = FormatKind.STANDARD
    return _form(record, member, kind), profile_for(member, kind)


def blank_form_files(profile: FormatProfile) -> tuple[str, str]:
    """The blank form's files in `profile`, relative to the forms folder:
    ("blank/evaluation-form-standard.pdf", "blank/evaluation-form-standard.docx")."""
    stem = f"{BLANK_FOLDER}/{FORM_STEM}-{format_label(profile)}"
    return f"{stem}.pdf", f"{stem}.docx"


def write_evaluation_forms(source: Workspace | MeetingRecord, meeting_id: int, folder: Path, *,
                           members: Sequence[int] | None = None, progress: Progress | None = None,
                           cancelled: Cancelled | None = None, speech: Any = None,
                           blank_copies: bool = True) -> list[EvaluationFormEntry]:
    """Write the evaluation form of every invited member (or of `members`, a list of member
    ids) into `folder/<their name>/`, then (when `blank_copies`) blank forms into
    `folder/blank/` (`blank_form_files`), then manifest.json (members only); return an entry
    per member.

    `source` is an open workspace (read here) or a MeetingRecord already read. `speech` is a
    speech engine for audio (a `speech.process.SpeechProcess`, best one of its own). KeyError
    for no such meeting (or a member not invited); PackCancelled when stopped.
    """
    record = record_for(source, meeting_id)
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    run = MemberRun(record, folder, FORM_STEM, lambda member, kind: _form(record, member, kind),
                    step="Form", what="evaluation forms", thing="form", reserved=(BLANK_FOLDER,))
    blanks = BLANK_PROFILES if blank_copies else ()
    entries, writer = write_member_files(run, EvaluationFormEntry, members=members,
                                         progress=progress, cancelled=cancelled, speech=speech,
                                         extra_steps=len(blanks))
    if blanks:
        blank = evaluation_form(record, None)
        for profile in blanks:
            writer.start(f"Blank form: {describe(profile)}")
            stem = Path(blank_form_files(profile)[0]).stem
            writer.finish(render(blank, profile, folder / BLANK_FOLDER, stem))
    writer.end()
    write_manifest(folder, entries, keep_others=members is not None)
    log.info("evaluation forms written: %d forms, %d files", len(entries), len(writer.written))
    return entries
