"""Write a `Document` as a PDF for printing (reportlab): clear print, large print, easy read.

Fonts are embedded TrueType (AD2), the catalog says /Lang en-GB, the viewer shows the title,
every heading has a bookmark, and every page has the title at the top and "Page 3 of 7" at
the bottom, at body size like everything else on the page (LP2). reportlab cannot tag a PDF:
the DOCX is the accessible digital master.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from meetingroom.documents import fonts
from meetingroom.documents.chart_layout import chart_height, part_of
from meetingroom.documents.chart_pdf import chart_flowable, measure, measure_bold
from meetingroom.documents.layout import (
    HARD_WORDS_HEADING,
    MARGIN,
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PICTURE_PT,
    PICTURES_CREDIT,
    Layout,
    clean_text,
    heading_levels,
    runs_text,
    scale_rows,
    stacked_widths,
    table_widths,
    without_repeated_title,
)
from meetingroom.documents.model import (
    Chart,
    ChartKind,
    Content,
    DataTable,
    Document,
    FormatProfile,
    PictureScale,
)
from meetingroom.documents.model import PageBreak as PageBreakContent
from meetingroom.documents.pdf_text import (
    PICTURE_CALLBACK,
    draw_picture,
    markup,
    plain_markup,
    text_width,
)
from meetingroom.documents.picture_images import picture_stream
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.language.pictures import usable_picture

_HEADER_FROM_TOP = 12 * MM
SHORT_LIST = 8


class _Styles:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        common: dict[str, Any] = dict(
            fontName=fonts.MAIN, alignment=TA_LEFT, hyphenationLang="", embeddedHyphenation=0,
            uriWasteReduce=0, allowWidows=0, allowOrphans=0, textColor="#000000")
        self.body = ParagraphStyle("body", fontSize=layout.body, leading=layout.leading,
                                   spaceAfter=layout.paragraph_gap, **common)
        self.item = ParagraphStyle("item", parent=self.body, spaceAfter=layout.body * 0.5)
        self.point = ParagraphStyle("point", parent=self.body, spaceAfter=0)
        self.footer = ParagraphStyle("footer", parent=self.body, spaceAfter=0)
        self.cell = ParagraphStyle("cell", parent=self.body, spaceAfter=0)
        self.headings = [
            ParagraphStyle(f"heading{level}", fontSize=size, leading=size * 1.3,
                           spaceBefore=layout.body * (1.0 if level > 1 else 0.0),
                           spaceAfter=layout.body * 0.75,
                           **{**common, "fontName": fonts.MAIN_BOLD})
            for level, size in enumerate(layout.headings, start=1)
        ]


class _Heading(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A heading paragraph that adds itself to the PDF outline (bookmarks) once."""

    def __init__(self, text: str, level: int, styles: _Styles) -> None:
        super().__init__(plain_markup(text), styles.headings[level - 1])
        self.outline_text = " ".join(clean_text(text).split()) or " "
        self.outline_level = level - 1
        self.outlined = False


def _heading(text: str, level: int, styles: _Styles, room_below: float) -> list[Flowable]:
    """A heading, after a page break unless `room_below` is left under it on this page."""
    heading = _Heading(text, level, styles)
    _width, height = heading.wrap(PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT)
    return [CondPageBreak(height + heading.getSpaceBefore() + heading.getSpaceAfter() + room_below),
            heading]


class _DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, path: Path, document: Document, styles: _Styles) -> None:
        body = styles.layout.body
        top = _HEADER_FROM_TOP + body * 2.2
        super().__init__(
            str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=top, bottomMargin=top, title=clean_text(document.title),
            author=clean_text(document.author),
            subject=PICTURES_CREDIT if styles.layout.easy_read else "",
            creator="MeetingRoom", lang=document.language, displayDocTitle=1,
            initialFontName=fonts.MAIN, initialFontSize=body, initialLeading=body * 1.5)
        self.header = _header_markup(document.title, styles)
        frame = Frame(MARGIN, top, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * top, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.styles = styles
        self.addPageTemplates([PageTemplate("page", frames=[frame], onPage=self._draw_header)])
        self._outline_count = 0

    def _draw_header(self, canvas: Canvas, _doc: object) -> None:
        header = Paragraph(self.header, self.styles.footer)
        _w, height = header.wrap(PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT)
        header.drawOn(canvas, MARGIN, PAGE_HEIGHT - _HEADER_FROM_TOP - height)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading) and not flowable.outlined:
            flowable.outlined = True
            self._outline_count += 1
            key = f"heading{self._outline_count}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, flowable.outline_level, closed=False)
            self.canv.showOutline()


