"""Each invited member's pack for a meeting, in a folder of its own: a covering letter, the
agenda and every paper attached to the agenda, all in that member's format; and
manifest.json listing who got which files (DESIGN.md: `member`, `format`, `size`, `files`).

A document is rendered once per format and copied into every folder that needs it, so
thirty members cost little more than the formats they read. Long work: `progress(done,
total, what)` never names a person, `cancelled()` is asked before each file, and nothing
personal is logged. Audio comes from `documents.audio` when it is installed and working;
otherwise the member gets standard print and their letter says so.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from meetingroom.documents.agenda import agenda_document
from meetingroom.documents.meeting_pack import (
    MANIFEST,
    Cancelled,
    PackCancelled,
    Progress,
    file_safe,
)
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pack_contents import covering_letter, paper_document, plain_text
from meetingroom.documents.render import render
from meetingroom.documents.snapshot import MeetingSnapshot, long_date, take_snapshot
from meetingroom.domain.distribution import format_words, papers_deadline
from meetingroom.domain.papers import Paper
from meetingroom.domain.people import FormatKind, Member
from meetingroom.language.glossary import Glossary
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import agenda_items
from meetingroom.store.papers import get_paper

log = logging.getLogger(__name__)

__all__ = ["MANIFEST", "PackCancelled", "PackEntry", "PackSource", "read_pack_source", "write_packs"]


@dataclass(frozen=True)
class PackSource:
    """Everything a meeting's packs are made from, read once from the store."""

    snapshot: MeetingSnapshot
    papers: tuple[Paper, ...] = ()  # attached to the agenda, in agenda order, each once
    deadline_days: int = 7


@dataclass(frozen=True)
class PackEntry:
    """One member's pack: `files` relative to the packs folder; `note` for the facilitator
    when the member's own format could not be made."""

    member_id: int
    member: str
    format: str  # standard, large-print, easy-read or audio
    size: int | None
    files: tuple[str, ...]
    note: str = ""

    def manifest(self) -> dict[str, object]:
        return {"member": self.member, "format": self.format, "size": self.size,
                "files": list(self.files)}


def read_pack_source(ws: Workspace, meeting_id: int) -> PackSource:
    """The snapshot, the papers and the deadline, as one read. KeyError for no such meeting."""
    with ws.reading():
        snapshot = take_snapshot(ws, meeting_id)
        ids: list[int] = []
        for item in sorted(agenda_items(ws, meeting_id), key=lambda i: (i.position, i.id or 0)):
            ids.extend(p for p in item.paper_ids if p not in ids)
        papers = []
        for paper_id in ids:
            try:
                papers.append(get_paper(ws, paper_id))
            except KeyError:
                continue
        group = get_group(ws)
    return PackSource(snapshot, tuple(papers), group.papers_deadline_days if group else 7)


def _audio_module() -> ModuleType | None:
    try:
        from meetingroom.documents import audio  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return None
    return audio  # type: ignore[no-any-return, unused-ignore]


@dataclass
class _Packer:
    source: PackSource
    folder: Path
    progress: Progress | None
    cancelled: Cancelled | None
    steps: int = 0
    done: int = 0
    written: list[Path] = field(default_factory=list)
    made: dict[tuple[str, str], list[Path]] = field(default_factory=dict)  # rendered once
    audio: ModuleType | None = None
    speech: Any = None
    audio_failure: str = ""

    def start(self, what: str) -> None:
        if self.cancelled is not None and self.cancelled():
            log.info("packs stopped after %d files", len(self.written))
            raise PackCancelled(list(self.written))
        if self.progress is not None:
            self.progress(self.done, self.steps, what)

    def _finish(self, paths: list[Path]) -> list[Path]:
        self.written.extend(paths)
        self.done += 1
        return paths

    def printed(self, key: str, document: Document, profile: FormatProfile, into: Path,
                stem: str, shared: bool = True) -> list[Path]:
        made = self.made.get((key, repr(profile))) if shared else None
        if made is None:
            paths = render(document, profile, into, stem)
            if shared:
                self.made[(key, repr(profile))] = paths
            return self._finish(paths)
        copies = []
        for original in made:
            copy = into / f"{stem}{original.suffix}"
            shutil.copyfile(original, copy)
            copies.append(copy)
        return self._finish(copies)

    def text(self, document: Document, into: Path, stem: str) -> list[Path]:
        path = into / f"{stem}.txt"
        path.write_text(plain_text(document), encoding="utf-8")
        return self._finish([path])

    def sound(self, key: str, document: Document, into: Path, stem: str, shared: bool = True) -> list[Path]:
        """A WAV of the document; AudioUnavailable (the module's own) when it cannot be made."""
        assert self.audio is not None
        made = self.made.get((key, "audio")) if shared else None
        path = into / f"{stem}.wav"
        if made is None:
            written = Path(self.audio.write_audio(document, path, speech=self.speech))
            if shared:
                self.made[(key, "audio")] = [written]
            return self._finish([written])
        shutil.copyfile(made[0], path)
        return self._finish([path])


