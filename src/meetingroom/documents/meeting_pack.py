"""Everything sent out before a meeting, written to one folder: the agenda in every format the
invited members need, the calendar file, and an invitation to each member in their format.

Long work: callers pass `progress(done, total, what)` and `cancelled()`; the words in `what`
never name a person, and nothing personal is logged. A member who asked for audio gets
standard print with a note saying so, until audio arrives in a later version.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from meetingroom.documents.agenda import agenda_document
from meetingroom.documents.calendar import meeting_ics
from meetingroom.documents.docx import write_docx
from meetingroom.documents.invitation import invitation_document, invitation_profile
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pdf import write_pdf
from meetingroom.documents.render import render
from meetingroom.documents.snapshot import MeetingSnapshot, take_snapshot
from meetingroom.domain.people import DEFAULT_LARGE_PRINT_SIZE, FormatKind, Member
from meetingroom.store import Workspace

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
MANIFEST = "manifest.json"
_NOT_MADE_YET = {
    FormatKind.AUDIO: "audio",
    FormatKind.BRAILLE_TEXT: "plain text for braille",
    FormatKind.OTHER_LANGUAGE: "another language",
}


class PackCancelled(Exception):
    """Stopped before the end, at the caller's request; `written` lists the files made so far."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__(f"stopped after {len(written)} files")
        self.written = written


def format_label(profile: FormatProfile) -> str:
    """"standard", "large-print-24pt", "easy-read": for file names."""
    return f"{profile.name}-{profile.size}pt" if profile.size is not None else profile.name


def describe(profile: FormatProfile) -> str:
    """"Standard print", "Large print, 24 pt", "Easy read"."""
    if profile.kind is FormatKind.LARGE_PRINT:
        return f"Large print, {profile.size} pt"
    return {FormatKind.EASY_READ: "Easy read", FormatKind.AUDIO: "Audio"}.get(profile.kind, "Standard print")


def agenda_profiles(invited: Iterable[Member]) -> list[FormatProfile]:
    """Standard print, large print at each size the invited members read (18 pt when none
    do), and easy read."""
    sizes = sorted({m.format_need.size for m in invited
                    if m.format_need.kind is FormatKind.LARGE_PRINT and m.format_need.size})
    return [FormatProfile(FormatKind.STANDARD),
            *(FormatProfile(FormatKind.LARGE_PRINT, size) for size in sizes or [DEFAULT_LARGE_PRINT_SIZE]),
            FormatProfile(FormatKind.EASY_READ)]