def _header_markup(title: str, styles: _Styles) -> str:
    """The title on one line, shortened at a word with "…" if too long (never made smaller)."""
    words = " ".join(clean_text(title).split()).split(" ")
    width = PAGE_WIDTH - 2 * MARGIN
    count = len(words)
    while count > 0:
        candidate = " ".join(words[:count]) + ("" if count == len(words) else " …")
        paragraph = Paragraph(plain_markup(candidate), styles.footer)
        paragraph.wrap(width, PAGE_HEIGHT)
        if len(paragraph.blPara.lines) <= 1:
            return str(plain_markup(candidate))
        count -= 1
    return ""


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Writes "Page 3 of 7" on each page once the number of pages is known."""

    def __init__(self, *args: Any, body: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._body = body
        self._pages: list[dict[str, Any]] = []
        self.setNamedCB(PICTURE_CALLBACK, draw_picture)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(fonts.MAIN, self._body)
            self.setFillColor("#000000")
            self.drawString(MARGIN, _HEADER_FROM_TOP, f"Page {number} of {total}")
            super().showPage()
        super().save()


def _block_flowables(block: Block, level: int, styles: _Styles, room: float | None = None) -> list[Flowable]:
    if block.kind is BlockKind.HEADING:
        if room is None:
            room = PICTURE_PT + styles.layout.body if styles.layout.easy_read else styles.layout.leading * 3
        return _heading(block.plain_text(), level, styles, room)
    if block.kind is BlockKind.PARAGRAPH:
        return [Paragraph(markup(block.runs), styles.body)] if runs_text(block.runs).strip() else []
    items = [ListItem(Paragraph(markup(item), styles.item)) for item in block.items]
    if not items:
        return []
    numbered = block.kind is BlockKind.NUMBERED
    body = styles.layout.body
    listing = ListFlowable(
        items, bulletType="1" if numbered else "bullet", start=1 if numbered else "•",
        bulletFormat="%s." if numbered else None, bulletFontName=fonts.MAIN,
        bulletFontSize=body, leftIndent=body * (2.2 if numbered else 1.5), bulletColor="#000000",
        spaceAfter=styles.layout.paragraph_gap - body * 0.5)
    # A short list stays on one page; a long one may run on.
    return [KeepTogether([listing]) if len(items) <= SHORT_LIST else listing]


def _blocks_story(blocks: tuple[Content, ...], styles: _Styles, frame_height: float) -> list[Flowable]:
    levels = iter(list(heading_levels(blocks)))
    story: list[Flowable] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Block):
            _add_content(story, block, styles, frame_height)
            continue
        level = next(levels) if block.kind is BlockKind.HEADING else 0
        room = _room_for(blocks[index + 1:index + 2], styles, frame_height)
        flowables = _block_flowables(block, level, styles, room)
        if flowables and isinstance(flowables[0], KeepTogether) and story and isinstance(story[-1], _Heading):
            # A heading goes with the short list under it, never alone at the foot of a page.
            flowables[0] = KeepTogether([story.pop(), *flowables[0]._content])
        story.extend(flowables)
    return story


def _room_for(following: tuple[Content, ...], styles: _Styles, frame_height: float) -> float | None:
    """The room a heading needs under it for the start of what follows it (None: a text
    block's usual room)."""
    if not following:
        return None
    item, layout = following[0], styles.layout
    if isinstance(item, Chart):
        start = part_of(item, 0, 3) if item.kind is ChartKind.BARS else item
        return min(chart_height(start, layout.text_width, font_pt=layout.body, text_width=measure,
                                bold_width=measure_bold), frame_height * 0.6)
    if isinstance(item, DataTable):
        return layout.leading * 4 + layout.body * 2
    if isinstance(item, (PictureScale, EasyReadPoint)):
        return PICTURE_PT + layout.leading * (3 if isinstance(item, PictureScale) else 0) + layout.body
    return None


def _add_content(story: list[Flowable], item: Content, styles: _Styles, frame_height: float) -> None:
    """Add an easy-read point, a chart, a data table, a picture scale or a page break."""
    layout = styles.layout
    if isinstance(item, EasyReadPoint):
        table = _point_table(item, styles, frame_height)
        if story and isinstance(story[-1], _Heading):
            # A heading stays with its first point, never alone at the foot of a page.
            story.append(KeepTogether([story.pop(), table]))
        else:
            story.append(table)
    elif isinstance(item, Chart):
        story.append(chart_flowable(item, layout.text_width, layout.body, max_height=frame_height))
        story.append(Spacer(1, layout.paragraph_gap))
    elif isinstance(item, DataTable):
        story.extend(_data_table(item, styles))
    elif isinstance(item, PictureScale):
        story.extend(_picture_scale(item, styles))
    elif isinstance(item, PageBreakContent) and not (story and isinstance(story[-1], PageBreak)):
        story.append(PageBreak())  # (two together make one new page, as in the DOCX)


def _data_table(table: DataTable, styles: _Styles) -> list[Flowable]:
    """The caption in bold, then a table at body size whose header row repeats on each
    page; a table whose columns cannot hold their longest words is written stacked."""
    layout = styles.layout
    caption = Paragraph(plain_markup(table.caption, bold=True), styles.item)
    flowables: list[Flowable] = [CondPageBreak(layout.leading * 4 + layout.body * 2), caption]
    if not table.header:
        return flowables
    padding = layout.body * 0.3
    widths = table_widths(table, layout.body, padding, layout.text_width, text_width, measure_bold)
    if widths is None:
        return [*flowables, *_stacked_table(table, styles, padding), Spacer(1, layout.paragraph_gap)]
    data = [[Paragraph(plain_markup(cell, bold=True), styles.cell) for cell in table.header]]
    data.extend([Paragraph(plain_markup(cell), styles.cell) for cell in row] for row in table.rows)
    grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    grid.setStyle(_grid_style(padding, header=True))
    return [*flowables, grid, Spacer(1, layout.paragraph_gap)]


def _grid_style(padding: float, *, header: bool) -> TableStyle:
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),
        ("GRID", (0, 0), (-1, -1), 0.75, "#000000"),
        ("LINEBELOW", (0, 0), (-1, 0), 2 if header else 0.75, "#000000"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.75 if header else 2, "#000000"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding * 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
    ])


