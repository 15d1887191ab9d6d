"""The text box a paper's body is written in: structure only (headings 1-3, paragraphs, lists,
bold), with keys for each, plain-text paste, and undo that goes to the session's stack.

The box keeps no undo history of its own: the paper editor commits what was typed after a
pause, as a command on the session's undo stack, so Ctrl+Z here undoes the same steps as the
Edit menu does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from meetingroom.domain.papers import BlockKind
from meetingroom.ui.paper_text import LIST_STYLES, block_format


def _keys(*keys: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for key in keys:
        found += QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
    return found


def is_undo(event: QKeyEvent) -> bool:
    return _matches(event, _keys(QKeySequence.StandardKey.Undo))


def is_redo(event: QKeyEvent) -> bool:
    return _matches(event, _keys(QKeySequence.StandardKey.Redo, "Ctrl+Y", "Ctrl+Shift+Z"))


def _matches(event: QKeyEvent, keys: list[QKeySequence]) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(not key.isEmpty() and pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
               for key in keys)


class PaperBodyEdit(QTextEdit):
    """Signals: `undo_requested`/`redo_requested` (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z) and `left`
    (focus went elsewhere), so the editor can commit first."""

    undo_requested = Signal()
    redo_requested = Signal()
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)  # Tab moves on, so the box is no trap
        self.tooltip_at = None  # set by the editor: position -> text of the finding there, or ""

    # Structure -----------------------------------------------------------------------------

    def set_style(self, kind: BlockKind, level: int = 0) -> None:
        """Make the paragraphs the cursor touches a heading (level 1-3), a plain paragraph,
        or a bulleted or numbered list. Asking for the list they already are turns it off."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        blocks = self._touched_blocks(cursor)
        if kind in LIST_STYLES:
            style = LIST_STYLES[kind]
            already = all(b.textList() is not None and b.textList().format().style() == style for b in blocks)
            if already:
                self._unlist(blocks)
            else:
                for block in blocks:
                    QTextCursor(block).setBlockFormat(block_format(0))
                cursor.createList(style)  # one list for all the paragraphs touched
        else:
            self._unlist(blocks)
            for block in blocks:
                QTextCursor(block).setBlockFormat(
                    block_format(level if kind is BlockKind.HEADING else 0))
        cursor.endEditBlock()

    @staticmethod
    def _touched_blocks(cursor: QTextCursor) -> list:  # type: ignore[type-arg]
        document = cursor.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        return blocks

    @staticmethod
    def _unlist(blocks: list) -> None:  # type: ignore[type-arg]
        for block in blocks:
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block)
                edit = QTextCursor(block)
                form = edit.blockFormat()
                form.setIndent(0)
                edit.setBlockFormat(form)

    def toggle_bold(self) -> None:
        char = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.DemiBold
        if self.textCursor().hasSelection():
            cursor = self.textCursor()
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            probe = QTextCursor(self.document())
            bold = False
            for position in range(start, end):
                probe.setPosition(position + 1)
                if probe.charFormat().fontWeight() < QFont.Weight.DemiBold:
                    bold = True
                    break
        char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(char)

    def current_style(self) -> tuple[BlockKind, int]:
        block = self.textCursor().block()
        text_list = block.textList()
        if text_list is not None:
            for kind, style in LIST_STYLES.items():
                if text_list.format().style() == style:
                    return kind, 0
        level = block.blockFormat().headingLevel()
        return (BlockKind.HEADING, level) if level else (BlockKind.PARAGRAPH, 0)

    # Keys, paste, focus --------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and (is_undo(event) or is_redo(event)):
            event.accept()  # ours, not the Edit menu's: the pending text is committed first
            return True
        if event.type() == QEvent.Type.ToolTip and self.tooltip_at is not None:
            position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos())).position()
            text = self.tooltip_at(position)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_undo(event):
            self.undo_requested.emit()
            return
        if is_redo(event):
            self.redo_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            cursor = self.textCursor()
            if cursor.block().blockFormat().headingLevel() and cursor.atBlockEnd() and not cursor.hasSelection():
                # After a heading comes a paragraph, not another heading.
                cursor.insertBlock(block_format(0), QTextCharFormat())
                self.setTextCursor(cursor)
                return
            if cursor.block().textList() is not None and not cursor.block().text() and not cursor.hasSelection():
                # Enter on an empty list item ends the list.
                self._unlist([cursor.block()])
                return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste words, not someone else's fonts and colours."""
        if source.hasText():
            self.textCursor().insertText(source.text())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()
