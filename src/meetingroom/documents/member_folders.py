"""One folder per invited member, each holding a document in that member's format, and
manifest.json (DESIGN.md: `member`, `format`, `size`, `files`): what the feedback letters and
the evaluation forms written after a meeting share.

Long work: `progress(done, total, what)` never names a person, `cancelled()` is asked before
each file (PackCancelled says what was written), and nothing personal is logged. Audio comes
from `documents.audio` with the speech engine the caller passes in; without one, or when it
fails, the member gets standard print, and the document's note says so.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from meetingroom.documents.audio import AudioFailed, AudioUnavailable, write_audio
from meetingroom.documents.meeting_pack import (
    MANIFEST,
    Cancelled,
    PackCancelled,
    Progress,
    file_safe,
)
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pack_contents import plain_text
from meetingroom.documents.packs import PackEntry, _unique
from meetingroom.documents.render import render
from meetingroom.domain.people import FormatKind, Member
from meetingroom.store import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemberEntry(PackEntry):
    """One member's document: `files` relative to the folder written, `format` as
    manifest.json says it; `kind` is what was made (braille text is `.txt`, listed as
    standard); `note` tells the facilitator when it is not the member's own format."""

    kind: FormatKind = FormatKind.STANDARD


Entry = TypeVar("Entry", bound=MemberEntry)
# Builds a member's document in the format made for them (AUDIO: the words to speak;
# BRAILLE_TEXT: words for plain text; STANDARD for an audio member when no sound was made).
DocumentFor = Callable[[Member, FormatKind], Document]


def needs_audio(record: MeetingRecord) -> bool:
    """Whether anyone invited asked for audio (so the caller should start a speech engine)."""
    return any(m.format_need.kind is FormatKind.AUDIO for m in record.snapshot.invited)


def record_for(source: Workspace | MeetingRecord, meeting_id: int) -> MeetingRecord:
    """The meeting's record: read from an open workspace, or checked to be this meeting's."""
    if isinstance(source, Workspace):
        return read_meeting_record(source, meeting_id)
    if source.meeting_id != meeting_id:
        raise ValueError("the meeting record is for another meeting")
    return source


def made_kind(member: Member) -> FormatKind:
    """The format made for a member (another language gets standard print)."""
    kind = member.format_need.kind
    return kind if kind in (FormatKind.LARGE_PRINT, FormatKind.EASY_READ, FormatKind.AUDIO,
                            FormatKind.BRAILLE_TEXT) else FormatKind.STANDARD


def profile_for(member: Member, kind: FormatKind) -> FormatProfile:
    """The profile to render in when `kind` is made for `member`."""
    if kind is FormatKind.LARGE_PRINT:
        return FormatProfile(kind, member.format_need.size)
    if kind in (FormatKind.EASY_READ, FormatKind.AUDIO):
        return FormatProfile(kind)
    return FormatProfile(FormatKind.STANDARD)  # braille text is the standard words, as .txt


def format_note(record: MeetingRecord, member: Member, kind: FormatKind, thing: str = "letter") -> str:
    """Why this `thing` ("letter", "form") is not in the member's own format, or ""."""
    contact = record.snapshot.contact
    who = contact.name if contact is not None else "us"
    asked = member.format_need.kind
    if asked is FormatKind.AUDIO and kind is not FormatKind.AUDIO:
        return (f"You asked for audio. We could not make a sound recording of this {thing}, so it "
                f"is in print. Please contact {who} if you would like someone to read it to you.")
    if asked is FormatKind.OTHER_LANGUAGE:
        language = member.format_need.language.strip() or "another language"
        one = "this one" if thing == "letter" else f"this {thing}"
        return (f"You asked for letters in {language}. MeetingRoom cannot translate letters, so "
                f"{one} is in English. Please contact {who} if you would like help with it.")
    return ""


@dataclass
class FileWriter:
    """Counts the steps of a run and stops between files when asked to."""

    folder: Path
    steps: int
    progress: Progress | None
    cancelled: Cancelled | None
    what: str  # for the log: "letters", "minutes"... never a name
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

    def end(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.steps, "Done")


