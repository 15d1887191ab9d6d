"""The hand-made easy-read version of a paper: its points, each a picture and one short
sentence, to add, reword, give another picture, move and remove.

A paper with no hand-made version is made into easy read automatically; the editor shows
that version, and "Start from the automatic version" copies it to change by hand. "Use the
automatic version instead" clears the hand-made one. Every change is one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from meetingroom.documents.pack_contents import paper_document
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.language.glossary import Glossary
from meetingroom.language.pictures import picture_name
from meetingroom.store.glossary import group_terms
from meetingroom.store.papers import get_paper
from meetingroom.ui import easy_read_commands as commands
from meetingroom.ui.easy_read_model import EasyReadPointModel, sentence_flags, shown_picture
from meetingroom.ui.form_fields import scrolling
from meetingroom.ui.paper_body_edit import is_redo, is_undo
from meetingroom.ui.picture_chooser import PictureChooser, picture_px
from meetingroom.ui.picture_icons import PictureIcons, picture_pixmap
from meetingroom.ui.session import WorkspaceSession


class _PointRow(QStyledItemDelegate):
    """A point's height from its words wrapped beside its picture, without drawing the
    picture: only the points on screen are drawn."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # type: ignore[override]
        icon = self.view.iconSize().width()
        width = max(self.view.viewport().width() - icon - 24, icon)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self.view.fontMetrics().boundingRect(0, 0, width, 100000, Qt.TextFlag.TextWordWrap, text)
        return QSize(width + icon + 16, max(icon, rect.height()) + 12)


