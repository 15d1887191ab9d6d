"""The app's own preferences, each declared once with its type, default and label.

Stored as JSON in the platformdirs config folder, so choices persist between runs.
Nothing personal is kept here: only look-and-feel and the list of recent workspace paths.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meetingroom import paths

log = logging.getLogger(__name__)

MAX_RECENT = 8


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    label: str


OPTIONS: dict[str, Option] = {
    option.name: option
    for option in (
        Option("theme", str, "standard", "Theme"),
        Option("text_scale", int, 100, "Text size (%)"),
        Option("large_controls", bool, False, "Large controls"),
        Option("recent_workspaces", list, [], "Recent workspaces"),
        Option("last_workspace", str, "", "Last workspace"),
    )
}

TEXT_SCALE_MIN = 100
TEXT_SCALE_MAX = 200


def clamp_text_scale(percent: int) -> int:
    return max(TEXT_SCALE_MIN, min(TEXT_SCALE_MAX, int(percent)))


class Settings:
    """Typed preferences backed by one JSON file; every change is written at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        value = self._values.get(name, option.default)
        if not isinstance(value, option.type):
            return option.default
        return value

    def is_set(self, name: str) -> bool:
        """Whether the person has made this choice (rather than running on the default)."""
        return name in self._values

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(f"{name} must be {option.type.__name__}")
        self._values[name] = value
        self._write()

    def add_recent(self, workspace: Path) -> None:
        text = str(Path(workspace).resolve())
        recent = [p for p in self.get("recent_workspaces") if p != text]
        self._values["recent_workspaces"] = [text, *recent][:MAX_RECENT]
        self._values["last_workspace"] = text
        self._write()

    def _write(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=2), encoding="utf-8")
        tmp.replace(self.path)
