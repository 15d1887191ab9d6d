"""Write a `Document` as DOCX, the accessible digital master (AD1): clear print, large
print, easy read.

Real Heading 1-3 styles with no skipped level, the title in the file's properties, en-GB in
the style defaults, sizes per format in every style, alt text (`descr` and `title`) on every
picture, A4 pages with the title at the top and "Page 3 of 7" at the bottom. Easy read is a
two-column table with no borders: the picture on the left, the sentence on the right, in
rows that never split across pages. A chart is a picture (`chart_png`) as wide as the text
with the chart's alt text; a data table is a real table whose header row repeats on each
page; a picture scale is a borderless table of pictures, words and empty tick boxes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
import docx.text.paragraph
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from meetingroom.documents.chart_layout import split_chart
from meetingroom.documents.chart_pdf import measure, measure_bold
from meetingroom.documents.chart_png import PX_PER_PT, chart_png
from meetingroom.documents.docx_styles import (
    PARAGRAPH_ORDER,
    TABLE_ORDER,
    insert_in_order,
    set_styles,
    table_text_style,
)
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
    scale_rows,
    stacked_widths,
    table_widths,
    without_repeated_title,
)
from meetingroom.documents.model import (
    Chart,
    Content,
    DataTable,
    Document,
    FormatProfile,
    PageBreak,
    PictureScale,
)
from meetingroom.documents.pdf_text import text_width
from meetingroom.documents.picture_images import picture_stream
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.language.pictures import picture_name, usable_picture

SHORT_LIST = 8
SUBSTITUTE_ALLOWANCE = 1.15
SUBSTITUTE_ALLOWANCE_BOLD = 1.25
SCALE_PADDING = 0.15  # either side of a picture scale's cell, in body sizes (scale_rows allows 0.3)
CHART_HEIGHT = (PAGE_HEIGHT - 2 * MARGIN) * 0.85  # a chart picture and its heading fit a page


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
    sentence_width = Pt(PAGE_WIDTH - 2 * MARGIN - PICTURE_PT - layout.body)
    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table)
    for point in points:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # ER6
        picture_cell, text_cell = row.cells
        picture_cell.width, text_cell.width = picture_width, sentence_width
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
    for column, width in zip(table.columns, (picture_width, sentence_width), strict=True):
        column.width = width


def _grouped(items: tuple[Content, ...]) -> list[Content | list[EasyReadPoint]]:
    """The items, with each run of easy-read points gathered into one list (one table)."""
    groups: list[Content | list[EasyReadPoint]] = []
    for item in items:
        if isinstance(item, EasyReadPoint) and groups and isinstance(groups[-1], list):
            groups[-1].append(item)
        else:
            groups.append([item] if isinstance(item, EasyReadPoint) else item)
    return groups


def _write(document: Any, items: tuple[Content, ...], layout: Layout) -> None:
    """Write blocks, easy-read points, charts, data tables, picture scales and page breaks."""
    levels = iter(list(heading_levels(items)))
    body = document.element.body
    page_break = False
    for group in _grouped(items):
        if isinstance(group, PageBreak):
            page_break = True
            continue
        end = body.find(qn("w:sectPr"))
        position = len(body) - (1 if end is not None else 0)  # where what is written goes
        if isinstance(group, list):
            _points_table(document, group, layout)
        elif isinstance(group, Block):
            _add_block(document, group, next(levels) if group.kind is BlockKind.HEADING else 0)
        elif isinstance(group, Chart):
            _add_chart(document, group, layout)
        elif isinstance(group, DataTable):
            _add_data_table(document, group, layout)
        elif isinstance(group, PictureScale):
            _add_picture_scale(document, group, layout)
        if position >= len(body) or body[position].tag == qn("w:sectPr"):
            continue  # nothing written (an empty paragraph)
        first = body[position]
        if position and body[position - 1].tag == qn("w:tbl") and first.tag == qn("w:tbl"):
            first = _spacer_before(first)  # Word would join two tables that touch
        if page_break:
            _new_page_before(document, first)
            page_break = False


def _spacer_before(element: Any) -> Any:
    """An empty single-spaced paragraph before `element`; returns it."""
    spacer = OxmlElement("w:p")
    element.addprevious(spacer)
    properties = spacer.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    insert_in_order(properties, spacing, PARAGRAPH_ORDER)
    return spacer


def _new_page_before(document: Any, element: Any) -> None:
    """Start a new page at `element`: its paragraph starts one, or an empty paragraph that
    does goes before a table."""
    if element.tag != qn("w:p"):
        element = _spacer_before(element)
    paragraph = docx.text.paragraph.Paragraph(element, document._body)
    paragraph.paragraph_format.page_break_before = True


def _add_chart(document: Any, chart: Chart, layout: Layout) -> None:
    """The chart as a picture as wide as the text, with its alt text; a bar chart too tall
    for a page is split between its categories, each part its own picture."""
    for part in split_chart(chart, layout.text_width, CHART_HEIGHT, font_pt=layout.body,
                            text_width=measure, bold_width=measure_bold):
        png = chart_png(part, layout.text_width * PX_PER_PT, layout.body * PX_PER_PT,
                        CHART_HEIGHT * PX_PER_PT)
        holder = document.add_paragraph()
        holder.paragraph_format.line_spacing = 1.0
        holder.paragraph_format.keep_together = True
        holder.paragraph_format.space_after = Pt(layout.paragraph_gap)
        picture = holder.add_run()
        picture.add_picture(io.BytesIO(png), width=Pt(layout.text_width))
        _describe_picture(picture, part.alt_text())


def _table_properties(table: Any, caption: str, padding: float) -> None:
    """Alt text (caption) for the table, fixed column widths and the cells' side padding."""
    properties = table._tbl.tblPr
    table.autofit = False  # w:tblLayout fixed
    _cell_padding(table, padding)
    words = " ".join(clean_text(caption).split())
    if words:
        element = OxmlElement("w:tblCaption")
        element.set(qn("w:val"), words)
        insert_in_order(properties, element, TABLE_ORDER)


