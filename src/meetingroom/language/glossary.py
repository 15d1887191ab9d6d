"""The glossary: health and social care jargon and acronyms, each with plain words to use instead.

The shipped list is `resources/glossary.json`; a group adds its own terms, which win. The
agenda's co-production checks, the plain-language checker and easy read all look words up
here. `find_acronyms` finds acronyms the glossary does not know, and says whether each was
spelled out the first time it was used (PE3).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Protocol

from meetingroom.paths import resources_dir

GLOSSARY_FILE = "glossary.json"

_DASH = r"\-\u2010\u2011"  # hyphen, Unicode hyphen, non-breaking hyphen (a regex class body)
_SPACE_OR_DASH = re.compile(rf"[\s{_DASH}]+")


def looks_like_acronym(term: str) -> bool:
    """One token with two or more capitals: ICB, A&E, DoLS, KPIs."""
    return " " not in term.strip() and sum(c.isupper() for c in term) >= 2


@dataclass(frozen=True)
class GlossaryEntry:
    """A hard word or acronym and what to say instead.

    `expansion` is what an acronym stands for; `forms` are other spellings and inflections
    ("leveraging"); `well_known` acronyms (NHS, GP) need not be spelled out in standard print.
    """

    term: str
    plain: str
    explanation: str = ""
    expansion: str = ""
    forms: tuple[str, ...] = ()
    well_known: bool = False

    @property
    def is_acronym(self) -> bool:
        return bool(self.expansion) or looks_like_acronym(self.term)

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.forms)


class Term(Protocol):
    """Anything with a term, plain words and an explanation: a GlossaryEntry, a group's term."""

    @property
    def term(self) -> str: ...

    @property
    def plain(self) -> str: ...

    @property
    def explanation(self) -> str: ...


@dataclass(frozen=True)
class JargonHit:
    """Where a glossary term was used: `text` exactly as written, at text[start:end]."""

    entry: GlossaryEntry
    text: str
    start: int
    end: int

    @property
    def suggestion(self) -> str:
        return self.entry.plain


def _key(term: str) -> str:
    return _SPACE_OR_DASH.sub(" ", term.strip()).casefold()


def _word_pattern(spelling: str) -> str:
    """Case-insensitive; spaces match any spaces or dashes, a dash may also be left out
    ("co-located", "co located", "colocated"); the last word may take a plural."""
    words = [
        rf"[{_DASH}\s]?".join(re.escape(part) for part in re.split(rf"[{_DASH}]", word))
        for word in spelling.split()
    ]
    return "(?i:" + rf"[\s{_DASH}]+".join(words) + "(?:e?s)?)"


def _pattern(entries: Iterable[GlossaryEntry]) -> tuple[re.Pattern[str], list[GlossaryEntry]]:
    alternatives: list[tuple[str, str]] = []
    owners: list[GlossaryEntry] = []
    for entry in entries:
        for spelling in entry.spellings:
            if entry.is_acronym:
                body = re.escape(spelling) + "s?"
            else:
                body = _word_pattern(spelling)
            alternatives.append((spelling, f"(?P<e{len(owners)}>{body})"))
            owners.append(entry)
    alternatives.sort(key=lambda pair: -len(pair[0]))
    joined = "|".join(body for _, body in alternatives) or "(?!x)x"
    return re.compile(rf"(?<![\w&])(?:{joined})(?![\w&])"), owners


