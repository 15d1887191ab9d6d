"""The Qt binding itself must hold up in a long meeting.

PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt
method that returns nothing; after a few thousand calls (a meeting's timers make that many
in minutes) the process aborts with "deallocating None". requirements.lock pins a release
without the fault, and this test keeps it so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PROGRAM = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    timer, words = QTimer(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        timer.stop()
        words.setText("one minute left")
    print(sys.getrefcount(None) - before)
    """
)


def test_calling_qt_methods_many_times_does_not_free_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, "-c", PROGRAM], env=env, capture_output=True,
                           text=True, timeout=120, check=False)
    assert child.returncode == 0, child.stderr[-2000:]
    assert abs(int(child.stdout.split()[-1])) < 1000