def _documents(source: PackSource, glossary: Glossary) -> list[tuple[str, str, Document]]:
    """(key, file stem, document) for the agenda and each paper, in pack order."""
    snapshot = source.snapshot
    found: list[tuple[str, str, Document]] = [("agenda", "02-agenda", agenda_document(snapshot, glossary))]
    for number, paper in enumerate(source.papers, start=3):
        stem = f"{number:02d}-paper-{_short(file_safe(paper.title, 'untitled'))}"
        found.append((f"paper-{paper.id}", stem, paper_document(paper, glossary, snapshot.group_name)))
    return found


def _format_said(member: Member, kind: FormatKind) -> str:
    need = member.format_need
    if kind is FormatKind.AUDIO:
        return "Everything in this pack is a sound recording you can listen to."
    if kind is FormatKind.BRAILLE_TEXT:
        return "Everything in this pack is plain text, ready to be made into braille."
    return f"Everything in this pack is in {format_words(kind, need.size)}."


def _member_note(member: Member, kind: FormatKind, contact: str, audio_failure: str) -> str:
    asked = member.format_need.kind
    if asked is FormatKind.AUDIO and kind is not FormatKind.AUDIO:
        return (f"You asked for audio. We could not make sound recordings this time, so your "
                f"papers are in print. Please contact {contact} if you would like someone to "
                f"read them to you.")
    if asked is FormatKind.OTHER_LANGUAGE:
        language = member.format_need.language.strip() or "another language"
        return (f"You asked for papers in {language}. MeetingRoom cannot translate papers, so "
                f"they are in English. Please contact {contact} if you would like help with them.")
    return ""


def needs_audio(source: PackSource) -> bool:
    """Whether anyone invited asked for audio (so the caller should start a speech engine)."""
    return any(m.format_need.kind is FormatKind.AUDIO for m in source.snapshot.invited)