def _stacked_table(table: DataTable, styles: _Styles, padding: float) -> list[Flowable]:
    """Each row as its own small table of (column name, words) pairs, never split across pages."""
    layout = styles.layout
    widths = stacked_widths(table, layout.body, padding, layout.text_width, measure_bold)
    records: list[Flowable] = []
    for row in table.rows:
        pairs = [[Paragraph(plain_markup(name, bold=True), styles.cell), Paragraph(plain_markup(cell), styles.cell)]
                 for name, cell in zip(table.header, row, strict=True)]
        record = Table(pairs, colWidths=widths, hAlign="LEFT")
        record.setStyle(_grid_style(padding, header=False))
        record.setStyle(TableStyle([("NOSPLIT", (0, 0), (-1, -1))]))
        records.append(record)
    return records


def _tick_box(size: float) -> Drawing:
    box = Drawing(size, size)
    box.initialFontName, box.initialFontSize = fonts.MAIN, size  # not Helvetica (AD2)
    box.add(Rect(1, 1, size - 2, size - 2, strokeColor="#000000", strokeWidth=1.5, fillColor=None))
    return box


def _picture_scale(scale: PictureScale, styles: _Styles) -> list[Flowable]:
    """The question in bold (with its picture on the left), then the choices: each a picture
    with its words and an empty tick box under it; never split across pages."""
    layout = styles.layout
    question = Paragraph(plain_markup(scale.question, bold=True), styles.point)
    head: Flowable = question
    if scale.picture:
        code = usable_picture(scale.picture, scale.question)
        head = Table([[Image(picture_stream(code), width=PICTURE_PT, height=PICTURE_PT), question]],
                     colWidths=[PICTURE_PT + layout.body, layout.text_width - PICTURE_PT - layout.body],
                     hAlign="LEFT", style=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                           ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),
                                           ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    widest = max((text_width(word, layout.body) for choice in scale.choices
                  for word in clean_text(choice.text).split()), default=0.0)
    cell, per_row = scale_rows(len(scale.choices), widest, layout.body, layout.text_width)
    parts: list[Flowable] = [head, Spacer(1, layout.body * 0.5)]
    rows: list[list[Flowable]] = []
    for start in range(0, len(scale.choices), per_row):
        choices = scale.choices[start:start + per_row]
        filler = [Spacer(0, 0)] * (per_row - len(choices))
        rows.append([Image(picture_stream(usable_picture(choice.picture, choice.text)),
                           width=PICTURE_PT, height=PICTURE_PT) for choice in choices] + filler)
        rows.append([Paragraph(plain_markup(choice.text), styles.cell) for choice in choices] + filler)
        rows.append([_tick_box(layout.body * 1.4) for _choice in choices] + filler)
    if rows:
        parts.append(Table(rows, colWidths=[cell] * per_row, hAlign="LEFT", style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),
            ("RIGHTPADDING", (0, 0), (-1, -1), layout.body * 0.3),
            ("TOPPADDING", (0, 0), (-1, -1), layout.body * 0.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), layout.body * 0.2)]))
    return [KeepTogether(parts), Spacer(1, layout.paragraph_gap)]


