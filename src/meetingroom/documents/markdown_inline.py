"""Markdown and stray HTML inside a line of a paper: bold stays, everything else is words.

`**bold**`, `__bold__`, `<b>` and `<strong>` make bold runs. Emphasis (`*x*`, `_x_`, `<i>`,
`<em>`, `<u>`), `~~x~~`, code spans and the tags in `INLINE_TAGS` and `BLOCK_TAGS` are
markup: their words stay, the marks go (a block tag leaves a space, so words on either side
stay apart). `[words](address)` and `<a href="address">words</a>` become "words (address)",
`![alt](picture)` its alt text, `[^1]` "[1]", `&amp;` and other entities the character.
Emphasis marks count only at the edges of words, so `snake_case` and `2 * 3 * 4` stay as
they are. Any other `<tag>`, such as `<script>`, is text, exactly as typed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from meetingroom.domain.papers import Block, Run

BOLD_TAGS = frozenset({"b", "strong"})
INLINE_TAGS = frozenset({
    "a", "i", "em", "u", "ins", "del", "s", "strike", "sup", "sub", "span", "font", "mark",
    "small", "big", "abbr", "cite", "code", "kbd", "q", "tt", "var", "samp", "dfn", "bdi",
    "bdo", "wbr", "nobr", "label",
}) | BOLD_TAGS
BLOCK_TAGS = frozenset({
    "p", "div", "center", "section", "article", "header", "footer", "blockquote", "ul", "ol",
    "li", "nav", "main", "aside", "figure", "figcaption", "table", "thead", "tbody", "tr", "td",
    "th", "caption", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "img", "dl", "dt", "dd",
})
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_ON, _OFF, _OPEN, _CLOSE = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3"  # noncharacters
_SENTINELS = re.compile(f"[{_ON}{_OFF}{_OPEN}{_CLOSE}]")
_LITERAL = re.compile(f"{_OPEN}([0-9]+){_CLOSE}")
_EDGE_BEFORE = r"(?<![^\W_])"  # not straight after a letter or digit
_EDGE_AFTER = r"(?![^\W_])"

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(\s*<?([^()\s<>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+|mailto:[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]+)>")
_ANCHOR = re.compile(r"<a\s[^<>]*?href\s*=\s*[\"']?([^\"'\s<>]+)[\"']?[^<>]*>(.*?)</a\s*>",
                     re.IGNORECASE | re.DOTALL)
_IMG_ALT = re.compile(r"<img\b[^<>]*?\balt\s*=\s*(?:\"([^\"]*)\"|'([^']*)')[^<>]*>", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_STRONG = re.compile(rf"{_EDGE_BEFORE}(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1{_EDGE_AFTER}")
_EMPHASIS = re.compile(rf"{_EDGE_BEFORE}([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1{_EDGE_AFTER}")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")


def inline_runs(text: str) -> tuple[Run, ...]:
    """The runs of one paragraph, heading or list item written in Markdown or stray HTML."""
    text = text.strip()
    if not text:
        return ()
    if _SENTINELS.search(text):
        return (Run(text),)  # cannot happen in real text; keep it exactly rather than guess
    literals: list[str] = []

    def keep(words: str) -> str:
        literals.append(words)
        return f"{_OPEN}{len(literals) - 1}{_CLOSE}"

    text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    text = _CODE.sub(lambda m: keep(m.group(2).strip() or m.group(2)), text)
    text = _IMAGE.sub(lambda m: m.group(1) if m.group(1).strip() else keep(m.group(2)), text)
    text = _LINK.sub(lambda m: _link(m.group(1), m.group(2), keep), text)
    text = _AUTOLINK.sub(lambda m: keep(m.group(1)), text)
    text = _ANCHOR.sub(lambda m: _link(m.group(2), m.group(1), keep), text)
    text = _IMG_ALT.sub(lambda m: f" {m.group(1) or m.group(2) or ''} ", text)
    text = _FOOTNOTE_REF.sub(lambda m: keep(f"[{m.group(1)}]"), text)
    text = ENTITY.sub(lambda m: keep(html.unescape(m.group())), text)
    text = TAG.sub(_tag, text)
    for _ in range(3):  # bold inside emphasis inside bold, at most
        text = _STRONG.sub(lambda m: f"{_ON}{m.group(2)}{_OFF}", text)
        text = _EMPHASIS.sub(lambda m: m.group(2), text)
        text = _STRIKE.sub(lambda m: m.group(1), text)
    return _runs(text, literals)


def _link(words: str, address: str, keep: Callable[[str], str]) -> str:
    if not words.strip() or words.strip() == address:
        return keep(address)
    return f"{words} ({keep(address)})"


def _tag(match: re.Match[str]) -> str:
    name = match.group(1).lower()
    if name in BOLD_TAGS:
        return _OFF if match.group().startswith("</") else _ON
    if name in INLINE_TAGS:
        return ""
    if name in BLOCK_TAGS:
        return " "
    return match.group()


def _runs(text: str, literals: list[str]) -> tuple[Run, ...]:
    runs: list[Run] = []
    depth = 0
    for piece in re.split(f"([{_ON}{_OFF}])", text):
        if piece == _ON:
            depth += 1
        elif piece == _OFF:
            depth = max(0, depth - 1)
        elif piece:
            words = _LITERAL.sub(lambda m: literals[int(m.group(1))], piece)
            runs = list(join_runs(tuple(runs), (Run(words, depth > 0 and bool(words.strip())),),
                                  separator=""))
    return _trimmed(runs)


def _trimmed(runs: list[Run]) -> tuple[Run, ...]:
    runs = [r for r in runs if r.text]
    if runs:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].bold)
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold)
    return tuple(r for r in runs if r.text)


def join_runs(first: tuple[Run, ...], second: tuple[Run, ...], separator: str = " "
              ) -> tuple[Run, ...]:
    """`first` then `separator` then `second`, with neighbouring runs of the same weight merged."""
    runs = list(first)
    pieces = [Run(separator)] if first and second and separator else []
    for run in [*pieces, *second]:
        if runs and (runs[-1].bold == run.bold or not run.text.strip() and separator):
            runs[-1] = Run(runs[-1].text + run.text, runs[-1].bold)
        else:
            runs.append(run)
    return tuple(runs)


def plain(block: Block) -> str:
    return block.plain_text()
