"""Read the body of a Word (.docx) file as paper blocks, with python-docx.

Headings come from the styles Title and Heading 1-3 (Heading 4 and below count as 3); lists
from the List Bullet / List Number styles or from Word's numbering (`numPr`), bullet or
number as its numbering format says; bold from the run or its character style. Every run of
a paragraph counts, also inside links, content controls, tracked insertions and text boxes;
a table's cells come through as paragraphs, one per cell paragraph, in reading order.
Headers, footers, footnotes and comments are not part of the paper and are left out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.run import Run as DocxRun

from meetingroom.domain.papers import Block, BlockKind, Run

_RUNS = ".//w:r[not(ancestor::*[local-name()='Fallback'])]"


def read_docx_blocks(data: bytes) -> list[Block]:
    """The blocks of a .docx file's body; ValueError (one plain line) if it is not one."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError):
        raise ValueError("this is not a Word .docx file (or it is damaged)") from None
    except Exception as error:  # noqa: BLE001 - lxml and zipfile raise many kinds; one line each
        raise ValueError(f"this Word file cannot be read ({type(error).__name__})") from None
    formats = _numbering_formats(document)
    blocks: list[Block] = []
    for paragraph in _paragraphs(document.element.body):
        block = _block(paragraph, document, formats)
        if block is None:
            continue
        if (block.kind in (BlockKind.BULLETS, BlockKind.NUMBERED) and blocks
                and blocks[-1].kind is block.kind):
            blocks[-1] = Block(block.kind, items=blocks[-1].items + block.items)
        else:
            blocks.append(block)
    return blocks


def _paragraphs(container: Any) -> Iterator[Any]:
    """The w:p elements of a body, table cell or content control, in reading order; a cell
    merged across columns is one cell in the file, so it is read once."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield child
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                for cell in row.iterchildren(qn("w:tc")):
                    yield from _paragraphs(cell)
        elif child.tag in (qn("w:sdt"), qn("w:customXml"), qn("w:ins")):
            content = child.find(qn("w:sdtContent"))
            yield from _paragraphs(content if content is not None else child)


def _block(p: Any, document: Any, formats: dict[tuple[str, str], str]) -> Block | None:
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(p, document._body)
    runs = _runs(paragraph)
    if not "".join(r.text for r in runs).strip():
        return None
    style = paragraph.style.name if paragraph.style is not None else ""
    level = _heading_level(style, paragraph)
    if level:
        return Block(BlockKind.HEADING, tuple(Run(r.text) for r in runs), level)
    kind = _list_kind(style, p, paragraph, formats)
    if kind is not None:
        return Block(kind, items=(runs,))
    return Block(BlockKind.PARAGRAPH, runs)


def _runs(paragraph: Any) -> tuple[Run, ...]:
    runs: list[Run] = []
    for r in paragraph._p.xpath(_RUNS):
        run = DocxRun(r, paragraph)
        text = run.text
        if not text:
            continue
        bold = bool(run.bold) or (run.bold is None and _style_bold(run))
        bold = bold and bool(text.strip())
        if runs and runs[-1].bold == bold:
            runs[-1] = Run(runs[-1].text + text, bold)
        else:
            runs.append(Run(text, bold))
    if runs:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].bold)
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold)
    return tuple(r for r in runs if r.text)


def _style_bold(run: Any) -> bool:
    try:
        style = run.style
    except (KeyError, ValueError, AttributeError):
        return False
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _heading_level(style: str, paragraph: Any) -> int:
    name = style.casefold()
    if name == "title":
        return 1
    if name.startswith("heading "):
        number = name.removeprefix("heading ").strip()
        if number.isdigit() and int(number) >= 1:
            return min(int(number), 3)
    outline = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None:
        value = outline.get(qn("w:val"), "")
        if value.isdigit() and int(value) < 9:
            return min(int(value) + 1, 3)
    return 0


def _list_kind(style: str, p: Any, paragraph: Any, formats: dict[tuple[str, str], str]
               ) -> BlockKind | None:
    name = style.casefold()
    if name.startswith("list bullet"):
        return BlockKind.BULLETS
    if name.startswith("list number"):
        return BlockKind.NUMBERED
    num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num_pr is None and paragraph.style is not None:
        style_ppr = paragraph.style.element.find(qn("w:pPr"))
        num_pr = None if style_ppr is None else style_ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    num = "" if num_id is None else num_id.get(qn("w:val"), "")
    if num in ("", "0"):
        return None  # numbering switched off
    level = "0" if ilvl is None else ilvl.get(qn("w:val"), "0")
    fmt = formats.get((num, level), "decimal")
    return BlockKind.BULLETS if fmt in ("bullet", "none") else BlockKind.NUMBERED


def _numbering_formats(document: Any) -> dict[tuple[str, str], str]:
    """(numId, level) -> numFmt ("bullet", "decimal", ...) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[str, str]] = {}
    for definition in numbering.iterchildren(qn("w:abstractNum")):
        levels = abstract.setdefault(definition.get(qn("w:abstractNumId"), ""), {})
        for lvl in definition.iterchildren(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[lvl.get(qn("w:ilvl"), "0")] = "decimal" if fmt is None else fmt.get(qn("w:val"), "")
    formats: dict[tuple[str, str], str] = {}
    for num in numbering.iterchildren(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        levels = abstract.get("" if ref is None else ref.get(qn("w:val"), ""), {})
        for level, fmt in levels.items():
            formats[(num.get(qn("w:numId"), ""), level)] = fmt
    return formats
