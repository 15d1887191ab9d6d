"""The audio format (AD3): a document read aloud into a WAV file by the offline speech worker.

`audio_script` turns a `Document` into the words to speak: the title, headings, paragraphs,
list items as "Point 1. …", or the easy-read points, then the hard words. Names are spoken
as written in the document, so builders of audio documents put each member's
pronunciation (`Member.spoken_name`) into the text where they would put the name; that is
how a name is "spoken as they asked".

`write_audio` blocks while the speech worker (a child process) makes the file: call it
from a background worker or the command line, never on the GUI thread. `documents` may
not import `speech` (import-linter keeps them independent), so the caller passes the
speech engine in: a `meetingroom.speech.process.SpeechProcess`, ideally one of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from meetingroom.documents.content_words import content_words
from meetingroom.documents.model import Content, Document
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run


class AudioUnavailable(Exception):
    """There is no speech engine on this computer; the message says why in plain words."""


class AudioFailed(Exception):
    """The engine is there but could not make this file; the message says why."""


class SpeechWriter(Protocol):
    """What `write_audio` needs: `SpeechProcess` is one."""

    def wait_ready(self, timeout: float | None = None) -> bool: ...
    def why_unavailable(self) -> str: ...
    def save_to_file(self, text: str, path: Path, timeout: float | None = None) -> Path: ...


def _sentence(text: str) -> str:
    """The text with a full stop added if it has no end punctuation, so headings and list
    items get a pause after them."""
    text = text.strip()
    if text and text[-1] not in ".!?:;…":
        return text + "."
    return text


def _runs(runs: tuple[Run, ...]) -> str:
    return "".join(run.text for run in runs)


def _block_lines(block: Content) -> list[str]:
    if not isinstance(block, Block):
        return [text for text in map(_sentence, content_words(block)) if text]
    if block.kind in (BlockKind.BULLETS, BlockKind.NUMBERED):
        return [f"Point {number}. {_sentence(_runs(item))}"
                for number, item in enumerate(block.items, start=1) if _runs(item).strip()]
    text = _sentence(block.plain_text())
    return [text] if text else []


def audio_script(document: Document, *, easy_read: bool | None = None) -> str:
    """The words to speak, paragraph by paragraph (blank lines between them).

    `easy_read` chooses the easy-read points over the full text; by default the full text
    is read when the document has one, else the easy-read points.
    """
    use_easy = (not document.blocks) if easy_read is None else easy_read
    parts = [_sentence(document.title)] if document.title.strip() else []
    if use_easy:
        number = 0
        for entry in document.easy_read:
            if isinstance(entry, EasyReadPoint):
                if entry.text.strip():
                    number += 1
                    parts.append(f"Point {number}. {_sentence(entry.text)}")
            else:
                number = 0 if isinstance(entry, Block) and entry.kind is BlockKind.HEADING else number
                parts.extend(_block_lines(entry))
        if document.hard_words:
            parts.append("Hard words.")
            parts.extend(_sentence(f"{word.word}: {word.meaning}") for word in document.hard_words)
    else:
        for block in document.blocks:
            parts.extend(_block_lines(block))
    return "\n\n".join(part for part in parts if part)


def write_audio(document: Document, path: Path, *, speech: SpeechWriter,
                easy_read: bool | None = None, timeout: float | None = None) -> Path:
    """Write `document` read aloud as a PCM WAV file at `path`, and return the path.

    Blocks until written. Raises AudioUnavailable when there is no speech engine and
    AudioFailed when the file could not be made.
    """
    if not speech.wait_ready():
        raise AudioUnavailable(speech.why_unavailable() or "Speech is not available.")
    script = audio_script(document, easy_read=easy_read)
    target = Path(path).absolute()
    if not target.parent.is_dir():
        raise AudioFailed(f"The folder {target.parent.name} does not exist.")
    try:
        return speech.save_to_file(script, target, timeout)
    except Exception as error:  # any engine's failure, told in its own plain words
        raise AudioFailed(str(error)) from error