def _cell_padding(table: Any, padding: float) -> None:
    """The room either side of the words in each cell of `table`, in points."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(padding * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    insert_in_order(table._tbl.tblPr, margins, TABLE_ORDER)


def _row_properties(row: Any, *, header: bool = False) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))  # repeats at the top of each page


@dataclass(frozen=True)
class _Cell:
    text: str
    width: float
    bold: bool = False
    keep_with_next: bool = False
    thick_top: bool = False


_THICK_TOP = '<w:tcBorders><w:top w:val="single" w:sz="16" w:space="0" w:color="000000"/></w:tcBorders>'


def _cell_xml(cell: _Cell, style_id: str) -> str:
    lines = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>'
                           for line in clean_text(cell.text).split("\n"))
    bold = "<w:rPr><w:b/></w:rPr>" if cell.bold else ""
    keep = "<w:keepNext/>" if cell.keep_with_next else ""
    border = _THICK_TOP if cell.thick_top else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{round(cell.width * 20)}" w:type="dxa"/>{border}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{escape(style_id)}"/>{keep}</w:pPr>'
            f"<w:r>{bold}{lines}</w:r></w:p></w:tc>")


def _add_rows(table: Any, rows: Iterable[list[_Cell]], style_id: str, *, header: bool = False) -> None:
    """Rows of cells in the table's style, none split across pages, the first repeated at
    the top of each page when `header`: written as XML at once (python-docx's cell by cell
    takes seconds for a table of a hundred rows)."""
    written = []
    for number, row in enumerate(rows):
        repeat = "<w:tblHeader/>" if header and number == 0 else ""
        written.append(f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>"
                       + "".join(_cell_xml(cell, style_id) for cell in row) + "</w:tr>")
    body = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(written)}</w:tbl>")
    for row in list(body):
        table._tbl.append(row)


def _width(text: str, size: float) -> float:
    """Words' width with room for a wider font: Word shows another font where Atkinson
    Hyperlegible is not installed (DejaVu Sans is 13% wider, its bold 21%)."""
    return text_width(text, size) * SUBSTITUTE_ALLOWANCE


def _bold_width(text: str, size: float) -> float:
    return text_width(text, size, True) * SUBSTITUTE_ALLOWANCE_BOLD


def _add_data_table(document: Any, table: DataTable, layout: Layout) -> None:
    """The caption in bold, then a Word table at body size whose header row repeats on each
    page; stacked (column name, words) when the columns cannot hold their longest words."""
    caption = document.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_after = Pt(layout.body * 0.5)
    _add_runs(caption, (Run(table.caption, True),))
    if not table.header:
        return
    padding = layout.body * 0.3
    style = table_text_style(document, layout)
    widths = table_widths(table, layout.body, padding, layout.text_width, _width, _bold_width)
    if widths is None:
        _add_stacked_table(document, table, layout, padding, style)
        return
    grid = document.add_table(rows=0, cols=len(table.header))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    _table_properties(grid, table.caption, padding)
    _add_rows(grid, ([_Cell(text, width, bold=number == 0) for text, width in zip(cells, widths, strict=True)]
                     for number, cells in enumerate((table.header, *table.rows))), style.style_id, header=True)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Pt(width)


def _add_stacked_table(document: Any, table: DataTable, layout: Layout, padding: float,
                       style: Any) -> None:
    """Each row of `table` as (column name, words) rows kept on one page, a thick line above."""
    widths = stacked_widths(table, layout.body, padding, layout.text_width, _bold_width)
    grid = document.add_table(rows=0, cols=2)
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    _table_properties(grid, table.caption, padding)
    last = len(table.header) - 1
    _add_rows(grid, ([_Cell(name, widths[0], bold=True, keep_with_next=number < last, thick_top=number == 0),
                      _Cell(text, widths[1], keep_with_next=number < last, thick_top=number == 0)]
                     for record in table.rows
                     for number, (name, text) in enumerate(zip(table.header, record, strict=True))),
              style.style_id)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Pt(width)


def _add_picture_scale(document: Any, scale: PictureScale, layout: Layout) -> None:
    """One borderless table that stays on one page: the question in bold (its picture on
    the left) across the top, then the choices, each cell a picture, its words and an
    empty tick box."""
    widest = max((_width(word, layout.body) for choice in scale.choices
                  for word in clean_text(choice.text).split()), default=0.0)
    cell_width, per_row = scale_rows(max(len(scale.choices), 1), widest, layout.body, layout.text_width)
    grid = document.add_table(rows=0, cols=per_row)
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    _no_borders(grid)
    _cell_padding(grid, SCALE_PADDING * layout.body)  # scale_rows leaves this much room
    _question_row(grid, scale, layout, cell_width, last=not scale.choices)
    lines = [scale.choices[start:start + per_row] for start in range(0, len(scale.choices), per_row)]
    for line_number, choices in enumerate(lines):
        row = grid.add_row()
        _row_properties(row)
        last_row = line_number == len(lines) - 1
        for cell, choice in zip(row.cells, choices, strict=False):
            # One choice to a cell, so a screen reader reads each picture, its words and its box together.
            cell.width = Pt(cell_width)
            _add_picture(cell.paragraphs[0], choice.picture, choice.text, layout)
            words = cell.add_paragraph()
            words.paragraph_format.space_after = Pt(layout.body * 0.3)
            _add_runs(words, (Run(choice.text),))
            _tick_box(cell.add_paragraph(), layout, cell_width)
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = not (last_row and paragraph is cell.paragraphs[-1])
    for column in grid.columns:
        column.width = Pt(cell_width)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _question_row(grid: Any, scale: PictureScale, layout: Layout, cell_width: float, *, last: bool) -> None:
    """The question across the table's top row, after its picture when it has one."""
    row = grid.add_row()
    _row_properties(row)
    cells = row.cells
    columns = len(cells)
    if scale.picture and columns > 1:
        cells[0].width = Pt(cell_width)
        _add_picture(cells[0].paragraphs[0], scale.picture, scale.question, layout)
        words = cells[1].merge(cells[-1]) if columns > 2 else cells[1]
        words.width = Pt(cell_width * (columns - 1))
        cells[0].vertical_alignment = words.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    else:
        words = cells[0].merge(cells[-1]) if columns > 1 else cells[0]
        words.width = Pt(cell_width * columns)
        if scale.picture:
            _add_picture(words.paragraphs[0], scale.picture, scale.question, layout)
            words.add_paragraph()
    _add_runs(words.paragraphs[-1], (Run(scale.question, True),))
    for cell in (row.cells[0], words):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = not last


