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
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from meetingroom.documents import fonts
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
    without_repeated_title,
)
from meetingroom.documents.model import Document, FormatProfile
from meetingroom.documents.pdf_text import PICTURE_CALLBACK, draw_picture, markup, plain_markup
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


def _block_flowables(block: Block, level: int, styles: _Styles) -> list[Flowable]:
    if block.kind is BlockKind.HEADING:
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


def _blocks_story(blocks: tuple[Block, ...], styles: _Styles) -> list[Flowable]:
    levels = iter(list(heading_levels(blocks)))
    story: list[Flowable] = []
    for block in blocks:
        level = next(levels) if block.kind is BlockKind.HEADING else 0
        flowables = _block_flowables(block, level, styles)
        if flowables and isinstance(flowables[0], KeepTogether) and story and isinstance(story[-1], _Heading):
            # A heading goes with the short list under it, never alone at the foot of a page.
            flowables[0] = KeepTogether([story.pop(), *flowables[0]._content])
        story.extend(flowables)
    return story


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
    for item in items:
        if isinstance(item, EasyReadPoint):
            table = _point_table(item, styles, frame_height)
            if story and isinstance(story[-1], _Heading):
                # A heading stays with its first point, never alone at the foot of a page.
                story.append(KeepTogether([story.pop(), table]))
            else:
                story.append(table)
        else:
            level = next(levels) if item.kind is BlockKind.HEADING else 0
            story.extend(_block_flowables(item, level, styles))
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
    if styles.layout.easy_read:
        frame_height = PAGE_HEIGHT - 2 * template.topMargin
        story.extend(_easy_read_story(document, styles, frame_height))
    else:
        story.extend(_blocks_story(without_repeated_title(document.title, document.blocks), styles))
    template.build(story, canvasmaker=partial(_NumberedCanvas, body=styles.layout.body))
