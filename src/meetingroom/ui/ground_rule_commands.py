"""Undoable ground-rule edits: add one rule or the usual set, edit, remove, move, and mark
rules agreed (one, or all at once) at a meeting.

Each command calls `meetingroom.store.ground_rules` (and `store.conduct`); views follow the
session's change signal. Rules keep their id through undo and redo, so later commands on the
stack still find them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.conduct import GroundRule
from meetingroom.store import Workspace
from meetingroom.store.conduct import agreed_ground_rules
from meetingroom.store.ground_rules import (
    RemovedRule,
    add_ground_rules,
    agree_ground_rules,
    get_ground_rule,
    move_ground_rule,
    put_agreement,
    put_ground_rule,
    remove_ground_rule,
    remove_ground_rules,
    restore_ground_rule,
    restore_ground_rules,
    unagree_ground_rules,
    update_ground_rule,
)
from meetingroom.ui.commands import EditRecord

_MERGE_RULE_EDITS = 1501


def _t(text: str) -> str:
    return QCoreApplication.translate("ground_rule_commands", text)


class AddGroundRule(QUndoCommand):
    """Add `rule` at `rule.position` in its group's list."""

    def __init__(self, workspace: Workspace, rule: GroundRule) -> None:
        super().__init__(_t("Add ground rule"))
        self._workspace = workspace
        self._rule = replace(rule, id=None)

    @property
    def rule_id(self) -> int | None:
        return self._rule.id

    def redo(self) -> None:
        self._rule = replace(self._rule, id=put_ground_rule(self._workspace, self._rule))

    def undo(self) -> None:
        assert self._rule.id is not None
        remove_ground_rule(self._workspace, self._rule.id)


class AddUsualGroundRules(QUndoCommand):
    """Add the ground rules the app ships (the templates), in order, for the group."""

    def __init__(self, workspace: Workspace, templates: list[GroundRule], group_id: int | None) -> None:
        super().__init__(_t("Start from the usual ground rules"))
        self._workspace = workspace
        self._rules = [replace(t, id=None, group_id=group_id) for t in templates]
        self._removed: list[RemovedRule] = []

    @property
    def rule_ids(self) -> list[int]:
        return [r.id for r in self._rules if r.id is not None]

    def redo(self) -> None:
        if self._removed:
            restore_ground_rules(self._workspace, self._removed)
            return
        ids = add_ground_rules(self._workspace, self._rules)
        self._rules = [replace(r, id=i) for r, i in zip(self._rules, ids, strict=True)]

    def undo(self) -> None:
        self._removed = remove_ground_rules(self._workspace, self.rule_ids)


class EditGroundRule(EditRecord):
    """Save a rule's text, easy-read text and picture; undo puts the old ones back."""

    MERGE_ID = _MERGE_RULE_EDITS
    WHAT = "ground rule"

    def __init__(self, workspace: Workspace, after: GroundRule) -> None:
        if after.id is None:
            raise ValueError("only a saved ground rule can be edited")
        super().__init__(workspace, get_ground_rule(workspace, after.id), after, _t("Edit ground rule"))

    def _save(self, record: Any) -> None:
        update_ground_rule(self._workspace, record)


class RemoveGroundRule(QUndoCommand):
    """Remove a rule; undo puts it back in its place, agreed where it was agreed."""

    def __init__(self, workspace: Workspace, rule_id: int) -> None:
        super().__init__(_t("Remove ground rule"))
        self._workspace = workspace
        self._rule_id = rule_id
        self._removed: RemovedRule | None = None

    def redo(self) -> None:
        self._removed = remove_ground_rule(self._workspace, self._rule_id)

    def undo(self) -> None:
        assert self._removed is not None
        restore_ground_rule(self._workspace, self._removed)


class MoveGroundRule(QUndoCommand):
    """Move a rule to place `to` (0 = first) in the group's order."""

    def __init__(self, workspace: Workspace, rule_id: int, to: int) -> None:
        super().__init__(_t("Move ground rule"))
        self._workspace = workspace
        self._rule_id = rule_id
        self._to = to
        self._was: int | None = None

    def redo(self) -> None:
        self._was = move_ground_rule(self._workspace, self._rule_id, self._to)

    def undo(self) -> None:
        assert self._was is not None
        move_ground_rule(self._workspace, self._rule_id, self._was)


class SetGroundRuleAgreed(QUndoCommand):
    """Record (at `now`) or take back that the meeting agreed one rule."""

    def __init__(self, workspace: Workspace, meeting_id: int, rule_id: int, agreed: bool,
                 now: datetime) -> None:
        super().__init__(_t("Mark ground rule agreed") if agreed else _t("Mark ground rule not agreed"))
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._rule_id = rule_id
        self._before = agreed_ground_rules(workspace, meeting_id).get(rule_id)
        self._after = (self._before or now) if agreed else None

    def redo(self) -> None:
        put_agreement(self._workspace, self._meeting_id, self._rule_id, self._after)

    def undo(self) -> None:
        put_agreement(self._workspace, self._meeting_id, self._rule_id, self._before)


class AgreeAllGroundRules(QUndoCommand):
    """"The group agreed all of these": every rule not yet agreed at the meeting is agreed at
    `now` (rules agreed earlier keep their time). Undo takes back only those."""

    def __init__(self, workspace: Workspace, meeting_id: int, rule_ids: list[int], now: datetime) -> None:
        super().__init__(_t("The group agreed all the ground rules"))
        self._workspace = workspace
        self._meeting_id = meeting_id
        already = agreed_ground_rules(workspace, meeting_id)
        self.rule_ids = [r for r in rule_ids if r not in already]
        self._now = now

    def redo(self) -> None:
        agree_ground_rules(self._workspace, self._meeting_id, self.rule_ids, self._now)

    def undo(self) -> None:
        unagree_ground_rules(self._workspace, self._meeting_id, self.rule_ids)
