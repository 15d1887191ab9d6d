"""Read a paper from a .txt, .md or .docx file into a structured `Paper`.

Real files are messy, so import is forgiving: headings (1-3), paragraphs, bulleted and
numbered lists and bold come through as structure; whatever is not understood as structure
comes through as plain text. Nothing is dropped but markup: Markdown's `#`, `*`, `_`,
backticks, list markers and fences, and the HTML tags listed in `MARKUP_TAGS` (the words
inside them stay). A link keeps its words and its address: "our site (https://...)".
Emphasis is dropped (the formats never use italics); bold stays bold. Other tags, such as
`<script>`, are text, exactly as typed. The title is the first heading, else the file's
name; a heading that opens the file becomes the title and leaves the body.
"""

from __future__ import annotations

import re
from pathlib import Path

from meetingroom.documents.docx_import import read_docx_blocks
from meetingroom.documents.markdown_inline import inline_runs, join_runs, plain
from meetingroom.domain.papers import Block, BlockKind, Paper, Run

SUFFIXES = (".txt", ".md", ".markdown", ".docx")
_MAX_BYTES = 50_000_000


class PaperImportError(Exception):
    """A file that cannot be read as a paper; `reason` is one plain line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_paper(path: Path) -> Paper:
    """The paper in a .txt, .md or .docx file; PaperImportError if it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise PaperImportError(f"cannot read {suffix or 'a file with no ending'}: "
                               "use a .txt, .md or .docx file")
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise PaperImportError("the file is too big to be a paper (over 50 MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PaperImportError(f"there is no file called {path.name}") from None
    except IsADirectoryError:
        raise PaperImportError(f"{path.name} is a folder, not a file") from None
    except OSError as error:
        raise PaperImportError(f"cannot open {path.name}: {error.strerror or error}") from None
    if suffix == ".docx":
        try:
            blocks = read_docx_blocks(data)
        except ValueError as error:
            raise PaperImportError(str(error)) from None
        return _paper(blocks, path.stem)
    return paper_from_text(decode(data), markdown=suffix != ".txt", title=path.stem)


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise PaperImportError("this file is not text (it may be a different kind of file)")
    return data.decode("cp1252", errors="replace")


def paper_from_text(text: str, *, markdown: bool, title: str = "") -> Paper:
    """A paper from plain text or Markdown. `title` is used when no heading opens the text."""
    lines = _normalise(text).split("\n")
    blocks = _markdown_blocks(lines) if markdown else _plain_blocks(lines)
    return _paper(blocks, title)


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x0c", "\n")
    return "\n".join(line.expandtabs(4) for line in text.split("\n"))


def _paper(blocks: list[Block], fallback_title: str) -> Paper:
    body = [b for b in blocks if b.plain_text().strip()]
    headings = [b for b in body if b.kind is BlockKind.HEADING]
    title = headings[0].plain_text().strip() if headings else fallback_title
    if body and body[0].kind is BlockKind.HEADING and body[0].level == 1:
        body = body[1:]
    return Paper(title=title, body=tuple(body))


# -- plain text -------------------------------------------------------------------------

_PLAIN_BULLET = re.compile(r"^[ \t]*(?:[-*+\u2022\u00b7\u2023\u25e6\u25aa\u2013\u2014o])\s+(?=\S)")
_NUMBER = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+(?=\S)")


def _plain_blocks(lines: list[str]) -> list[Block]:
    """Paragraphs between blank lines; hard-wrapped lines are joined, short lines kept apart;
    lines that start with a bullet or a number are lists. No other markup."""
    blocks: list[Block] = []
    group: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            group.append(line)
            continue
        if group:
            blocks.extend(_plain_group(group))
            group = []
    return _merge_lists(blocks)


def _plain_group(lines: list[str]) -> list[Block]:
    longest = max(len(line.rstrip()) for line in lines)
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(BlockKind.PARAGRAPH, (Run(" ".join(paragraph)),)))
            paragraph.clear()

    for line in lines:
        for pattern, kind in ((_PLAIN_BULLET, BlockKind.BULLETS), (_NUMBER, BlockKind.NUMBERED)):
            marker = pattern.match(line)
            if marker:
                flush()
                blocks.append(Block(kind, items=((Run(line[marker.end():].strip()),),)))
                break
        else:
            if blocks and not paragraph and blocks[-1].kind is not BlockKind.PARAGRAPH \
                    and line.startswith((" ", "\t")):
                blocks[-1] = _extend_last_item(blocks[-1], line.strip())
                continue
            paragraph.append(line.strip())
            wrapped = longest >= 50 and len(line.rstrip()) >= 0.6 * longest
            if not wrapped:
                flush()
    flush()
    return blocks


def _extend_last_item(block: Block, more: str) -> Block:
    last = block.items[-1]
    return Block(block.kind, items=(*block.items[:-1], join_runs(last, (Run(more),))))


def _merge_lists(blocks: list[Block]) -> list[Block]:
    merged: list[Block] = []
    for block in blocks:
        if (merged and block.kind in (BlockKind.BULLETS, BlockKind.NUMBERED)
                and merged[-1].kind is block.kind):
            merged[-1] = Block(block.kind, items=merged[-1].items + block.items)
        else:
            merged.append(block)
    return merged