def _point_rows(point: EasyReadPoint, styles: _Styles, text_width: float,
                frame_height: float) -> list[list[Any]]:
    code = usable_picture(point.picture, point.text)
    picture = Image(picture_stream(code), width=PICTURE_PT, height=PICTURE_PT)
    paragraph = Paragraph(markup((Run(point.text),)), styles.point)
    limit = frame_height - styles.layout.body * 2
    # A point taller than a page (it should be one short sentence) splits into rows; it
    # must not stop the whole document.
    pieces: list[Paragraph] = []
    while paragraph.wrap(text_width, frame_height)[1] > limit:
        parts = paragraph.split(text_width, limit)
        if len(parts) < 2:
            break
        pieces.append(parts[0])
        paragraph = parts[1]
    pieces.append(paragraph)
    return [[picture if index == 0 else "", piece] for index, piece in enumerate(pieces)]


def _point_table(point: EasyReadPoint, styles: _Styles, frame_height: float) -> Table:
    """One point: picture left, sentence right, in a table row that never splits (ER3, ER6)."""
    gap = styles.layout.body
    picture_column = PICTURE_PT + gap
    text_width = PAGE_WIDTH - 2 * MARGIN - picture_column
    rows = _point_rows(point, styles, text_width, frame_height)
    table = Table(rows, colWidths=[picture_column, text_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN), ("FONTSIZE", (0, 0), (-1, -1), styles.layout.body),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), gap * 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), gap * 0.5),
    ]))
    return table


def _easy_read_story(document: Document, styles: _Styles, frame_height: float) -> list[Flowable]:
    items = without_repeated_title(document.title, document.easy_read)
    blocks = [item for item in items if isinstance(item, Block)]
    levels = iter(list(heading_levels(blocks)))
    story: list[Flowable] = []
    for index, item in enumerate(items):
        if not isinstance(item, Block):
            _add_content(story, item, styles, frame_height)
        else:
            level = next(levels) if item.kind is BlockKind.HEADING else 0
            story.extend(_block_flowables(item, level, styles,
                                          _room_for(items[index + 1:index + 2], styles, frame_height)))
    if document.hard_words:
        story.extend(_heading(HARD_WORDS_HEADING, 2, styles, styles.layout.leading * 2))
        for word in document.hard_words:
            story.append(KeepTogether([
                Paragraph(plain_markup(word.word, bold=True), styles.point),
                Paragraph(plain_markup(word.meaning), styles.body)]))
    story.append(Spacer(1, styles.layout.body))
    story.append(Paragraph(plain_markup(PICTURES_CREDIT), styles.body))
    return story


def write_pdf(document: Document, profile: FormatProfile, path: Path) -> None:
    """Write `document` in `profile`'s format (easy read shows `document.easy_read`)."""
    fonts.register_pdf_fonts()
    fonts.emoji_characters()
    styles = _Styles(Layout.for_profile(profile))
    template = _DocTemplate(path, document, styles)
    story: list[Flowable] = [_Heading(document.title, 1, styles)]
    frame_height = PAGE_HEIGHT - 2 * template.topMargin
    if styles.layout.easy_read:
        story.extend(_easy_read_story(document, styles, frame_height))
    else:
        story.extend(_blocks_story(without_repeated_title(document.title, document.blocks), styles,
                                   frame_height))
    template.build(story, canvasmaker=partial(_NumberedCanvas, body=styles.layout.body))