class Glossary:
    """A set of entries, one per term (compared without case), searchable in running text."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        merged: dict[str, GlossaryEntry] = {}
        for entry in entries:
            merged[_key(entry.term)] = entry
        self._entries = tuple(merged.values())
        self._pattern, self._owners = _pattern(self._entries)
        self._by_spelling: dict[str, GlossaryEntry] = {}
        self._by_exact: dict[str, GlossaryEntry] = {}
        for entry in self._entries:
            for spelling in entry.spellings:
                self._by_exact[spelling.strip()] = entry
                if not entry.is_acronym:
                    self._by_spelling.setdefault(_key(spelling), entry)

    @classmethod
    def load(cls, extra: Iterable[Term] = ()) -> Glossary:
        """The shipped glossary plus a group's own terms; a group's term replaces a shipped one."""
        return _load(tuple(_as_entry(term) for term in extra))

    @property
    def entries(self) -> tuple[GlossaryEntry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self._entries)

    def find_jargon(self, text: str) -> list[JargonHit]:
        """Every use of a glossary term in `text`, in order, longest term first where they overlap.

        Whole words only; words match whatever their case, acronyms only as written.
        """
        hits = []
        for match in self._pattern.finditer(text):
            assert match.lastgroup is not None
            entry = self._owners[int(match.lastgroup[1:])]
            hits.append(JargonHit(entry, match.group(), match.start(), match.end()))
        return hits

    def lookup(self, term: str) -> GlossaryEntry | None:
        """The entry for a term or one of its forms, or a plural of one. Acronyms only as
        written ("KPIs" finds KPI, "kpi" does not); words whatever their case or dashes."""
        term = term.strip()
        for written in (term, term[:-1] if term.endswith("s") else ""):
            entry = self._by_exact.get(written) if written else None
            if entry is not None and (written == term or entry.is_acronym):
                return entry
        key = _key(term)
        for candidate in (key, key[:-1] if key.endswith("s") else "", key[:-2] if key.endswith("es") else ""):
            entry = self._by_spelling.get(candidate) if candidate else None
            if entry is not None:
                return entry
        return None


def _as_entry(term: Term) -> GlossaryEntry:
    if isinstance(term, GlossaryEntry):
        return term
    return GlossaryEntry(term.term.strip(), term.plain.strip(), term.explanation.strip())


@lru_cache(maxsize=8)
def _load(extra: tuple[GlossaryEntry, ...]) -> Glossary:
    shipped = {_key(entry.term): entry for entry in shipped_entries()}
    entries = dict(shipped)
    for own in extra:
        base = shipped.get(_key(own.term))
        if base is not None:
            # The group's words win; the shipped spelling of an acronym, its expansion and
            # the other forms of a word stay, so matching works as before.
            own = replace(base, term=base.term if base.is_acronym else own.term, plain=own.plain,
                          explanation=own.explanation or base.explanation)
        entries[_key(own.term)] = own
    return Glossary(entries.values())


@cache
def shipped_entries() -> tuple[GlossaryEntry, ...]:
    """The glossary that ships with MeetingRoom, read once."""
    data: list[dict[str, Any]] = json.loads(
        (resources_dir() / GLOSSARY_FILE).read_text(encoding="utf-8"))
    return tuple(
        GlossaryEntry(
            term=item["term"], plain=item["plain"], explanation=item.get("explanation", ""),
            expansion=item.get("expansion", ""), forms=tuple(item.get("forms", ())),
            well_known=bool(item.get("well_known", False)),
        )
        for item in data
    )


# -- acronyms in running text --------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w&])(?P<short>[A-Z](?:[A-Z0-9]|&(?=[A-Z]))+)(?P<plural>s)?(?![\w&])")
_NOT_ACRONYMS = frozenset({"OK", "AM", "PM"})
_ROMAN = re.compile(r"[IVXL]+")
_LEAD_WORDS = frozenset({"a", "an", "the", "our", "your", "their", "its", "this"})
_GLUE_WORDS = _LEAD_WORDS | {"and", "of", "for", "in", "on", "to", "or", "with", "by", "at"}
_WORD = re.compile(r"[^\W_]+(?:['\u2019&-][^\W_]+)*")


@dataclass(frozen=True)
class AcronymUse:
    """One use of an acronym: `text` as written ("KPIs"), `term` without the plural ("KPI").

    `spelled_out` says whether this use comes with its words ("Integrated Care Board (ICB)"
    or "ICB (Integrated Care Board)"); `explained` whether the acronym's first use did (PE3);
    `expansion` is the words found there.
    """

    term: str
    text: str
    start: int
    end: int
    first_use: bool
    spelled_out: bool
    explained: bool
    expansion: str = ""


def find_acronyms(text: str) -> list[AcronymUse]:
    """Every run of two or more capitals (digits allowed, a plural s, A&E), in order.

    Lines written all in capitals are shouting, not acronyms, and are left out.
    """
    found: list[tuple[str, re.Match[str], str]] = []
    for match in _ACRONYM.finditer(text):
        short = match.group("short")
        if (sum(c.isupper() for c in short) < 2 or short in _NOT_ACRONYMS
                or _ROMAN.fullmatch(short) or _in_capitals_line(text, match.start())):
            continue
        found.append((short, match, _spelled_out(text, match)))
    first: dict[str, str | None] = {}
    uses = []
    for short, match, expansion in found:
        first_use = short not in first
        if first_use:
            first[short] = expansion
        uses.append(AcronymUse(
            term=short, text=match.group(), start=match.start(), end=match.end(),
            first_use=first_use, spelled_out=bool(expansion), explained=bool(first[short]),
            expansion=expansion or (first[short] or ""),
        ))
    return uses


def _in_capitals_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:] if end < 0 else text[start:end]
    return len(line.split()) >= 3 and not any(c.islower() for c in line)


def _spelled_out(text: str, match: re.Match[str]) -> str:
    """The words this use is spelled out with, or "" if it is not."""
    short = match.group("short")
    before = text[:match.start()].rstrip()
    after = text[match.end():]
    if before.endswith("(") and after.lstrip().startswith(")"):
        # Integrated Care Board (ICB): the long form is the words just before the bracket.
        clause = re.split(r"[.;:!?()\n]", before[:-1])[-1]
        words = list(_WORD.finditer(clause))
        letters = sum(c.isalnum() for c in short)
        return _long_form(short, clause, words[-min(len(words), letters + 5):])
    stripped = after.lstrip()
    if stripped.startswith("(") and ")" in stripped:
        # ICB (Integrated Care Board): the long form is what the brackets hold, from its start.
        inside = stripped[1:stripped.index(")")]
        words = list(_WORD.finditer(inside))
        while words and words[0].group().casefold() in _LEAD_WORDS:
            words = words[1:]
        found = _long_form(short, inside, words)
        return found if words and found.startswith(words[0].group()) else ""
    return ""


def _long_form(short: str, text: str, words: list[re.Match[str]]) -> str:
    """The shortest run of `words` (ending with the last) that spells out `short`, or "".

    First by initials, leaving out little joining words ("Accident and Emergency"); then by
    Schwartz and Hearst's match, read backwards, for forms like "multidisciplinary team":
    each letter in order, the first at the start of a word, at least half at word starts.
    """
    letters = [c.casefold() for c in short if c.isalnum()]
    if not letters or not words:
        return ""
    for first in range(len(words) - 1, -1, -1):
        if words[first].group().casefold() in _GLUE_WORDS:
            continue
        initials = [w.group()[0].casefold() for w in words[first:]
                    if w.group().casefold() not in _GLUE_WORDS]
        if initials == letters:
            return text[words[first].start():words[-1].end()]
        if len(initials) > len(letters):
            break
    phrase = text[words[0].start():words[-1].end()]
    low = phrase.casefold()
    at = len(low) - 1
    starts = 0
    for position in range(len(letters) - 1, -1, -1):
        letter = letters[position]
        while at >= 0:
            word_start = at == 0 or not low[at - 1].isalnum()
            if low[at] == letter and (position > 0 or (word_start and not _glue_at(low, at))):
                starts += word_start
                break
            at -= 1
        if at < 0:
            return ""
        at -= 1
    long_form = phrase[at + 1:]
    if 2 * starts < len(letters) or long_form.casefold() == short.casefold():
        return ""
    return long_form


def _glue_at(low: str, at: int) -> bool:
    word = _WORD.match(low, at)
    return word is not None and word.group() in _GLUE_WORDS

