"""Write a `Document` as DOCX, the accessible digital master (AD1): clear print, large
print, easy read.

Real Heading 1-3 styles with no skipped level, the title in the file's properties, en-GB in
the style defaults, sizes per format in every style, alt text (`descr` and `title`) on every
picture, A4 pages with the title at the top and "Page 3 of 7" at the bottom. Easy read is a
two-column table with no borders: the picture on the left, the sentence on the right, in
rows that never split across pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from meetingroom.documents.docx_styles import TABLE_ORDER, insert_in_order, set_styles
from meetingroom.documents.layout import (
    HARD_WORDS_HEADING,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PICTURE_PT,
    PICTURES_CREDIT,
    Layout,
    clean_text,
    heading_levels,
    without_repeated_title,
)
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.picture_images import picture_stream
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.language.pictures import picture_name, usable_picture

SHORT_LIST = 8


def _add_runs(paragraph: Any, runs: Iterable[Run]) -> None:
    for run in runs:
        for index, line in enumerate(clean_text(run.text).split("\n")):
            added = paragraph.add_run()
            if index:
                added.add_break()
            added.text = line
            if run.bold:
                added.bold = True


def _add_heading(body: Any, text: str, level: int) -> None:
    _add_runs(body.add_paragraph(style=f"Heading {level}"), (Run(text),))


def _restart_numbering(document: Any, paragraph: Any) -> None:
    """Each numbered list starts again at 1 (Word otherwise carries on from the last one)."""
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    abstract = next(num.abstractNumId.val for num in numbering.num_lst if num.numId == style_num)
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num.numId
    paragraph._p.pPr.numPr.get_or_add_ilvl().val = 0


def _add_block(document: Any, block: Block, level: int) -> None:
    if block.kind is BlockKind.HEADING:
        _add_heading(document, block.plain_text(), level)
    elif block.kind is BlockKind.PARAGRAPH:
        if "".join(run.text for run in block.runs).strip():
            _add_runs(document.add_paragraph(), block.runs)
    else:
        style = "List Number" if block.kind is BlockKind.NUMBERED else "List Bullet"
        for index, item in enumerate(block.items):
            paragraph = document.add_paragraph(style=style)
            _add_runs(paragraph, item)
            if len(block.items) <= SHORT_LIST and index < len(block.items) - 1:
                paragraph.paragraph_format.keep_with_next = True  # a short list stays together
            if index == 0 and block.kind is BlockKind.NUMBERED:
                _restart_numbering(document, paragraph)


def _describe_picture(run: Any, description: str) -> None:
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", description)
        doc_pr.set("title", description)


def _no_borders(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    insert_in_order(table._tbl.tblPr, borders, TABLE_ORDER)


def _points_table(document: Any, points: list[EasyReadPoint], layout: Layout) -> None:
    picture_width = Pt(PICTURE_PT + layout.body)
    text_width = Pt(PAGE_WIDTH - 2 * MARGIN - PICTURE_PT - layout.body)
    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table)
    for point in points:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # ER6
        picture_cell, text_cell = row.cells
        picture_cell.width, text_cell.width = picture_width, text_width
        for cell in (picture_cell, text_cell):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        code = usable_picture(point.picture, point.text)
        holder = picture_cell.paragraphs[0]
        holder.paragraph_format.line_spacing = 1.0
        holder.paragraph_format.space_before = Pt(layout.body * 0.5)
        holder.paragraph_format.space_after = Pt(layout.body * 0.5)
        picture = holder.add_run()
        picture.add_picture(picture_stream(code), width=Pt(PICTURE_PT), height=Pt(PICTURE_PT))
        _describe_picture(picture, f"Picture: {picture_name(code)}")
        sentence = text_cell.paragraphs[0]
        sentence.paragraph_format.space_after = Pt(0)
        _add_runs(sentence, (Run(point.text),))
    for column, width in zip(table.columns, (picture_width, text_width), strict=True):
        column.width = width


def _easy_read(document: Any, source: Document, layout: Layout) -> None:
    items = without_repeated_title(source.title, source.easy_read)
    levels = iter(list(heading_levels(item for item in items if isinstance(item, Block))))
    points: list[EasyReadPoint] = []
    for item in items:
        if isinstance(item, EasyReadPoint):
            points.append(item)
            continue
        if points:
            _points_table(document, points, layout)
            points = []
        _add_block(document, item, next(levels) if item.kind is BlockKind.HEADING else 0)
    if points:
        _points_table(document, points, layout)
    if source.hard_words:
        _add_heading(document, HARD_WORDS_HEADING, 2)
        for word in source.hard_words:
            term = document.add_paragraph()
            term.paragraph_format.space_after = Pt(0)
            term.paragraph_format.keep_with_next = True
            _add_runs(term, (Run(word.word, bold=True),))
            _add_runs(document.add_paragraph(), (Run(word.meaning),))
    _add_runs(document.add_paragraph(), (Run(PICTURES_CREDIT),))


def _add_field(paragraph: Any, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_furniture(document: Any, title: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Pt(PAGE_WIDTH), Pt(PAGE_HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(MARGIN))
    section.header_distance = section.footer_distance = Pt(MARGIN / 2)
    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    _add_runs(header, (Run(" ".join(clean_text(title).split())),))
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run("Page ")
    _add_field(footer, "PAGE")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES")


def write_docx(document: Document, profile: FormatProfile, path: Path) -> None:
    """Write `document` in `profile`'s format (easy read shows `document.easy_read`)."""
    layout = Layout.for_profile(profile)
    out = docx.Document()
    set_styles(out, layout, document.language)
    properties = out.core_properties
    properties.title = clean_text(document.title)
    properties.author = clean_text(document.author)
    properties.language = document.language
    properties.comments = PICTURES_CREDIT if layout.easy_read else ""
    _page_furniture(out, document.title)
    _add_heading(out, document.title, 1)
    if layout.easy_read:
        _easy_read(out, document, layout)
    else:
        blocks = without_repeated_title(document.title, document.blocks)
        levels = iter(list(heading_levels(blocks)))
        for block in blocks:
            _add_block(out, block, next(levels) if block.kind is BlockKind.HEADING else 0)
    out.save(str(path))
