"""Feedback letters for a held meeting, one folder per invited member, each in that member's
format, with manifest.json (DESIGN.md: `member`, `format`, `size`, `files`); and the minutes
in every printed format the members read.

Long work, as for packs: `progress(done, total, what)` never names a person, `cancelled()` is
asked before each file (PackCancelled says what was written), and nothing personal is logged.
Audio comes from `documents.audio` with the speech engine the caller passes in; without one,
or when it fails, the member gets standard print and their letter says so. Nothing here
writes to the workspace: the caller records the letters as made (`LetterEntry.letter_made`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meetingroom.documents.audio import AudioFailed, AudioUnavailable, write_audio
from meetingroom.documents.feedback_letter import feedback_letter
from meetingroom.documents.meeting_pack import (
    MANIFEST,
    Cancelled,
    PackCancelled,
    Progress,
    agenda_profiles,
    describe,
    file_safe,
    format_label,
)
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.documents.minutes import minutes_document
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pack_contents import plain_text
from meetingroom.documents.packs import PackEntry, _unique
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
class LetterEntry(PackEntry):
    """One member's feedback letter: `files` relative to the letters folder, `format` as
    manifest.json says it; `kind` is what was made (braille text is `.txt`, listed as
    standard); `note` tells the facilitator when it is not the member's own format."""

    kind: FormatKind = FormatKind.STANDARD

    def letter_made(self) -> LetterMade:
        """For `store.followup.record_letters_made`."""
        return LetterMade(self.member_id, self.kind, self.size)


def needs_audio(record: MeetingRecord) -> bool:
    """Whether anyone invited asked for audio (so the caller should start a speech engine)."""
    return any(m.format_need.kind is FormatKind.AUDIO for m in record.snapshot.invited)


def _record(source: Workspace | MeetingRecord, meeting_id: int) -> MeetingRecord:
    if isinstance(source, Workspace):
        return read_meeting_record(source, meeting_id)
    if source.meeting_id != meeting_id:
        raise ValueError("the meeting record is for another meeting")
    return source


def _made_kind(member: Member) -> FormatKind:
    kind = member.format_need.kind
    return kind if kind in (FormatKind.LARGE_PRINT, FormatKind.EASY_READ, FormatKind.AUDIO,
                            FormatKind.BRAILLE_TEXT) else FormatKind.STANDARD


def _profile(member: Member, kind: FormatKind) -> FormatProfile:
    if kind is FormatKind.LARGE_PRINT:
        return FormatProfile(kind, member.format_need.size)
    if kind in (FormatKind.EASY_READ, FormatKind.AUDIO):
        return FormatProfile(kind)
    return FormatProfile(FormatKind.STANDARD)  # braille text is the standard words, as .txt


def _note(record: MeetingRecord, member: Member, kind: FormatKind) -> str:
    contact = record.snapshot.contact
    who = contact.name if contact is not None else "us"
    asked = member.format_need.kind
    if asked is FormatKind.AUDIO and kind is not FormatKind.AUDIO:
        return (f"You asked for audio. We could not make a sound recording of this letter, so it "
                f"is in print. Please contact {who} if you would like someone to read it to you.")
    if asked is FormatKind.OTHER_LANGUAGE:
        language = member.format_need.language.strip() or "another language"
        return (f"You asked for letters in {language}. MeetingRoom cannot translate letters, so "
                f"this one is in English. Please contact {who} if you would like help with it.")
    return ""


def member_letter(record: MeetingRecord, member: Member, *, audio: bool = True,
                  glossary: Glossary | None = None) -> tuple[Document, FormatProfile]:
    """A member's letter as `write_letters` makes it, and the format it is in: for the
    on-screen review, `letter_text(*member_letter(record, member))`. `audio=False` gives
    what an audio member gets when no sound can be made."""
    kind = _made_kind(member)
    if kind is FormatKind.AUDIO and not audio:
        kind = FormatKind.STANDARD
    document = feedback_letter(record, member, spoken=kind is FormatKind.AUDIO,
                               note=_note(record, member, kind), glossary=glossary)
    return document, _profile(member, kind)


@dataclass
class _Writer:
    folder: Path
    steps: int
    progress: Progress | None
    cancelled: Cancelled | None
    what: str
    done: int = 0
    written: list[Path] = field(default_factory=list)

    def start(self, what: str) -> None:
        if self.cancelled is not None and self.cancelled():
            log.info("%s stopped after %d files", self.what, len(self.written))
            raise PackCancelled(list(self.written))
        if self.progress is not None:
            self.progress(self.done, self.steps, what)

    def finish(self, paths: list[Path]) -> list[Path]:
        self.written.extend(paths)
        self.done += 1
        return paths


def _folders(record: MeetingRecord) -> dict[int, str]:
    """Each invited member's folder name, the same whichever letters are written."""
    used: set[str] = set()
    return {member.id or 0: _unique(file_safe(member.display_name, f"member-{member.id}"), used)
            for member in record.snapshot.invited}


