"""Group settings: what the group is for, what it can change, its contact person, and the
defaults its meetings start from (lengths, deadlines, speaking turns, times to avoid).

Every change is an undoable `EditGroup`. The fields follow the store (so undo shows at once),
but a field is only rewritten when its stored value changed, never while someone types in it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.group import AvoidTime, Group, InvolvementLevel, QueuePolicy
from meetingroom.store.groups import get_group
from meetingroom.store.members import list_members
from meetingroom.ui.avoid_time_dialog import AvoidTimeDialog, describe_avoid_time
from meetingroom.ui.commands import EditGroup
from meetingroom.ui.form_fields import (
    FittedList,
    TextBox,
    buddy,
    choices,
    choose,
    form,
    number_box,
    scrolling,
)
from meetingroom.ui.labels import label
from meetingroom.ui.session import WorkspaceSession

TURN_LIMITS = (10, 30 * 60)  # seconds
TABLES = frozenset({"group_info", "avoid_time", "member"})


def _t(text: str) -> str:
    return QCoreApplication.translate("GroupSettingsPanel", text)


# -- speaking-turn lengths -------------------------------------------------------------------------

def parse_turn(text: str) -> int | None:
    """Seconds from "90", "90 seconds", "1:30" or "3 minutes"; None if not understood or out of range."""
    text = text.strip().lower()
    seconds: int | None = None
    if match := re.fullmatch(r"(\d{1,3}):([0-5]\d)", text):
        seconds = int(match[1]) * 60 + int(match[2])
    elif match := re.fullmatch(r"(\d{1,5})\s*(s|secs?|seconds?)?", text):
        seconds = int(match[1])
    elif match := re.fullmatch(r"(\d{1,3})\s*(m|mins?|minutes?)", text):
        seconds = int(match[1]) * 60
    if seconds is None or not TURN_LIMITS[0] <= seconds <= TURN_LIMITS[1]:
        return None
    return seconds


def turn_clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def turn_words(seconds: int) -> str:
    """A length in plain words: "3 minutes", "1 minute 30 seconds", "45 seconds"."""
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(_t("1 minute") if minutes == 1 else _t("%1 minutes").replace("%1", str(minutes)))
    if rest or not minutes:
        parts.append(_t("1 second") if rest == 1 else _t("%1 seconds").replace("%1", str(rest)))
    return " ".join(parts)


# -- the panel -------------------------------------------------------------------------------------

class GroupSettingsPanel(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.tr("Group settings"))
        self._shown: dict[str, object] = {}
        self._dialog: AvoidTimeDialog | None = None
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.addWidget(self._about_box())
        column.addWidget(self._defaults_box())
        column.addWidget(self._payment_box())
        column.addWidget(self._avoid_box())
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(self.content))
        session.changed.connect(self._on_changed)
        self._refresh(TABLES)

    # -- building ----------------------------------------------------------------------------

    def _about_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("About the group"))
        rows = form()
        box.setLayout(rows)
        self.group_name = QLineEdit()
        self.purpose, self.terms = TextBox(3), TextBox(5, most=16)
        self.can_change, self.cannot_change = TextBox(3), TextBox(3)
        self.involvement = choices([(label(level), level) for level in InvolvementLevel])
        self.contact = QComboBox()
        for text, name, field in (
            (self.tr("Group &name:"), self.tr("Group name"), self.group_name),
            (self.tr("&Purpose:"), self.tr("Purpose"), self.purpose),
            (self.tr("&Terms of reference:"), self.tr("Terms of reference"), self.terms),
            (self.tr("Level of &involvement:"), self.tr("Level of involvement"), self.involvement),
            (self.tr("What the group &can change:"), self.tr("What the group can change"), self.can_change),
            (self.tr("What the group cannot change (&boundaries):"),
             self.tr("What the group cannot change"), self.cannot_change),
            (self.tr("Contact pe&rson:"), self.tr("Contact person"), self.contact),
        ):
            rows.addRow(buddy(text, field, name), field)
        self.group_name.editingFinished.connect(self._rename)
        for field_name, box_ in (("purpose", self.purpose), ("terms_of_reference", self.terms),
                                 ("can_change", self.can_change), ("cannot_change", self.cannot_change)):
            box_.editingFinished.connect(lambda f=field_name, b=box_: self._commit_text(f, b))
        self.involvement.activated.connect(lambda _i: self._commit(
            "involvement_level", InvolvementLevel(self.involvement.currentData()), self.tr("Change level of involvement")))
        self.contact.activated.connect(lambda _i: self._commit(
            "contact_member_id", self.contact.currentData(), self.tr("Change contact person")))
        return box

    def _defaults_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Defaults for meetings"))
        rows = form()
        box.setLayout(rows)
        self.meeting_minutes = number_box(15, 480, self.tr(" minutes"), 15)
        self.papers_days = number_box(1, 60, self.tr(" days before the meeting"))
        self.feedback_days = number_box(1, 90, self.tr(" days after the meeting"))
        self.stretch = number_box(10, 240, self.tr(" minutes"), 5)
        self.turn_length = QLineEdit()
        self.turn_length.setPlaceholderText(self.tr("for example 3:00 or 90"))
        self.turn_plain = QLabel()
        self.turn_plain.setWordWrap(True)
        turn = QWidget()
        turn_row = QHBoxLayout(turn)
        turn_row.setContentsMargins(0, 0, 0, 0)
        turn_row.addWidget(self.turn_length)
        turn_row.addWidget(self.turn_plain, 1)
        self.queue_policy = choices([(label(policy), policy) for policy in QueuePolicy])
        for text, name, field, shown in (
            (self.tr("Meeting &length:"), self.tr("Meeting length in minutes"), self.meeting_minutes, None),
            (self.tr("Papers &deadline:"), self.tr("Papers deadline in days before the meeting"),
             self.papers_days, None),
            (self.tr("Feedbac&k deadline:"), self.tr("Feedback deadline in days after the meeting"),
             self.feedback_days, None),
            (self.tr("Longest &stretch without a break:"),
             self.tr("Longest stretch without a break in minutes"), self.stretch, None),
            (self.tr("Speaking t&urn (minutes:seconds):"), self.tr("Speaking-turn length"),
             self.turn_length, turn),
            (self.tr("&Queue order:"), self.tr("Speaking queue order"), self.queue_policy, None),
        ):
            rows.addRow(buddy(text, field, name), shown or field)
        for field_name, spin, words in (
            ("meeting_minutes", self.meeting_minutes, self.tr("Change meeting length")),
            ("papers_deadline_days", self.papers_days, self.tr("Change papers deadline")),
            ("feedback_deadline_days", self.feedback_days, self.tr("Change feedback deadline")),
            ("max_stretch_minutes", self.stretch, self.tr("Change longest stretch without a break")),
        ):
            spin.valueChanged.connect(lambda value, f=field_name, w=words: self._commit(f, value, w, True))
        self.turn_length.editingFinished.connect(self._commit_turn)
        self.queue_policy.activated.connect(lambda _i: self._commit(
            "queue_policy", QueuePolicy(self.queue_policy.currentData()), self.tr("Change queue order")))
        return box

    def _payment_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Payment policy"))
        rows = form()
        box.setLayout(rows)
        hint = QLabel(self.tr("Every member's follow-up letter tells them how to claim and how "
                              "long payment takes."))
        hint.setWordWrap(True)
        rows.addRow(hint)
        self.how_to_claim = TextBox(3)
        self.payment_days = number_box(0, 120, self.tr(" days"))
        self.payment_days.setSpecialValueText(self.tr("Not said"))
        rows.addRow(buddy(self.tr("How to clai&m payment and expenses:"), self.how_to_claim,
                          self.tr("How to claim payment and expenses")), self.how_to_claim)
        rows.addRow(buddy(self.tr("Pa&yment takes:"), self.payment_days,
                          self.tr("How many days payment takes")), self.payment_days)
        self.how_to_claim.editingFinished.connect(
            lambda: self._commit_text("payment_how_to_claim", self.how_to_claim))
        self.payment_days.valueChanged.connect(lambda value: self._commit(
            "payment_days", value, self.tr("Change how long payment takes"), True))
        return box

    def _avoid_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Times to avoid"))
        column = QVBoxLayout(box)
        hint = QLabel(self.tr("Times the group keeps meetings out of, such as Friday prayers or "
                              "the school run. Meeting set-up warns when a meeting falls in one."))
        hint.setWordWrap(True)
        self.avoid_list = FittedList()
        column.addWidget(hint)
        column.addWidget(buddy(self.tr("Times to &avoid:"), self.avoid_list, self.tr("Times to avoid")))
        column.addWidget(self.avoid_list)
        buttons = QHBoxLayout()
        self.add_avoid = QPushButton(self.tr("Add a time…"))
        self.edit_avoid = QPushButton(self.tr("Change…"))
        self.remove_avoid = QPushButton(self.tr("Remove"))
        self.edit_avoid.setAccessibleName(self.tr("Change the chosen time to avoid"))
        self.remove_avoid.setAccessibleName(self.tr("Remove the chosen time to avoid"))
        for button in (self.add_avoid, self.edit_avoid, self.remove_avoid):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add_avoid.clicked.connect(lambda: self._open_avoid_dialog(None))
        self.edit_avoid.clicked.connect(lambda: self._open_avoid_dialog(self.avoid_list.currentRow()))
        self.avoid_list.itemActivated.connect(lambda _item: self._open_avoid_dialog(self.avoid_list.currentRow()))
        self.remove_avoid.clicked.connect(self._remove_avoid)
        self.avoid_list.currentRowChanged.connect(self._enable_avoid_buttons)
        return box

    # -- following the store -------------------------------------------------------------------

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & TABLES:
            self._refresh(tables)

    def _refresh(self, tables: frozenset[str]) -> None:
        """Show the group again; the contact list is only rebuilt when members or the contact
        changed (it can hold thousands of people)."""
        group = get_group(self.session.workspace)
        self.content.setEnabled(group is not None)
        if group is None:
            return
        for field_name, box in (("name", self.group_name), ("purpose", self.purpose),
                                ("terms_of_reference", self.terms), ("can_change", self.can_change),
                                ("cannot_change", self.cannot_change),
                                ("payment_how_to_claim", self.how_to_claim)):
            self._show(field_name, getattr(group, field_name), partial(_put_text, box))
        self._show("involvement_level", group.involvement_level, lambda v: choose(self.involvement, v))
        if "member" in tables or self._shown.get("contact_member_id", -1) != group.contact_member_id:
            self._shown["contact_member_id"] = group.contact_member_id
            self._fill_contacts(group)
        for field_name, spin in (("meeting_minutes", self.meeting_minutes),
                                 ("papers_deadline_days", self.papers_days),
                                 ("feedback_deadline_days", self.feedback_days),
                                 ("max_stretch_minutes", self.stretch),
                                 ("payment_days", self.payment_days)):
            self._show(field_name, getattr(group, field_name), partial(_put_number, spin))
        self._show("turn_seconds", group.turn_seconds, self._put_turn)
        self._show("queue_policy", group.queue_policy, lambda v: choose(self.queue_policy, v))
        self._show("times_to_avoid", group.times_to_avoid, self._put_avoid_times)

    def _show(self, field_name: str, value: object, put: Callable[[Any], None]) -> None:
        """Put a stored value in its field, unless the field already shows it (keeps typing)."""
        if field_name in self._shown and self._shown[field_name] == value:
            return
        self._shown[field_name] = value
        put(value)

    def _fill_contacts(self, group: Group) -> None:
        people = [m for m in list_members(self.session.workspace) if m.active and not m.erased]
        people.sort(key=lambda m: m.display_name.casefold())
        entries: list[tuple[str, int | None]] = [(self.tr("No contact person"), None)]
        entries += [(m.display_name, m.id) for m in people]
        if group.contact_member_id is not None and all(m.id != group.contact_member_id for m in people):
            entries.append((self.tr("A former or inactive member"), group.contact_member_id))
        with QSignalBlocker(self.contact):
            self.contact.clear()
            for text, member_id in entries:
                self.contact.addItem(text, member_id)
        choose(self.contact, group.contact_member_id)

    def _put_turn(self, seconds: int) -> None:
        self.turn_length.setText(turn_clock(seconds))
        self.turn_plain.setText(turn_words(seconds))
        self.turn_length.setAccessibleDescription(turn_words(seconds))

    def _put_avoid_times(self, times: tuple[AvoidTime, ...]) -> None:
        row = self.avoid_list.currentRow()
        with QSignalBlocker(self.avoid_list):
            self.avoid_list.clear()
            self.avoid_list.addItems([describe_avoid_time(t) for t in times])
            if times:
                self.avoid_list.setCurrentRow(min(max(row, 0), len(times) - 1))
        self._enable_avoid_buttons()

    def _enable_avoid_buttons(self) -> None:
        chosen = self.avoid_list.currentRow() >= 0
        self.edit_avoid.setEnabled(chosen)
        self.remove_avoid.setEnabled(chosen)

    # -- changing ----------------------------------------------------------------------------

    def _commit(self, field_name: str, value: object, text: str, merge: bool = False) -> None:
        group = get_group(self.session.workspace)
        if group is None or getattr(group, field_name) == value:
            return
        changes: dict[str, Any] = {field_name: value}
        after = dataclasses.replace(group, **changes)
        self.session.undo_stack.push(EditGroup(self.session.workspace, group, after, text, merge))

    def _rename(self) -> None:
        name = self.group_name.text().strip()
        if not name:  # a group always has a name: put the stored one back
            self._shown.pop("name", None)
            self._refresh(frozenset())
            return
        self._commit("name", name, _t("Rename group"))

    def _commit_text(self, field_name: str, box: TextBox) -> None:
        words = {"purpose": self.tr("Change purpose"),
                 "terms_of_reference": self.tr("Change terms of reference"),
                 "can_change": self.tr("Change what the group can change"),
                 "cannot_change": self.tr("Change what the group cannot change"),
                 "payment_how_to_claim": self.tr("Change how to claim payment")}
        self._commit(field_name, box.toPlainText().strip(), words[field_name])

    def _commit_turn(self) -> None:
        seconds = parse_turn(self.turn_length.text())
        if seconds is None:
            self.turn_plain.setText(self.tr(
                "Problem: type seconds (such as 90) or minutes and seconds (such as 1:30), "
                "from 10 seconds to 30 minutes."))
            return
        group = get_group(self.session.workspace)
        if group is not None and group.turn_seconds == seconds:
            self._put_turn(seconds)  # tidy "180" into "3:00"
            return
        self._commit("turn_seconds", seconds, self.tr("Change speaking-turn length"))

    def _open_avoid_dialog(self, row: int | None) -> None:
        group = get_group(self.session.workspace)
        if group is None or (row is not None and not 0 <= row < len(group.times_to_avoid)):
            return
        self._dialog = AvoidTimeDialog(self, None if row is None else group.times_to_avoid[row])
        self._dialog.accepted.connect(lambda: self._save_avoid(row))
        self._dialog.open()

    @property
    def avoid_dialog(self) -> AvoidTimeDialog | None:
        """The add or change dialog while it is open."""
        return self._dialog if self._dialog is not None and self._dialog.isVisible() else None

    def _save_avoid(self, row: int | None) -> None:
        group = get_group(self.session.workspace)
        if group is None or self._dialog is None:
            return
        times = list(group.times_to_avoid)
        if row is None:
            times.append(self._dialog.avoid_time())
            text = self.tr("Add a time to avoid")
        else:
            times[row] = self._dialog.avoid_time()
            text = self.tr("Change a time to avoid")
        self._commit("times_to_avoid", tuple(times), text)
        if row is None:
            self.avoid_list.setCurrentRow(self.avoid_list.count() - 1)
        self.avoid_list.setFocus()

    def _remove_avoid(self) -> None:
        group = get_group(self.session.workspace)
        row = self.avoid_list.currentRow()
        if group is None or not 0 <= row < len(group.times_to_avoid):
            return
        times = group.times_to_avoid[:row] + group.times_to_avoid[row + 1:]
        self._commit("times_to_avoid", times, self.tr("Remove a time to avoid"))
        self.avoid_list.setFocus()


def _put_text(box: QLineEdit | QPlainTextEdit, value: str) -> None:
    current = box.text() if isinstance(box, QLineEdit) else box.toPlainText()
    if current.strip() != value:
        with QSignalBlocker(box):
            if isinstance(box, QLineEdit):
                box.setText(value)
            else:
                box.setPlainText(value)


def _put_number(box: QSpinBox, value: int) -> None:
    with QSignalBlocker(box):
        box.setValue(value)
