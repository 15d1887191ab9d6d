"""Find OpenMoji pictures by a word: the keyword file's words and the pictures' names.

"bus" finds the bus first, then the bus stop, the school bus and the rest, shortest name
first: a word that is a whole keyword or name comes before one that starts a name, which
comes before one found inside a word. Pictures with a skin tone are found only when the
search asks for one ("skin", "tone"); otherwise each would come five times over.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from meetingroom.language.pictures import (
    choose_picture,
    keywords,
    picture_codes,
    picture_name,
    weak_keywords,
)

_SKIN_TONES = frozenset({"1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF"})
_UNNAMED = "picture"


@dataclass(frozen=True)
class _Entry:
    code: str
    name: str
    terms: tuple[str, ...]  # the name, every keyword and the Unicode name, lower case
    toned: bool
    unicode_name: str


@cache
def _entries() -> tuple[_Entry, ...]:
    words_for: dict[str, list[str]] = {}
    for table in (keywords(), weak_keywords()):
        for word, code in table.items():
            words_for.setdefault(code, []).append(word)
    entries = []
    for code in sorted(picture_codes()):
        name = picture_name(code)
        if name == _UNNAMED and code not in words_for:
            continue  # OpenMoji's own extras have no name to find them by
        toned = bool(_SKIN_TONES & set(code.split("-")))
        also = [_unicode_name(code), *words_for.get(code, []), *(["skin tone"] if toned else [])]
        terms = tuple(dict.fromkeys(term for term in [name.lower(), *also] if term))
        entries.append(_Entry(code, name, terms, toned, also[0]))
    return tuple(entries)


def _unicode_name(code: str) -> str:
    """The Unicode name of a picture's symbols ("waving hand sign"), even when the keyword
    file gives it a name of its own ("welcome")."""
    names = []
    for part in code.split("-"):
        char = chr(int(part, 16))
        if unicodedata.category(char) == "So":
            names.append(unicodedata.name(char, "").lower())
    return " ".join(name for name in names if name)


def _rank(entry: _Entry, query: str, words: list[str]) -> int | None:
    """0: a term is the query; 1: the name starts with it; 2: a keyword does; 3: each of its
    words is a word of a term; 4: starts one; 5: is somewhere in the terms; None: not found.
    The Unicode name counts only from 3 on, so "bus" finds the minibus before the bust."""
    if query in entry.terms:
        return 0
    if entry.terms[0].startswith(query):
        return 1
    if any(term.startswith(query) for term in entry.terms if term != entry.unicode_name):
        return 2
    term_words = [word for term in entry.terms for word in term.split()]
    if all(w in term_words for w in words):
        return 3
    if all(any(tw.startswith(w) for tw in term_words) for w in words):
        return 4
    joined = " ".join(entry.terms)
    if all(w in joined for w in words):
        return 5
    return None


def search_pictures(query: str) -> list[str]:
    """The codes of the pictures that match `query`, best first; curated ones when it is empty."""
    query = " ".join(query.lower().split())
    if not query:
        return curated_pictures()
    words = query.split()
    toned = any(word in ("skin", "tone") for word in words)
    found: list[tuple[int, int, str]] = []
    for entry in _entries():
        if entry.toned and not toned:
            continue
        rank = _rank(entry, query, words)
        if rank is not None:
            found.append((rank, len(entry.name), entry.code))
    return [code for _rank_, _length, code in sorted(found)]


def curated_pictures() -> list[str]:
    """The pictures the keyword file names, in its order: the ones meetings use most."""
    codes = picture_codes()
    chosen = dict.fromkeys(code for table in (keywords(), weak_keywords())
                           for code in table.values() if code in codes)
    return list(chosen)


def pictures_for(sentence: str, current: str = "", query: str = "") -> list[str]:
    """What the picture chooser lists: with no search, the picture suggested for the sentence
    first, then the point's own picture, then the curated ones; with a search, its results."""
    if query.strip():
        return search_pictures(query)
    first = [choose_picture(sentence)] if sentence.strip() else []
    if current and current in picture_codes():
        first.append(current)
    return list(dict.fromkeys([*first, *curated_pictures()]))
