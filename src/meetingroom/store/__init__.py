"""SQLite persistence of the domain: the only package that speaks SQL."""

from meetingroom.store.safety import WorkspaceError
from meetingroom.store.workspace import Workspace

__all__ = ["Workspace", "WorkspaceError"]
