"""Charts, tables, picture scales and easy-read points in words, for the writers that have
only words: the audio script and the plain text for braille. A chart is its alt text (every
figure), a table is its caption then each row as "heading: cell" pairs, a picture scale is
its question then its answers in order; a page break has no words."""

from __future__ import annotations

from meetingroom.documents.model import Chart, Content, DataTable, PageBreak, PictureScale
from meetingroom.domain.papers import Block, EasyReadPoint


def content_words(item: Content) -> list[str]:
    """The lines that say `item` (a text block is its writer's own business: not here)."""
    if isinstance(item, Chart):
        return [item.alt_text()]
    if isinstance(item, DataTable):
        rows = ["; ".join(f"{head}: {cell}" for head, cell in zip(item.header, row, strict=False) if cell.strip())
                for row in item.rows]
        return [item.caption, *(row for row in rows if row)]
    if isinstance(item, PictureScale):
        return [item.question, "; ".join(choice.text for choice in item.choices)]
    if isinstance(item, EasyReadPoint):
        return [item.text] if item.text.strip() else []
    if isinstance(item, PageBreak | Block):
        return []
    raise TypeError(f"not document content: {type(item).__name__}")
