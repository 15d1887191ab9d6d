"""The plain-language check beside the paper editor: what it found, shown three ways (never by
colour alone) — underlined in the text, listed with each suggestion, and in a summary line.

`findings()` turns a `PlainReport` into `Finding`s with character offsets into the editor's
plain text, which are also positions in its document (Qt's plain text has one character
for each document position). `PaperHighlighter` draws them, and draws headings larger and
bold without changing the document's own formats (so a heading's bold words stay told apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from meetingroom.language.glossary import Glossary, looks_like_acronym
from meetingroom.language.plain_check import PlainReport, check_text, words_in

HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.15}


def _t(text: str) -> str:
    return QCoreApplication.translate("paper_check", text)


class FindingKind(StrEnum):
    LONG_SENTENCE = "long-sentence"
    JARGON = "jargon"
    ACRONYM = "acronym"


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    start: int
    end: int
    message: str  # what the list shows and a tooltip says


def _quoted(text: str, most: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def findings(report: PlainReport, text: str) -> list[Finding]:
    """Every flag in the report, in the order it appears in `text`. A word that is both jargon
    and an acronym not spelled out is one finding, saying both."""
    jargon_at = {(f.start, f.end) for f in report.flags if f.rule == "PE4"}
    found: list[Finding] = []
    for flag in report.flags:
        words = text[flag.start:flag.end]
        if flag.rule == "PE1":
            message = _t("Long sentence (%1 words): “%2” — split it into shorter sentences.").replace(
                "%1", str(len(words_in(words)))).replace("%2", _quoted(words))
            found.append(Finding(FindingKind.LONG_SENTENCE, flag.start, flag.end, message))
        elif flag.rule == "PE4":
            if looks_like_acronym(words):
                message = _t("“%1”: say “%2” — or spell it out the first time.")
            else:
                message = _t("“%1”: say “%2”.")
            found.append(Finding(FindingKind.JARGON, flag.start, flag.end,
                                 message.replace("%1", words).replace("%2", flag.suggestion)))
        elif flag.rule == "PE3" and (flag.start, flag.end) not in jargon_at:
            if flag.suggestion:
                message = _t("“%1”: spell it out the first time: “%2”.").replace(
                    "%1", words).replace("%2", flag.suggestion)
            else:
                message = _t("“%1”: spell it out the first time it is used.").replace("%1", words)
            found.append(Finding(FindingKind.ACRONYM, flag.start, flag.end, message))
    return sorted(found, key=lambda f: (f.start, f.kind is not FindingKind.LONG_SENTENCE))


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def summary(report: PlainReport) -> str:
    return _t("%1 words · reading age %2 · Flesch Reading Ease %3 · %4 long sentences").replace(
        "%1", str(report.words)).replace("%2", _number(report.reading_age)).replace(
        "%3", _number(report.flesch_reading_ease)).replace("%4", str(len(report.long_sentences)))


class _CheckSignals(QObject):
    checked = Signal(int, str, object, object)  # ticket, the text checked, report, findings


class _CheckJob(QRunnable):
    """The check of a long paper takes a second or so: it runs on the thread pool."""

    def __init__(self, ticket: int, text: str, glossary: Glossary, signals: _CheckSignals) -> None:
        super().__init__()
        self.ticket, self.text, self.glossary, self.signals = ticket, text, glossary, signals

    def run(self) -> None:
        report = check_text(self.text, self.glossary)
        self.signals.checked.emit(self.ticket, self.text, report, findings(report, self.text))


class BackgroundCheck(QObject):
    """Checks text off the GUI thread; `checked(text, report, findings)` says only the result
    of the latest request (an older one that ends later is dropped)."""

    checked = Signal(str, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticket = 0
        # Not a child of self: a job still running when the editor closes emits on it safely.
        self._signals = _CheckSignals()
        self._signals.checked.connect(self._done)

    def request(self, text: str, glossary: Glossary) -> None:
        self._ticket += 1
        QThreadPool.globalInstance().start(_CheckJob(self._ticket, text, glossary, self._signals))

    def cancel(self) -> None:
        self._ticket += 1

    def _done(self, ticket: int, text: str, report: PlainReport, found: list[Finding]) -> None:
        if ticket == self._ticket:
            self.checked.emit(text, report, found)


class PaperHighlighter(QSyntaxHighlighter):
    """Headings drawn bigger and bold; long sentences shaded and dash-underlined; jargon and
    unexplained acronyms wave-underlined. Only drawing: the document's formats are untouched."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._findings: list[Finding] = []
        self._by_block: dict[int, list[Finding]] = {}
        self._base_pt = 10.0
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        self._mark = palette.color(QPalette.ColorRole.Link)
        self._shade = palette.color(QPalette.ColorRole.AlternateBase)
        self.rehighlight()

    def set_base_size(self, point_size: float) -> None:
        if point_size > 0 and point_size != self._base_pt:
            self._base_pt = point_size
            self.rehighlight()

    def set_findings(self, found: list[Finding]) -> None:
        if found == self._findings:
            return
        self._findings = list(found)
        # Each finding lies within one line of text, so within one block: index them by block.
        self._by_block: dict[int, list[Finding]] = {}
        document = self.document()
        for finding in self._findings:
            number = document.findBlock(finding.start).blockNumber()
            self._by_block.setdefault(number, []).append(finding)
        self.rehighlight()

    def _mark_format(self, kind: FindingKind) -> QTextCharFormat:
        form = QTextCharFormat()
        form.setUnderlineColor(self._mark)
        if kind is FindingKind.LONG_SENTENCE:
            form.setBackground(self._shade)
            form.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        else:
            form.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        return form

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start, length = block.position(), len(text)
        base = QTextCharFormat()
        level = block.blockFormat().headingLevel()
        if level:
            base.setFontWeight(QFont.Weight.Bold)
            base.setFontPointSize(self._base_pt * HEADING_SCALE.get(level, 1.0))
        spans = []
        for finding in self._by_block.get(block.blockNumber(), ()):
            begin, end = max(finding.start - start, 0), min(finding.end - start, length)
            if begin < end:
                spans.append((begin, end, finding.kind))
        if not spans:
            if level:
                self.setFormat(0, length, base)
            return
        # Cut the block where any mark starts or ends; each piece gets its marks merged, long
        # sentences first, so a jargon word in a long sentence is both shaded and wavy.
        cuts = sorted({0, length, *(b for b, _, _ in spans), *(e for _, e, _ in spans)})
        spans.sort(key=lambda span: span[2] is not FindingKind.LONG_SENTENCE)
        for begin, end in zip(cuts, cuts[1:], strict=False):
            form = QTextCharFormat(base)
            for span_begin, span_end, kind in spans:
                if span_begin <= begin and end <= span_end:
                    form.merge(self._mark_format(kind))
            self.setFormat(begin, end - begin, form)


