"""Long text cut into pieces the speech engine handles well.

pyttsx3's eSpeak driver gathers each utterance in one growing byte string, which grows
slowly with very long text, and a stop can only be noticed between utterances. So text is
spoken a piece at a time: cut at blank lines, then sentence ends, then spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

PIECE_LIMIT = 1000  # characters; about a minute of speech
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def pieces(text: str, limit: int = PIECE_LIMIT) -> Iterator[str]:
    """The non-blank pieces of `text`, in order, each at most `limit` characters, with
    every character of the text in exactly one piece apart from the whitespace cut at."""
    for paragraph in re.split(r"\n\s*\n", text):
        if not paragraph.strip():
            continue
        if len(paragraph) <= limit:
            yield paragraph.strip()
            continue
        yield from _gather(_SENTENCE_END.split(paragraph), limit)


def _gather(parts: list[str], limit: int) -> Iterator[str]:
    current = ""
    for part in parts:
        for word in _words(part, limit):
            joined = f"{current} {word}" if current else word
            if len(joined) <= limit:
                current = joined
                continue
            if current:
                yield current
            current = word
    if current:
        yield current


def _words(part: str, limit: int) -> Iterator[str]:
    """`part` if it fits, otherwise its words (a word longer than `limit` is cut)."""
    part = part.strip()
    if not part:
        return
    if len(part) <= limit:
        yield part
        return
    for word in part.split():
        while len(word) > limit:
            yield word[:limit]
            word = word[limit:]
        if word:
            yield word
