"""A document laid out for printing in any printed format, with QtPrintSupport.

`print_document` lays out the same `Document` the PDF and Word writers take as a
`QTextDocument`, with the sizes of `documents.layout.Layout`: Atkinson Hyperlegible, headings
bold and larger, line spacing 1.5, a blank line between paragraphs, left-aligned; easy read as
a two-column table, the picture on the left and the sentence on the right, then "Hard words".
Text goes in with `insertText`, never as HTML, so `<b>` and `&` print exactly as typed. Qt
prints the page number at the foot of each page in the document's default font: body size.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrinter

from meetingroom.documents.content_words import content_words
from meetingroom.documents.fonts import openmoji_font_file
from meetingroom.documents.layout import (
    HARD_WORDS_HEADING,
    LINE_SPACING,
    MARGIN,
    MM,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PICTURE_PT,
    PICTURES_CREDIT,
    Layout,
    clean_text,
    heading_levels,
    without_repeated_title,
)
from meetingroom.documents.model import Content, Document, FormatProfile
from meetingroom.documents.picture_images import picture_png
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.language.pictures import picture_name, usable_picture
from meetingroom.ui.styling import register_app_fonts

FOOT_FROM_BOTTOM = 12 * MM  # where the PDF writer puts the page number
LAYOUT_DPI = 1200
PICTURE_PX = 480  # drawn sharp at 80 pt on a 600 dpi printer


def _t(text: str) -> str:
    return QCoreApplication.translate("paper_print", text)


class _Builder:
    """Writes one document into a `QTextDocument` with a cursor, in one format's sizes."""

    def __init__(self, document: Document, profile: FormatProfile, family: str) -> None:
        self.source = document
        self.layout = Layout.for_profile(profile)
        self.family = family
        self.doc = QTextDocument()
        # Laid out at print resolution: at a screen's 96 dpi, sizes round to whole pixels and
        # 28 pt would print at 27.7 (LP2).
        self.doc.documentLayout().setPaintDevice(_layout_device())
        self.doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, clean_text(document.title))
        self.doc.setDefaultFont(self._font(self.layout.body))
        self.doc.setDocumentMargin(0)
        self.cursor = QTextCursor(self.doc)
        self.first = True
        # Margins, pictures and table widths are given at the screen's resolution and scaled
        # by the layout; the page size and positions are at the device's.
        screen = QGuiApplication.primaryScreen()
        self.px = (screen.logicalDotsPerInchY() if screen is not None else 96.0) / 72
        self.device_px = LAYOUT_DPI / 72

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies([self.family, *emoji_family()])
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def char_format(self, size: float, bold: bool = False) -> QTextCharFormat:
        char = QTextCharFormat()
        char.setFont(self._font(size, bold))
        return char

    def block_format(self, gap_after: float, heading: int = 0) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignLeft)
        block.setLineHeight(LINE_SPACING * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(gap_after * self.px)
        block.setHeadingLevel(heading)
        return block

    def new_block(self, block: QTextBlockFormat, char: QTextCharFormat) -> None:
        if self.first:  # the document's first, empty block is used, not left blank above
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
            self.cursor.setCharFormat(char)
            self.first = False
        else:
            self.cursor.insertBlock(block, char)

    def text(self, text: str, size: float, bold: bool = False) -> None:
        self.cursor.insertText(clean_text(text).replace("\n", "\u2028"), self.char_format(size, bold))

    def runs(self, runs: tuple[Run, ...]) -> None:
        for run in runs:
            self.text(run.text, self.layout.body, run.bold)

    def heading(self, text: str, level: int) -> None:
        size = self.layout.heading_size(level)
        block = self.block_format(self.layout.body * 0.75, level)
        block.setTopMargin(self.layout.body * (1.0 if level > 1 else 0.0) * self.px)
        block.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)  # as the PDF
        block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        self.new_block(block, self.char_format(size, True))
        self.text(" ".join(clean_text(text).split()), size, bold=True)

    def paragraph(self, runs: tuple[Run, ...], gap: float | None = None) -> None:
        gap = self.layout.paragraph_gap if gap is None else gap
        self.new_block(self.block_format(gap), self.char_format(self.layout.body))
        self.runs(runs)

    def listing(self, block: Block) -> None:
        style = (QTextListFormat.Style.ListDecimal if block.kind is BlockKind.NUMBERED
                 else QTextListFormat.Style.ListDisc)
        listed = None
        for index, item in enumerate(block.items):
            last = index == len(block.items) - 1
            gap = self.layout.paragraph_gap if last else self.layout.body * 0.5
            self.new_block(self.block_format(gap), self.char_format(self.layout.body))
            if listed is None:
                form = QTextListFormat()
                form.setStyle(style)
                form.setIndent(1)
                listed = self.cursor.createList(form)
            else:
                listed.add(self.cursor.block())
            self.runs(item)

    def blocks(self, blocks: tuple[Content, ...]) -> None:
        levels = iter(list(heading_levels(blocks)))
        for block in blocks:
            if not isinstance(block, Block):  # a chart, table or scale: its words
                for line in content_words(block):
                    self.paragraph((Run(line),))
            elif block.kind is BlockKind.HEADING:
                self.heading(block.plain_text(), next(levels))
            elif block.kind is BlockKind.PARAGRAPH:
                if block.plain_text().strip():
                    self.paragraph(block.runs)
            elif block.items:
                self.listing(block)

    def points(self, points: list[EasyReadPoint]) -> None:
        """Each point a borderless table row: picture left, sentence right (ER3); one table
        per point, so `_keep_points_whole` can move a point that would split to the next page."""
        for point in points:
            self.point_table([point])

    def point_table(self, points: list[EasyReadPoint]) -> None:
        self.new_block(self.block_format(0), self.char_format(self.layout.body))
        form = QTextTableFormat()
        form.setBorder(0)
        form.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        form.setCellPadding(self.layout.body * 0.5 * self.px)
        form.setCellSpacing(0)
        form.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        form.setColumnWidthConstraints([
            QTextLength(QTextLength.Type.FixedLength, (PICTURE_PT + self.layout.body * 2) * self.px),
            QTextLength(QTextLength.Type.VariableLength, 0)])
        form.setBottomMargin(self.layout.body * self.px)
        table = self.cursor.insertTable(len(points), 2, form)
        for row, point in enumerate(points):
            code = usable_picture(point.picture, point.text)
            name = f"meetingroom-picture:{code}"
            if self.doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)) is None:
                self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                                     QImage.fromData(picture_png(code, PICTURE_PX)))
            picture = QTextImageFormat()
            picture.setName(name)
            picture.setWidth(PICTURE_PT * self.px)
            picture.setHeight(PICTURE_PT * self.px)
            picture.setProperty(QTextFormat.Property.ImageAltText, f"Picture: {picture_name(code)}")
            cell = table.cellAt(row, 0)
            cell.firstCursorPosition().insertImage(picture)
            sentence = table.cellAt(row, 1).firstCursorPosition()
            sentence.setBlockFormat(self.block_format(0))
            sentence.setBlockCharFormat(self.char_format(self.layout.body))
            sentence.insertText(clean_text(point.text), self.char_format(self.layout.body))
            for column in (0, 1):
                cell_format = table.cellAt(row, column).format().toTableCellFormat()
                cell_format.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
                table.cellAt(row, column).setFormat(cell_format)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.first = False

    def easy_read(self) -> None:
        items = without_repeated_title(self.source.title, self.source.easy_read)
        levels = iter(list(heading_levels([i for i in items if isinstance(i, Block)])))
        waiting: list[EasyReadPoint] = []
        for item in items:
            if isinstance(item, EasyReadPoint):
                waiting.append(item)
                continue
            if waiting:
                self.points(waiting)
                waiting = []
            if isinstance(item, Block) and item.kind is BlockKind.HEADING:
                self.heading(item.plain_text(), next(levels))
            else:
                self.blocks((item,))
        if waiting:
            self.points(waiting)
        if self.source.hard_words:
            self.heading(HARD_WORDS_HEADING, 2)
            for word in self.source.hard_words:
                self.paragraph((Run(word.word, True),), gap=0)
                self.paragraph((Run(word.meaning),))
        self.paragraph((Run(PICTURES_CREDIT),))

    def build(self) -> QTextDocument:
        self.heading(self.source.title, 1)
        if self.layout.easy_read:
            self.easy_read()
        else:
            self.blocks(without_repeated_title(self.source.title, self.source.blocks))
        self.paginate()
        return self.doc

    def paginate(self) -> None:
        """A4 pages with the PDF writer's margins, room at the foot for the page number, and
        no easy-read point split across two pages (ER6)."""
        self.doc.setPageSize(QSizeF(PAGE_WIDTH * self.device_px, PAGE_HEIGHT * self.device_px))
        frame = self.doc.rootFrame().frameFormat()
        frame.setLeftMargin(MARGIN * self.px)
        frame.setRightMargin(MARGIN * self.px)
        frame.setTopMargin(MARGIN * self.px)
        frame.setBottomMargin((MARGIN + self.layout.body * 2) * self.px)
        self.doc.rootFrame().setFrameFormat(frame)
        page = PAGE_HEIGHT * self.device_px
        layout = self.doc.documentLayout()
        for table in self.doc.rootFrame().childFrames():
            box = layout.frameBoundingRect(table)
            if box.height() < page / 2 and int(box.top() // page) != int((box.bottom() - 1) // page):
                form = table.frameFormat()
                form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                table.setFrameFormat(form)


@cache
def _layout_device() -> QPdfWriter:
    """A paint device at print resolution that is never printed on: only measured."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setProperty("buffer", buffer)
    _keep.append(buffer)
    return writer


_keep: list[QBuffer] = []


@cache
def emoji_family() -> tuple[str, ...]:
    """OpenMoji's colour font, added to Qt's fonts once, so emoji print as the same pictures
    the PDF writer draws (and not as empty boxes)."""
    font_id = QFontDatabase.addApplicationFont(str(openmoji_font_file()))
    return tuple(QFontDatabase.applicationFontFamilies(font_id)[:1]) if font_id != -1 else ()


def print_document(document: Document, profile: FormatProfile, family: str | None = None) -> QTextDocument:
    """`document` laid out for printing in `profile`'s format (standard, large print, easy read)."""
    return _Builder(document, profile, family or register_app_fonts()).build()


def print_pages(document: QTextDocument, printer: QPrinter) -> None:
    """Print a document from `print_document` page by page, with "Page 3 of 7" at the foot of
    each page in the body font (LP2), as the PDF writer does. For `paintRequested` too."""
    page = document.pageSize()
    total = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), total) if printer.toPage() else total
    painter = QPainter(printer)
    if not painter.isActive():
        return
    scale = printer.width() / page.width()
    body = document.defaultFont()
    foot = (PAGE_HEIGHT - FOOT_FROM_BOTTOM) / PAGE_HEIGHT * printer.height()
    for number in range(first, last + 1):
        if number > first:
            printer.newPage()
        painter.save()
        painter.scale(scale, scale)
        top = (number - 1) * page.height()
        painter.translate(0, -top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, top, page.width(), page.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.setFont(body)
        painter.setPen(QColor("black"))
        painter.drawText(QPointF(MARGIN / PAGE_WIDTH * printer.width(), foot),
                         _t("Page %1 of %2").replace("%1", str(number)).replace("%2", str(total)))
    painter.end()


def a4_printer(title: str, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    """A printer set to A4 portrait (LP7), the document's title as its name."""
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    # The document brings its own margins; the printer's would shrink the type (LP2).
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    printer.setDocName(clean_text(title))
    printer.setCreator("MeetingRoom")
    return printer


