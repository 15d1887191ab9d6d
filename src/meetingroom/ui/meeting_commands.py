"""Undoable edits of a meeting's set-up: adding and editing meetings, who is invited,
arrangements ticked off, and venues. Commands change the store, never widgets."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.arrangements import avoid_time_clashes
from meetingroom.domain.meeting import Meeting, Venue
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import (
    MeetingHasRecords,
    add_meeting,
    add_venue,
    arrangement_done,
    delete_meeting,
    delete_venue,
    get_meeting,
    get_venue,
    invited_member_ids,
    set_arrangement_done,
    set_invited,
    update_meeting,
    update_venue,
)
from meetingroom.ui.commands import EditRecord

log = logging.getLogger(__name__)

_MERGE_MEETING_EDITS = 1002
DEFAULT_START = time(10, 30)


def _t(text: str) -> str:
    return QCoreApplication.translate("meeting_commands", text)


def new_meeting(workspace: Workspace, title: str = "", today: date | None = None) -> Meeting:
    """A meeting with the group's defaults: its length, at 10:30 on the first weekday at least
    two weeks away that falls outside the times the group avoids (if none in the fortnight
    does, the first of those weekdays)."""
    group = get_group(workspace)
    minutes = group.meeting_minutes if group else 120
    avoid = group.times_to_avoid if group else ()
    first = (today or date.today()) + timedelta(weeks=2)
    weekdays = [d for d in (first + timedelta(days=n) for n in range(14)) if d.weekday() < 5]
    meetings = [Meeting(title or _t("New meeting"), datetime.combine(day, DEFAULT_START),
                        group.id if group else None, minutes=minutes) for day in weekdays]
    return next((m for m in meetings if not avoid_time_clashes(m, avoid)), meetings[0])


class AddMeeting(QUndoCommand):
    """Add a meeting (by default `new_meeting`'s); `meeting_id` is its id once done."""

    def __init__(self, workspace: Workspace, meeting: Meeting | None = None) -> None:
        super().__init__(_t("Add meeting"))
        self._workspace = workspace
        self._meeting = dataclasses.replace(meeting or new_meeting(workspace), id=None)
        if self._meeting.group_id is None:
            group = get_group(workspace)
            self._meeting.group_id = group.id if group else None
        self.meeting_id: int | None = None

    def redo(self) -> None:
        meeting = dataclasses.replace(self._meeting, id=self.meeting_id)
        self.meeting_id = add_meeting(self._workspace, meeting)

    def undo(self) -> None:
        assert self.meeting_id is not None
        try:
            delete_meeting(self._workspace, self.meeting_id)
        except MeetingHasRecords:
            # Held since it was added (the console records outside the undo stack): the
            # records are kept, so this step can no longer be undone and leaves the stack.
            log.warning("an added meeting was kept on undo: it has records")
            self.setObsolete(True)


class EditMeeting(EditRecord):
    """Change a meeting's own fields from `before` to `after` (merging runs of one field's
    steps when `merge` is set)."""

    MERGE_ID = _MERGE_MEETING_EDITS
    WHAT = "meeting"

    @classmethod
    def change(cls, workspace: Workspace, meeting_id: int, text: str, merge: bool = False,
               **changes: object) -> EditMeeting:
        before = get_meeting(workspace, meeting_id)
        return cls(workspace, before, dataclasses.replace(before, **changes), text, merge)  # type: ignore[arg-type]

    def _save(self, record: Any) -> None:
        update_meeting(self._workspace, record)


class SetInvited(QUndoCommand):
    def __init__(self, workspace: Workspace, meeting_id: int, member_ids: Sequence[int],
                 text: str | None = None) -> None:
        super().__init__(text or _t("Change who is invited"))
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._before = tuple(invited_member_ids(workspace, meeting_id))
        self._after = tuple(sorted(set(member_ids)))

    def redo(self) -> None:
        set_invited(self._workspace, self._meeting_id, self._after)

    def undo(self) -> None:
        set_invited(self._workspace, self._meeting_id, self._before)


class TickArrangement(QUndoCommand):
    def __init__(self, workspace: Workspace, meeting_id: int, key: str, done: bool) -> None:
        super().__init__(_t("Tick off arrangement") if done else _t("Untick arrangement"))
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._key = key
        self._done = done
        self._before = arrangement_done(workspace, meeting_id).get(key, False)

    def redo(self) -> None:
        set_arrangement_done(self._workspace, self._meeting_id, self._key, self._done)

    def undo(self) -> None:
        set_arrangement_done(self._workspace, self._meeting_id, self._key, self._before)


class SaveVenue(QUndoCommand):
    """Add a venue (no id yet) or change one; `venue_id` is its id once done."""

    def __init__(self, workspace: Workspace, venue: Venue) -> None:
        self._adding = venue.id is None
        super().__init__(_t("Add venue") if self._adding else _t("Change venue details"))
        self._workspace = workspace
        self._after = dataclasses.replace(venue)
        self._before = None if self._adding else get_venue(workspace, venue.id)  # type: ignore[arg-type]
        self.venue_id: int | None = venue.id

    def redo(self) -> None:
        venue = dataclasses.replace(self._after, id=self.venue_id)
        if self._adding:
            self.venue_id = add_venue(self._workspace, venue)
        else:
            update_venue(self._workspace, venue)

    def undo(self) -> None:
        assert self.venue_id is not None
        if self._before is None:
            delete_venue(self._workspace, self.venue_id)
        else:
            update_venue(self._workspace, dataclasses.replace(self._before))
