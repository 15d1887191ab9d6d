"""Venues, meetings, invitations, arrangement ticks, attendance and agenda items."""

from __future__ import annotations

import sqlite3

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.meeting import Attendance, Meeting, Venue, VenueFeature
from meetingroom.store.rows import build, insert, insert_keeping_id, to_sql, update
from meetingroom.store.workspace import Workspace

# Tables that hold what happened at a meeting: a meeting with rows in any of them is a record
# and is never deleted.
HELD_RECORDS: dict[str, str] = {
    "attendance": "attendance",
    "speaking_turn": "speaking turns",
    "card": "cards",
    "decision": "decisions",
    "action": "actions",
    "contribution": "contributions",
    "meeting_event": "meeting events",
    "ground_rule_agreed": "ground rules agreed",
    "distribution": "papers sent",
    "letter": "letters",
    "payment": "payments",
    "evaluation": "evaluations",
}


class MeetingHasRecords(ValueError):
    """Refused: the meeting has records of being held, which must be kept."""


# -- venues ------------------------------------------------------------------------------------

def _save_features(connection: sqlite3.Connection, venue: Venue) -> None:
    connection.execute("DELETE FROM venue_feature WHERE venue_id = ?", (venue.id,))
    connection.executemany(
        "INSERT INTO venue_feature (venue_id, feature) VALUES (?, ?)",
        [(venue.id, f.value) for f in sorted(venue.features)],
    )


def add_venue(ws: Workspace, venue: Venue) -> int:
    """Save a new venue and its features; a venue that already has an id keeps it (redo)."""
    with ws.transaction() as connection:
        if venue.id is None:
            insert(ws, "venue", venue, skip=("features",))
        else:
            insert_keeping_id(connection, "venue", venue, skip=("features",))
        _save_features(connection, venue)
        ws.touch("venue", "venue_feature")
    assert venue.id is not None
    return venue.id


def update_venue(ws: Workspace, venue: Venue) -> None:
    if venue.id is None:
        raise ValueError("an unsaved venue cannot be updated")
    with ws.transaction() as connection:
        update(ws, "venue", venue, skip=("features",))
        _save_features(connection, venue)
        ws.touch("venue", "venue_feature")


def delete_venue(ws: Workspace, venue_id: int) -> None:
    """Remove a venue; meetings that were there have no venue afterwards."""
    with ws.transaction() as connection:
        connection.execute("DELETE FROM venue WHERE id = ?", (venue_id,))
        ws.touch("venue", "venue_feature", "meeting")


def _features(ws: Workspace) -> dict[int, frozenset[VenueFeature]]:
    found: dict[int, set[VenueFeature]] = {}
    for r in ws.query("SELECT venue_id, feature FROM venue_feature"):
        found.setdefault(r["venue_id"], set()).add(VenueFeature(r["feature"]))
    return {venue_id: frozenset(features) for venue_id, features in found.items()}


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


def list_venues(ws: Workspace) -> list[Venue]:
    """Every venue, by name."""
    features = _features(ws)
    return [build(Venue, r, features=features.get(r["id"], frozenset()))
            for r in ws.query("SELECT * FROM venue ORDER BY name COLLATE NOCASE, id")]


# -- meetings ----------------------------------------------------------------------------------

def add_meeting(ws: Workspace, meeting: Meeting) -> int:
    """Save a new meeting; a meeting that already has an id keeps it (redo after undo)."""
    if meeting.id is None:
        return insert(ws, "meeting", meeting)
    with ws.transaction() as connection:
        insert_keeping_id(connection, "meeting", meeting)
        ws.touch("meeting")
    return meeting.id


def update_meeting(ws: Workspace, meeting: Meeting) -> None:
    if meeting.id is None:
        raise ValueError("an unsaved meeting cannot be updated")
    update(ws, "meeting", meeting)


def held_records(ws: Workspace, meeting_id: int) -> list[str]:
    """What the meeting has records of, in words ("attendance", "decisions"); empty if none."""
    return [words for table, words in HELD_RECORDS.items()
            if ws.query(f"SELECT 1 FROM {table} WHERE meeting_id = ? LIMIT 1", (meeting_id,))]  # noqa: S608


def delete_meeting(ws: Workspace, meeting_id: int) -> None:
    """Remove a meeting that was never held, with its invitations, arrangements and agenda.

    Raises MeetingHasRecords when anything was recorded at or after it: those records are kept.
    """
    with ws.transaction() as connection:
        records = held_records(ws, meeting_id)
        if records:
            raise MeetingHasRecords(
                "This meeting cannot be deleted because it has records that must be kept: "
                + ", ".join(records) + ".")
        connection.execute("DELETE FROM meeting WHERE id = ?", (meeting_id,))
        ws.touch("meeting", "invitation", "arrangement", "agenda_item", "agenda_item_paper")


def get_meeting(ws: Workspace, meeting_id: int) -> Meeting:
    rows = ws.query("SELECT * FROM meeting WHERE id = ?", (meeting_id,))
    if not rows:
        raise KeyError(f"no meeting with id {meeting_id}")
    return build(Meeting, rows[0])


def list_meetings(ws: Workspace) -> list[Meeting]:
    return [build(Meeting, row) for row in ws.query("SELECT * FROM meeting ORDER BY start, id")]


# -- invitations and arrangements --------------------------------------------------------------

def invite(ws: Workspace, meeting_id: int, member_ids: list[int]) -> None:
    with ws.transaction() as connection:
        connection.executemany(
            "INSERT OR IGNORE INTO invitation (meeting_id, member_id) VALUES (?, ?)",
            [(meeting_id, m) for m in member_ids],
        )
        ws.touch("invitation")


def set_invited(ws: Workspace, meeting_id: int, member_ids: list[int] | tuple[int, ...]) -> None:
    """Make exactly these members the meeting's invited list."""
    wanted = set(member_ids)
    with ws.transaction() as connection:
        before = set(invited_member_ids(ws, meeting_id))
        connection.executemany(
            "DELETE FROM invitation WHERE meeting_id = ? AND member_id = ?",
            [(meeting_id, m) for m in sorted(before - wanted)],
        )
        connection.executemany(
            "INSERT INTO invitation (meeting_id, member_id) VALUES (?, ?)",
            [(meeting_id, m) for m in sorted(wanted - before)],
        )
        ws.touch("invitation")


def invited_member_ids(ws: Workspace, meeting_id: int) -> list[int]:
    return [r[0] for r in ws.query(
        "SELECT member_id FROM invitation WHERE meeting_id = ? ORDER BY member_id", (meeting_id,))]


def arrangement_done(ws: Workspace, meeting_id: int) -> dict[str, bool]:
    """Which of the meeting's arrangements are ticked off, by key (keys never ticked are absent)."""
    return {r["key"]: bool(r["done"]) for r in ws.query(
        "SELECT key, done FROM arrangement WHERE meeting_id = ?", (meeting_id,))}


def set_arrangement_done(ws: Workspace, meeting_id: int, key: str, done: bool) -> None:
    with ws.transaction() as connection:
        connection.execute(
            "INSERT INTO arrangement (meeting_id, key, done) VALUES (?, ?, ?) "
            "ON CONFLICT (meeting_id, key) DO UPDATE SET done = excluded.done",
            (meeting_id, key, int(done)),
        )
        ws.touch("arrangement")


# -- attendance and agenda ---------------------------------------------------------------------

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