def member_folders(record: MeetingRecord, reserved: Sequence[str] = ()) -> dict[int, str]:
    """Each invited member's folder name, the same whichever members are written, and never
    one of `reserved` (compared without case)."""
    used = {name.casefold() for name in reserved}
    return {member.id or 0: _unique(file_safe(member.display_name, f"member-{member.id}"), used)
            for member in record.snapshot.invited}


def chosen_members(record: MeetingRecord, members: Sequence[int] | None) -> list[Member]:
    """The invited members with these ids (all when None); KeyError for one not invited."""
    if members is None:
        return list(record.snapshot.invited)
    wanted = set(members)
    chosen = [m for m in record.snapshot.invited if m.id in wanted]
    if len(chosen) != len(wanted):
        raise KeyError("some of these members are not invited to this meeting")
    return chosen


@dataclass
class MemberRun:
    """One run over members: where to write, what to call the files, how to build each
    member's document, and what to call a step ("Letter 3 of 13")."""

    record: MeetingRecord
    folder: Path
    stem: str
    document_for: DocumentFor
    step: str  # "Letter", "Form"
    what: str  # "letters", "evaluation forms": for the log
    thing: str = "letter"  # for the note when audio falls back to print
    reserved: Sequence[str] = ()


def write_member_files(run: MemberRun, entry_type: type[Entry], *, members: Sequence[int] | None,
                       progress: Progress | None, cancelled: Cancelled | None, speech: Any,
                       extra_steps: int = 0) -> tuple[list[Entry], FileWriter]:
    """Write each chosen member's document into `folder/<their name>/<stem>.*` (old files of
    that stem there are removed first); return an entry per member and the writer, for
    `extra_steps` more before `writer.end()` and `write_manifest`."""
    record = run.record
    folder = run.folder
    chosen = chosen_members(record, members)
    folders = member_folders(record, run.reserved)
    writer = FileWriter(folder, len(chosen) + extra_steps, progress, cancelled, run.what)
    audio_failure = "" if speech is not None else "no speech engine"
    entries: list[Entry] = []
    for number, member in enumerate(chosen, start=1):
        writer.start(f"{run.step} {number} of {len(chosen)}")
        into = folder / folders[member.id or 0]
        into.mkdir(exist_ok=True)
        for old in into.glob(f"{run.stem}.*"):
            old.unlink()
        kind = made_kind(member)
        files: list[Path] = []
        if kind is FormatKind.AUDIO and not audio_failure:
            try:
                files = [Path(write_audio(run.document_for(member, kind), into / f"{run.stem}.wav",
                                          speech=speech))]
            except AudioUnavailable as error:
                audio_failure = str(error) or "no speech engine"
                log.info("audio unavailable; %s fall back to standard print", run.what)
            except AudioFailed:
                log.info("one audio file could not be made; it is in standard print")
        if kind is FormatKind.AUDIO and not files:
            kind = FormatKind.STANDARD
        if not files:
            document = run.document_for(member, kind)
            if kind is FormatKind.BRAILLE_TEXT:
                path = into / f"{run.stem}.txt"
                path.write_text(plain_text(document), encoding="utf-8")
                files = [path]
            else:
                files = render(document, profile_for(member, kind), into, run.stem)
        writer.finish(files)
        size = member.format_need.size if kind is FormatKind.LARGE_PRINT else None
        listed = FormatKind.STANDARD if kind is FormatKind.BRAILLE_TEXT else kind
        entries.append(entry_type(member.id or 0, member.display_name, listed.value, size,
                                  tuple(p.relative_to(folder).as_posix() for p in files),
                                  format_note(record, member, kind, run.thing), kind))
    return entries, writer


def write_manifest(folder: Path, entries: Sequence[PackEntry], *, keep_others: bool) -> None:
    """manifest.json: these entries; when only some members' files were made, the others'
    entries already listed there are kept (each member's folder is theirs alone)."""
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