def _chosen(record: MeetingRecord, members: Sequence[int] | None) -> list[Member]:
    if members is None:
        return list(record.snapshot.invited)
    wanted = set(members)
    chosen = [m for m in record.snapshot.invited if m.id in wanted]
    if len(chosen) != len(wanted):
        raise KeyError("some of these members are not invited to this meeting")
    return chosen


def write_letters(source: Workspace | MeetingRecord, meeting_id: int, folder: Path, *,
                  members: Sequence[int] | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None, speech: Any = None) -> list[LetterEntry]:
    """Write the feedback letter of every invited member (or of `members`, a list of member
    ids) into `folder/<their name>/`, then manifest.json; return an entry per letter.

    `source` is an open workspace (read here) or a MeetingRecord already read. `speech` is a
    speech engine for audio (a `speech.process.SpeechProcess`, best one of its own). KeyError
    for no such meeting (or a member not invited); PackCancelled when stopped.
    """
    record = _record(source, meeting_id)
    folder = Path(folder).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    chosen = _chosen(record, members)
    folders = _folders(record)
    glossary = Glossary.load(record.snapshot.glossary_terms)
    writer = _Writer(folder, len(chosen), progress, cancelled, "letters")
    audio_failure = "" if speech is not None else "no speech engine"
    entries: list[LetterEntry] = []
    for number, member in enumerate(chosen, start=1):
        writer.start(f"Letter {number} of {len(chosen)}")
        into = folder / folders[member.id or 0]
        into.mkdir(exist_ok=True)
        for old in into.glob(f"{LETTER_STEM}.*"):
            old.unlink()
        kind = _made_kind(member)
        files: list[Path] = []
        if kind is FormatKind.AUDIO and not audio_failure:
            document, _ = member_letter(record, member, glossary=glossary)
            try:
                files = [Path(write_audio(document, into / f"{LETTER_STEM}.wav", speech=speech))]
            except AudioUnavailable as error:
                audio_failure = str(error) or "no speech engine"
                log.info("audio unavailable; letters fall back to standard print")
            except AudioFailed:
                log.info("one audio letter could not be made; it is in standard print")
        if kind is FormatKind.AUDIO and not files:
            kind = FormatKind.STANDARD
        if not files:
            document, profile = member_letter(record, member, audio=False, glossary=glossary)
            if kind is FormatKind.BRAILLE_TEXT:
                path = into / f"{LETTER_STEM}.txt"
                path.write_text(plain_text(document), encoding="utf-8")
                files = [path]
            else:
                files = render(document, profile, into, LETTER_STEM)
        writer.finish(files)
        size = member.format_need.size if kind is FormatKind.LARGE_PRINT else None
        listed = FormatKind.STANDARD if kind is FormatKind.BRAILLE_TEXT else kind
        entries.append(LetterEntry(member.id or 0, member.display_name, listed.value, size,
                                   tuple(p.relative_to(folder).as_posix() for p in files),
                                   _note(record, member, kind), kind))
    if progress is not None:
        progress(writer.done, writer.steps, "Done")
    _write_manifest(folder, entries, keep_others=members is not None)
    log.info("letters written: %d letters, %d files", len(entries), len(writer.written))
    return entries


def _write_manifest(folder: Path, entries: list[LetterEntry], *, keep_others: bool) -> None:
    """manifest.json: these entries; when only some letters were made, the others' entries
    already listed there are kept (each member's folder is theirs alone)."""
    rows = [entry.manifest() for entry in entries]
    path = folder / MANIFEST
    if keep_others and path.is_file():
        mine = {Path(f).parts[0] for entry in entries for f in entry.files}
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = []
        kept = [row for row in before if isinstance(row, dict) and row.get("files")
                and Path(str(row["files"][0])).parts[0] not in mine]
        rows = kept + rows
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_minutes(source: Workspace | MeetingRecord, meeting_id: int, folder: Path, *,
                  progress: Progress | None = None, cancelled: Cancelled | None = None) -> list[Path]:
    """The minutes in standard print, large print at each size the invited members read (18 pt
    when none do) and easy read, PDF and DOCX each: `minutes-standard.pdf`,
    `minutes-large-print-24pt.docx`, `minutes-easy-read.pdf`... Returns the files written."""
    record = _record(source, meeting_id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    document = minutes_document(record)
    profiles = agenda_profiles(record.snapshot.invited)
    writer = _Writer(folder, len(profiles), progress, cancelled, "minutes")
    for profile in profiles:
        writer.start(f"Minutes: {describe(profile)}")
        writer.finish(render(document, profile, folder, f"minutes-{format_label(profile)}"))
    if progress is not None:
        progress(writer.done, writer.steps, "Done")
    log.info("minutes written: %d files", len(writer.written))
    return list(writer.written)
