"""The Meeting console: check-in, ground rules, running the meeting and recording what it
decided, for one chosen meeting.

It opens on today's meeting if there is one, otherwise the next to come, otherwise the last
held. Everything done here is stored as it happens, so reopening the console after a crash
carries on exactly where the meeting was.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from meetingroom.domain.meeting import Meeting
from meetingroom.store import meetings
from meetingroom.ui.form_fields import buddy
from meetingroom.ui.meeting_run import MeetingRun
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import LazyTabs, View, explanation, heading

RUN_KEYS = ("F5", "F6", "F7", "F8", "F9", "Ctrl+Shift+P", "Ctrl+Shift+G", "Ctrl+Shift+R")


def best_meeting(choices: list[Meeting], today: datetime) -> Meeting | None:
    """Today's meeting, else the next to come, else the most recent."""
    if not choices:
        return None
    on_the_day = [m for m in choices if m.start.date() == today.date()]
    if on_the_day:
        return on_the_day[0]
    to_come = sorted((m for m in choices if m.start > today), key=lambda m: m.start)
    if to_come:
        return to_come[0]
    return max(choices, key=lambda m: m.start)


class ConsoleView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ConsoleView", "Meeting console")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.run: MeetingRun | None = None
        self.meeting_box = QComboBox()
        # Long meeting titles must not make the window wider than the screen at 200% text.
        self.meeting_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_box.setMinimumContentsLength(24)
        self.meeting_box.currentIndexChanged.connect(self._meeting_chosen)
        chooser = QHBoxLayout()
        chooser.addWidget(buddy(self.tr("&Meeting"), self.meeting_box, self.tr("Meeting to run")))
        chooser.addWidget(self.meeting_box, 1)
        self.empty = explanation(self.tr(
            "There are no meetings yet. Add one in Meetings & agenda, then run it here."))
        self.tabs = LazyTabs(self.tr("Meeting console sections"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(chooser)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self._check_in: QWidget | None = None
        self._rules: QWidget | None = None
        self._run_panel: QWidget | None = None
        self._record: QWidget | None = None
        self._fill_meetings()
        for index, keys in enumerate(RUN_KEYS):
            shortcut = QShortcut(QKeySequence(keys), self)
            # Window-wide while the console is the view on screen (a hidden view's shortcuts are off),
            # so the keys work wherever focus is, the navigation and the tab bar included.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda i=index: self._run_key(i))
        speaker = QShortcut(QKeySequence("F4"), self)
        speaker.setContext(Qt.ShortcutContext.WindowShortcut)
        speaker.activated.connect(self.note_speaker)
        session.changed.connect(self._on_changed)
        session.closing.connect(self._closing)

    # -- which meeting --------------------------------------------------------------------
    def _fill_meetings(self) -> None:
        listed = meetings.list_meetings(self.session.workspace)
        chosen = self.meeting_id if self.run is not None else None
        if chosen is None:
            best = best_meeting(listed, datetime.now())
            chosen = best.id if best is not None else None
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for meeting in sorted(listed, key=lambda m: m.start):
            self.meeting_box.addItem(f"{meeting.start:%a %d %b %Y}: {meeting.title}", meeting.id)
        self.meeting_box.setCurrentIndex(max(0, self.meeting_box.findData(chosen)))
        self.meeting_box.blockSignals(False)
        has_meetings = bool(listed)
        self.empty.setVisible(not has_meetings)
        self.tabs.setVisible(has_meetings)
        self.meeting_box.setEnabled(has_meetings)
        if has_meetings and (self.run is None or self.run.meeting_id != self.meeting_box.currentData()):
            self._meeting_chosen()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "meeting" in tables:
            self._fill_meetings()

    @property
    def meeting_id(self) -> int | None:
        return self.run.meeting_id if self.run is not None else None

    def choose_meeting(self, meeting_id: int) -> None:
        self.meeting_box.setCurrentIndex(self.meeting_box.findData(meeting_id))

    def _meeting_chosen(self) -> None:
        meeting_id = self.meeting_box.currentData()
        if meeting_id is None or meeting_id == self.meeting_id:
            return
        old = self.run
        self.run = MeetingRun(self.session, int(meeting_id), parent=self)
        if self.tabs.count() == 0:
            self.tabs.add(self.tr("Check-&in"), self._make_check_in)
            self.tabs.add(self.tr("&Ground rules"), self._make_rules)
            self.tabs.add(self.tr("R&un the meeting"), self._make_run_panel)
            self.tabs.add(self.tr("Re&cord decisions"), self._make_record)
        for panel in (self._check_in, self._rules, self._record):
            if panel is not None:
                panel.set_meeting(int(meeting_id))  # type: ignore[attr-defined]
        if self._run_panel is not None:
            self._run_panel.set_run(self.run)  # type: ignore[attr-defined]
        if old is not None:
            old.close()
            old.deleteLater()

    # -- tabs -------------------------------------------------------------------------------
    def _make_check_in(self) -> QWidget:
        from meetingroom.ui.check_in_panel import CheckInPanel

        assert self.run is not None
        self._check_in = CheckInPanel(self.session, self.run.meeting_id)
        return self._check_in

    def _make_rules(self) -> QWidget:
        from meetingroom.ui.ground_rules_panel import GroundRulesPanel

        assert self.run is not None
        rules = GroundRulesPanel(self.session, self.run.meeting_id)
        rules.read_aloud.connect(self._read_aloud)
        self._rules = rules
        return rules

    def _make_run_panel(self) -> QWidget:
        from meetingroom.ui.form_fields import scrolling
        from meetingroom.ui.run_panel import RunPanel

        assert self.run is not None
        self._run_panel = RunPanel(self.run)
        return scrolling(self._run_panel)

    def _make_record(self) -> QWidget:
        from meetingroom.ui.record_panel import RecordPanel

        assert self.run is not None
        self._record = RecordPanel(self.session, self.run.meeting_id, current=self._now_speaking)
        return self._record

    def _now_speaking(self) -> tuple[int | None, int | None]:
        if self.run is None:
            return None, None
        return self.run.latest_speaker(), self.run.state.current_item_id

    def record_panel(self) -> QWidget:
        """The Record decisions tab's panel, shown (built if it was not yet)."""
        self.tabs.setCurrentIndex(3)
        assert self._record is not None
        return self._record

    def note_speaker(self) -> None:
        """F4: note what the current (or last) speaker said, on the Record decisions tab."""
        if self.run is not None:
            self.record_panel().note_speaker()  # type: ignore[attr-defined]

    def _run_key(self, index: int) -> None:
        """A console key from anywhere in the view: it acts on the Run the meeting tab, shown."""
        if self.run is None:
            return
        panel = self.run_panel()
        keys, action = panel.keys()[index]  # type: ignore[attr-defined]
        assert keys == RUN_KEYS[index]
        action()

    def run_panel(self) -> QWidget:
        """The Run the meeting tab's panel, built if it was not yet (for tests and shortcuts)."""
        self.tabs.setCurrentIndex(2)
        assert self._run_panel is not None
        return self._run_panel

    def _read_aloud(self, text: str) -> None:
        if self._run_panel is None:
            self._make_run_panel_silently()
        self._run_panel.say(text)  # type: ignore[union-attr]

    def _make_run_panel_silently(self) -> None:
        current = self.tabs.currentIndex()
        self.tabs.setCurrentIndex(2)
        self.tabs.setCurrentIndex(current)

    def _closing(self) -> None:
        """The workspace is closing: stop the clock, the speech process and the projector."""
        if self._run_panel is not None:
            self._run_panel.close_run()  # type: ignore[attr-defined]
        elif self.run is not None:
            self.run.close()