class EasyReadEditor(QWidget):
    """Shows the paper set with `show_paper`; `chooser` is the picture chooser when open."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.paper_id: int | None = None
        self.hand_made = False
        self.chooser: PictureChooser | None = None
        self._editing_row = -1
        self._build()
        session.changed.connect(self._on_changed)
        self.show_paper(None)

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page = QWidget()
        outer.addWidget(scrolling(page))  # at 200% text it scrolls rather than clip
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.start_button = QPushButton(self.tr("Start &from the automatic version"))
        self.start_button.setToolTip(self.tr("Copy the automatic easy read, to change it by hand"))
        self.automatic_button = QPushButton(self.tr("Use the automatic &version instead"))
        self.automatic_button.setToolTip(self.tr("Clear the hand-made easy read"))
        self.start_button.clicked.connect(self.start_from_automatic)
        self.automatic_button.clicked.connect(self.use_automatic)
        for button in (self.start_button, self.automatic_button):  # one above the other: narrow at 200%
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

        px = picture_px(self)
        self.icons = PictureIcons(px, self)
        self.model = EasyReadPointModel(self.icons, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Easy-read points"))
        self.list.setAccessibleDescription(self.tr("Alt+Up and Alt+Down move the chosen point"))
        self.list.setTabKeyNavigation(False)
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(px, px))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setItemDelegate(_PointRow(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumHeight(px * 3)
        list_label = QLabel(self.tr("P&oints:"))
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)

        self.add_button = QPushButton(self.tr("Add poin&t"))
        self.remove_button = QPushButton(self.tr("Re&move point"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.remove_button.setToolTip(self.tr("Delete"))
        point_buttons = QGridLayout()
        for place, button in enumerate((self.add_button, self.remove_button, self.up_button, self.down_button)):
            point_buttons.addWidget(button, place // 2, place % 2)
        point_buttons.setColumnStretch(2, 1)
        layout.addLayout(point_buttons)
        self.add_button.clicked.connect(self.add_point)
        self.remove_button.clicked.connect(self.remove_point)
        self.up_button.clicked.connect(lambda: self.move_point(-1))
        self.down_button.clicked.connect(lambda: self.move_point(1))
        for key, handler in (("Alt+Up", lambda: self.move_point(-1)), ("Alt+Down", lambda: self.move_point(1)),
                             ("Delete", self.remove_point)):
            action = QAction(self.list)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(handler)
            self.list.addAction(action)

        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_said = QLabel()
        self.picture_said.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose another picture…"))
        self.choose_button.clicked.connect(self.choose_picture)
        self.sentence = QLineEdit()
        sentence_label = QLabel(self.tr("&Sentence:"))
        sentence_label.setBuddy(self.sentence)
        self.sentence.textEdited.connect(self._show_flags)
        self.sentence.editingFinished.connect(self.commit_sentence)
        self.sentence.installEventFilter(self)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.PlainText)
        words = QVBoxLayout()
        words.addWidget(self.picture_said)
        words.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        words.addWidget(sentence_label)
        words.addWidget(self.sentence)
        words.addWidget(self.flags)
        words.addStretch(1)
        chosen = QHBoxLayout()
        chosen.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        chosen.addLayout(words, 1)
        layout.addLayout(chosen)
        self.list.selectionModel().currentChanged.connect(self._point_chosen)

    # Showing a paper -----------------------------------------------------------------------

    def show_paper(self, paper_id: int | None) -> None:
        """Show this paper's easy read (saving a sentence being typed for the one before)."""
        if paper_id == self.paper_id and paper_id is not None:
            return
        self.commit_sentence()
        self.paper_id = paper_id
        self._load()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def automatic_points(self) -> tuple[EasyReadPoint, ...]:
        """The points the paper's automatic easy read has now (its headings left out)."""
        if self.paper_id is None:
            return ()
        ws = self.session.workspace
        paper = get_paper(ws, self.paper_id)
        paper.easy_read = None
        document = paper_document(paper, Glossary.load(group_terms(ws)))
        return tuple(item for item in document.easy_read if isinstance(item, EasyReadPoint))

    def _load(self) -> None:
        row = max(self.list.currentIndex().row(), 0)
        if self.paper_id is None:
            self.hand_made = False
            points: tuple[EasyReadPoint, ...] = ()
            self.state.setText(self.tr("Choose a paper to see its easy read."))
        else:
            made = get_paper(self.session.workspace, self.paper_id).easy_read
            self.hand_made = made is not None
            points = made if made is not None else self.automatic_points()
            self.state.setText(self.tr(
                "This paper has a hand-made easy read: these points are used in easy-read papers."
                if self.hand_made else
                "This paper uses the automatic easy read, made from its text. To change the "
                "sentences or pictures, start from the automatic version."))
        self.model.set_points(points)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self._enable()
        self._point_chosen()

    def _enable(self) -> None:
        paper, made = self.paper_id is not None, self.hand_made
        row = self.current_row()
        self.start_button.setEnabled(paper and not made)
        self.automatic_button.setEnabled(paper and made)
        self.list.setEnabled(paper)
        self.add_button.setEnabled(paper and made)
        self.remove_button.setEnabled(made and row >= 0)
        self.up_button.setEnabled(made and row > 0)
        self.down_button.setEnabled(made and 0 <= row < self.model.rowCount() - 1)
        self.choose_button.setEnabled(made and row >= 0)
        self.sentence.setEnabled(made and row >= 0)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.paper_id is None or not tables & {"paper", "glossary_term"}:
            return
        try:
            self._load()
        except KeyError:  # the paper was deleted: the view chooses another
            self.paper_id = None
            self._load()

    def current_row(self) -> int:
        return self.list.currentIndex().row()

    def _point_chosen(self) -> None:
        row = self.current_row()
        self._editing_row = row
        self._enable()
        if row < 0:
            self.picture.clear()
            self.picture.setAccessibleName("")
            self.picture_said.setText("")
            self.sentence.setText("")
            self._show_flags("")
            return
        code = self.model.picture(row)
        name = picture_name(code)
        self.picture.setPixmap(picture_pixmap(code, round(self.icons.px * 1.5)))
        self.picture.setAccessibleName(name)
        self.picture_said.setText(self.tr("Picture: %1").replace("%1", name))
        if not self.sentence.hasFocus() or self.sentence.text() != self.model.points[row].text:
            self.sentence.setText(self.model.points[row].text)
        self._show_flags(self.sentence.text())

    def _show_flags(self, text: str) -> None:
        if self.current_row() < 0:
            self.flags.setText("")
            return
        flags = sentence_flags(text)
        self.flags.setText("\n".join(flags) if flags else self.tr("This sentence follows the easy-read rules."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the sentence box, Ctrl+Z is the session's undo, after saving the sentence."""
        if watched is self.sentence and isinstance(event, QKeyEvent):
            wanted = is_undo(event) or is_redo(event)
            if wanted and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if wanted and event.type() == QEvent.Type.KeyPress:
                self.commit_sentence()
                self.session.undo_stack.undo() if is_undo(event) else self.session.undo_stack.redo()
                return True
        return super().eventFilter(watched, event)

    # Changing ------------------------------------------------------------------------------

    def _push(self, command: commands.ChangeEasyRead, row: int | None = None) -> None:
        self.session.undo_stack.push(command)
        if row is not None and 0 <= row < self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(row, 0))

    def start_from_automatic(self) -> None:
        if self.paper_id is not None and not self.hand_made:
            self._push(commands.start_from(self.session.workspace, self.paper_id, self.automatic_points()), 0)

    def use_automatic(self) -> None:
        self.commit_sentence()
        if self.paper_id is not None and self.hand_made:
            self._push(commands.use_automatic(self.session.workspace, self.paper_id))

    def add_point(self) -> None:
        """A new, empty point after the chosen one; the cursor goes to its sentence."""
        self.commit_sentence()
        if self.paper_id is None or not self.hand_made:
            return
        at = self.current_row() + 1
        self._push(commands.add_point(self.session.workspace, self.paper_id, self.model.points, at,
                                      EasyReadPoint("")), at)
        self.sentence.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_point(self) -> None:
        row = self.current_row()
        if self.paper_id is None or not self.hand_made or row < 0:
            return
        self._editing_row = -1  # the sentence box belongs to the point going away
        self._push(commands.remove_point(self.session.workspace, self.paper_id, self.model.points, row),
                   min(row, self.model.rowCount() - 2))

    def move_point(self, step: int) -> None:
        self.commit_sentence()
        row = self.current_row()
        if self.paper_id is None or not self.hand_made or not 0 <= row + step < self.model.rowCount() or row < 0:
            return
        self._push(commands.move_point(self.session.workspace, self.paper_id, self.model.points, row, row + step),
                   row + step)

    def commit_sentence(self) -> None:
        """Save the sentence typed for the point it was typed for."""
        row = self._editing_row
        if self.paper_id is None or not self.hand_made or not 0 <= row < self.model.rowCount():
            return
        text = " ".join(self.sentence.text().split())
        if text == self.model.points[row].text:
            return
        self._editing_row = -1  # saved once, even when saving leads back here (a paper chosen)
        self._push(commands.reword_point(self.session.workspace, self.paper_id, self.model.points, row, text), row)

    def choose_picture(self) -> None:
        """Open the picture chooser for the chosen point; what it returns is saved."""
        self.commit_sentence()
        row = self.current_row()
        if self.paper_id is None or not self.hand_made or row < 0:
            return
        point = self.model.points[row]
        self.chooser = PictureChooser(point.text, shown_picture(point), self)
        self.chooser.accepted.connect(lambda: self._picture_chosen(row))
        self.chooser.open()

    def _picture_chosen(self, row: int) -> None:
        code = self.chooser.chosen() if self.chooser is not None else None
        if code is None or self.paper_id is None or not 0 <= row < self.model.rowCount():
            return
        if code != self.model.points[row].picture:
            self._push(commands.change_picture(self.session.workspace, self.paper_id, self.model.points, row, code),
                       row)
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)
