"""A paper's body in a QTextDocument and back, exactly: headings 1-3, paragraphs, bulleted and
numbered lists, and bold.

A heading is a text block with a heading level; a list is a QTextList (one per list, so two
lists next to each other stay two lists); bold is the font weight of a run. How a heading
looks is left to the highlighter, so a heading's own bold words are still told apart.

Round trip: `blocks_from_document(document_from_blocks(body)) == normalised(body)`, where
`normalised` drops empty blocks and empty runs and joins neighbouring runs of the same weight.
A line break inside a paragraph is kept as U+2028, Qt's own line separator.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
    QTextListFormat,
)

from meetingroom.domain.papers import Block, BlockKind, Run

LINE_BREAK = "\u2028"
LIST_STYLES = {
    BlockKind.BULLETS: QTextListFormat.Style.ListDisc,
    BlockKind.NUMBERED: QTextListFormat.Style.ListDecimal,
}


def _joined(runs: Iterable[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].bold == run.bold:
            out[-1] = Run(out[-1].text + run.text, run.bold)
        else:
            out.append(run)
    return tuple(out)


def normalised(body: Iterable[Block]) -> tuple[Block, ...]:
    """The body as the editor keeps it: no empty blocks, runs joined, headings level 1-3."""
    out: list[Block] = []
    for block in body:
        if block.kind in LIST_STYLES:
            items = tuple(runs for runs in (_joined(item) for item in block.items) if runs)
            if items:
                out.append(Block(block.kind, (), 1, items))
        else:
            runs = _joined(block.runs)
            if runs:
                level = min(max(block.level, 1), 3) if block.kind is BlockKind.HEADING else 1
                out.append(Block(block.kind, runs, level))
    return tuple(out)


def _char_format(bold: bool) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return char


def _insert_runs(cursor: QTextCursor, runs: Iterable[Run]) -> None:
    for run in runs:
        text = run.text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", LINE_BREAK)
        cursor.insertText(text.replace("\u2029", LINE_BREAK), _char_format(run.bold))


def block_format(heading_level: int = 0) -> QTextBlockFormat:
    form = QTextBlockFormat()
    form.setHeadingLevel(heading_level)
    return form


def fill_document(document: QTextDocument, body: Iterable[Block]) -> None:
    """Replace what `document` holds with `body` (as one undo step of the document's own)."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    cursor.setBlockFormat(block_format())
    cursor.setCharFormat(_char_format(False))
    first = True
    for block in normalised(body):
        lines = block.items if block.kind in LIST_STYLES else (block.runs,)
        text_list: QTextList | None = None
        for runs in lines:
            level = block.level if block.kind is BlockKind.HEADING else 0
            if first:
                cursor.setBlockFormat(block_format(level))
                first = False
            else:
                cursor.insertBlock(block_format(level), _char_format(False))
            if block.kind in LIST_STYLES:
                if text_list is None:
                    text_list = cursor.createList(LIST_STYLES[block.kind])
                else:
                    text_list.add(cursor.block())
            _insert_runs(cursor, runs)
    cursor.endEditBlock()


def document_from_blocks(body: Iterable[Block]) -> QTextDocument:
    document = QTextDocument()
    fill_document(document, body)
    return document


def runs_of(block: QTextBlock) -> tuple[Run, ...]:
    runs: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            runs.append(Run(fragment.text().replace(LINE_BREAK, "\n"),
                            fragment.charFormat().fontWeight() >= QFont.Weight.DemiBold))
        it += 1
    return _joined(runs)


def kind_of(block: QTextBlock) -> BlockKind:
    text_list = block.textList()
    if text_list is not None:
        style = text_list.format().style()
        return BlockKind.NUMBERED if style in (
            QTextListFormat.Style.ListDecimal, QTextListFormat.Style.ListLowerAlpha,
            QTextListFormat.Style.ListUpperAlpha, QTextListFormat.Style.ListLowerRoman,
            QTextListFormat.Style.ListUpperRoman) else BlockKind.BULLETS
    if block.blockFormat().headingLevel() > 0:
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def blocks_from_document(document: QTextDocument) -> tuple[Block, ...]:
    """The body the document shows, normalised."""
    body: list[Block] = []
    current_list: QTextList | None = None
    items: list[tuple[Run, ...]] = []

    def end_list() -> None:
        nonlocal current_list, items
        if current_list is not None and items:
            body.append(Block(kind_of(current_list.item(0)), (), 1, tuple(items)))
        current_list, items = None, []

    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        if text_list is not None:
            if current_list is None or text_list != current_list:
                end_list()
                current_list = text_list
            runs = runs_of(block)
            if runs:
                items.append(runs)
        else:
            end_list()
            kind = kind_of(block)
            runs = runs_of(block)
            if runs:
                level = min(block.blockFormat().headingLevel(), 3) if kind is BlockKind.HEADING else 1
                body.append(Block(kind, runs, level))
        block = block.next()
    end_list()
    return tuple(body)