def file_safe(text: str, fallback: str) -> str:
    """A name any file system takes: letters (any script) and digits kept, the rest one "-"."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        kept.append(char if char.isalnum() or category.startswith("M") else "-")
    name = "-".join(part for part in "".join(kept).split("-") if part)[:60].strip("-")
    return name or fallback


def pack_notes(snapshot: MeetingSnapshot) -> list[str]:
    """What the pack could not make in a member's own format, in words for the facilitator
    (counts only, no names)."""
    counts: dict[str, int] = {}
    for member in snapshot.invited:
        asked = _NOT_MADE_YET.get(member.format_need.kind)
        if asked:
            counts[asked] = counts.get(asked, 0) + 1
    notes = []
    for asked, count in counts.items():
        people = "1 member asked" if count == 1 else f"{count} members asked"
        later = " (audio comes in a later version)" if asked == "audio" else ""
        notes.append(f"{people} for {asked}, which MeetingRoom cannot make yet{later}: "
                     f"their invitation is in standard print, with a note saying so.")
    return notes


@dataclass
class _Writer:
    """Writes into one folder, counting steps, and stops between files when asked to."""

    folder: Path
    steps: int
    progress: Progress | None
    cancelled: Cancelled | None
    written: list[Path] = field(default_factory=list)
    done: int = 0

    def start(self, what: str) -> None:
        if self.cancelled is not None and self.cancelled():
            log.info("meeting documents stopped after %d files", len(self.written))
            raise PackCancelled(list(self.written))
        if self.progress is not None:
            self.progress(self.done, self.steps, what)

    def render(self, document: Document, profile: FormatProfile, stem: str) -> list[str]:
        files = render(document, profile, self.folder, stem)
        self.written.extend(files)
        self.done += 1
        return [path.name for path in files]

    def write(self, name: str, data: bytes) -> list[str]:
        path = self.folder / name
        path.write_bytes(data)
        self.written.append(path)
        self.done += 1
        return [name]


def write_meeting_documents(snapshot: MeetingSnapshot, folder: Path, *,
                            formats: Sequence[FormatProfile] | None = None,
                            progress: Progress | None = None,
                            cancelled: Cancelled | None = None) -> list[Path]:
    """Write the agenda in `formats` (default: `agenda_profiles`), the .ics and one invitation
    per invited member into `folder`, then manifest.json; return every file written."""
    profiles = list(formats) if formats is not None else agenda_profiles(snapshot.invited)
    if any(p.kind is FormatKind.AUDIO for p in profiles):
        raise ValueError("audio agendas come in a later version of MeetingRoom")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    writer = _Writer(folder, len(profiles) + 1 + len(snapshot.invited), progress, cancelled)
    manifest: list[dict[str, object]] = []
    agenda = agenda_document(snapshot)
    for profile in profiles:
        writer.start(f"Agenda: {describe(profile)}")
        files = writer.render(agenda, profile, f"agenda-{format_label(profile)}")
        manifest.append({"document": "agenda", "member": None, "format": profile.name,
                         "size": profile.size, "files": files})
    writer.start("Calendar file")
    files = writer.write(f"calendar-{snapshot.start:%Y-%m-%d}.ics", meeting_ics(snapshot))
    manifest.append({"document": "calendar", "member": None, "format": None, "size": None,
                     "files": files})
    used: set[str] = set()
    for number, member in enumerate(snapshot.invited, start=1):
        writer.start(f"Invitation {number} of {len(snapshot.invited)}")
        profile = invitation_profile(member)
        stem = _unique(f"invitation-{file_safe(member.display_name, f'member-{member.id}')}"
                       f"-{format_label(profile)}", used)
        files = writer.render(invitation_document(snapshot, member), profile, stem)
        entry: dict[str, object] = {"document": "invitation", "member": member.display_name,
                                    "format": profile.name, "size": profile.size, "files": files}
        asked = _NOT_MADE_YET.get(member.format_need.kind)
        if asked:
            entry["note"] = f"asked for {asked}, not made yet: standard print instead"
        manifest.append(entry)
    if progress is not None:
        progress(writer.done, writer.steps, "Done")
    path = folder / MANIFEST
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    writer.written.append(path)
    log.info("meeting documents written: %d files", len(writer.written))
    return list(writer.written)


def _unique(stem: str, used: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`... so two people with one name never share a file
    (compared without case, as Windows and macOS do)."""
    candidate, n = stem, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate.casefold())
    return candidate


def write_agenda_documents(ws: Workspace, meeting_id: int, folder: Path, *,
                           formats: Sequence[FormatProfile] | None = None,
                           progress: Progress | None = None,
                           cancelled: Cancelled | None = None) -> list[Path]:
    """Read the meeting from the workspace and write its documents (see write_meeting_documents).
    KeyError when there is no such meeting."""
    return write_meeting_documents(take_snapshot(ws, meeting_id), folder, formats=formats,
                                   progress=progress, cancelled=cancelled)


def write_agenda_file(ws: Workspace, meeting_id: int, profile: FormatProfile, path: Path) -> Path:
    """Write just the agenda, in one format, as one file: `path` ends .pdf or .docx."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise ValueError("the agenda file must end .pdf or .docx")
    if profile.kind is FormatKind.AUDIO:
        raise ValueError("audio agendas come in a later version of MeetingRoom")
    document = agenda_document(take_snapshot(ws, meeting_id))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        write_pdf(document, profile, Path(path))
    else:
        write_docx(document, profile, Path(path))
    return Path(path)
