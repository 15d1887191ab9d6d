"""The two start-up programs the benchmark times, each run as its own process.

`python startup.py bare` shows an empty 1100×720 QMainWindow: the floor any PySide6 app pays.
`python startup.py meetingroom WORKSPACE` starts MeetingRoom the way `meetingroom --workspace
WORKSPACE` does. Both print one JSON line the moment their main window has been shown and
painted (wall-clock time, peak memory), then close the window and exit normally.

Only the standard library is imported at the top, so the bare program pays for nothing but
Python and PySide6.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any


def peak_rss_kib() -> int:
    """The process's own peak resident memory in KiB.

    Linux's VmHWM belongs to this program's address space alone. ru_maxrss is the fallback
    elsewhere: on Linux it can carry over the parent's peak across fork and exec.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def report_after_first_paint(window: Any, **extra: Any) -> None:
    """Once `window` has had its first paint event, print the figures and close the window.

    The report waits for a zero-time timer posted from inside the paint event, so it runs
    after the whole window (every child widget) has been painted and flushed.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, self.report)
            return False

        def report(self) -> None:
            painted_at = time.time()
            figures = {
                "painted_at": painted_at,
                "cpu_seconds": time.process_time(),
                "peak_rss_kib": peak_rss_kib(),
                "ru_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "visible": window.isVisible(),
                "width": window.width(),
                "height": window.height(),
                **{name: value(window) for name, value in extra.items()},
            }
            print(json.dumps(figures), flush=True)
            window.close()

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1100, 720)
    report_after_first_paint(window)
    window.show()
    return app.exec()


def meetingroom(workspace: str) -> int:
    """The real start-up path: the command line's main(), which ends in `app.exec()`.

    The only addition is the paint watcher, attached to the main window as
    `meetingroom.app.build_window` hands it back, before `run()` shows it.
    """
    import meetingroom.app
    from meetingroom import cli

    build_window = meetingroom.app.build_window

    def build_and_watch(*args: Any, **kwargs: Any) -> Any:
        window = build_window(*args, **kwargs)
        report_after_first_paint(window, workspace_open=lambda w: w.session is not None)
        return window

    meetingroom.app.build_window = build_and_watch
    return cli.main(["--workspace", workspace])


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1:2] == ["bare"]:
        sys.exit(bare())
    if sys.argv[1:2] == ["meetingroom"] and len(sys.argv) == 3:
        sys.exit(meetingroom(sys.argv[2]))
    sys.exit("usage: startup.py bare | startup.py meetingroom WORKSPACE")