# -- Markdown ---------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^([ \t]*)([-*+\u2022\u00b7\u2023\u25e6\u25aa])[ \t]+(?=\S)")
_ORDERED = re.compile(r"^([ \t]*)(\d{1,9})[.)][ \t]+(?=\S)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>\s*$", re.IGNORECASE)
_HTML_ITEM = re.compile(r"^\s*<li\b[^>]*>(.*?)(?:</li\s*>)?\s*$", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_FOOTNOTE = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:[ \t]*")
_BREAK = re.compile(r"<br\s*/?>|\\$| {2,}$", re.IGNORECASE)


class _MarkdownReader:
    """Line by line: the current paragraph (lines to join) or list (items) is flushed into
    `blocks` when something else starts."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.list_kind: BlockKind | None = None
        self.items: list[list[str]] = []
        self.fence = ""

    def flush(self) -> None:
        if self.paragraph:
            for part in _split_breaks(self.paragraph):
                self.blocks.append(Block(BlockKind.PARAGRAPH, inline_runs(part)))
            self.paragraph = []
        if self.list_kind is not None:
            items = tuple(inline_runs(" ".join(item)) for item in self.items)
            self.blocks.append(Block(self.list_kind, items=items))
            self.list_kind, self.items = None, []

    def heading(self, level: int, text: str) -> None:
        self.flush()
        self.blocks.append(Block(BlockKind.HEADING, inline_runs(text), min(level, 3)))

    def item(self, kind: BlockKind, text: str, *, indented: bool) -> None:
        """A list item; an indented (nested) item joins the list it is in, whatever its kind."""
        if self.paragraph or (self.list_kind not in (None, kind) and not indented):
            self.flush()
        if self.list_kind is None:
            self.list_kind = kind
        self.items.append([text])

    def line(self, line: str) -> None:
        if self.fence:
            if line.strip().startswith(self.fence):
                self.fence = ""
                self.flush()
            elif line.strip():
                self.paragraph.append(line.strip())
                self.flush()
            return
        fence = _FENCE.match(line)
        if fence:
            self.flush()
            self.fence = fence.group(1)
            rest = line.strip()[len(self.fence):].strip()
            if rest:  # a language name, or words: kept, as nothing but markup is dropped
                self.paragraph.append(rest)
                self.flush()
            return
        quote = _QUOTE.match(line)
        while quote:
            line = line[quote.end():]
            quote = _QUOTE.match(line)
        if not line.strip():
            self.flush()
            return
        self.other(line)

    def other(self, line: str) -> None:
        setext = _SETEXT.match(line)
        if setext and self.paragraph:
            text = " ".join(self.paragraph)
            self.paragraph = []
            self.heading(1 if setext.group(1)[0] == "=" else 2, text)
            return
        if _RULE.match(line) or _TABLE_RULE.match(line) and "|" in line:
            self.flush()
            return
        atx = _ATX.match(line)
        html = _HTML_HEADING.match(line)
        if atx and atx.group(2):
            self.heading(len(atx.group(1)), atx.group(2))
            return
        if html:
            self.heading(int(html.group(1)), html.group(2))
            return
        for pattern, kind in ((_BULLET, BlockKind.BULLETS), (_ORDERED, BlockKind.NUMBERED)):
            marker = pattern.match(line)
            if marker:
                self.item(kind, line[marker.end():].strip(), indented=bool(marker.group(1)))
                return
        li = _HTML_ITEM.match(line)
        if li and li.group(1).strip():
            self.item(BlockKind.BULLETS, li.group(1).strip(), indented=True)
            return
        footnote = _FOOTNOTE.match(line)
        if footnote:
            self.flush()
            self.paragraph.append(f"[{footnote.group(1)}] {line[footnote.end():].strip()}")
            return
        if line.lstrip().startswith("|") and line.rstrip().endswith("|") and line.count("|") >= 2:
            self.flush()
            for cell in line.strip()[1:-1].split("|"):
                if cell.strip():
                    self.blocks.append(Block(BlockKind.PARAGRAPH, inline_runs(cell.strip())))
            return
        if self.list_kind is not None and not self.paragraph:
            self.items[-1].append(line.strip())  # a continuation of the last item
            return
        self.paragraph.append(line.lstrip())


def _split_breaks(lines: list[str]) -> list[str]:
    """Join a paragraph's lines; a hard break (two spaces, a backslash, <br>) starts another."""
    parts: list[str] = []
    current: list[str] = []
    for line in lines:
        pieces = re.split(r"<br\s*/?>", line, flags=re.IGNORECASE)
        for index, piece in enumerate(pieces):
            hard = index < len(pieces) - 1 or bool(_BREAK.search(piece))
            if piece.endswith("\\") and not piece.endswith("\\\\"):
                piece = piece[:-1]
            if piece.strip():
                current.append(piece.strip())
            if hard and current:
                parts.append(" ".join(current))
                current = []
    if current:
        parts.append(" ".join(current))
    return parts


def _markdown_blocks(lines: list[str]) -> list[Block]:
    reader = _MarkdownReader()
    for line in lines:
        reader.line(line)
    reader.flush()
    return [b for b in reader.blocks if plain(b).strip()]
