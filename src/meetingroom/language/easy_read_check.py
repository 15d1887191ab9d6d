"""Checks on one easy-read sentence, for its author: too long (ER2), acronyms (ER4) and
numbers written as words (ER5). The UI words them; here they are plain facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from meetingroom.language.glossary import find_acronyms
from meetingroom.language.plain_check import words_in

EASY_SENTENCE_WORDS = 15  # ER2

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1000000,
}
# "one" is left alone: "no one", "one of us" are not numbers to write as digits.
_NUMBER_WORD = re.compile(r"(?<![\w-])(" + "|".join(NUMBER_WORDS) + r")(?![\w-])", re.IGNORECASE)


class Problem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too-long"  # ER2
    ACRONYM = "acronym"  # ER4
    NUMBER_WORD = "number-word"  # ER5


@dataclass(frozen=True)
class EasyReadFlag:
    """One thing to change in a sentence: `text` as written, `words` for a long sentence,
    `digits` for a number word."""

    problem: Problem
    text: str = ""
    words: int = 0
    digits: str = ""


def check_sentence(sentence: str, limit: int = EASY_SENTENCE_WORDS) -> list[EasyReadFlag]:
    """What an author should change in an easy-read sentence, in reading order by kind."""
    words = len(words_in(sentence))
    if words == 0:
        return [EasyReadFlag(Problem.EMPTY)]
    flags: list[EasyReadFlag] = []
    if words > limit:
        flags.append(EasyReadFlag(Problem.TOO_LONG, sentence, words=words))
    seen: set[str] = set()
    for use in find_acronyms(sentence):
        if use.term not in seen:
            seen.add(use.term)
            flags.append(EasyReadFlag(Problem.ACRONYM, use.text))
    for match in _NUMBER_WORD.finditer(sentence):
        written = match.group(1)
        if written.casefold() not in seen:
            seen.add(written.casefold())
            flags.append(EasyReadFlag(Problem.NUMBER_WORD, written,
                                      digits=str(NUMBER_WORDS[written.lower()])))
    return flags
