"""Child process of the start and memory benchmarks: exits as soon as the first window is painted.

    python -m benchmarks._start_harness app|bare [--rss]

``app`` starts Hip Planner exactly as ``main.py`` does (``ui.launch.run``) and watches the
catalog list: the first paint while the list holds exercises ends the process. ``bare`` shows an
empty QMainWindow of the same size and ends on its first paint. With ``--rss`` the peak resident
memory (KiB, see :func:`peak_rss_kib`) is printed first. ``os._exit`` skips interpreter
teardown, which no user waits for.
"""

from __future__ import annotations

import os
import resource
import sys

from PySide6.QtCore import QEvent, QObject, QTimer


class _ExitAfterPaint(QObject):
    def __init__(self, ready: object, rss: bool) -> None:
        super().__init__()
        self.ready = ready
        self.rss = rss

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.ready():  # type: ignore[operator]
            QTimer.singleShot(0, self.finish)  # after this paint is done
        return False

    def finish(self) -> None:
        if self.rss:
            print(peak_rss_kib(), flush=True)
        os._exit(0)


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB.

    Linux: ``VmHWM``, the high-water mark of this process image. ``ru_maxrss`` would do in a
    process started on its own, but Linux carries the parent's peak over ``fork``/``exec``, so
    a child of a big benchmark process would report the parent's figure.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare(rss: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    watcher = _ExitAfterPaint(lambda: True, rss)
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def app(rss: bool) -> None:
    import ui.application
    from ui.launch import run  # what main.py does first

    opened = ui.application.open_windows

    def open_and_watch(files: list) -> list:  # type: ignore[type-arg]
        windows = opened(files)
        catalog = windows[0].catalog.list
        watcher = _ExitAfterPaint(lambda: catalog.model().rowCount() > 0, rss)
        catalog.viewport().installEventFilter(watcher)
        windows.append(watcher)  # kept alive with the windows
        return windows

    ui.application.open_windows = open_and_watch  # type: ignore[assignment]
    run([])


if __name__ == "__main__":
    {"app": app, "bare": bare}[sys.argv[1]]("--rss" in sys.argv)
    sys.exit("the window was never painted")
