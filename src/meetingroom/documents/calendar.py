"""The meeting as a calendar file (.ics) that any calendar program can add.

Times are UK wall-clock times (Europe/London, from the zoneinfo database that Python or the
tzdata package ships), with the VTIMEZONE written into the file, so nothing is looked up on
the internet and a calendar anywhere shows the right hour, summer time or not.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar

from meetingroom import __version__
from meetingroom.documents.agenda import item_heading, place_lines
from meetingroom.documents.snapshot import MeetingSnapshot
from meetingroom.domain.meeting import MeetingMode

LONDON = ZoneInfo("Europe/London")
PRODUCT = f"-//MeetingRoom//MeetingRoom {__version__}//EN"


def meeting_uid(meeting_id: int) -> str:
    """The same for every calendar file of one meeting, so a new file updates the old entry."""
    return f"meeting-{meeting_id}@meetingroom.local"


def _location(snapshot: MeetingSnapshot) -> str:
    place = place_lines(snapshot)[0]
    return f"{place} (or online)" if snapshot.mode is MeetingMode.HYBRID else place


def _description(snapshot: MeetingSnapshot) -> str:
    lines = [snapshot.group_name] if snapshot.group_name else []
    if snapshot.mode is MeetingMode.HYBRID:
        lines.append("In person, or join online: the link comes before the meeting.")
    elif snapshot.mode is MeetingMode.ONLINE:
        lines.append("Online: the link comes before the meeting.")
    if snapshot.items:
        lines.append("")
        lines.append("Agenda:")
        lines.extend(item_heading(item) for item in snapshot.items)
    if snapshot.contact is not None:
        lines.append("")
        contact = f"Questions: {snapshot.contact.name}"
        if snapshot.contact.details:
            contact += f" ({snapshot.contact.details})"
        lines.append(contact)
    return "\n".join(lines)


def meeting_ics(snapshot: MeetingSnapshot, *, stamp: datetime | None = None) -> bytes:
    """One VEVENT for the meeting, with its time zone, in a VCALENDAR.

    `stamp` is DTSTAMP (when the file was made, UTC); it defaults to now.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", meeting_uid(snapshot.meeting_id))
    event.add("dtstamp", (stamp or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", snapshot.start.replace(tzinfo=LONDON))
    event.add("dtend", snapshot.end.replace(tzinfo=LONDON))
    event.add("summary", snapshot.title)
    event.add("location", _location(snapshot))
    event.add("description", _description(snapshot))
    calendar.add_component(event)
    # VTIMEZONE rules from the local zoneinfo data; the range covers the meeting either side.
    first = date(min(snapshot.start.year, 2000), 1, 1)
    last = date(max(snapshot.end.year + 1, 2038), 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = calendar.to_ical()
    return data