def _add_picture(paragraph: Any, code: str, words: str, layout: Layout) -> None:
    """A picture (at least 70 pt square, ER3) with its name as alt text, alone in its paragraph."""
    paragraph.paragraph_format.line_spacing = 1.0
    paragraph.paragraph_format.space_after = Pt(layout.body * 0.3)
    picture = usable_picture(code, words)
    run = paragraph.add_run()
    run.add_picture(picture_stream(picture), width=Pt(PICTURE_PT), height=Pt(PICTURE_PT))
    _describe_picture(run, f"Picture: {picture_name(picture)}")


def _tick_box(paragraph: Any, layout: Layout, cell_width: float) -> None:
    """An empty box to tick: an empty paragraph with a border, as narrow as a square."""
    side = layout.body * 1.4
    paragraph.paragraph_format.line_spacing = Pt(side)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.left_indent = Pt(2)
    paragraph.paragraph_format.space_before = Pt(layout.body * 0.2)
    paragraph.paragraph_format.space_after = Pt(layout.body * 0.5)
    paragraph.paragraph_format.right_indent = Pt(max(cell_width - 2 * SCALE_PADDING * layout.body - side - 2, 0))
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        for name, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "1"), ("w:color", "000000")):
            line.set(qn(name), value)
        borders.append(line)
    insert_in_order(paragraph._p.get_or_add_pPr(), borders, PARAGRAPH_ORDER)


def _easy_read(document: Any, source: Document, layout: Layout) -> None:
    _write(document, without_repeated_title(source.title, source.easy_read), layout)
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
        _write(out, without_repeated_title(document.title, document.blocks), layout)
    out.save(str(path))
