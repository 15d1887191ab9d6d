"""The plain-language check (ACCESSIBILITY.md PE1-PE5): long sentences, reading age, acronyms
not spelled out, and jargon with plainer words.

Text is split into lines first and each line (a heading, a list item, a line of a poem)
is at least one sentence, full stop or not (PE5); a line is split further after ".", "!",
"?" or "…" when the next word starts a sentence. Words are runs of letters and digits
(hyphens, apostrophes and soft hyphens inside a word keep it one word). Reading age is the
Flesch-Kincaid grade + 5 and Flesch Reading Ease, from our own sentences and words and
textstat's syllable counts (textstat 0.7.8, which reads only files it ships).

Every `Flag` carries `start` and `end`: character offsets into the exact text that was
checked, so an editor can highlight `text[start:end]`. `check_paper` checks `paper_text`:
the title on the first line, then one line per heading or paragraph and one line per list
item, in order, joined with "\\n" and with nothing added or taken away within a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from textstat.backend import counts

from meetingroom.domain.papers import BlockKind, Paper
from meetingroom.language.glossary import AcronymUse, Glossary, JargonHit, find_acronyms

LONG_SENTENCE_WORDS = 25  # PE1
READING_LANGUAGE = "en_GB"

_WORD = re.compile(r"[^\W_]+(?:[-'\u2019\u2010\u2011\u00ad\u200b\u200c\u200d\u2060][^\W_]+)*")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u2023\u25e6\u25aa\u2013\u2014]|\d{1,3}[.)])[ \t]+")
_SENTENCE_END = re.compile(r"(?:[.!?\u2026]+)[\"'\u201d\u2019)\]]*(?=\s+|$)")
_ABBREVIATIONS = frozenset({"e.g", "i.e", "eg", "ie", "dr", "mr", "mrs", "ms", "mx", "st", "no",
                            "cf", "vs", "approx", "incl", "ref", "tel", "etc"})


@dataclass(frozen=True)
class Sentence:
    """A sentence at text[start:end] with its number of words."""

    start: int
    end: int
    text: str
    words: int


@dataclass(frozen=True)
class Flag:
    """Something to show the author at text[start:end]: `rule` is PE1, PE3 or PE4."""

    rule: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str = ""


@dataclass(frozen=True)
class AcronymReport:
    term: str
    explained: bool
    well_known: bool
    expansion: str
    first: AcronymUse


@dataclass(frozen=True)
class JargonReport:
    term: str
    suggestion: str
    count: int
    hits: tuple[JargonHit, ...]


@dataclass(frozen=True)
class PlainReport:
    text: str
    sentences: tuple[Sentence, ...]
    words: int
    syllables: int
    jargon: tuple[JargonReport, ...] = ()
    acronyms: tuple[AcronymReport, ...] = ()
    flags: tuple[Flag, ...] = field(default=())

    @property
    def long_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.words > LONG_SENTENCE_WORDS)

    @property
    def average_sentence_words(self) -> float:
        return round(self.words / len(self.sentences), 1) if self.sentences else 0.0

    @property
    def flesch_kincaid_grade(self) -> float | None:
        if not self.words:
            return None
        return round(0.39 * self.words / len(self.sentences)
                     + 11.8 * self.syllables / self.words - 15.59, 1)

    @property
    def reading_age(self) -> float | None:
        """Flesch-Kincaid grade + 5, never under 5 (a negative grade only means very easy)."""
        grade = self.flesch_kincaid_grade
        return None if grade is None else round(max(grade, 0.0) + 5, 1)

    @property
    def flesch_reading_ease(self) -> float | None:
        if not self.words:
            return None
        return round(206.835 - 1.015 * self.words / len(self.sentences)
                     - 84.6 * self.syllables / self.words, 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "sentences": len(self.sentences),
            "average_sentence_words": self.average_sentence_words,
            "long_sentences": [{"text": s.text, "words": s.words, "start": s.start, "end": s.end}
                               for s in self.long_sentences],
            "reading_age": self.reading_age,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "flesch_reading_ease": self.flesch_reading_ease,
            "jargon": [{"term": j.term, "suggestion": j.suggestion, "count": j.count}
                       for j in self.jargon],
            "acronyms": [{"term": a.term, "explained": a.explained, "well_known": a.well_known,
                          "expansion": a.expansion} for a in self.acronyms],
            "flags": [{"rule": f.rule, "start": f.start, "end": f.end, "text": f.text,
                       "message": f.message, "suggestion": f.suggestion} for f in self.flags],
        }


def words_in(text: str) -> list[str]:
    return _WORD.findall(text)


def split_sentences(text: str) -> list[Sentence]:
    """Lines first, list markers left out, then sentence ends (PE5); no empty sentences."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        marker = _LIST_MARKER.match(line)
        begin = line_start + (marker.end() if marker else 0)
        for start, end in _line_sentences(text, begin, line_start + len(line)):
            words = len(words_in(text[start:end]))
            if words:
                sentences.append(Sentence(start, end, text[start:end], words))
        line_start += len(line) + 1
    return sentences


