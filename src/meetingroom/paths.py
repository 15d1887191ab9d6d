"""Where things live: the shipped resources and themes, and the user's own folders.

Resources and themes sit at the top of a checkout (`resources/`, `themes/`) and inside
the package once installed from a wheel (`meetingroom/resources`, `meetingroom/themes`).
User folders come from platformdirs; MEETINGROOM_HOME redirects them all (tests use it).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

from meetingroom import APP_NAME

_PACKAGE = Path(__file__).resolve().parent
WORKSPACE_SUFFIX = ".meetingroom"  # a workspace file's ending (the installers associate it)


def _shipped(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"MeetingRoom's {name} folder is missing from this installation")


@cache
def resources_dir() -> Path:
    return _shipped("resources")


@cache
def themes_dir() -> Path:
    return _shipped("themes")


def _home() -> Path | None:
    home = os.environ.get("MEETINGROOM_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_workspace() -> Path:
    return data_dir() / f"workspace{WORKSPACE_SUFFIX}"
