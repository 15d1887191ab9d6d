"""Venues, meetings, invitations, attendance and agenda items."""

from __future__ import annotations

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.meeting import Attendance, Meeting, Venue, VenueFeature
from meetingroom.store.rows import build, insert, to_sql, update
from meetingroom.store.workspace import Workspace


def add_venue(ws: Workspace, venue: Venue) -> int:
    with ws.transaction() as connection:
        venue_id = insert(ws, "venue", venue, skip=("features",))
        connection.executemany(
            "INSERT INTO venue_feature (venue_id, feature) VALUES (?, ?)",
            [(venue_id, f.value) for f in sorted(venue.features)],
        )
    return venue_id


def get_venue(ws: Workspace, venue_id: int) -> Venue:
    rows = ws.query("SELECT * FROM venue WHERE id = ?", (venue_id,))
    if not rows:
        raise KeyError(f"no venue with id {venue_id}")
    row = rows[0]
    features = frozenset(
        VenueFeature(r["feature"])
        for r in ws.query("SELECT feature FROM venue_feature WHERE venue_id = ?", (venue_id,))
    )
    return build(Venue, row, features=features)


def add_meeting(ws: Workspace, meeting: Meeting) -> int:
    return insert(ws, "meeting", meeting)


def update_meeting(ws: Workspace, meeting: Meeting) -> None:
    update(ws, "meeting", meeting)


def get_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    rows = ws.query("SELECT * FROM meeting WHERE id = ?", (meeting_id,))
    if not rows:
        raise KeyError(f"no meeting with id {meeting_id}")
    return build(Meeting, rows[0])


def list_meetings(ws: Workspace) -> list[Meeting]:
    return [build(Meeting, row) for row in ws.query("SELECT * FROM meeting ORDER BY start, id")]


def invite(ws: Workspace, meeting_id: int, member_ids: list[int]) -> None:
    with ws.transaction() as connection:
        connection.executemany(
            "INSERT OR IGNORE INTO invitation (meeting_id, member_id) VALUES (?, ?)",
            [(meeting_id, m) for m in member_ids],
        )
        ws.touch("invitation")


def invited_member_ids(ws: Workspace, meeting_id: int) -> list[int]:
    return [r[0] for r in ws.query(
        "SELECT member_id FROM invitation WHERE meeting_id = ? ORDER BY member_id", (meeting_id,))]


def set_attendance(ws: Workspace, attendance: Attendance) -> None:
    with ws.transaction() as connection:
        connection.execute(
            "INSERT INTO attendance (meeting_id, member_id, status, arrived_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, "
            "arrived_at = excluded.arrived_at",
            (attendance.meeting_id, attendance.member_id, to_sql(attendance.status),
             to_sql(attendance.arrived_at)),
        )
        ws.touch("attendance")


def attendance(ws: Workspace, meeting_id: int) -> list[Attendance]:
    return [build(Attendance, r) for r in ws.query(
        "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY member_id", (meeting_id,))]


def add_agenda_item(ws: Workspace, item: AgendaItem) -> int:
    with ws.transaction() as connection:
        item_id = insert(ws, "agenda_item", item, skip=("paper_ids",))
        connection.executemany(
            "INSERT INTO agenda_item_paper (agenda_item_id, paper_id) VALUES (?, ?)",
            [(item_id, p) for p in item.paper_ids],
        )
    return item_id


def agenda_items(ws: Workspace, meeting_id: int) -> list[AgendaItem]:
    papers: dict[int, list[int]] = {}
    for r in ws.query(
        "SELECT agenda_item_id, paper_id FROM agenda_item_paper JOIN agenda_item "
        "ON agenda_item.id = agenda_item_id WHERE meeting_id = ?", (meeting_id,)
    ):
        papers.setdefault(r[0], []).append(r[1])
    return [
        build(AgendaItem, r, paper_ids=tuple(papers.get(r["id"], ())))
        for r in ws.query(
            "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", (meeting_id,))
    ]