def _line_sentences(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE_END.finditer(text, start, stop):
        following = text[match.end():stop].lstrip()
        tokens = text[start:match.start()].split()
        last = tokens[-1].casefold().rstrip(".") if tokens else ""
        if following and (following[0].islower() or last in _ABBREVIATIONS):
            continue
        spans.append(_trim(text, start, match.end()))
        start = match.end()
    spans.append(_trim(text, start, stop))
    return [(a, b) for a, b in spans if a < b]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def check_text(text: str, glossary: Glossary | None = None) -> PlainReport:
    """Check `text` for PE1-PE5; every flag's offsets point into `text` itself."""
    glossary = glossary if glossary is not None else Glossary.load()
    sentences = split_sentences(text)
    words = [w for s in sentences for w in words_in(s.text)]
    syllables = counts.count_syllables(" ".join(words), READING_LANGUAGE) if words else 0
    flags = [Flag("PE1", s.start, s.end, s.text,
                  f"This sentence has {s.words} words. Aim for {LONG_SENTENCE_WORDS} or fewer.")
             for s in sentences if s.words > LONG_SENTENCE_WORDS]
    jargon = _jargon([hit for hit in glossary.find_jargon(text) if not hit.entry.well_known])
    for report in jargon:
        flags.extend(Flag("PE4", hit.start, hit.end, hit.text,
                          f"\u201c{hit.text}\u201d may be jargon. Try: {report.suggestion}",
                          report.suggestion) for hit in report.hits)
    acronyms = _acronyms(find_acronyms(text), glossary)
    for acronym in acronyms:
        if not acronym.explained and not acronym.well_known:
            use = acronym.first
            says = f": {acronym.expansion}" if acronym.expansion else ""
            flags.append(Flag("PE3", use.start, use.end, use.text,
                              f"Spell out {acronym.term} the first time you use it{says}",
                              acronym.expansion))
    flags.sort(key=lambda f: (f.start, f.end, f.rule))
    return PlainReport(text, tuple(sentences), len(words), int(syllables), tuple(jargon),
                       tuple(acronyms), tuple(flags))


def _jargon(hits: list[JargonHit]) -> list[JargonReport]:
    by_term: dict[str, list[JargonHit]] = {}
    for hit in hits:
        by_term.setdefault(hit.entry.term, []).append(hit)
    return [JargonReport(term, found[0].entry.plain, len(found), tuple(found))
            for term, found in by_term.items()]


def _acronyms(uses: list[AcronymUse], glossary: Glossary) -> list[AcronymReport]:
    reports = []
    for use in uses:
        if not use.first_use:
            continue
        entry = glossary.lookup(use.term)
        expansion = use.expansion or (entry.expansion if entry else "")
        reports.append(AcronymReport(use.term, use.explained, bool(entry and entry.well_known),
                                     expansion, use))
    return reports


def paper_text(paper: Paper, *, title: bool = True) -> str:
    """The text `check_paper` checks: the title, then a line per block and per list item."""
    lines = [paper.title] if title and paper.title.strip() else []
    for block in paper.body:
        if block.kind in (BlockKind.BULLETS, BlockKind.NUMBERED):
            lines.extend(_one_line("".join(r.text for r in item)) for item in block.items)
        else:
            lines.append(_one_line(block.plain_text()))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """A block's own line breaks become spaces, so lines and blocks stay one to one."""
    return text.replace("\r", " ").replace("\n", " ")


def check_paper(paper: Paper, glossary: Glossary | None = None, *, title: bool = True
                ) -> PlainReport:
    return check_text(paper_text(paper, title=title), glossary)