def write_packs(source: Workspace | PackSource, meeting_id: int, folder: Path, *,
                progress: Progress | None = None, cancelled: Cancelled | None = None,
                speech: Any = None) -> list[PackEntry]:
    """Write every invited member's pack into `folder/<their name>/`, then manifest.json.

    `source` is an open workspace (read here) or a PackSource already read. `speech` is a
    speech engine for `documents.audio.write_audio` (a `speech.process.SpeechProcess`);
    without one, members who asked for audio get standard print and a letter saying so.
    KeyError when there is no such meeting; PackCancelled when stopped.
    """
    if isinstance(source, Workspace):
        source = read_pack_source(source, meeting_id)
    elif source.snapshot.meeting_id != meeting_id:
        raise ValueError("the pack source is for another meeting")
    snapshot = source.snapshot
    folder = Path(folder).absolute()  # writers may hand back absolute paths; the manifest is relative
    folder.mkdir(parents=True, exist_ok=True)
    glossary = Glossary.load(snapshot.glossary_terms)
    documents = _documents(source, glossary)
    packer = _Packer(source, folder, progress, cancelled,
                     steps=len(snapshot.invited) * (1 + len(documents)))
    if needs_audio(source):
        packer.audio = _audio_module()
        packer.speech = speech
        if packer.audio is None or speech is None:
            packer.audio_failure = "no speech engine"
    deadline = papers_deadline(snapshot.start, source.deadline_days)
    deadline_note = (f"We send papers at least {source.deadline_days} days before the meeting. "
                     f"For this meeting, that is by {long_date(deadline)}.")
    contact = snapshot.contact.name if snapshot.contact is not None else "us"
    entries: list[PackEntry] = []
    used: set[str] = set()
    for number, member in enumerate(snapshot.invited, start=1):
        assert member.id is not None
        into = folder / _unique(file_safe(member.display_name, f"member-{member.id}"), used)
        into.mkdir(exist_ok=True)
        entries.append(_member_pack(packer, member, into, documents, f"Pack {number} of "
                                    f"{len(snapshot.invited)}", deadline_note, contact, glossary))
    if progress is not None:
        progress(packer.done, packer.steps, "Done")
    path = folder / MANIFEST
    path.write_text(json.dumps([e.manifest() for e in entries], ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    log.info("packs written: %d packs, %d files", len(entries), len(packer.written))
    return entries


def _member_pack(packer: _Packer, member: Member, into: Path,
                 documents: list[tuple[str, str, Document]], label: str, deadline_note: str,
                 contact: str, glossary: Glossary) -> PackEntry:
    need = member.format_need
    kind = need.kind if need.kind in (FormatKind.LARGE_PRINT, FormatKind.EASY_READ, FormatKind.AUDIO,
                                      FormatKind.BRAILLE_TEXT) else FormatKind.STANDARD
    if kind is FormatKind.AUDIO and packer.audio_failure:
        kind = FormatKind.STANDARD
    files: list[Path] = []
    if kind is FormatKind.AUDIO:
        files = _audio_pack(packer, member, into, documents, label, deadline_note, contact, glossary)
        if not files:
            kind = FormatKind.STANDARD
    if kind is not FormatKind.AUDIO:
        profile = FormatProfile(kind, need.size) if kind in (FormatKind.LARGE_PRINT, FormatKind.EASY_READ) \
            else FormatProfile(FormatKind.STANDARD)
        for number, (key, stem, document) in enumerate(documents, start=1):
            packer.start(f"{label}: document {number} of {len(documents)}")
            if kind is FormatKind.BRAILLE_TEXT:
                files += packer.text(document, into, stem)
            else:
                files += packer.printed(key, document, profile, into, stem)
        packer.start(f"{label}: covering letter")
        letter = _letter(packer, member, kind, documents, deadline_note, contact, glossary)
        if kind is FormatKind.BRAILLE_TEXT:
            files = packer.text(letter, into, "01-covering-letter") + files
        else:
            files = packer.printed("letter", letter, profile, into, "01-covering-letter", shared=False) + files
    note = _member_note(member, kind, contact, packer.audio_failure)
    manifest_format = kind if kind is not FormatKind.BRAILLE_TEXT else FormatKind.STANDARD
    size = need.size if kind is FormatKind.LARGE_PRINT else None
    return PackEntry(member.id or 0, member.display_name, manifest_format.value, size,
                     tuple(p.relative_to(packer.folder).as_posix() for p in files), note)


def _letter(packer: _Packer, member: Member, kind: FormatKind, documents: list[tuple[str, str, Document]],
            deadline_note: str, contact: str, glossary: Glossary, *, spoken: bool = False) -> Document:
    return covering_letter(
        packer.source.snapshot, member.spoken_name if spoken else member.display_name,
        [document.title for _, _, document in documents], format_said=_format_said(member, kind),
        deadline_note=deadline_note, note=_member_note(member, kind, contact, packer.audio_failure),
        glossary=glossary)


def _audio_pack(packer: _Packer, member: Member, into: Path, documents: list[tuple[str, str, Document]],
                label: str, deadline_note: str, contact: str, glossary: Glossary) -> list[Path]:
    """The pack as sound; [] (and nothing left behind) when audio cannot be made."""
    assert packer.audio is not None
    files: list[Path] = []
    done_before = packer.done
    unavailable: Any = tuple(getattr(packer.audio, name) for name in ("AudioUnavailable", "AudioFailed")
                             if hasattr(packer.audio, name)) or RuntimeError
    try:
        for number, (key, stem, document) in enumerate(documents, start=1):
            packer.start(f"{label}: recording {number} of {len(documents)}")
            files += packer.sound(key, document, into, stem)
        packer.start(f"{label}: covering letter")
        letter = _letter(packer, member, FormatKind.AUDIO, documents, deadline_note, contact,
                         glossary, spoken=True)
        return packer.sound("letter", letter, into, "01-covering-letter", shared=False) + files
    except unavailable as error:
        packer.audio_failure = str(error) or "audio could not be made"
        log.info("audio unavailable; packs fall back to standard print")
        for path in files:
            path.unlink(missing_ok=True)
            if path in packer.written:
                packer.written.remove(path)
        packer.made = {k: v for k, v in packer.made.items() if k[1] != "audio"}
        packer.done = done_before
        return []


def _short(name: str, limit: int = 40) -> str:
    """At most `limit` characters, cut where a word ends."""
    if len(name) <= limit:
        return name
    cut = name[:limit + 1].rsplit("-", 1)[0]
    return cut if len(cut) >= limit // 2 else name[:limit]


def _unique(name: str, used: set[str]) -> str:
    """`name`, or `name-2`, `name-3`... compared without case, as Windows and macOS do."""
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate.casefold())
    return candidate

