"""Feedback letters for a held meeting, one folder per invited member, each in that member's
format, with manifest.json (DESIGN.md: `member`, `format`, `size`, `files`); and the minutes
in every printed format the members read.

Long work, as for packs (`documents.member_folders` runs it, as for the evaluation forms):
`progress(done, total, what)` never names a person, `cancelled()` is asked before each file
(PackCancelled says what was written), and nothing personal is logged. Audio comes from
`documents.audio` with the speech engine the caller passes in; without one, or when it fails,
the member gets standard print and their letter says so. Nothing here writes to the
workspace: the caller records the letters as made (`LetterEntry.letter_made`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingroom.documents.feedback_letter import feedback_letter
from meetingroom.documents.meeting_pack import (
    MANIFEST,
    Cancelled,
    PackCancelled,
    Progress,
    agenda_profiles,
    describe,
    format_label,
)
from meetingroom.documents.meeting_record import MeetingRecord
from meetingroom.documents.member_folders import (
    FileWriter,
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
from meetingroom.documents.minutes import minutes_document
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.render import render
from meetingroom.domain.people import FormatKind, Member
from meetingroom.language.glossary import Glossary
from meetingroom.store import Workspace
from meetingroom.store.followup import LetterMade

log = logging.getLogger(__name__)

LETTER_STEM = "feedback-letter"

__all__ = ["MANIFEST", "LetterEntry", "PackCancelled", "member_letter", "needs_audio",
           "write_letters", "write_minutes"]


@dataclass(frozen=True)
class LetterEntry(MemberEntry):
    """One member's feedback letter: `files` relative to the letters folder, `format` as
    manifest.json says it; `kind` is what was made (braille text is `.txt`, listed as
    standard); `note` tells the facilitator when it is not the member's own format."""

    def letter_made(self) -> LetterMade:
        """For `store.followup.record_letters_made`."""
        return LetterMade(self.member_id, self.kind, self.size)


def _letter(record: MeetingRecord, member: Member, kind: FormatKind,
            glossary: Glossary | None) -> Document:
    return feedback_letter(record, member, spoken=kind is FormatKind.AUDIO,
                           note=format_note(record, member, kind), glossary=glossary)


def member_letter(record: MeetingRecord, member: Member, *, audio: bool = True,
                  glossary: Glossary | None = None) -> tuple[Document, FormatProfile]:
    """A member's letter as `write_letters` makes it, and the format it is in: for the
    on-screen review, `letter_text(*member_letter(record, member))`. `audio=False` gives
    what an audio member gets when no sound can be made."""
    kind = made_kind(member)
    if kind is FormatKind.AUDIO and not audio:
        kind = FormatKind.STANDARD
    return _letter(record, member, kind, glossary), profile_for(member, kind)


def write_letters(source: Workspace | MeetingRecord, meeting_id: int, folder: Path, *,
                  members: Sequence[int] | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None, speech: Any = None) -> list[LetterEntry]:
    """Write the feedback letter of every invited member (or of `members`, a list of member
    ids) into `folder/<their name>/`, then manifest.json; return an entry per letter.

    `source` is an open workspace (read here) or a MeetingRecord already read. `speech` is a
    speech engine for audio (a `speech.process.SpeechProcess`, best one of its own). KeyError
    for no such meeting (or a member not invited); PackCancelled when stopped.
    """
    record = record_for(source, meeting_id)
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    glossary = Glossary.load(record.snapshot.glossary_terms)
    run = MemberRun(record, folder, LETTER_STEM,
                    lambda member, kind: _letter(record, member, kind, glossary),
                    step="Letter", what="letters")
    entries, writer = write_member_files(run, LetterEntry, members=members, progress=progress,
                                         cancelled=cancelled, speech=speech)
    writer.end()
    write_manifest(folder, entries, keep_others=members is not None)
    log.info("letters written: %d letters, %d files", len(entries), len(writer.written))
    return entries


def write_minutes(source: Workspace | MeetingRecord, meeting_id: int, folder: Path, *,
                  progress: Progress | None = None, cancelled: Cancelled | None = None) -> list[Path]:
    """The minutes in standard print, large print at each size the invited members read (18 pt
    when none do) and easy read, PDF and DOCX each: `minutes-standard.pdf`,
    `minutes-large-print-24pt.docx`, `minutes-easy-read.pdf`... Returns the files written."""
    record = record_for(source, meeting_id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    document = minutes_document(record)
    profiles = agenda_profiles(record.snapshot.invited)
    writer = FileWriter(folder, len(profiles), progress, cancelled, "minutes")
    for profile in profiles:
        writer.start(f"Minutes: {describe(profile)}")
        writer.finish(render(document, profile, folder, f"minutes-{format_label(profile)}"))
    writer.end()
    log.info("minutes written: %d files", len(writer.written))
    return list(writer.written)
