"""Meeting set-up: title, date and time, length, mode, venue, who is invited and status, with
the arrangements check (`ArrangementsCheck`) below.

Every change is an undoable command from `meeting_commands`; the panel follows the store and
only rewrites a field whose stored value changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.meeting import Meeting, MeetingMode, MeetingStatus, Venue
from meetingroom.domain.people import Member
from meetingroom.store.meetings import (
    get_meeting,
    get_venue,
    invited_member_ids,
    list_venues,
)
from meetingroom.store.members import list_members
from meetingroom.ui.arrangements_check import ArrangementsCheck
from meetingroom.ui.form_fields import (
    KEY,
    FittedList,
    buddy,
    check_item,
    choices,
    choose,
    form,
    is_ticked,
    number_box,
    scrolling,
)
from meetingroom.ui.labels import label
from meetingroom.ui.meeting_commands import EditMeeting, SaveVenue, SetInvited
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.venue_editor import VenueEditor

TABLES = frozenset({"meeting", "venue", "venue_feature", "invitation", "arrangement", "member",
                    "member_access_need", "group_info", "avoid_time"})
PEOPLE = frozenset({"member", "member_access_need"})


def _t(text: str) -> str:
    return QCoreApplication.translate("MeetingSetupPanel", text)


class MeetingSetupPanel(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.tr("Meeting set-up"))
        self._meeting_id: int | None = None
        self._shown: dict[str, object] = {}
        self._people: dict[int, Member] = {}
        self._dialog: VenueEditor | None = None
        self.empty = QLabel(self.tr("No meeting is chosen. Choose a meeting from the list, or add one."))
        self.empty.setWordWrap(True)
        self.content = QWidget()
        column = QVBoxLayout(self.content)
        column.addWidget(self._details_box())
        column.addWidget(self._invited_box())
        self.check = ArrangementsCheck(session)
        # The check's parts, by the names the panel's users know them by.
        self.clash, self.arrangements = self.check.clash, self.check.arrangements
        self.arrangements_summary = self.check.summary
        column.addWidget(self.check)
        column.addStretch(1)
        self.scroll_area = scrolling(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll_area, 1)
        session.changed.connect(self._on_changed)
        self.show_meeting(None)

    # -- building ----------------------------------------------------------------------------

    def _details_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The meeting"))
        rows = form()
        box.setLayout(rows)
        self.title = QLineEdit()
        self.date = QDateEdit()
        self.date.setDisplayFormat("dddd d MMMM yyyy")
        self.date.setKeyboardTracking(False)
        self.start_time = QTimeEdit()
        self.start_time.setDisplayFormat("HH:mm")
        self.start_time.setKeyboardTracking(False)
        self.length = number_box(15, 600, self.tr(" minutes"), 15)
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        self.mode = choices([(label(mode), mode) for mode in MeetingMode])
        self.venue = QComboBox()
        self.new_venue = QPushButton(self.tr("New venue…"))
        self.edit_venue = QPushButton(self.tr("Change venue details…"))
        self.venue_details = QLabel()
        self.venue_details.setWordWrap(True)
        self.venue_details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.status = choices([(label(status), status) for status in MeetingStatus])
        length_row, venue_row = QWidget(), QWidget()
        line = QHBoxLayout(length_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.length)
        line.addWidget(self.ends, 1)
        venue_column = QVBoxLayout(venue_row)
        venue_column.setContentsMargins(0, 0, 0, 0)
        venue_column.addWidget(self.venue)
        venue_buttons = QHBoxLayout()
        venue_buttons.addWidget(self.new_venue)
        venue_buttons.addWidget(self.edit_venue)
        venue_buttons.addStretch(1)
        venue_column.addLayout(venue_buttons)
        venue_column.addWidget(self.venue_details)
        for text, name, field, shown in (
            (self.tr("&Title:"), self.tr("Meeting title"), self.title, None),
            (self.tr("&Date:"), self.tr("Date"), self.date, None),
            (self.tr("Start t&ime:"), self.tr("Start time"), self.start_time, None),
            (self.tr("&Length:"), self.tr("Length in minutes"), self.length, length_row),
            (self.tr("M&ode:"), self.tr("Mode"), self.mode, None),
            (self.tr("Ve&nue:"), self.tr("Venue"), self.venue, venue_row),
            (self.tr("&Status:"), self.tr("Status"), self.status, None),
        ):
            rows.addRow(buddy(text, field, name), shown or field)
        self.title.editingFinished.connect(self._retitle)
        self.date.dateChanged.connect(lambda _d: self._move())
        self.start_time.timeChanged.connect(lambda _t: self._move())
        self.length.valueChanged.connect(
            lambda value: self._edit(self.tr("Change meeting length"), True, minutes=value))
        self.mode.activated.connect(
            lambda _i: self._edit(self.tr("Change meeting mode"), mode=MeetingMode(self.mode.currentData())))
        self.status.activated.connect(
            lambda _i: self._edit(self.tr("Change meeting status"), status=MeetingStatus(self.status.currentData())))
        self.venue.activated.connect(
            lambda _i: self._edit(self.tr("Choose venue"), venue_id=self.venue.currentData()))
        self.new_venue.clicked.connect(lambda: self._open_venue(None))
        self.edit_venue.clicked.connect(lambda: self._open_venue(self.venue.currentData()))
        return box

    def _invited_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who is invited"))
        column = QVBoxLayout(box)
        self.invited = FittedList()
        self.invited_count = QLabel()
        self.invited_count.setWordWrap(True)
        self.invite_all = QPushButton(self.tr("Invite all active members"))
        column.addWidget(buddy(self.tr("&Who is invited (Space ticks or unticks):"), self.invited,
                               self.tr("Who is invited")))
        column.addWidget(self.invited)
        row = QHBoxLayout()
        row.addWidget(self.invite_all)
        row.addWidget(self.invited_count, 1)
        column.addLayout(row)
        self.invited.itemChanged.connect(self._invite_one)
        self.invite_all.clicked.connect(self._invite_all)
        return box

    # -- following the store -------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        """Set up this meeting (None: say that no meeting is chosen)."""
        self._meeting_id = meeting_id
        self._shown.clear()
        self._refresh(TABLES)

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & TABLES:
            self._refresh(tables)

    def _meeting(self) -> Meeting | None:
        if self._meeting_id is None:
            return None
        try:
            return get_meeting(self.session.workspace, self._meeting_id)
        except KeyError:  # deleted, or its adding undone
            return None

    def _refresh(self, tables: frozenset[str]) -> None:
        """Show the meeting again; the lists are only rebuilt when their own tables changed."""
        meeting = self._meeting()
        self.empty.setVisible(meeting is None)
        self.scroll_area.setVisible(meeting is not None)
        if meeting is None:
            self._meeting_id = None
            return
        self._show("title", meeting.title, self._put_title)
        self._show("start", meeting.start, self._put_start)
        self._show("minutes", meeting.minutes, self._put_length)
        self._show("mode", meeting.mode, lambda v: choose(self.mode, v))
        self._show("status", meeting.status, lambda v: choose(self.status, v))
        self.ends.setText(self.tr("Ends at %1").replace("%1", meeting.end.strftime("%H:%M")))
        ws = self.session.workspace
        venue = None if meeting.venue_id is None else get_venue(ws, meeting.venue_id)
        if tables & {"meeting", "venue", "venue_feature"}:
            self._fill_venues(list_venues(ws), venue)
        if tables & PEOPLE or not self._people:
            self._people = {m.id: m for m in list_members(ws) if m.id is not None}
        people = self._people
        invited = set(invited_member_ids(ws, meeting.id))  # type: ignore[arg-type]
        if tables & (PEOPLE | {"invitation"}):
            self._fill_invited(people, invited)
        self.check.show_for(meeting, venue, [people[i] for i in sorted(invited) if i in people])

    def _show(self, field_name: str, value: object, put: Callable[[Any], None]) -> None:
        if field_name in self._shown and self._shown[field_name] == value:
            return
        self._shown[field_name] = value
        put(value)

    def _put_title(self, title: str) -> None:
        if self.title.text().strip() != title:
            with QSignalBlocker(self.title):
                self.title.setText(title)

    def _put_start(self, start: datetime) -> None:
        with QSignalBlocker(self.date), QSignalBlocker(self.start_time):
            self.date.setDate(QDate(start.year, start.month, start.day))
            self.start_time.setTime(QTime(start.hour, start.minute))

    def _put_length(self, minutes: int) -> None:
        with QSignalBlocker(self.length):
            self.length.setValue(minutes)

    def _fill_venues(self, venues: list[Venue], venue: Venue | None) -> None:
        with QSignalBlocker(self.venue):
            self.venue.clear()
            self.venue.addItem(self.tr("No venue chosen yet"), None)
            for each in venues:
                self.venue.addItem(each.name, each.id)
        choose(self.venue, None if venue is None else venue.id)
        self.edit_venue.setEnabled(venue is not None)
        self.venue_details.setVisible(venue is not None)
        if venue is not None:
            features = ", ".join(label(f) for f in sorted(venue.features)) or self.tr("none recorded")
            lines = [venue.address, venue.directions, self.tr("Access features: %1").replace("%1", features)]
            self.venue_details.setText("\n".join(line for line in lines if line))

    def _fill_invited(self, people: dict[int, Member], invited: set[int]) -> None:
        shown = [m for m in people.values() if (m.active and not m.erased) or m.id in invited]
        shown.sort(key=lambda m: (not m.active or m.erased, m.display_name.casefold()))
        row = self.invited.currentRow()
        with QSignalBlocker(self.invited):
            self.invited.clear()
            for member in shown:
                text = f"{member.display_name} — {label(member.role)}"
                if member.erased:
                    text = member.display_name
                elif not member.active:
                    text += " " + self.tr("(no longer active)")
                if member.access_needs and member.active and not member.erased:
                    text += " — " + ", ".join(label(n) for n in sorted(member.access_needs))
                self.invited.addItem(check_item(text, member.id, member.id in invited))
            if shown:
                self.invited.setCurrentRow(min(max(row, 0), len(shown) - 1))
        self.invited_count.setText(self.tr("%1 of %2 invited").replace("%1", str(len(invited)))
                                   .replace("%2", str(len(shown))))

    # -- changing ----------------------------------------------------------------------------

    def _edit(self, text: str, merge: bool = False, **changes: object) -> None:
        meeting = self._meeting()
        if meeting is None or all(getattr(meeting, k) == v for k, v in changes.items()):
            return
        self.session.undo_stack.push(EditMeeting.change(
            self.session.workspace, meeting.id, text, merge, **changes))  # type: ignore[arg-type]

    def _retitle(self) -> None:
        title = self.title.text().strip()
        if not title:  # a meeting always has a title: put the stored one back
            self._shown.pop("title", None)
            self._refresh(frozenset())
            return
        self._edit(self.tr("Change meeting title"), title=title)

    def _move(self) -> None:
        day, at = self.date.date(), self.start_time.time()
        start = datetime(day.year(), day.month(), day.day(), at.hour(), at.minute())
        self._edit(self.tr("Change date and time"), True, start=start)

    def _invite_one(self, item: QListWidgetItem) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        invited = set(invited_member_ids(self.session.workspace, meeting.id))  # type: ignore[arg-type]
        member_id = item.data(KEY)
        invited = invited | {member_id} if is_ticked(item) else invited - {member_id}
        text = self.tr("Invite a member") if is_ticked(item) else self.tr("Uninvite a member")
        self.session.undo_stack.push(SetInvited(self.session.workspace, meeting.id, sorted(invited), text))  # type: ignore[arg-type]

    def _invite_all(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        ws = self.session.workspace
        invited = set(invited_member_ids(ws, meeting.id))  # type: ignore[arg-type]
        everyone = invited | {m.id for m in list_members(ws, active_only=True) if not m.erased and m.id}
        if everyone != invited:
            self.session.undo_stack.push(SetInvited(ws, meeting.id, sorted(everyone),  # type: ignore[arg-type]
                                                    self.tr("Invite all active members")))

    def _open_venue(self, venue_id: int | None) -> None:
        venue = None if venue_id is None else get_venue(self.session.workspace, venue_id)
        self._dialog = VenueEditor(self, venue)
        self._dialog.accepted.connect(self._save_venue)
        self._dialog.open()

    @property
    def venue_dialog(self) -> VenueEditor | None:
        """The add or change venue dialog while it is open."""
        return self._dialog if self._dialog is not None and self._dialog.isVisible() else None

    def _save_venue(self) -> None:
        meeting, dialog = self._meeting(), self._dialog
        if meeting is None or dialog is None:
            return
        venue = dialog.venue()
        stack, ws = self.session.undo_stack, self.session.workspace
        if venue.id is not None:
            stack.push(SaveVenue(ws, venue))
            return
        # A new venue is for this meeting: adding it and choosing it are one step to undo.
        stack.beginMacro(_t("Add venue"))
        adding = SaveVenue(ws, venue)
        stack.push(adding)
        stack.push(EditMeeting.change(ws, meeting.id, _t("Choose venue"), venue_id=adding.venue_id))  # type: ignore[arg-type]
        stack.endMacro()
        self.venue.setFocus()
