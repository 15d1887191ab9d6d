"""Undoable changes to papers: add (new or imported), rename, change the body, delete.

Each command calls the store; views follow the session's change signal. A run of body edits
made close together (typing with short pauses) merges into one step on the undo stack.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from meetingroom.domain.papers import Block, Paper
from meetingroom.store import Workspace
from meetingroom.store.papers import (
    DeletedPaper,
    add_paper,
    delete_paper,
    get_paper,
    rename_paper,
    restore_paper,
    set_paper_body,
)

_MERGE_BODY_EDITS = 4001
MERGE_SECONDS = 4.0  # edits this close together are one step of undo


def _t(text: str) -> str:
    return QCoreApplication.translate("paper_commands", text)


class AddPaper(QUndoCommand):
    """Add a paper (a new blank one, or one read from a file). Undo deletes it; redo puts it
    back with the same id."""

    def __init__(self, workspace: Workspace, paper: Paper, text: str | None = None) -> None:
        super().__init__(text or _t("New paper"))
        self._workspace = workspace
        self._paper = replace(paper, id=None)
        self._deleted: DeletedPaper | None = None

    @property
    def paper_id(self) -> int | None:
        return self._paper.id

    def redo(self) -> None:
        if self._deleted is not None:
            restore_paper(self._workspace, self._deleted)
        else:
            self._paper.id = add_paper(self._workspace, replace(self._paper))

    def undo(self) -> None:
        assert self._paper.id is not None
        self._deleted = delete_paper(self._workspace, self._paper.id)


class RenamePaper(QUndoCommand):
    def __init__(self, workspace: Workspace, paper_id: int, title: str) -> None:
        super().__init__(_t("Rename paper"))
        self._workspace = workspace
        self._paper_id = paper_id
        self._before = get_paper(workspace, paper_id).title
        self._after = title

    def redo(self) -> None:
        rename_paper(self._workspace, self._paper_id, self._after)

    def undo(self) -> None:
        rename_paper(self._workspace, self._paper_id, self._before)


class EditPaperBody(QUndoCommand):
    """Replace a paper's body. With `merge`, it joins the body edit just before it on the
    stack when that edit was of the same paper and made less than MERGE_SECONDS ago."""

    def __init__(self, workspace: Workspace, paper_id: int, body: tuple[Block, ...],
                 text: str | None = None, merge: bool = True,
                 before: tuple[Block, ...] | None = None) -> None:
        super().__init__(text or _t("Edit paper text"))
        self._workspace = workspace
        self.paper_id = paper_id
        self._before = before if before is not None else get_paper(workspace, paper_id).body
        self._after = body
        self._merge = merge
        self._at = time.monotonic()

    def redo(self) -> None:
        set_paper_body(self._workspace, self.paper_id, self._after)

    def undo(self) -> None:
        set_paper_body(self._workspace, self.paper_id, self._before)

    def id(self) -> int:
        return _MERGE_BODY_EDITS if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, EditPaperBody) or not other._merge or other.paper_id != self.paper_id
                or other._at - self._at > MERGE_SECONDS):
            return False
        self._after = other._after
        self._at = other._at
        self.setObsolete(self._after == self._before)
        return True


class DeletePaper(QUndoCommand):
    """Delete a paper; undo puts it back with its id, on the agenda items it was on."""

    def __init__(self, workspace: Workspace, paper_id: int) -> None:
        super().__init__(_t("Delete paper"))
        self._workspace = workspace
        self._paper_id = paper_id
        self._deleted: DeletedPaper | None = None

    def redo(self) -> None:
        self._deleted = delete_paper(self._workspace, self._paper_id)

    def undo(self) -> None:
        assert self._deleted is not None
        restore_paper(self._workspace, self._deleted)