class CheckPanel(QWidget):
    """The summary line and the list of findings. Choosing one (Enter, or a click) emits
    `chosen(start, end)` so the editor can put its cursor there."""

    chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_t("Plain-language check"))
        heading.setObjectName("sectionHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.summary = QLabel(_t("Start writing, and the check will follow."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.list = QListWidget()
        self.list.setAccessibleName(_t("Plain-language findings"))
        self.list.setAccessibleDescription(_t("Press Enter on a finding to go to it in the text"))
        self.list.setWordWrap(True)
        self.list.setTabKeyNavigation(False)
        self.list_label = QLabel(_t("&Findings:"))
        self.list_label.setBuddy(self.list)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.findings: list[Finding] = []

    def show_report(self, report: PlainReport | None, found: list[Finding]) -> None:
        self.findings = found
        self.list.clear()
        if report is None:
            self.summary.setText(_t("Start writing, and the check will follow."))
            return
        self.summary.setText(summary(report))
        for finding in found:
            item = QListWidgetItem(finding.message)
            item.setData(Qt.ItemDataRole.UserRole, (finding.start, finding.end))
            self.list.addItem(item)
        if not found:
            item = QListWidgetItem(_t("Nothing to change: no long sentences, jargon or unexplained acronyms."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if where:
            self.chosen.emit(int(where[0]), int(where[1]))

    def message_at(self, position: int) -> str:
        return "\n".join(f.message for f in self.findings if f.start <= position < f.end)
