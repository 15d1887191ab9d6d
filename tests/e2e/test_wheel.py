"""The built wheel carries resources/ and themes/: install it in a fresh venv, run it elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_wheel_installs_and_runs_demo_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(ROOT)],
        check=True, timeout=300,
    )
    wheel = next(dist.glob("meetingroom-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-c", str(ROOT / "requirements.lock"), str(wheel)],
        check=True, timeout=900,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["MEETINGROOM_HOME"] = str(tmp_path / "home")
    demo = subprocess.run([str(env_dir / "bin" / "meetingroom"), "demo", "example.mr"], cwd=outside,
                          capture_output=True, text=True, env=env, timeout=120)
    assert demo.returncode == 0, demo.stderr
    listed = subprocess.run([str(env_dir / "bin" / "meetingroom"), "meetings", "--workspace",
                             "example.mr", "--json"], cwd=outside, capture_output=True, text=True,
                            env=env, timeout=120)
    assert len(json.loads(listed.stdout)) == 2
    where = subprocess.run(
        [str(python), "-c", "from meetingroom import paths; print(paths.resources_dir()); "
                            "print(paths.themes_dir())"],
        cwd=outside, capture_output=True, text=True, env=env, check=True)
    for line in where.stdout.split():
        assert str(env_dir) in line and str(ROOT) not in line
