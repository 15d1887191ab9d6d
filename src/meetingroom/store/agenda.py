"""Changing a meeting's agenda: edit, remove (and put back), move, and add items and breaks.

Positions are kept dense, 0 to n-1 in agenda order, after every change here. Removing an
item returns everything needed to put it back exactly where it was, with the same id and
the same links from decisions, actions, contributions, cards and speaking turns.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace

from meetingroom.domain.agenda import AgendaItem, ItemPurpose
from meetingroom.store.rows import build, to_sql
from meetingroom.store.workspace import Workspace

# Tables whose rows point at an agenda item (ON DELETE SET NULL), so removal can be undone.
LINKED_TABLES = ("decision", "action", "contribution", "card", "speaking_turn")
_FIELDS = ("title", "plain_summary", "purpose", "presenter_id", "proposed_by_id", "minutes", "is_break")
_TABLES = ("agenda_item", "agenda_item_paper")


@dataclass(frozen=True)
class RemovedItem:
    """An item as it was before removal: `item.position` is its place in agenda order."""

    item: AgendaItem
    links: tuple[tuple[str, int], ...] = ()  # (table, row id) that pointed at the item


def get_agenda_item(ws: Workspace, item_id: int) -> AgendaItem:
    rows = ws.query("SELECT * FROM agenda_item WHERE id = ?", (item_id,))
    if not rows:
        raise KeyError(f"no agenda item with id {item_id}")
    papers = tuple(r[0] for r in ws.query(
        "SELECT paper_id FROM agenda_item_paper WHERE agenda_item_id = ? ORDER BY rowid", (item_id,)))
    return build(AgendaItem, rows[0], paper_ids=papers)


def _order(connection: sqlite3.Connection, meeting_id: int) -> list[int]:
    return [r[0] for r in connection.execute(
        "SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", (meeting_id,))]


def _renumber(connection: sqlite3.Connection, order: list[int]) -> None:
    connection.executemany(
        "UPDATE agenda_item SET position = ? WHERE id = ? AND position != ?",
        [(position, item_id, position) for position, item_id in enumerate(order)],
    )


def _save_papers(connection: sqlite3.Connection, item_id: int, paper_ids: tuple[int, ...]) -> None:
    connection.execute("DELETE FROM agenda_item_paper WHERE agenda_item_id = ?", (item_id,))
    connection.executemany(
        "INSERT OR IGNORE INTO agenda_item_paper (agenda_item_id, paper_id) VALUES (?, ?)",
        [(item_id, paper_id) for paper_id in paper_ids],
    )


def _meeting_of(ws: Workspace, item_id: int) -> int:
    rows = ws.query("SELECT meeting_id FROM agenda_item WHERE id = ?", (item_id,))
    if not rows:
        raise KeyError(f"no agenda item with id {item_id}")
    return int(rows[0][0])


def update_agenda_item(ws: Workspace, item: AgendaItem) -> None:
    """Save every field of an item and the papers attached to it; its place is left as it is."""
    if item.id is None:
        raise ValueError("only a saved agenda item can be updated")
    _meeting_of(ws, item.id)
    values = {name: to_sql(getattr(item, name)) for name in _FIELDS}
    values["id"] = item.id
    assignments = ", ".join(f"{name} = :{name}" for name in _FIELDS)
    with ws.transaction() as connection:
        connection.execute(f"UPDATE agenda_item SET {assignments} WHERE id = :id", values)  # noqa: S608
        _save_papers(connection, item.id, item.paper_ids)
        ws.touch(*_TABLES)


def put_agenda_item(ws: Workspace, item: AgendaItem) -> int:
    """Put an item into its meeting's agenda at `item.position` (0 = first; past the end =
    last), moving later items down. An item that has an id keeps it (putting back, redoing)."""
    values = {name: to_sql(getattr(item, name)) for name in _FIELDS}
    values["meeting_id"] = item.meeting_id
    values["position"] = -1
    if item.id is not None:
        values["id"] = item.id
    columns = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    with ws.transaction() as connection:
        order = [i for i in _order(connection, item.meeting_id) if i != item.id]
        cursor = connection.execute(f"INSERT INTO agenda_item ({columns}) VALUES ({marks})", values)  # noqa: S608
        item_id = item.id if item.id is not None else int(cursor.lastrowid or 0)
        order.insert(max(0, min(item.position, len(order))), item_id)
        _renumber(connection, order)
        _save_papers(connection, item_id, item.paper_ids)
        ws.touch(*_TABLES)
    return item_id


def insert_break(ws: Workspace, meeting_id: int, position: int, minutes: int = 15,
                 title: str = "Break", plain_summary: str = "") -> int:
    """Add a break at `position`; returns its id."""
    return put_agenda_item(ws, AgendaItem(
        meeting_id, title, position, plain_summary=plain_summary,
        purpose=ItemPurpose.INFORMATION, minutes=minutes, is_break=True))


def remove_agenda_item(ws: Workspace, item_id: int) -> RemovedItem:
    """Remove an item; return what `restore_agenda_item` needs to put it back in place."""
    item = get_agenda_item(ws, item_id)
    with ws.transaction() as connection:
        order = _order(connection, item.meeting_id)
        links = tuple(
            (table, row[0])
            for table in LINKED_TABLES
            for row in connection.execute(
                f"SELECT id FROM {table} WHERE agenda_item_id = ? ORDER BY id", (item_id,))  # noqa: S608
        )
        connection.execute("DELETE FROM agenda_item WHERE id = ?", (item_id,))
        was = order.index(item_id)
        order.remove(item_id)
        _renumber(connection, order)
        ws.touch(*_TABLES, *sorted({table for table, _ in links}))
    return RemovedItem(replace(item, position=was), links)


def restore_agenda_item(ws: Workspace, removed: RemovedItem) -> int:
    """Put a removed item back where it was, with its id, papers and links."""
    with ws.transaction() as connection:
        item_id = put_agenda_item(ws, removed.item)
        for table, row_id in removed.links:
            connection.execute(
                f"UPDATE {table} SET agenda_item_id = ? WHERE id = ?", (item_id, row_id))  # noqa: S608
        ws.touch(*sorted({table for table, _ in removed.links}))
    return item_id


def move_agenda_item(ws: Workspace, item_id: int, to: int) -> int:
    """Move an item to place `to` in agenda order (clamped); return the place it had."""
    meeting_id = _meeting_of(ws, item_id)
    with ws.transaction() as connection:
        order = _order(connection, meeting_id)
        was = order.index(item_id)
        order.remove(item_id)
        order.insert(max(0, min(to, len(order))), item_id)
        _renumber(connection, order)
        ws.touch("agenda_item")
    return was

