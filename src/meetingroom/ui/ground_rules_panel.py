"""The group's ground rules at the meeting: each in order with its picture, its words and its
easy-read words, and whether this meeting has agreed it (in words and a check box).

Space in the list (or Alt+K) marks the chosen rule agreed or not; "The group agreed all of
these" agrees every rule at once. Rules can be added, edited, removed and moved (Alt+Up and
Alt+Down in the list; Delete removes); a group with none starts from the usual ground rules
the app ships. Every change is an undoable command.

Reading aloud emits `read_aloud` with the words to speak: for each rule its plain words,
then its easy-read words when they say it differently; "read all" puts "Ground rules." and
the rules' numbers in front.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.conduct import GroundRule
from meetingroom.example import ground_rule_templates
from meetingroom.language.pictures import choose_picture, picture_name
from meetingroom.store.conduct import agreed_ground_rules, ground_rules
from meetingroom.store.groups import get_group
from meetingroom.ui.form_fields import ListKeyButton, fit_width, scrolled_page
from meetingroom.ui.ground_rule_commands import (
    AddGroundRule,
    AddUsualGroundRules,
    AgreeAllGroundRules,
    EditGroundRule,
    MoveGroundRule,
    RemoveGroundRule,
    SetGroundRuleAgreed,
)
from meetingroom.ui.member_filter_bar import FlowLayout
from meetingroom.ui.picture_chooser import PictureChooser, picture_px
from meetingroom.ui.picture_icons import picture_pixmap
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation

_TABLES = frozenset({"ground_rule", "ground_rule_agreed", "group_info", "meeting"})
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("ground_rules_panel", text)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def rule_speech(rule: GroundRule) -> str:
    """What is read aloud for a rule: its words, then its easy-read words if they differ."""
    plain, easy = _sentence(rule.text), _sentence(rule.easy_read_text)
    return plain if not easy or easy.casefold() == plain.casefold() else f"{plain} {easy}"


def all_rules_speech(rules: list[GroundRule]) -> str:
    return " ".join([_t("Ground rules."), *(f"{n}. {rule_speech(r)}" for n, r in enumerate(rules, 1))])


class GroundRulesModel(QAbstractListModel):
    """The rules in order; checked when agreed at the meeting. Ticking a rule calls `on_tick`
    (which pushes a command) rather than changing anything itself."""

    def __init__(self, on_tick: Callable[[int, bool], None]) -> None:
        super().__init__()
        self.rules: list[GroundRule] = []
        self.agreed: dict[int, datetime] = {}
        self.px = 48
        self._on_tick = on_tick

    def set_rules(self, rules: list[GroundRule], agreed: dict[int, datetime]) -> None:
        self.beginResetModel()
        self.rules, self.agreed = rules, agreed
        self.endResetModel()

    def row_of(self, rule_id: int | None) -> int:
        return next((n for n, r in enumerate(self.rules) if r.id == rule_id), -1)

    def agreed_words(self, rule: GroundRule) -> str:
        at = self.agreed.get(rule.id or 0)
        return _t("Agreed at %1").replace("%1", f"{at:%H:%M}") if at else _t("Not agreed yet")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rules)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable) if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rules):
            return None
        rule = self.rules[index.row()]
        lines = [f"{index.row() + 1}. {rule.text}"]
        if rule.easy_read_text:
            lines.append(_t("Easy read: %1").replace("%1", rule.easy_read_text))
        lines.append(self.agreed_words(rule))
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ". ".join(line.rstrip(".") for line in lines)
        if role == Qt.ItemDataRole.DecorationRole and rule.picture:
            return picture_pixmap(rule.picture, self.px)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if rule.id in self.agreed else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        rule_id = self.rules[index.row()].id
        if rule_id is not None:
            self._on_tick(rule_id, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True


class RuleCell(QStyledItemDelegate):
    """Each rule as tall as its wrapped words beside the check box and picture, at the list's
    width now, so no line is cut off at any text size. (Qt's own measure leaves out the check
    box, and the theme's check box grows with the text, so the room is worked out here.)"""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.parent()
        assert isinstance(view, QListView)
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        metrics = QFontMetrics(cell.font)
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        check = max(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view),
                    round(metrics.height() * 1.3))
        width = max(1, view.viewport().width() - 2 * view.spacing())
        text_width = width - check - cell.decorationSize.width() - 6 * margin
        bounds = metrics.boundingRect(QRect(0, 0, max(1, text_width), 1_000_000),
                                      Qt.TextFlag.TextWordWrap, cell.text)
        return QSize(width, max(bounds.height(), cell.decorationSize.height()) + 2 * margin)


