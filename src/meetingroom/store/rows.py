"""Turning domain dataclasses into rows and back, for the plain one-table things."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache, partial
from typing import Any, TypeVar

from meetingroom.store.workspace import Workspace

T = TypeVar("T")


def to_sql(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):  # kept as JSON text, such as an evaluation's answers
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _plain_type(hint: Any) -> Any:
    """`X | None` -> X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return options[0] if len(options) == 1 else hint
    return hint


def from_sql(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    kind = _plain_type(hint)
    if isinstance(kind, type):
        if issubclass(kind, Enum):
            return kind(value)
        if kind is bool:
            return bool(value)
        if kind is datetime:
            return datetime.fromisoformat(value)
        if kind is date:
            return date.fromisoformat(value)
    return value


def insert(ws: Workspace, table: str, thing: Any, skip: tuple[str, ...] = ()) -> int:
    """Insert the simple fields of a dataclass; set and return its new id."""
    values = {
        f.name: to_sql(getattr(thing, f.name))
        for f in dataclasses.fields(thing)
        if f.name != "id" and f.name not in skip
    }
    columns = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    with ws.transaction() as connection:
        cursor = connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608
        ws.touch(table)
    new_id = int(cursor.lastrowid or 0)
    if hasattr(thing, "id"):
        thing.id = new_id
    return new_id


def insert_keeping_id(connection: sqlite3.Connection, table: str, thing: Any,
                      skip: tuple[str, ...] = ()) -> None:
    """Insert a dataclass with the id it already has (to put back something undone)."""
    values = {f.name: to_sql(getattr(thing, f.name)) for f in dataclasses.fields(thing)
              if f.name not in skip}
    columns = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608


def update(ws: Workspace, table: str, thing: Any, skip: tuple[str, ...] = ()) -> None:
    values = {
        f.name: to_sql(getattr(thing, f.name))
        for f in dataclasses.fields(thing)
        if f.name not in skip
    }
    assignments = ", ".join(f"{name} = :{name}" for name in values if name != "id")
    with ws.transaction() as connection:
        connection.execute(f"UPDATE {table} SET {assignments} WHERE id = :id", values)  # noqa: S608
        ws.touch(table)


Converter = Callable[[Any], Any]


@cache
def _converters(cls: type) -> dict[str, Converter]:
    """Per field, how to turn a column value into the field's type: worked out once per class."""
    converters: dict[str, Converter] = {}
    for name, hint in _hints(cls).items():
        kind = _plain_type(hint)
        if isinstance(kind, type) and issubclass(kind, Enum | bool | datetime | date):
            converters[name] = partial(from_sql, hint)
        elif typing.get_origin(kind) is dict:
            converters[name] = json.loads
        else:
            converters[name] = _same
    return converters


def _same(value: Any) -> Any:
    return value


def build(cls: type[T], row: sqlite3.Row, **extra: Any) -> T:
    """Make a dataclass from a row, converting each column by the field's type hint."""
    converters = _converters(cls)  # type: ignore[arg-type]
    values = {
        name: converters[name](row[name])
        for name in row.keys()
        if name in converters and name not in extra
    }
    values.update(extra)
    return cls(**values)
