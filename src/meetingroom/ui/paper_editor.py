"""The editor for one paper: its title, its body as structured text, the plain-language check,
and "Make this paper…".

What is typed is committed to the store after a short pause (or when the focus leaves), as an
`EditPaperBody` command; edits close together merge into one undo step. A change of style or
bold is committed at once as its own step. The check runs after the same pause.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.papers import Block, BlockKind
from meetingroom.language.glossary import Glossary
from meetingroom.language.plain_check import PlainReport
from meetingroom.store.glossary import group_terms
from meetingroom.store.groups import get_group
from meetingroom.store.papers import get_paper
from meetingroom.ui.paper_body_edit import PaperBodyEdit, is_redo, is_undo
from meetingroom.ui.paper_check import BackgroundCheck, CheckPanel, Finding, PaperHighlighter
from meetingroom.ui.paper_commands import EditPaperBody, RenamePaper
from meetingroom.ui.paper_make_dialog import MakePaperDialog
from meetingroom.ui.paper_making import PaperFilesRun, paper_files_work
from meetingroom.ui.paper_text import blocks_from_document, fill_document
from meetingroom.ui.session import WorkspaceSession

PAUSE_MS = 800  # typing stopped: commit and check


class PaperEditor(QWidget):
    """Shows the paper set with `show_paper`; `making` is the last "Make" run (for tests)."""

    made = Signal(object)  # the PaperFilesRun just started

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.paper_id: int | None = None
        self._saved_body: tuple[Block, ...] = ()
        self._saved_title = ""
        self._loading = False
        self._glossary: Glossary | None = None
        self.making: PaperFilesRun | None = None
        self.folder: Path = session.path.parent
        self._build()
        self._actions()
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self._after_pause)
        session.changed.connect(self._on_changed)
        self.show_paper(None)

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title)
        self.title.editingFinished.connect(self._commit_title)
        self.title.installEventFilter(self)
        title_row = QHBoxLayout()
        title_row.addWidget(title_label)
        title_row.addWidget(self.title, 1)
        layout.addLayout(title_row)

        self.style = QComboBox()
        self.style.setAccessibleName(self.tr("Paragraph style"))
        self.style.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the cursor in the text
        self.bold = QPushButton(self.tr("Bold"))
        self.bold.setCheckable(True)
        self.bold.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.bold.setToolTip(self.tr("Bold (Ctrl+B)"))
        self.bold.setAccessibleDescription(self.tr("Make the chosen words bold, or not; Ctrl+B"))
        style_label = QLabel(self.tr("St&yle:"))
        style_label.setBuddy(self.style)
        tools = QHBoxLayout()
        tools.addWidget(style_label)
        tools.addWidget(self.style)
        tools.addWidget(self.bold)
        tools.addStretch(1)
        layout.addLayout(tools)

        self.body = PaperBodyEdit()
        self.body.setAccessibleName(self.tr("Text of the paper"))
        body_label = QLabel(self.tr("Te&xt:"))
        body_label.setBuddy(self.body)
        self.highlighter = PaperHighlighter(self.body.document(), self.body.palette())
        self.highlighter.set_base_size(self.body.font().pointSizeF())
        self.check = CheckPanel()
        self.checker = BackgroundCheck(self)
        self.checker.checked.connect(self._checked)
        self.body.tooltip_at = self.check.message_at
        writing = QWidget()
        writing_layout = QVBoxLayout(writing)
        writing_layout.setContentsMargins(0, 0, 0, 0)
        writing_layout.addWidget(body_label)
        writing_layout.addWidget(self.body, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(writing)
        split.addWidget(self.check)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        self.make_button = QPushButton(self.tr("&Make this paper…"))
        self.make_button.setToolTip(self.tr("Make a PDF and a Word file: standard, large print or easy read"))
        self.make_button.clicked.connect(self.ask_and_make)
        self.makers = QHBoxLayout()
        self.makers.addWidget(self.make_button)
        self.makers.addStretch(1)
        layout.addLayout(self.makers)

        self.body.textChanged.connect(self._typed)
        self.body.left.connect(self.commit)
        self.body.undo_requested.connect(self.undo)
        self.body.redo_requested.connect(self.redo)
        self.body.cursorPositionChanged.connect(self._show_style)
        self.body.currentCharFormatChanged.connect(self._show_style)
        self.check.chosen.connect(self.go_to)

    def _actions(self) -> None:
        self.styles: list[tuple[str, BlockKind, int, str]] = [
            (self.tr("Paragraph"), BlockKind.PARAGRAPH, 0, "Ctrl+Alt+0"),
            (self.tr("Heading 1"), BlockKind.HEADING, 1, "Ctrl+Alt+1"),
            (self.tr("Heading 2"), BlockKind.HEADING, 2, "Ctrl+Alt+2"),
            (self.tr("Heading 3"), BlockKind.HEADING, 3, "Ctrl+Alt+3"),
            (self.tr("Bulleted list"), BlockKind.BULLETS, 0, "Ctrl+Shift+L"),
            (self.tr("Numbered list"), BlockKind.NUMBERED, 0, "Ctrl+Shift+N"),
        ]
        keys = []
        for index, (name, kind, level, key) in enumerate(self.styles):
            shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            self.style.addItem(name)
            self.style.setItemData(index, f"{name} ({shown})", Qt.ItemDataRole.ToolTipRole)
            keys.append(f"{name} {shown}")
            action = QAction(name, self.body)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, k=kind, n=level: self.apply_style(k, n))
            self.body.addAction(action)
        self.style.setToolTip(self.tr("Keys: %1").replace("%1", "; ".join(keys)))
        self.style.setAccessibleDescription(self.tr("In the text, press %1").replace("%1", "; ".join(keys)))
        self.body.setAccessibleDescription(self.tr("Bold Ctrl+B; %1").replace("%1", "; ".join(keys)))
        bold = QAction(self.tr("Bold"), self.body)
        bold.setShortcut(QKeySequence("Ctrl+B"))
        bold.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        bold.triggered.connect(self.toggle_bold)
        self.body.addAction(bold)
        self.style.activated.connect(self._style_chosen)
        self.bold.clicked.connect(self.toggle_bold)

    # Showing a paper -----------------------------------------------------------------------

    def show_paper(self, paper_id: int | None) -> None:
        """Show this paper (committing what was typed in the one before), or nothing."""
        if paper_id == self.paper_id and paper_id is not None:
            return
        self.commit()
        self._commit_title()
        self.paper_id = paper_id
        for widget in (self.title, self.style, self.bold, self.body, self.check, self.make_button):
            widget.setEnabled(paper_id is not None)
        for index in range(self.makers.count()):
            item = self.makers.itemAt(index).widget()
            if item is not None:
                item.setEnabled(paper_id is not None)
        self._load(force=True)

    def _load(self, force: bool = False) -> None:
        if self.paper_id is None:
            self._saved_body, self._saved_title = (), ""
            self._fill(())
            self.title.setText("")
            self.check.show_report(None, [])
            self.highlighter.set_findings([])
            return
        paper = get_paper(self.session.workspace, self.paper_id)
        if force or not self.title.hasFocus():
            self.title.setText(paper.title)
        self._saved_title = paper.title
        if force or paper.body != blocks_from_document(self.body.document()):
            self._fill(paper.body)
        self._saved_body = paper.body
        self.check_now()

    def _fill(self, body: tuple[Block, ...]) -> None:
        position = self.body.textCursor().position()
        self._loading = True
        try:
            fill_document(self.body.document(), body)
        finally:
            self._loading = False
        cursor = self.body.textCursor()
        cursor.setPosition(min(position, max(self.body.document().characterCount() - 1, 0)))
        self.body.setTextCursor(cursor)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "glossary_term" in tables:
            self._glossary = None
            self.check_now()
        if "paper" in tables and self.paper_id is not None:
            try:
                self._load()
            except KeyError:  # deleted: the view chooses another
                self.paper_id = None
                self.show_paper(None)

    # Committing ----------------------------------------------------------------------------

    def _typed(self) -> None:
        if not self._loading:
            self.pause.start()

    def _after_pause(self) -> None:
        self.commit()
        self.check_now()

    def commit(self, text: str | None = None, merge: bool = True) -> None:
        """Save the body as it is now, as one (mergeable) step on the undo stack."""
        self.pause.stop()
        if self.paper_id is None or self._loading:
            return
        body = blocks_from_document(self.body.document())
        if body == self._saved_body:
            return
        before, self._saved_body = self._saved_body, body
        self.session.undo_stack.push(EditPaperBody(self.session.workspace, self.paper_id, body, text,
                                                   merge=merge, before=before))

    def _commit_title(self) -> None:
        title = self.title.text().strip()
        if self.paper_id is None or title == self._saved_title:
            return
        if not title:
            self.title.setText(self._saved_title)
            return
        self._saved_title = title
        self.session.undo_stack.push(RenamePaper(self.session.workspace, self.paper_id, title))

    def undo(self) -> None:
        self.commit()
        self._commit_title()
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.commit()
        self._commit_title()
        self.session.undo_stack.redo()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the title box, too, Ctrl+Z is the session's undo, after committing the title."""
        if watched is self.title and isinstance(event, QKeyEvent):
            wanted = is_undo(event) or is_redo(event)
            if wanted and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if wanted and event.type() == QEvent.Type.KeyPress:
                self.undo() if is_undo(event) else self.redo()
                return True
        return super().eventFilter(watched, event)

    # Structure -----------------------------------------------------------------------------

    def apply_style(self, kind: BlockKind, level: int = 0) -> None:
        self.commit()
        self.body.set_style(kind, level)
        name = next(n for n, k, lv, _ in self.styles if k is kind and lv == level)
        self.commit(self.tr("Make %1").replace("%1", name.lower()), merge=False)
        self._show_style()

    def _style_chosen(self, index: int) -> None:
        _, kind, level, _key = self.styles[index]
        self.apply_style(kind, level)

    def toggle_bold(self) -> None:
        self.commit()
        self.body.toggle_bold()
        self.commit(self.tr("Bold"), merge=False)
        self._show_style()

    def _show_style(self) -> None:
        kind, level = self.body.current_style()
        for index, (_, k, lv, _key) in enumerate(self.styles):
            if k is kind and lv == level:
                self.style.setCurrentIndex(index)
        self.bold.setChecked(self.body.fontWeight() >= 600)

    # Plain-language check ------------------------------------------------------------------

    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = Glossary.load(group_terms(self.session.workspace))
        return self._glossary

    def check_now(self) -> None:
        """Check the text as it is now, in the background; the result shows when it comes."""
        text = self.body.toPlainText()
        if self.paper_id is None or not text.strip():
            self.checker.cancel()
            self.check.show_report(None, [])
            self.highlighter.set_findings([])
            return
        self.checker.request(text, self.glossary())

    def _checked(self, text: str, report: PlainReport, found: list[Finding]) -> None:
        if text != self.body.toPlainText():
            return  # typed since: the next pause checks again
        self.highlighter.set_findings(found)
        self.check.show_report(report, found)

    def go_to(self, start: int, end: int) -> None:
        cursor = self.body.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.ensureCursorVisible()
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.highlighter.set_base_size(self.body.font().pointSizeF())
        elif event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.body.palette())
        super().changeEvent(event)

    # Making files --------------------------------------------------------------------------

    def add_maker(self, text: str, handler: Callable[[int], None]) -> QPushButton:
        """A button beside "Make this paper…" (the audio maker adds one): `handler` gets the
        paper's id, after what was typed has been saved."""
        button = QPushButton(text)
        button.clicked.connect(lambda: self._call_maker(handler))
        button.setEnabled(self.paper_id is not None)
        self.makers.insertWidget(self.makers.count() - 1, button)
        return button

    def _call_maker(self, handler: Callable[[int], None]) -> None:
        self.commit()
        self._commit_title()
        if self.paper_id is not None:
            handler(self.paper_id)

    def ask_and_make(self) -> None:
        if self.paper_id is None:
            return
        self.commit()
        self._commit_title()
        dialog = MakePaperDialog(self._saved_title, self.folder, self)
        if dialog.exec() == MakePaperDialog.DialogCode.Accepted:
            self.make_files(dialog.profile(), dialog.folder())

    def make_files(self, profile, folder: Path) -> PaperFilesRun | None:  # type: ignore[no-untyped-def]
        """Make the paper in `profile`'s format into `folder`, in the background."""
        if self.paper_id is None:
            return None
        self.commit()
        self._commit_title()
        ws = self.session.workspace
        paper = get_paper(ws, self.paper_id)
        group = get_group(ws)
        self.folder = folder
        work = paper_files_work(paper, group_terms(ws), profile, folder, group.name if group else "")
        self.making = PaperFilesRun(self, self.tr("Making “%1”").replace("%1", paper.title), folder, work)
        self.made.emit(self.making)
        return self.making