class GroundRuleDialog(QDialog):
    """A rule's words (needed), its easy-read words and its picture. With no picture chosen,
    one is suggested from the words when the rule is saved."""

    def __init__(self, rule: GroundRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rule = rule
        self.picture = rule.picture
        self.chooser: PictureChooser | None = None
        self.setWindowTitle(_t("Add a ground rule") if rule.id is None else _t("Edit a ground rule"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.text = QLineEdit(rule.text)
        self.easy_read = QLineEdit(rule.easy_read_text)
        for words, field in ((_t("The &rule (needed):"), self.text),
                             (_t("&Easy-read words (short sentences, easy words):"), self.easy_read)):
            buddy = QLabel(words)
            buddy.setWordWrap(True)
            buddy.setBuddy(field)
            form.addRow(buddy, field)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.picture_view = QLabel()
        self.picture_words = explanation("")
        self.choose_button = QPushButton(_t("Choose a &picture…"))
        row.addWidget(self.picture_view)
        row.addWidget(self.picture_words, 1)
        layout.addLayout(row)
        layout.addWidget(self.choose_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_t("Save the rule"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.choose_button.clicked.connect(self.choose_picture)
        self.ok.setEnabled(bool(rule.text.strip()))
        self._show_picture()
        fit_width(self, 60)

    def _words(self) -> str:
        return self.easy_read.text().strip() or self.text.text().strip()

    def _show_picture(self) -> None:
        if self.picture:
            px = picture_px(self)
            self.picture_view.setPixmap(picture_pixmap(self.picture, px))
            self.picture_view.setVisible(True)
            self.picture_words.setText(_t("Picture: %1.").replace("%1", picture_name(self.picture)))
        else:
            self.picture_view.setVisible(False)
            self.picture_words.setText(_t("No picture chosen: one will be suggested from the words."))

    def choose_picture(self) -> None:
        self.chooser = PictureChooser(self._words(), self.picture, self)
        self.chooser.accepted.connect(self._picture_chosen)
        self.chooser.open()

    def _picture_chosen(self) -> None:
        code = self.chooser.chosen() if self.chooser is not None else None
        if code:
            self.picture = code
            self._show_picture()

    def rule(self) -> GroundRule:
        """The rule as the dialog now says it."""
        return replace(self._rule, text=self.text.text().strip(),
                       easy_read_text=self.easy_read.text().strip(),
                       picture=self.picture or choose_picture(self._words()))


class GroundRulesPanel(QWidget):
    read_aloud = Signal(str)  # the words to speak; the console passes them to speech

    def __init__(self, session: WorkspaceSession, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.dialog: GroundRuleDialog | None = None
        layout = scrolled_page(self)
        self.summary = explanation("")
        layout.addWidget(self.summary)
        self.start_button = QPushButton(_t("&Start from the usual ground rules"))
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.model = GroundRulesModel(self.set_agreed)
        self.list = self._list()
        self.list_label = QLabel(_t("The ground rules, in orde&r (Space marks one agreed):"))
        self.list_label.setWordWrap(True)
        self.list_label.setBuddy(self.list)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list, 1)
        self.agree_button = ListKeyButton(_t("Mar&k agreed"), self.list)
        self.read_button = ListKeyButton(_t("Read &this rule aloud"), self.list)
        self.edit_button = QPushButton(_t("E&dit…"))
        self.up_button = ListKeyButton(_t("Move u&p"), self.list)
        self.down_button = ListKeyButton(_t("Move do&wn"), self.list)
        self.remove_button = ListKeyButton(_t("Rem&ove"), self.list)
        self.agree_all_button = QPushButton(_t("The group agreed &all of these"))
        self.read_all_button = QPushButton(_t("Read a&ll aloud"))
        self.add_button = QPushButton(_t("Add a &new rule…"))
        self.rows: list[QWidget] = []
        for buttons in ((self.agree_button, self.read_button, self.edit_button, self.up_button,
                         self.down_button, self.remove_button),
                        (self.agree_all_button, self.read_all_button, self.add_button)):
            row = QWidget()
            flow = FlowLayout(row)  # the buttons wrap onto more lines when text is large
            for button in buttons:
                flow.addWidget(button)
            layout.addWidget(row)
            self.rows.append(row)
        self._layout = layout
        layout.addStretch(0)  # takes the room the list leaves when there are no rules
        self.start_button.clicked.connect(self.start_from_usual)
        self.agree_button.clicked.connect(self.toggle_agreed)
        self.read_button.clicked.connect(self.read_chosen)
        self.edit_button.clicked.connect(self.edit_rule)
        self.up_button.clicked.connect(lambda: self.move_rule(-1))
        self.down_button.clicked.connect(lambda: self.move_rule(1))
        self.remove_button.clicked.connect(self.remove_rule)
        self.agree_all_button.clicked.connect(self.agree_all)
        self.read_all_button.clicked.connect(lambda: self.read_aloud.emit(all_rules_speech(self.model.rules)))
        self.add_button.clicked.connect(self.add_rule)
        for keys, slot, button in (("Alt+Up", lambda: self.move_rule(-1), self.up_button),
                                   ("Alt+Down", lambda: self.move_rule(1), self.down_button),
                                   ("Delete", self.remove_rule, self.remove_button)):
            action = QAction(self.list)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only in the list
            action.triggered.connect(slot)
            self.list.addAction(action)
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{button.text().replace('&', '')} ({shown})")
        self.list.activated.connect(lambda _index: self.edit_rule())
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        session.changed.connect(self._on_changed)
        self.refresh()

    def _list(self) -> QListView:
        rules = QListView()
        rules.setAccessibleName(_t("Ground rules"))
        rules.setModel(self.model)
        rules.setWordWrap(True)
        rules.setUniformItemSizes(False)
        rules.setResizeMode(QListView.ResizeMode.Adjust)
        rules.setSpacing(4)
        rules.setItemDelegate(RuleCell(rules))
        rules.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rules.setTabKeyNavigation(False)
        rules.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rules.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return rules

    def set_meeting(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:  # a new text size: pictures grow with it,
            QTimer.singleShot(0, self, self.refresh)  # once every child has the new font
        super().changeEvent(event)

    def current_rule(self) -> GroundRule | None:
        row = self.list.currentIndex().row()
        return self.model.rules[row] if 0 <= row < len(self.model.rules) else None

    def select_rule(self, rule_id: int | None) -> None:
        row = self.model.row_of(rule_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def refresh(self) -> None:
        ws = self.session.workspace
        chosen = self.current_rule()
        self.model.px = max(40, round(self.fontMetrics().height() * 3))
        self.list.setIconSize(QSize(self.model.px, self.model.px))
        self.list.setMinimumHeight(8 * self.list.fontMetrics().lineSpacing())  # two rules at least
        rules = ground_rules(ws)
        agreed = agreed_ground_rules(ws, self.meeting_id)
        self.model.set_rules(rules, {k: v for k, v in agreed.items() if k in {r.id for r in rules}})
        self.select_rule(chosen.id if chosen else None)
        if not rules:
            self.summary.setText(_t("This group has no ground rules yet. Start from the usual "
                                    "ground rules, or add your own."))
        else:
            done = len(self.model.agreed)
            self.summary.setText(
                (_t("All %1 ground rules are agreed at this meeting.") if done == len(rules) else
                 _t("%1 ground rules; %2 agreed at this meeting so far."))
                .replace("%1", str(len(rules))).replace("%2", str(done)))
        for widget in (self.list_label, self.list, self.rows[0], self.agree_all_button,
                       self.read_all_button):
            widget.setVisible(bool(rules))
        self._layout.setStretch(self._layout.count() - 1, 0 if rules else 1)
        self.start_button.setVisible(not rules)
        self._update_buttons()

    def _update_buttons(self) -> None:
        rule = self.current_rule()
        row = self.list.currentIndex().row()
        for button in (self.agree_button, self.read_button, self.edit_button, self.up_button,
                       self.down_button, self.remove_button):
            button.setEnabled(rule is not None)
        self.up_button.setEnabled(rule is not None and row > 0)
        self.down_button.setEnabled(rule is not None and row < len(self.model.rules) - 1)
        agreed = rule is not None and rule.id in self.model.agreed
        self.agree_button.setText(_t("Mar&k not agreed") if agreed else _t("Mar&k agreed"))
        self.agree_all_button.setEnabled(len(self.model.agreed) < len(self.model.rules))

    def _push(self, command: object) -> None:
        self.session.undo_stack.push(command)  # type: ignore[arg-type]

    def set_agreed(self, rule_id: int, agreed: bool) -> None:
        self._push(SetGroundRuleAgreed(self.session.workspace, self.meeting_id, rule_id, agreed,
                                       datetime.now().replace(microsecond=0)))

    def toggle_agreed(self) -> None:
        rule = self.current_rule()
        if rule is not None and rule.id is not None:
            self.set_agreed(rule.id, rule.id not in self.model.agreed)

    def agree_all(self) -> None:
        ids = [r.id for r in self.model.rules if r.id is not None]
        self._push(AgreeAllGroundRules(self.session.workspace, self.meeting_id, ids,
                                       datetime.now().replace(microsecond=0)))

    def read_chosen(self) -> None:
        rule = self.current_rule()
        if rule is not None:
            self.read_aloud.emit(rule_speech(rule))

    def start_from_usual(self) -> None:
        group = get_group(self.session.workspace)
        self._push(AddUsualGroundRules(self.session.workspace, list(ground_rule_templates().values()),
                                       group.id if group else None))
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_rule(self, by: int) -> None:
        rule = self.current_rule()
        row = self.list.currentIndex().row()
        if rule is None or rule.id is None or not 0 <= row + by < len(self.model.rules):
            return
        self._push(MoveGroundRule(self.session.workspace, rule.id, row + by))
        self.select_rule(rule.id)

    def remove_rule(self) -> None:
        rule = self.current_rule()
        row = self.list.currentIndex().row()
        if rule is None or rule.id is None:
            return
        self._push(RemoveGroundRule(self.session.workspace, rule.id))
        if self.model.rules:
            self.list.setCurrentIndex(self.model.index(min(row, len(self.model.rules) - 1), 0))
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_rule(self) -> None:
        group = get_group(self.session.workspace)
        self._open(GroundRuleDialog(GroundRule("", position=len(self.model.rules),
                                               group_id=group.id if group else None), self))

    def edit_rule(self) -> None:
        rule = self.current_rule()
        if rule is not None:
            self._open(GroundRuleDialog(rule, self))

    def _open(self, dialog: GroundRuleDialog) -> None:
        dialog.accepted.connect(lambda: self._save(dialog.rule()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _save(self, rule: GroundRule) -> None:
        if rule.id is None:
            command = AddGroundRule(self.session.workspace, rule)
            self._push(command)
            self.select_rule(command.rule_id)
        elif rule != self.model.rules[self.model.row_of(rule.id)]:
            self._push(EditGroundRule(self.session.workspace, rule))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
