"""The Follow-up view: after a meeting, answer what members said, send each member their
letter, keep actions moving, make the minutes and records of participation.

A meeting chooser (it opens on the most recent meeting held) and a line saying how far its
follow-up has got against the group's feedback deadline, with a warning when it is late;
then tabs for the chosen meeting, and an overview of every meeting.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from meetingroom.domain.feedback import FeedbackProgress
from meetingroom.domain.meeting import Meeting
from meetingroom.store import meetings
from meetingroom.store.followup import meeting_feedback
from meetingroom.store.groups import get_group
from meetingroom.ui.fairness_model import TextTable
from meetingroom.ui.form_fields import buddy
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import LazyTabs, View, explanation, heading, records_table

_TABLES = frozenset({"meeting", "letter", "contribution", "invitation", "member", "group_info"})


def _t(text: str) -> str:
    return QCoreApplication.translate("FollowUpView", text)


def latest_held(choices: list[Meeting], now: datetime) -> Meeting | None:
    """The most recent meeting that has started; else the first to come."""
    started = [m for m in choices if m.start.replace(tzinfo=None) <= now]
    if started:
        return max(started, key=lambda m: m.start)
    return min(choices, key=lambda m: m.start) if choices else None


class OverviewModel(TextTable):
    def __init__(self) -> None:
        super().__init__([_t("Date"), _t("Meeting"), _t("Letters"), _t("Answers"), _t("Deadline"),
                          _t("Where it stands")])

    def set_progress(self, rows: list[tuple[Meeting, FeedbackProgress]]) -> None:
        self.beginResetModel()
        self._rows = [
            (f"{meeting.start:%d %b %Y}", meeting.title,
             _t("%1 made, %2 sent, of %3").replace("%1", str(p.made)).replace("%2", str(p.sent))
             .replace("%3", str(p.owed)),
             _t("%1 of %2").replace("%1", str(p.answered)).replace("%2", str(p.contributions)),
             f"{p.deadline:%d %b %Y}", p.warning() or (_t("Done") if p.done else p.deadline_words()))
            for meeting, p in rows]
        self.endResetModel()


class FollowUpView(View):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("FollowUpView", "Follow-up")

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(session, parent)
        self._now = now
        self.meeting_id: int | None = None
        self.meeting_box = QComboBox()
        self.meeting_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_box.setMinimumContentsLength(24)
        chooser = QHBoxLayout()
        chooser.addWidget(buddy(_t("&Meeting"), self.meeting_box, _t("Meeting to follow up")))
        chooser.addWidget(self.meeting_box, 1)
        self.progress_line = explanation("")
        self.warning = explanation("")
        self.warning.setObjectName("warningLine")
        self.tabs = LazyTabs(_t("Follow-up sections"))
        self.panels: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(chooser)
        layout.addWidget(self.progress_line)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        self.tabs.add(_t("You said, &we did"), lambda: self._panel("answers"))
        self.tabs.add(_t("&Letters and minutes"), lambda: self._panel("letters"))
        self.tabs.add(_t("Ac&tions"), lambda: self._panel("actions"))
        self.tabs.add(_t("Re&cord of the meeting"), lambda: self._panel("record"))
        self.tabs.add(_t("Record of &participation"), lambda: self._panel("participation"))
        self.tabs.add(_t("Pay and e&xpenses"), lambda: self._panel("payments"))
        self.tabs.add(_t("Eval&uation"), lambda: self._panel("evaluation"))
        self.tabs.add(_t("&Overview"), lambda: self._panel("overview"))
        self.meeting_box.currentIndexChanged.connect(self._meeting_chosen)
        session.changed.connect(self._on_changed)
        self._fill_meetings()

    def now(self) -> datetime:
        return self._now or datetime.now()

    def _panel(self, key: str) -> QWidget:
        from meetingroom.ui.answers_panel import ActionsPanel, AnswersPanel
        from meetingroom.ui.evaluation_panel import EvaluationPanel
        from meetingroom.ui.letters_panel import LettersPanel
        from meetingroom.ui.participation_panel import ParticipationPanel
        from meetingroom.ui.payments_panel import PaymentsPanel
        from meetingroom.ui.record_panel import RecordPanel

        panel: QWidget
        if key == "answers":
            panel = AnswersPanel(self.session, self.meeting_id)
        elif key == "letters":
            panel = LettersPanel(self.session, self.meeting_id)
        elif key == "actions":
            panel = ActionsPanel(self.session, self.now().date())
        elif key == "record":
            panel = RecordPanel(self.session, self.meeting_id)
        elif key == "participation":
            panel = ParticipationPanel(self.session, self.now().date())
        elif key == "payments":
            panel = PaymentsPanel(self.session, self.meeting_id)
        elif key == "evaluation":
            panel = EvaluationPanel(self.session, self.meeting_id)
        else:
            panel = self._overview()
        self.panels[key] = panel
        return panel

    def panel(self, key: str) -> QWidget:
        """A tab's panel, shown (built if it was not yet): answers, letters, actions, record,
        participation, payments, evaluation or overview."""
        order = ("answers", "letters", "actions", "record", "participation", "payments", "evaluation",
                 "overview")
        self.tabs.setCurrentIndex(order.index(key))
        return self.panels[key]

    def _overview(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(explanation(_t(
            "Every meeting held: letters made and sent against those owed, contributions "
            "answered, and the feedback deadline.")))
        self.overview = OverviewModel()
        table = records_table(_t("Follow-up of every meeting"), self.overview)
        caption = buddy(_t("Follow-up of every meetin&g:"), table, _t("Follow-up of every meeting"))
        layout.addWidget(caption)
        layout.addWidget(table, 1)
        self._fill_overview()
        return page

    # -- meetings ---------------------------------------------------------------------------------
    def _fill_meetings(self) -> None:
        listed = meetings.list_meetings(self.session.workspace)
        chosen = self.meeting_id
        if chosen is None or chosen not in {m.id for m in listed}:
            best = latest_held(listed, self.now())
            chosen = best.id if best is not None else None
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for meeting in sorted(listed, key=lambda m: m.start):
            self.meeting_box.addItem(f"{meeting.start:%a %d %b %Y}: {meeting.title}", meeting.id)
        self.meeting_box.setCurrentIndex(self.meeting_box.findData(chosen))
        self.meeting_box.blockSignals(False)
        self.meeting_box.setEnabled(bool(listed))
        self._meeting_chosen()

    def choose_meeting(self, meeting_id: int) -> None:
        self.meeting_box.setCurrentIndex(self.meeting_box.findData(meeting_id))

    def _meeting_chosen(self) -> None:
        value = self.meeting_box.currentData()
        self.meeting_id = int(value) if value is not None else None
        for key in ("answers", "letters", "record", "payments", "evaluation"):
            panel = self.panels.get(key)
            if panel is not None:
                panel.set_meeting(self.meeting_id)  # type: ignore[attr-defined]
        self._show_progress()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "meeting" in tables:
            self._fill_meetings()
        elif tables & _TABLES:
            self._show_progress()
        if tables & _TABLES and "overview" in self.panels:
            self._fill_overview()

    def _deadline_days(self) -> int:
        group = get_group(self.session.workspace)
        return group.feedback_deadline_days if group is not None else 14

    def progress(self) -> FeedbackProgress | None:
        if self.meeting_id is None:
            return None
        try:
            meeting = meetings.get_meeting(self.session.workspace, self.meeting_id)
        except KeyError:
            return None
        return meeting_feedback(self.session.workspace, meeting, self._deadline_days(), self.now())

    def _show_progress(self) -> None:
        progress = self.progress()
        if progress is None:
            self.progress_line.setText(_t("There are no meetings yet."))
            self.warning.setVisible(False)
            return
        self.progress_line.setText(f"{progress.summary()} {progress.deadline_words()}")
        warning = progress.warning()
        self.warning.setText(warning)  # it starts "Late:", in words as well as its style
        self.warning.setVisible(bool(warning))

    def _fill_overview(self) -> None:
        ws, now, days = self.session.workspace, self.now(), self._deadline_days()
        held = sorted((m for m in meetings.list_meetings(ws) if m.start.replace(tzinfo=None) <= now),
                      key=lambda m: m.start, reverse=True)
        self.overview.set_progress([(m, meeting_feedback(ws, m, days, now)) for m in held])
